/**
 * The one place the store is chosen: MongoDB when `MONGODB_URI` is set, otherwise the embedded
 * SQLite file in the data folder. Everything else receives a `Store` (or the sub-stores it uses)
 * and never knows which.
 */
import { readFaqFile } from '../faq/file';
import { silentLogger, type Logger } from '../logging';
import { SqliteStore } from './sqlite';
import type { FaqStore, ImportSummary, Store } from './types';

export type { Store } from './types';
export { SqliteStore } from './sqlite';

/**
 * Opens the configured store. `busyTimeoutMs` (SQLite): how long a write waits for another
 * process's write lock before it fails; the bot keeps it short and holds such writes, a command-line
 * tool may wait longer.
 *
 * @example const store = await openStore(loadConfig(), logger);
 */
export async function openStore(
  config: { dataDir: string; mongodbUri?: string },
  logger: Logger = silentLogger,
  options: { busyTimeoutMs?: number } = {},
): Promise<Store> {
  if (config.mongodbUri) {
    // Loaded only when used: mongoose is a large module that SQLite installations never need.
    const { MongoStore } = await import('./mongo');
    const store = await MongoStore.connect(config.mongodbUri, { logger });
    logger.info({ store: store.description }, 'store open');
    return store;
  }
  const store = new SqliteStore(config.dataDir, { logger, ...options });
  logger.info({ store: store.description }, 'store open');
  return store;
}

/**
 * Loads the FAQ file into a store whose FAQ has never been written (first start). A FAQ that staff
 * have touched is left alone, even one they emptied on purpose: the revision counter, not the
 * number of entries, tells the two apart. Resolves the import summary, or null when nothing was
 * loaded. Throws FaqFileError on a bad file.
 */
export async function seedFaqIfEmpty(faq: FaqStore, file: string, logger: Logger = silentLogger): Promise<ImportSummary | null> {
  if ((await faq.revision()) > 0 || (await faq.list()).length > 0) return null;
  const entries = await readFaqFile(file);
  const summary = await faq.import(entries, 'seed');
  logger.info({ file, ...summary }, 'FAQ seeded from file');
  return summary;
}
