/**
 * The SQLite connection every part of the SQLite backend shares: one file, `bot.db`, in the data
 * folder (or `:memory:` for the eval and quick tests). better-sqlite3 is synchronous, so every method
 * runs its statements to completion before it resolves; a multi-statement change is one transaction.
 *
 * Durability: WAL journal with `synchronous = FULL`. With WAL, NORMAL already survives a killed
 * process (a committed transaction is in the WAL file, in the OS cache, before the call returns),
 * but can lose the last commits on a power cut or kernel crash. FULL syncs the WAL on every commit,
 * so an acknowledged write survives both. A helpline writes a few rows a second; the fsync costs
 * far less than losing a resident's ticket.
 *
 * The WAL is one file written in commit order, so a sync makes every commit before it durable too,
 * and a power cut can only lose the last commits, never an earlier one while keeping a later one.
 * `writeUnsynced` uses that for writes nobody is told about before a synced commit that follows
 * them (see there).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './schema';

export const SQLITE_FILE = 'bot.db';

export interface SqliteDb {
  readonly db: Database.Database;
  /** The file, or ':memory:'. */
  readonly file: string;
  /** The clock for row times (createdAt, updatedAt); tests pin it. */
  readonly now: () => Date;
  /**
   * Runs `fn` in a write transaction begun with BEGIN IMMEDIATE: the write lock is taken (waiting up
   * to busy_timeout) before the first read. A deferred BEGIN would read first and then fail with
   * SQLITE_BUSY, without waiting, when another process (the bot, `npm run faq:import`) wrote in
   * between.
   */
  write<T>(fn: () => T): T;
  /**
   * `write` without waiting for the disk: the commit reaches it with the next synced commit (or
   * checkpoint). Only for writes a power cut may take with it: a resident's ticket and its lines
   * are written while an update is handled, and the update's completion (its answer queued, the
   * update marked handled) is a synced commit before anything is sent, so a power cut in between
   * loses the ticket together with the completion and the update is handled again; the event feed
   * reaches only running processes anyway. A killed process loses nothing (the commit is in the WAL
   * file). Inside another transaction it is part of that transaction, and synced as that one is.
   */
  writeUnsynced<T>(fn: () => T): T;
}

/**
 * Opens (creating if needed) `bot.db` inside the folder `location`, or an in-memory database when
 * `location` is ':memory:'. Runs pending schema migrations, telling `onUpgrade` of each.
 */
export function openSqlite(
  location: string,
  now: () => Date,
  busyTimeoutMs = 5000,
  onUpgrade?: (from: number, to: number) => void,
): SqliteDb {
  let file = ':memory:';
  if (location !== ':memory:') {
    fs.mkdirSync(location, { recursive: true });
    file = path.join(location, SQLITE_FILE);
  }
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // The bot and `npm run faq:import` may write at the same moment: wait for the lock a while.
    // better-sqlite3 waits synchronously, so the bot keeps this short and holds what fails.
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
    db.pragma('foreign_keys = ON');
    migrate(db, onUpgrade);
  } catch (err) {
    db.close();
    throw err;
  }
  // One transaction function for every write, handed the work to do: better-sqlite3 builds a new
  // wrapper (its deferred, immediate and exclusive forms) for each function it is given, which cost
  // about 5 µs a write, several times what a small write itself costs.
  const inTransaction = db.transaction(<T>(fn: () => T): T => fn());
  const write = <T>(fn: () => T): T => inTransaction.immediate(fn) as T;
  // SQLite refuses to change the safety level inside a transaction. Not prepared statements: this
  // pragma acts when it is compiled, so a prepared one would act only from its second run.
  const writeUnsynced = <T>(fn: () => T): T => {
    if (db.inTransaction) return fn();
    db.exec('PRAGMA synchronous = NORMAL');
    try {
      return write(fn);
    } finally {
      db.exec('PRAGMA synchronous = FULL');
    }
  };
  return { db, file, now, write, writeUnsynced };
}
