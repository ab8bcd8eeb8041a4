/**
 * The FAQ sub-store's rules, kept once above both backends: the shape check before anything is
 * written, "identical content is not a new version", version numbers that continue across a delete,
 * the revision counter moved by every change and only then, and the audit record of each change.
 *
 * Writes are planned from a read and committed only while what was read still holds (the backend
 * checks the versions inside its transaction); a change that lost a race with another writer —
 * another process, `npm run faq:import` — is planned again from fresh reads.
 */
import type { FaqEntry, FaqEntryInput } from '../faq/types';
import { versionChanges } from '../faq/version-changes';
import { timeSlices } from '../schedule/time-slices';
import type { FaqBackend, FaqCommit } from './backend';
import { assertStorableFaq, assertUniqueIds, faqInputOf, sameFaqContent, withLearnedKept } from './faq-content';
import type { FaqStore, ImportSummary } from './types';

/** Plans before giving up on an edit that keeps losing to other writers. */
const ATTEMPTS = 5;

export class VersionedFaq implements FaqStore {
  /**
   * The entries read so far, by id, reused while their stored version is the same: a list reads
   * every entry's id and version and then only the entries that changed, so the console's pages
   * and dashboards do not parse a large FAQ whole each time (0.4 s at 10,000 entries, on the event
   * loop the bots answer on). Frozen, since every caller gets the same objects. A deleted entry
   * is forgotten at the next list.
   */
  private readonly read = new Map<string, FaqEntry>();

  constructor(
    private readonly backend: FaqBackend,
    private readonly now: () => Date,
  ) {}

  async list(): Promise<FaqEntry[]> {
    const versions = await this.backend.versions();
    const { changed, removed } = versionChanges(this.read, versions);
    // The first list (or one after most entries changed) reads them whole, which is quicker; a
    // list with nothing changed reads nothing more.
    if (changed.length > versions.size / 2) for (const entry of await this.backend.list()) this.remember(entry);
    else await this.getMany(changed);
    for (const id of removed) this.read.delete(id);
    // An entry deleted between the two reads is not listed (its older version must not reappear).
    return [...versions].flatMap(([id, version]) => {
      const entry = this.read.get(id);
      return entry && entry.version >= version ? [entry] : [];
    });
  }

  get(id: string): Promise<FaqEntry | null> {
    return this.backend.get(id);
  }

  versions(): Promise<Map<string, number>> {
    return this.backend.versions();
  }

  async getMany(ids: readonly string[]): Promise<FaqEntry[]> {
    if (ids.length === 0) return [];
    return (await this.backend.getMany(ids)).map((entry) => this.remember(entry));
  }

  private remember(entry: FaqEntry): FaqEntry {
    Object.values(entry.questions).forEach((variants) => Object.freeze(variants));
    Object.freeze(entry.questions);
    Object.freeze(entry.answer);
    if (entry.learned) {
      Object.values(entry.learned).forEach((wordings) => Object.freeze(wordings));
      Object.freeze(entry.learned);
    }
    this.read.set(entry.id, Object.freeze(entry));
    return entry;
  }

  history(id: string): Promise<FaqEntry[]> {
    return this.backend.history(id);
  }

  revision(): Promise<number> {
    return this.backend.revision();
  }

  async save(input: FaqEntryInput, by: string): Promise<FaqEntry> {
    assertStorableFaq(input);
    return this.retry(input.id, async () => {
      const current = await this.backend.get(input.id);
      const entry = faqInputOf(withLearnedKept(input, current));
      if (current && sameFaqContent(current, entry)) return { result: current };
      const at = this.now();
      const saved = await this.nextVersion(entry, current, by, at);
      const audit = { actor: by, action: current ? 'faq.update' : 'faq.create', target: entry.id };
      return { result: saved, commit: { put: [{ entry: saved, expected: current?.version ?? null }], remove: [], audit, at } };
    });
  }

  async delete(id: string, by: string): Promise<boolean> {
    return this.retry(id, async () => {
      const current = await this.backend.get(id);
      if (!current) return { result: false };
      const commit: FaqCommit = { put: [], remove: [{ id, expected: current.version }], audit: { actor: by, action: 'faq.delete', target: id }, at: this.now() };
      return { result: true, commit };
    });
  }

  async import(input: FaqEntryInput[], by: string, options: { replace?: boolean; dryRun?: boolean } = {}): Promise<ImportSummary> {
    input.forEach(assertStorableFaq);
    assertUniqueIds(input);
    return this.retry('import', async () => {
      // The bots answer on this event loop, and SQLite reads without yielding: a file of 1,000
      // entries against 10,000 held it 170 ms in one piece, about half of that the plan. The plan
      // yields between its reads and every few milliseconds of comparing; what it read is checked
      // again inside the commit's transaction, which stays whole (all or nothing).
      const pause = timeSlices();
      const at = this.now();
      // Only the file's own entries are read whole (to compare contents): the rest of a large FAQ
      // is known by id and version, which a replacing import needs to delete them.
      const versions = await this.backend.versions();
      await pause();
      const current = new Map((await this.getMany(input.filter((e) => versions.has(e.id)).map((e) => e.id))).map((e) => [e.id, e]));
      await pause();
      const entries = input.map((e) => faqInputOf(withLearnedKept(e, current.get(e.id))));
      const last = await this.backend.lastVersions(entries.filter((e) => !current.has(e.id)).map((e) => e.id));
      const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
      const commit: FaqCommit = { put: [], remove: [], audit: { actor: by, action: 'faq.import' }, at };
      for (const entry of entries) {
        await pause();
        const known = current.get(entry.id);
        if (known && sameFaqContent(known, entry)) {
          summary.unchanged++;
          continue;
        }
        summary[known ? 'updated' : 'created']++;
        const version = (known?.version ?? last.get(entry.id) ?? 0) + 1;
        commit.put.push({ entry: { ...entry, version, updatedBy: by, updatedAt: at }, expected: known?.version ?? null });
      }
      if (options.replace) {
        const keep = new Set(entries.map((e) => e.id));
        for (const [id, version] of versions) {
          if (!keep.has(id)) commit.remove.push({ id, expected: version });
        }
        summary.deleted = commit.remove.length;
      }
      commit.audit.detail = { ...summary, replace: options.replace === true };
      return commit.put.length + commit.remove.length > 0 && !options.dryRun ? { result: summary, commit } : { result: summary };
    });
  }

  /** The entry as its next version: one past the current, or past the last one a deleted entry had. */
  private async nextVersion(entry: FaqEntryInput, current: FaqEntry | null, by: string, at: Date): Promise<FaqEntry> {
    const previous = current?.version ?? (await this.backend.lastVersions([entry.id])).get(entry.id) ?? 0;
    return { ...entry, version: previous + 1, updatedBy: by, updatedAt: at };
  }

  /** Plans and commits; plans again when the commit found its reads stale. */
  private async retry<T>(what: string, plan: () => Promise<{ result: T; commit?: FaqCommit }>): Promise<T> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const { result, commit } = await plan();
      if (!commit || (await this.backend.commit(commit))) return result;
    }
    throw new Error(`FAQ ${what === 'import' ? 'import' : `entry "${what}"`}: edited by others at the same time; try again`);
  }
}
