/**
 * What a store's version listing (`FaqStore.versions()`) says changed against the entries someone
 * holds: the catalog (its index) and the FAQ store (the entries it keeps) both find their changes so.
 */

export interface VersionChanges {
  /** Ids listed with another version than the one held, or not held: to read again, in listing order. */
  changed: string[];
  /** Ids held but no longer listed: deleted. */
  removed: string[];
}

export function versionChanges(held: ReadonlyMap<string, { version?: number }>, versions: ReadonlyMap<string, number>): VersionChanges {
  const changed: string[] = [];
  for (const [id, version] of versions) if (held.get(id)?.version !== version) changed.push(id);
  const removed = [...held.keys()].filter((id) => !versions.has(id));
  return { changed, removed };
}
