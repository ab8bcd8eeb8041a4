/**
 * The embedded store: the SQLite backend (one part per concern, over one connection) under the
 * composed store's domain rules. See `db.ts` for the file and its durability.
 */
import type Database from 'better-sqlite3';
import { silentLogger, type Logger } from '../../logging';
import type { Backend } from '../backend';
import { ComposedStore } from '../compose';
import { SqliteAlerts } from './alerts';
import { SqliteAudit } from './audit';
import { SqliteConversations } from './conversations';
import { openSqlite } from './db';
import { SqliteFaq } from './faq';
import { SqliteFeed } from './feed';
import { SqliteInbox } from './inbox';
import { SqliteLearning } from './learning';
import { SqliteLeases } from './leases';
import { SqliteOutbox } from './outbox';
import { SqliteOutcomes } from './outcomes';
import { SqliteSchedule } from './schedule';
import { SqliteStaff } from './staff';
import { SqliteTickets } from './tickets';

export { SQLITE_FILE } from './db';

export interface SqliteStoreOptions {
  logger?: Logger;
  /** The clock for updatedAt, createdAt and audit times; tests pin it. */
  now?: () => Date;
  /** How long a write waits for another connection's write lock (ms). Default 5000. */
  busyTimeoutMs?: number;
  /** Runs on the connection once it is open (a test makes it read-only or full with a pragma). */
  tune?: (db: Database.Database) => void;
}

function sqliteBackend(location: string, now: () => Date, options: SqliteStoreOptions): Backend {
  const logger = options.logger ?? silentLogger;
  const s = openSqlite(location, now, options.busyTimeoutMs, (from, to) =>
    logger.info({ from, to }, 'upgrading the database schema (a large database may take a while)'),
  );
  options.tune?.(s.db);
  const audit = new SqliteAudit(s);
  const outbox = new SqliteOutbox(s);
  return {
    description: `sqlite:${s.file}`,
    faq: new SqliteFaq(s, audit),
    conversations: new SqliteConversations(s),
    tickets: new SqliteTickets(s),
    outbox,
    audit,
    staff: new SqliteStaff(s),
    schedule: new SqliteSchedule(s),
    alerts: new SqliteAlerts(s),
    leases: new SqliteLeases(s),
    feed: new SqliteFeed(s),
    inbox: new SqliteInbox(s, outbox),
    learning: new SqliteLearning(s),
    outcomes: new SqliteOutcomes(s),
    async close() {
      if (s.db.open) s.db.close();
    },
  };
}

export class SqliteStore extends ComposedStore {
  /**
   * Opens (creating if needed) `bot.db` inside the folder `location`, or an in-memory database when
   * `location` is ':memory:'. Runs pending schema migrations.
   *
   * @example const store = new SqliteStore(config.dataDir);
   */
  constructor(location: string, options: SqliteStoreOptions = {}) {
    const now = options.now ?? (() => new Date());
    super(sqliteBackend(location, now, options), now);
    (options.logger ?? silentLogger).debug({ store: this.description }, 'sqlite store open');
  }
}
