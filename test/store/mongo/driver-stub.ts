/**
 * The MongoDB driver with its collection methods stubbed, so a test sees exactly what the store
 * would send to a server — filters, updates, pipelines, options, index specifications — without
 * one (none can run on the development machines). mongoose runs for real on top: its casting,
 * validation, `minimize` and option handling all happen before the stub records the call.
 *
 * Each call is recorded as `{ collection, method, args }`; a test scripts what the "server" answers
 * with `on(collection, method, reply)` (a reply may throw, e.g. a duplicate key error). Unscripted
 * calls get the answer of an empty database.
 */
import mongoose, { mongo, type Connection } from 'mongoose';
import { connectionOptions, JOURNALED } from '../../../src/store/mongo/connection';
import { mongoDb, type MongoDb } from '../../../src/store/mongo/db';
import { MongoStore, storeIndexes } from '../../../src/store/mongo';
import { models } from '../../../src/store/mongo/schemas';

export interface Call {
  collection: string;
  method: string;
  args: unknown[];
  /** Cursor calls made on the returned cursor (sort, limit, project…), in order. */
  cursor: { method: string; args: unknown[] }[];
}

export type Reply = (call: Call) => unknown;

/** The stubbed store's clock. */
export const STUB_NOW = () => new Date('2026-01-15T10:00:00Z');

/** Methods of `mongo.Collection` that return a cursor. */
const CURSOR_METHODS = ['find', 'aggregate', 'listIndexes'] as const;
/** Methods of `mongo.Collection` that return a promise. */
const PROMISE_METHODS = [
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'deleteOne',
  'deleteMany',
  'findOne',
  'findOneAndUpdate',
  'bulkWrite',
  'countDocuments',
  'createIndex',
  'dropIndex',
] as const;

/** What an empty database answers. */
function emptyAnswer(call: Call): unknown {
  switch (call.method) {
    case 'insertOne':
      return { acknowledged: true, insertedId: (call.args[0] as { _id?: unknown })._id };
    case 'insertMany':
      return { acknowledged: true, insertedCount: (call.args[0] as unknown[]).length, insertedIds: {} };
    case 'updateOne':
    case 'updateMany':
      return { acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, upsertedId: null };
    case 'deleteOne':
    case 'deleteMany':
      return { acknowledged: true, deletedCount: 0 };
    case 'bulkWrite':
      return { ok: 1, insertedCount: 0, matchedCount: 0, modifiedCount: 0, deletedCount: 0, upsertedCount: 0, upsertedIds: {}, insertedIds: {} };
    case 'countDocuments':
      return 0;
    case 'createIndex':
      return (call.args[1] as { name?: string } | undefined)?.name ?? 'index';
    case 'listIndexes':
      return [{ v: 2, key: { _id: 1 }, name: '_id_' }];
    case 'find':
    case 'aggregate':
      return [];
    default:
      return null;
  }
}

/** A cursor over a scripted answer that records how it was narrowed. */
function fakeCursor(call: Call, docs: () => Promise<unknown[]>) {
  const cursor = {
    toArray: () => docs(),
    async *[Symbol.asyncIterator]() {
      yield* await docs();
    },
  } as Record<string | symbol, unknown>;
  for (const method of ['sort', 'limit', 'skip', 'project', 'batchSize', 'maxTimeMS', 'allowDiskUse']) {
    cursor[method] = (...args: unknown[]) => {
      call.cursor.push({ method, args });
      return cursor;
    };
  }
  return cursor;
}

export class StubbedDriver {
  readonly calls: Call[] = [];
  readonly conn: Connection;
  readonly client: mongo.MongoClient;
  private readonly replies = new Map<string, Reply>();
  /** Counters move as on a server ($inc on an upserted document), so ids are numbered 1, 2, … */
  private readonly counters = new Map<string, number>();
  private readonly spies: jest.SpyInstance[] = [];

