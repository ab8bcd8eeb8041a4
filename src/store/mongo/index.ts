/**
 * The MongoDB store (mongoose), for deployments that run several bot processes or already operate
 * MongoDB: the MongoDB backend (one part per concern, over one connection; see `db.ts`) under the
 * composed store's domain rules. The contract suites run against it when MONGODB_URI is set.
 */
import mongoose from 'mongoose';
import { silentLogger, type Logger } from '../../logging';
import { ComposedStore } from '../compose';
import { MongoAlerts } from './alerts';
import { MongoAudit } from './audit';
import { MongoConversations } from './conversations';
import { mongoDb, supportsTransactions, type MongoDb } from './db';
import { MongoFaq } from './faq';
import { MongoFeed } from './feed';
import { MongoFiles } from './files';
import { MongoLeases } from './leases';
import { MongoOutbox } from './outbox';
import { MongoOutcomes } from './outcomes';
import { MongoSchedule } from './schedule';
import { MongoStaff } from './staff';
import { MongoTickets } from './tickets';

export { FILE_BUCKET } from './files';

export interface MongoStoreOptions {
  logger?: Logger;
  now?: () => Date;
  /** How long to wait for the server at connect; default 10 s. */
  serverSelectionTimeoutMS?: number;
  /** The database to use instead of the one named in the URI (tests use one per run). */
  dbName?: string;
}

export class MongoStore extends ComposedStore {
  private constructor(d: MongoDb, alerts: MongoAlerts, feed: MongoFeed) {
    const audit = new MongoAudit(d);
    super(
      {
        // Host and database only: never the credentials of the URI.
        description: `mongodb://${d.conn.host}:${d.conn.port}/${d.conn.name}${d.transactions ? '' : ' (standalone)'}`,
        faq: new MongoFaq(d, audit),
        conversations: new MongoConversations(d),
        tickets: new MongoTickets(d),
        outbox: new MongoOutbox(d),
        audit,
        staff: new MongoStaff(d),
        schedule: new MongoSchedule(d),
        alerts,
        leases: new MongoLeases(d),
        feed,
        outcomes: new MongoOutcomes(d),
        files: new MongoFiles(d),
        close: () => d.conn.close(),
      },
      d.now,
    );
  }

  /**
   * Connects on a dedicated connection, creates the collections and indexes, and finds out whether
   * the server supports transactions.
   *
   * @example const store = await MongoStore.connect('mongodb://localhost:27017/helpline');
   */
  static async connect(uri: string, options: MongoStoreOptions = {}): Promise<MongoStore> {
    const logger = options.logger ?? silentLogger;
    const conn = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
      writeConcern: { w: 'majority', journal: true },
      // Indexes are built once below, awaited, instead of in the background on first use.
      autoIndex: false,
      ...(options.dbName ? { dbName: options.dbName } : {}),
    });
    try {
      await conn.asPromise();
      const d = mongoDb(conn, await supportsTransactions(conn), options.now ?? (() => new Date()));
      for (const model of Object.values(d.m) as mongoose.Model<unknown>[]) {
        await model.createCollection();
        await model.createIndexes();
      }
      const alerts = new MongoAlerts(d);
      const feed = new MongoFeed(d);
      await alerts.createIndexes();
      await feed.createIndexes();
      const store = new MongoStore(d, alerts, feed);
      if (!d.transactions) {
        logger.warn({ store: store.description }, 'MongoDB server has no transactions (not a replica set): FAQ imports validate first, then write; events are polled');
      }
      return store;
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw err;
    }
  }
}
