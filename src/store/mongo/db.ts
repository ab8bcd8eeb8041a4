/**
 * The MongoDB connection every part of the MongoDB backend shares (mongoose, a dedicated
 * connection: never mongoose's global one, so two stores or a test and the app never share state;
 * how it is opened and what every write asks of the server: `connection.ts`).
 *
 * Atomicity without relying on transactions: versions and counters move with `$inc`,
 * conversations with one upsert, conditional writes decide races, so concurrent writers never
 * overwrite each other. Changes spanning documents (a FAQ change and its history) run in a
 * transaction when the server has them (replica set or sharded cluster).
 */
import type { ClientSession, Connection, mongo } from 'mongoose';
import { silentLogger, type Logger } from '../../logging';
import { models, type Models } from './schemas';

export interface MongoDb {
  readonly conn: Connection;
  readonly m: Models;
  /** The database of the connection, for the parts that use plain driver collections. */
  readonly db: mongo.Db;
  readonly now: () => Date;
  /** For what a part notices but cannot report through its result. */
  readonly logger: Logger;
  /** Whether the server runs multi-document transactions (replica set or mongos). */
  readonly transactions: boolean;
  /** Runs `fn` in a transaction when the server has them, otherwise as it is (session undefined). */
  atomically<T>(fn: (session: ClientSession | undefined) => Promise<T>): Promise<T>;
  /** Moves the named counter by `by` and resolves its new value. */
  next(counter: string, by?: number, session?: ClientSession): Promise<number>;
}

/** Transactions need a replica set member or a mongos; a standalone server has none. */
export async function supportsTransactions(conn: Connection): Promise<boolean> {
  const admin = conn.getClient().db('admin');
  // `hello` since MongoDB 4.4.2; older servers only answer the legacy `isMaster`.
  const reply = await admin.command({ hello: 1 }).catch(() => admin.command({ isMaster: 1 }));
  return typeof reply.setName === 'string' || reply.msg === 'isdbgrid';
}

export function mongoDb(conn: Connection, transactions: boolean, now: () => Date, logger: Logger = silentLogger): MongoDb {
  const m = models(conn);
  return {
    conn,
    m,
    db: conn.getClient().db(conn.name),
    now,
    logger,
    transactions,
    // mongoose retries the whole function on transient transaction errors (write conflicts).
    atomically: (fn) => (transactions ? conn.transaction((session) => fn(session)) : fn(undefined)),
    async next(counter, by = 1, session) {
      const doc = await m.counters
        .findOneAndUpdate({ _id: counter }, { $inc: { value: by } }, { upsert: true, returnDocument: 'after', session })
        .lean<{ value: number }>();
      if (!doc) throw new Error(`counter ${counter} missing after upsert`);
      return doc.value;
    },
  };
}

const DUPLICATE_KEY = 11000;

export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === DUPLICATE_KEY;
}

/**
 * `$set` for the present fields and `$unset` for the absent optional ones, so a save replaces the
 * stored fields. `$unset` is left out when empty: the server rejects an empty operator.
 */
export function setAndUnset<T extends object>(values: T, optional: readonly (keyof T & string)[]) {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, ''> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) $set[key] = value;
  for (const key of optional) if (values[key] === undefined) $unset[key] = '';
  return Object.keys($unset).length > 0 ? { $set, $unset } : { $set };
}
