/**
 * The embedded store: the SQLite backend (one part per concern, over one connection) under the
 * composed store's domain rules. See `db.ts` for the file and its durability.
 */
import { silentLogger, type Logger } from '../../logging';
import type { Backend } from '../backend';
import { ComposedStore } from '../compose';
import { SqliteAlerts } from './alerts';
import { SqliteAudit } from './audit';
import { SqliteConversations } from './conversations';
import { openSqlite } from './db';
import { SqliteFaq } from './faq';
import { SqliteFeed } from './feed';
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
}

function sqliteBackend(location: string, now: () => Date): Backend {
  const s = openSqlite(location, now);
  const audit = new SqliteAudit(s);
  return {
    description: `sqlite:${s.file}`,
    faq: new SqliteFaq(s, audit),
    conversations: new SqliteConversations(s),
    tickets: new SqliteTickets(s),
    outbox: new SqliteOutbox(s),
    audit,
    staff: new SqliteStaff(s),
    schedule: new SqliteSchedule(s),
    alerts: new SqliteAlerts(s),
    leases: new SqliteLeases(s),
    feed: new SqliteFeed(s),
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
    super(sqliteBackend(location, now), now);
    (options.logger ?? silentLogger).debug({ store: this.description }, 'sqlite store open');
  }
}