  constructor(readonly dbName = 'helpline-stub') {
    this.client = new mongo.MongoClient(`mongodb://127.0.0.1:9/${dbName}`);
    // mongoose's setClient only accepts a client that has connected; this one never will, and
    // needs not: every method that would reach a server is stubbed below.
    Object.assign(this.client, { topology: { description: { type: 'Unknown' } } });
    this.conn = mongoose.createConnection();
    // The connection behaves as the store's own (no buffering, no background collection or index builds).
    const options = connectionOptions({}, JOURNALED);
    for (const key of ['autoIndex', 'autoCreate', 'bufferCommands'] as const) this.conn.config[key] = options[key];
    this.conn.setClient(this.client);

    const proto = mongo.Collection.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const driver = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the stubs run with the collection as `this`
    for (const method of PROMISE_METHODS) {
      this.spies.push(
        jest.spyOn(proto, method).mockImplementation(async function (this: mongo.Collection, ...args: unknown[]) {
          return driver.answer(driver.record(this.collectionName, method, args));
        }),
      );
    }
    for (const method of CURSOR_METHODS) {
      this.spies.push(
        jest.spyOn(proto, method).mockImplementation(function (this: mongo.Collection, ...args: unknown[]) {
          const call = driver.record(this.collectionName, method, args);
          return fakeCursor(call, async () => (await driver.answer(call)) as unknown[]);
        }),
      );
    }
    this.on('counters', 'findOneAndUpdate', (call) => {
      const [filter, update] = call.args as [{ _id: string }, { $inc?: { value?: number } }];
      const value = (this.counters.get(filter._id) ?? 0) + (update.$inc?.value ?? 0);
      this.counters.set(filter._id, value);
      return { _id: filter._id, value };
    });
    const db = mongo.Db.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    this.spies.push(
      jest.spyOn(db, 'command').mockImplementation(async (...args: unknown[]) => this.answer(this.record('$cmd', 'command', args))),
      jest.spyOn(db, 'createCollection').mockImplementation(async (...args: unknown[]) => this.answer(this.record(String(args[0]), 'createCollection', args))),
    );
  }

  /** Scripts the answer to `collection.method(...)`; `collection` '*' answers for every collection. */
  on(collection: string, method: string, reply: Reply): this {
    this.replies.set(`${collection}.${method}`, reply);
    return this;
  }

  /** Recorded calls, optionally only of one collection and method. */
  callsTo(collection: string, method?: string): Call[] {
    return this.calls.filter((c) => c.collection === collection && (method === undefined || c.method === method));
  }

  /** The backend's shared connection object over this driver. */
  mongoDb(options: { transactions?: boolean; now?: () => Date } = {}): MongoDb {
    return mongoDb(this.conn, options.transactions ?? false, options.now ?? STUB_NOW);
  }

  /**
   * The whole store over this driver; `hello` answers as a replica set member or a standalone
   * server. The calls made at start (collections, indexes) are forgotten: a test sees its own.
   */
  async openStore(options: { transactions?: boolean; now?: () => Date } = {}): Promise<MongoStore> {
    this.on('$cmd', 'command', () => ({ isWritablePrimary: true, ...(options.transactions ? { setName: 'rs0' } : {}) }));
    const store = await MongoStore.open(this.conn, { now: options.now ?? STUB_NOW });
    this.calls.length = 0;
    return store;
  }

  restore(): void {
    for (const spy of this.spies) spy.mockRestore();
  }

  private record(collection: string, method: string, args: unknown[]): Call {
    const call: Call = { collection, method, args, cursor: [] };
    this.calls.push(call);
    return call;
  }

  private async answer(call: Call): Promise<unknown> {
    const reply = this.replies.get(`${call.collection}.${call.method}`) ?? this.replies.get(`*.${call.method}`) ?? emptyAnswer;
    return reply(call);
  }
}

/** True when an index of `collection` has exactly `equality` fields first, then the sort's fields and directions. */
export function indexServes(conn: Connection, collection: string, equality: string[], sort: Record<string, 1 | -1>): boolean {
  const wanted = JSON.stringify([...equality.map((f) => [f, 1]), ...Object.entries(sort)]);
  const declared = storeIndexes(models(conn)).find((c) => c.collection === collection)?.indexes ?? [];
  return declared.some((spec) => {
    const key = Object.entries(spec.key).map(([f, d]) => [f, equality.includes(f) ? 1 : d]);
    return JSON.stringify(key) === wanted;
  });
}

/**
 * The whole store over a fresh stubbed driver for each test of the enclosing describe, restored
 * afterwards: `const t = eachStubbedStore()`, then `t.store` and `t.driver` inside the tests.
 */
export function eachStubbedStore(): { readonly driver: StubbedDriver; readonly store: MongoStore } {
  const current = {} as { driver: StubbedDriver; store: MongoStore };
  beforeEach(async () => {
    current.driver = new StubbedDriver();
    current.store = await current.driver.openStore();
  });
  afterEach(() => current.driver.restore());
  return current;
}

/** A duplicate key error as the server reports it (E11000). */
export function duplicateKeyError(collection: string, index: string): mongo.MongoServerError {
  return new mongo.MongoServerError({ message: `E11000 duplicate key error collection: helpline-stub.${collection} index: ${index}`, code: 11000, errmsg: 'E11000' });
}
