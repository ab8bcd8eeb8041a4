/**
 * How the MongoDB store connects, and what it asks of the server for every write.
 *
 * Errors, not hangs: mongoose's command buffering is off, so a call made while the server is away
 * fails once the driver gives up selecting a server (`serverSelectionTimeoutMS`, 10 s by default)
 * instead of waiting in mongoose's queue; a majority write that a majority cannot acknowledge (a
 * primary whose secondaries are down) fails after `wtimeoutMS` instead of blocking forever.
 *
 * Durability: `w: 'majority'` and `journal: true` — a call resolves once the write is in the
 * on-disk journal of a majority, so an acknowledged write survives a killed server process and a
 * fail-over. Journaling is always on since MongoDB 6.1; an older server started with `--nojournal`
 * refuses every `journal: true` write, so the store asks once at connect and, on such a server,
 * reconnects with `w: 'majority'` alone and says so in the log (a crash of that server loses what
 * it had not yet written to disk).
 */
import mongoose, { type Connection, type ConnectOptions, type mongo } from 'mongoose';
import type { Logger } from '../../logging';

export interface ConnectionSettings {
  /** How long a call waits for a reachable server before it fails; default 10 s. */
  serverSelectionTimeoutMS?: number;
  /** The database to use instead of the one named in the URI (tests use one per run). */
  dbName?: string;
}

/** How long a majority write may wait for the majority before it fails instead. */
export const WRITE_TIMEOUT_MS = 10_000;

export const JOURNALED: mongo.WriteConcernSettings = { w: 'majority', journal: true, wtimeoutMS: WRITE_TIMEOUT_MS };
export const NOT_JOURNALED: mongo.WriteConcernSettings = { w: 'majority', wtimeoutMS: WRITE_TIMEOUT_MS };

/** The options of the store's dedicated connection. */
export function connectionOptions(settings: ConnectionSettings, writeConcern: mongo.WriteConcernSettings): ConnectOptions {
  return {
    serverSelectionTimeoutMS: settings.serverSelectionTimeoutMS ?? 10_000,
    writeConcern,
    // A call while the server is away fails (after server selection) instead of queueing in mongoose.
    bufferCommands: false,
    // Collections and indexes are made once at start, awaited and logged (see `indexes.ts`).
    autoIndex: false,
    autoCreate: false,
    ...(settings.dbName ? { dbName: settings.dbName } : {}),
  };
}

/** What a server without a journal answers to a `journal: true` write (MongoDB 6.0 and older, `--nojournal`). */
export function isNoJournalError(error: unknown): boolean {
  return error instanceof Error && /does not have journaling enabled/i.test(error.message);
}

/** One journaled write on the connection's default write concern: false when the server has no journal. */
export async function acceptsJournaledWrites(conn: Connection): Promise<boolean> {
  try {
    await conn.getClient().db(conn.name).collection<{ _id: string }>('counters').updateOne({ _id: 'journal-probe' }, { $set: { checkedAt: new Date() } }, { upsert: true });
    return true;
  } catch (error) {
    if (isNoJournalError(error)) return false;
    throw error;
  }
}

/**
 * Opens the store's connection, journaled where the server journals. Rejects with the driver's
 * error (e.g. MongoServerSelectionError) when no server answers within the selection timeout.
 */
export async function openConnection(uri: string, settings: ConnectionSettings, logger: Logger): Promise<Connection> {
  const conn = await mongoose.createConnection(uri, connectionOptions(settings, JOURNALED)).asPromise();
  try {
    if (await acceptsJournaledWrites(conn)) return conn;
  } catch (error) {
    await conn.close().catch(() => undefined);
    throw error;
  }
  await conn.close();
  logger.warn('MongoDB server runs without a journal: writes are acknowledged by a majority but not journaled; a crash of the server can lose the last of them');
  return mongoose.createConnection(uri, connectionOptions(settings, NOT_JOURNALED)).asPromise();
}
