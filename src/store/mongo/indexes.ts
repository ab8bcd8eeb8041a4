/**
 * The indexes of the MongoDB store, brought in line at every start: each collection's declared
 * indexes (the queries of its part need them) are compared with what the server has, and the
 * difference is applied and logged — never dropped silently:
 *
 * - a declared index that is missing is created;
 * - an index with a declared key but other options (e.g. a TTL that is no longer wanted) is dropped
 *   and created again as declared, with a warning;
 * - an index an earlier version of this project declared and this one retired is dropped, with a
 *   warning;
 * - any other index (one an operator added) is left alone, with a warning naming it.
 *
 * Several processes starting at once converge: creating an identical index is a no-op and dropping
 * an index already dropped is ignored.
 */
import type { mongo } from 'mongoose';
import type { Logger } from '../../logging';

export type IndexKey = Record<string, 1 | -1>;

export interface IndexSpec {
  key: IndexKey;
  unique?: boolean;
  /** Set only for a TTL index. */
  expireAfterSeconds?: number;
  /** Set only for a partial index (e.g. unique where the field is present). */
  partialFilterExpression?: Record<string, unknown>;
}

export interface CollectionIndexes {
  collection: string;
  indexes: IndexSpec[];
  /** Names of indexes an earlier version declared on this collection and this one no longer uses. */
  retired?: string[];
}

/** An index as `listIndexes` reports it. */
export interface ExistingIndex {
  name: string;
  key: Record<string, unknown>;
  unique?: boolean;
  expireAfterSeconds?: number;
  partialFilterExpression?: Record<string, unknown>;
}

export interface IndexPlan {
  create: IndexSpec[];
  /** Same key, other options: dropped, then created as declared. */
  replace: { existing: ExistingIndex; spec: IndexSpec }[];
  drop: ExistingIndex[];
  /** Not declared and not retired: kept. */
  unknown: ExistingIndex[];
}

/** The driver's default name for an index key, e.g. `status_1_createdAt_1`. */
export function indexName(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${String(direction)}`)
    .join('_');
}

const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(Object.entries(a)) === JSON.stringify(Object.entries(b));
const sameOptions = (existing: ExistingIndex, spec: IndexSpec) =>
  Boolean(existing.unique) === Boolean(spec.unique) &&
  existing.expireAfterSeconds === spec.expireAfterSeconds &&
  JSON.stringify(existing.partialFilterExpression ?? null) === JSON.stringify(spec.partialFilterExpression ?? null);

/** What to do to bring `existing` in line with `declared`. */
export function planIndexes(declared: CollectionIndexes, existing: ExistingIndex[]): IndexPlan {
  const plan: IndexPlan = { create: [], replace: [], drop: [], unknown: [] };
  const retired = new Set(declared.retired ?? []);
  const others = existing.filter((index) => index.name !== '_id_');
  for (const spec of declared.indexes) {
    const match = others.find((index) => sameKey(index.key, spec.key));
    if (!match) plan.create.push(spec);
    else if (!sameOptions(match, spec)) plan.replace.push({ existing: match, spec });
  }
  for (const index of others) {
    if (declared.indexes.some((spec) => sameKey(index.key, spec.key))) continue;
    (retired.has(index.name) ? plan.drop : plan.unknown).push(index);
  }
  return plan;
}

const NAMESPACE_EXISTS = 48;
const NAMESPACE_NOT_FOUND = 26;
const INDEX_NOT_FOUND = 27;
const codeOf = (error: unknown) => (error as { code?: unknown }).code;

async function existingIndexes(collection: mongo.Collection): Promise<ExistingIndex[]> {
  try {
    return (await collection.listIndexes().toArray()) as ExistingIndex[];
  } catch (error) {
    if (codeOf(error) === NAMESPACE_NOT_FOUND) return [];
    throw error;
  }
}

async function dropIndex(collection: mongo.Collection, name: string): Promise<void> {
  try {
    await collection.dropIndex(name);
  } catch (error) {
    // Another process starting at the same time dropped it first.
    if (codeOf(error) !== INDEX_NOT_FOUND && codeOf(error) !== NAMESPACE_NOT_FOUND) throw error;
  }
}

const createIndex = (collection: mongo.Collection, spec: IndexSpec) =>
  collection.createIndex(spec.key, {
    name: indexName(spec.key),
    ...(spec.unique ? { unique: true } : {}),
    ...(spec.expireAfterSeconds !== undefined ? { expireAfterSeconds: spec.expireAfterSeconds } : {}),
    ...(spec.partialFilterExpression ? { partialFilterExpression: spec.partialFilterExpression } : {}),
  });

/**
 * Creates every collection (a transaction on an older server cannot create one) and brings its
 * indexes in line with the declaration, logging each change. Resolves the plans it applied.
 */
export async function syncIndexes(db: mongo.Db, declared: CollectionIndexes[], logger: Logger): Promise<Map<string, IndexPlan>> {
  const applied = new Map<string, IndexPlan>();
  for (const entry of declared) {
    await db.createCollection(entry.collection).catch((error: unknown) => {
      if (codeOf(error) !== NAMESPACE_EXISTS) throw error;
    });
    const collection = db.collection(entry.collection);
    const plan = planIndexes(entry, await existingIndexes(collection));
    const where = { collection: entry.collection };
    for (const { existing, spec } of plan.replace) {
      logger.warn({ ...where, index: existing.name, was: existing, now: spec }, 'MongoDB index has other options than declared: dropping it and creating it as declared');
      await dropIndex(collection, existing.name);
      await createIndex(collection, spec);
    }
    for (const index of plan.drop) {
      logger.warn({ ...where, index: index.name }, 'MongoDB index retired by this version: dropping it');
      await dropIndex(collection, index.name);
    }
    for (const spec of plan.create) {
      logger.info({ ...where, index: indexName(spec.key) }, 'MongoDB index created');
      await createIndex(collection, spec);
    }
    for (const index of plan.unknown) {
      logger.warn({ ...where, index: index.name }, 'MongoDB index not declared by the store: left in place (drop it if nothing else uses it)');
    }
    applied.set(entry.collection, plan);
  }
  return applied;
}
