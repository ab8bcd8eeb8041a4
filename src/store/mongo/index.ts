/**
 * The MongoDB store (mongoose), for deployments that run several bot processes or already operate
 * MongoDB: the MongoDB backend (one part per concern, over one connection; see `db.ts`) under the
 * composed store's domain rules. The contract suites run against it when MONGODB_URI is set.
 */
import type { Connection, Model } from 'mongoose';
import { silentLogger, type Logger } from '../../logging';
import { ComposedStore } from '../compose';
import { withPresent } from '../records';
import { ALERT_INDEXES, MongoAlerts } from './alerts';
import { MongoAudit } from './audit';
import { MongoConversations } from './conversations';
import { openConnection, type ConnectionSettings } from './connection';
import { mongoDb, supportsTransactions, type MongoDb } from './db';
import { MongoFaq } from './faq';
import { FEED_INDEXES, MongoFeed } from './feed';
import { MongoFiles } from './files';
import { INBOX_INDEXES, MongoInbox } from './inbox';
import { syncIndexes, type CollectionIndexes, type IndexKey, type IndexSpec } from './indexes';
import { LEARNING_INDEXES, MongoLearning } from './learning';
import { MongoLeases } from './leases';
import { MongoOutbox } from './outbox';
import { MongoOutcomes } from './outcomes';
import { MongoSchedule } from './schedule';
import { MongoStaff } from './staff';
import { RETIRED_INDEXES, type Models } from './schemas';
import { MongoTickets, TICKET_INDEXES } from './tickets';

export { FILE_BUCKET } from './files';

export interface MongoStoreOptions extends ConnectionSettings {
  logger?: Logger;
  now?: () => Date;
}

/** Every collection the store uses, with the indexes its queries need (see `indexes.ts`). */
export function storeIndexes(m: Models): CollectionIndexes[] {
  const ofModels = (Object.values(m) as Model<unknown>[]).map((model) => ({
    collection: model.collection.collectionName,
    indexes: model.schema.indexes().map(([key, options]) =>
      withPresent<IndexSpec>({ key: key as IndexKey }, {
        unique: options.unique === true ? true : undefined,
        expireAfterSeconds: options.expireAfterSeconds,
        partialFilterExpression: options.partialFilterExpression as Record<string, unknown> | undefined,
      }),
    ),
    retired: RETIRED_INDEXES[model.collection.collectionName] ?? [],
  }));
  return [...ofModels, ...TICKET_INDEXES, ...ALERT_INDEXES, ...FEED_INDEXES, ...LEARNING_INDEXES, ...INBOX_INDEXES];
}

export class MongoStore extends ComposedStore {
  private constructor(d: MongoDb) {
    const audit = new MongoAudit(d);
    // One outbox: the inbox queues an update's answer in the same step that marks it handled.
    const outbox = new MongoOutbox(d);
    super(
      {
        // Host and database only: never the credentials of the URI.
        description: `mongodb://${d.conn.host}:${d.conn.port}/${d.conn.name}${d.transactions ? '' : ' (standalone)'}`,
        faq: new MongoFaq(d, audit),
        conversations: new MongoConversations(d),
        tickets: new MongoTickets(d),
        outbox,
        audit,
        staff: new MongoStaff(d),
        schedule: new MongoSchedule(d),
        alerts: new MongoAlerts(d),
        leases: new MongoLeases(d),
        feed: new MongoFeed(d),
        inbox: new MongoInbox(d, outbox),
        learning: new MongoLearning(d),
        outcomes: new MongoOutcomes(d),
        files: MongoFiles.of(d),
        close: () => d.conn.close(),
      },
      d.now,
    );
  }

  /**
   * Connects on a dedicated connection (see `connection.ts`), then opens the store over it.
   *
   * @example const store = await MongoStore.connect('mongodb://localhost:27017/helpline');
   */
  static async connect(uri: string, options: MongoStoreOptions = {}): Promise<MongoStore> {
    const logger = options.logger ?? silentLogger;
    const conn = await openConnection(uri, options, logger);
    try {
      return await MongoStore.open(conn, options);
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw err;
    }
  }

  /**
   * The store over an open connection: finds out whether the server supports transactions, and
   * creates the collections and brings their indexes in line (logged).
   */
  static async open(conn: Connection, options: Pick<MongoStoreOptions, 'logger' | 'now'> = {}): Promise<MongoStore> {
    const logger = options.logger ?? silentLogger;
    const d = mongoDb(conn, await supportsTransactions(conn), options.now ?? (() => new Date()), logger);
    await syncIndexes(d.db, storeIndexes(d.m), logger);
    const store = new MongoStore(d);
    if (!d.transactions) {
      logger.warn({ store: store.description }, 'MongoDB server has no transactions (not a replica set): FAQ imports validate first, then write; events are polled');
    }
    return store;
  }
}
