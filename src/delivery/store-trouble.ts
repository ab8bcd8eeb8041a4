/**
 * Which store errors mean "the store cannot take this now, try again later" rather than "this
 * write is wrong": SQLite locked by another connection, a read-only or full disk, an I/O error;
 * MongoDB unreachable, without a primary, or out of disk. Read by error code and name, not by
 * class: better-sqlite3's SqliteError class is not the same object in every module registry.
 */

const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|READONLY|FULL|IOERR|CANTOPEN|PROTOCOL|NOMEM)/;

const MONGO_UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoWriteConcernError',
]);

/** NotWritablePrimary, NotPrimaryNoSecondaryOk, InterruptedAtShutdown, ShutdownInProgress, OutOfDiskSpace, … */
const MONGO_UNAVAILABLE_CODES = new Set([91, 189, 10107, 11600, 11602, 13435, 13436, 14031]);

export function isStoreUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, errorLabels } = error as { code?: unknown; name?: unknown; errorLabels?: unknown };
  if (typeof code === 'string' && SQLITE_UNAVAILABLE.test(code)) return true;
  if (typeof name === 'string' && MONGO_UNAVAILABLE_NAMES.has(name)) return true;
  if (typeof code === 'number' && MONGO_UNAVAILABLE_CODES.has(code)) return true;
  return Array.isArray(errorLabels) && (errorLabels.includes('RetryableWriteError') || errorLabels.includes('TransientTransactionError'));
}
