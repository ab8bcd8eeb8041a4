/**
 * Outbox order on MongoDB (defect 9): ids taken with `$inc` and inserted afterwards could become
 * visible out of order — a later message of a chat sent before an earlier one. Taking the ids and
 * writing the documents now happen in sequence with every other enqueue: in one transaction on a
 * replica set, under the counter's lock (server time) on a standalone server.
 */
import type { ClientSession } from 'mongoose';
import type { MongoDb } from '../../../src/store/mongo/db';
import { MongoOutbox } from '../../../src/store/mongo/outbox';
import { inSequence, LOCK_MS } from '../../../src/store/mongo/sequence';
import { LogLines } from '../../support/logs';
import { StubbedDriver, type Call } from './driver-stub';

const out = (chatId: string, text: string) => ({ channel: 'whatsapp', chatId, text });
const options = (call: Call) => call.args[call.args.length - 1] as { session?: ClientSession; returnDocument?: string; upsert?: boolean };

describe('inSequence on a standalone server', () => {
  let driver: StubbedDriver;
  let d: MongoDb;
  let logs: LogLines;
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);
  beforeEach(() => {
    driver = new StubbedDriver();
    logs = new LogLines();
    d = driver.mongoDb();
    sleeps.length = 0;
  });
  afterEach(() => driver.restore());

  /** The counter at `value`, free (or held, when `held` answers true for an attempt). */
  function counter(value: number, held: (attempt: number) => boolean = () => false) {
    let attempt = 0;
    driver.on('counters', 'findOneAndUpdate', (call) => {
      if (held(attempt++)) return null;
      const pipeline = call.args[1] as [{ $set: { lock: string; value: { $add: [unknown, number] } } }];
      return { _id: 'outbox', value: value + pipeline[0].$set.value.$add[1], lock: pipeline[0].$set.lock };
    });
    driver.on('counters', 'updateOne', (call) => {
      const release = (call.args[0] as { lock?: string }).lock !== undefined;
      return { acknowledged: true, matchedCount: 1, modifiedCount: release ? 1 : 0, upsertedCount: 0 };
    });
  }
  const steps = () => driver.calls.map((c) => `${c.collection}.${c.method}`);

  it('takes the numbers and the lock in one write on the server clock, writes, then releases its own lock', async () => {
    counter(41);
    const queued = await new MongoOutbox(d).enqueue([out('a', '1'), out('a', '2')]);
    expect(queued.map((m) => m.id)).toEqual(['42', '43']);
    expect(steps()).toEqual(['counters.findOneAndUpdate', 'outbox.insertMany', 'counters.updateOne']);
    const [take] = driver.callsTo('counters', 'findOneAndUpdate');
    expect(take.args[0]).toEqual({ _id: 'outbox', $expr: { $not: [{ $gt: ['$lockedUntil', '$$NOW'] }] } });
    const [{ $set }] = take.args[1] as [{ $set: { lock: string } }];
    expect($set).toEqual({ value: { $add: [{ $ifNull: ['$value', 0] }, 2] }, lock: expect.any(String), lockedUntil: { $add: ['$$NOW', LOCK_MS] } });
    expect(options(take)).toMatchObject({ returnDocument: 'after' });
    expect(options(take).upsert).toBeUndefined(); // the server refuses $expr in an upsert's filter
    const [release] = driver.callsTo('counters', 'updateOne');
    expect(release.args.slice(0, 2)).toEqual([{ _id: 'outbox', lock: $set.lock }, { $unset: { lock: '', lockedUntil: '' } }]);
    expect((driver.callsTo('outbox', 'insertMany')[0].args[0] as { _id: number }[]).map((doc) => doc._id)).toEqual([42, 43]);
  });

  it('waits while another writer holds the lock, and writes nothing before it has it', async () => {
    counter(0, (attempt) => attempt < 3);
    await inSequence(d, 'outbox', 1, async (first) => first, { sleep });
    expect(sleeps).toEqual([2, 5, 10]);
    expect(steps()).toEqual([
      'counters.findOneAndUpdate',
      'counters.updateOne',
      'counters.findOneAndUpdate',
      'counters.updateOne',
      'counters.findOneAndUpdate',
      'counters.updateOne',
      'counters.findOneAndUpdate',
      'counters.updateOne',
    ]);
    // Between attempts only "make sure the counter exists": an upsert that changes nothing when it does.
    expect(driver.callsTo('counters', 'updateOne')[0].args).toEqual([{ _id: 'outbox' }, { $setOnInsert: { value: 0 } }, { upsert: true }]);
  });

  it('creates a missing counter and tries again at once', async () => {
    let attempts = 0;
    driver.on('counters', 'findOneAndUpdate', () => (attempts++ === 0 ? null : { _id: 'outbox', value: 1 }));
    driver.on('counters', 'updateOne', () => ({ acknowledged: true, matchedCount: 1, modifiedCount: 0, upsertedCount: attempts === 1 ? 1 : 0 }));
    expect(await inSequence(d, 'outbox', 1, async (first) => first, { sleep })).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('releases the lock when the write fails, and passes the failure on', async () => {
    counter(0);
    await expect(inSequence(d, 'outbox', 1, () => Promise.reject(new Error('insert failed')), { sleep })).rejects.toThrow('insert failed');
    expect(steps()).toEqual(['counters.findOneAndUpdate', 'counters.updateOne']);
  });

  it('warns when the write outlasted its lock', async () => {
    counter(0);
    driver.on('counters', 'updateOne', () => ({ acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 0 }));
    await inSequence(d, 'outbox', 1, async () => undefined, { logger: logs.logger });
    expect(logs.atLeast(40).map((l) => l.msg)).toEqual([expect.stringMatching(/outlasted its lock/)]);
  });
});

describe('inSequence on a replica set', () => {
  it('takes the numbers and writes in one transaction', async () => {
    const driver = new StubbedDriver();
    try {
      // A session of this client stands for the transaction's; nothing of it reaches a server here.
      const session = driver.client.startSession();
      const sessions: (ClientSession | undefined)[] = [];
      const d: MongoDb = {
        ...driver.mongoDb({ transactions: true }),
        atomically: async (fn) => {
          const result = await fn(session);
          sessions.push(session);
          return result;
        },
      };
      const [m] = await new MongoOutbox(d).enqueue([out('a', '1')]);
      expect(m.id).toBe('1');
      expect(sessions).toEqual([session]);
      expect(driver.calls.map((c) => [`${c.collection}.${c.method}`, options(c).session === session])).toEqual([
        ['counters.findOneAndUpdate', true],
        ['outbox.insertMany', true],
      ]);
    } finally {
      driver.restore();
    }
  });
});
