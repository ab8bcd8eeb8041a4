/**
 * The index migration path: what the store declares is compared with what the server has at
 * start, and every change is applied and logged — nothing is dropped silently.
 */
import { mongo } from 'mongoose';
import { planIndexes, syncIndexes, type CollectionIndexes, type ExistingIndex } from '../../../src/store/mongo/indexes';
import { LogLines } from '../../support/logs';
import { StubbedDriver, type Call } from './driver-stub';

const ID: ExistingIndex = { name: '_id_', key: { _id: 1 } };

describe('planIndexes', () => {
  const declared: CollectionIndexes = {
    collection: 'tickets',
    indexes: [{ key: { status: 1, createdAt: 1, _id: 1 } }, { key: { chatId: 1 }, unique: true }, { key: { expiresAt: 1 } }],
    retired: ['status_1_createdAt_1'],
  };

  it('creates what is missing and keeps what matches, whatever its name', () => {
    const plan = planIndexes(declared, [ID, { name: 'by_chat', key: { chatId: 1 }, unique: true }]);
    expect(plan.create.map((s) => s.key)).toEqual([{ status: 1, createdAt: 1, _id: 1 }, { expiresAt: 1 }]);
    expect(plan).toMatchObject({ replace: [], drop: [], unknown: [] });
  });

  it('replaces an index whose key is declared with other options (a TTL no longer wanted, a lost unique)', () => {
    const ttl = { name: 'expiresAt_1', key: { expiresAt: 1 }, expireAfterSeconds: 0 };
    const notUnique = { name: 'chatId_1', key: { chatId: 1 } };
    const plan = planIndexes(declared, [ID, ttl, notUnique]);
    expect(plan.replace).toEqual([
      { existing: notUnique, spec: { key: { chatId: 1 }, unique: true } },
      { existing: ttl, spec: { key: { expiresAt: 1 } } },
    ]);
  });

  it('tells a partial index apart from a whole one, and keeps one whose filter matches', () => {
    const partial: CollectionIndexes = { collection: 'tickets', indexes: [{ key: { source: 1 }, unique: true, partialFilterExpression: { source: { $type: 'string' } } }] };
    const whole = { name: 'source_1', key: { source: 1 }, unique: true };
    expect(planIndexes(partial, [ID, whole]).replace).toEqual([{ existing: whole, spec: partial.indexes[0] }]);
    const same = { ...whole, partialFilterExpression: { source: { $type: 'string' } } };
    expect(planIndexes(partial, [ID, same])).toMatchObject({ create: [], replace: [], drop: [], unknown: [] });
  });

  it('drops retired indexes, keeps unknown ones, and tells a key order apart', () => {
    const retired = { name: 'status_1_createdAt_1', key: { status: 1, createdAt: 1 } };
    const operators = { name: 'reporting', key: { createdAt: 1, status: 1 } };
    const plan = planIndexes(declared, [ID, retired, operators]);
    expect(plan.drop).toEqual([retired]);
    expect(plan.unknown).toEqual([operators]);
  });
});

describe('syncIndexes', () => {
  let driver: StubbedDriver;
  let logs: LogLines;
  beforeEach(() => {
    driver = new StubbedDriver();
    logs = new LogLines();
  });
  afterEach(() => driver.restore());

  const sessions: CollectionIndexes = { collection: 'staff_sessions', indexes: [{ key: { idHash: 1 }, unique: true }, { key: { expiresAt: 1 } }], retired: ['old_1'] };
  const serverHas = (indexes: ExistingIndex[]) => driver.on('staff_sessions', 'listIndexes', () => [ID, ...indexes]);
  const logged = (level: number) => logs.atLeast(level).map((l) => l as { msg: string; index?: string; level: number });
  const order = () => driver.calls.filter((c) => ['createCollection', 'createIndex', 'dropIndex'].includes(c.method)).map((c: Call) => [c.method, c.args[0]]);

  it('creates the collection and the missing indexes with their names and options', async () => {
    serverHas([]);
    await syncIndexes(driver.conn.getClient().db(driver.dbName), [sessions], logs.logger);
    expect(order()).toEqual([
      ['createCollection', 'staff_sessions'],
      ['createIndex', { idHash: 1 }],
      ['createIndex', { expiresAt: 1 }],
    ]);
    expect(driver.callsTo('staff_sessions', 'createIndex')[0].args[1]).toEqual({ name: 'idHash_1', unique: true });
    expect(logged(30).filter((l) => l.msg === 'MongoDB index created').map((l) => l.index)).toEqual(['idHash_1', 'expiresAt_1']);
  });

  it('drops and recreates a changed index and drops a retired one, each with a warning; keeps an unknown one, with a warning', async () => {
    serverHas([
      { name: 'idHash_1', key: { idHash: 1 }, unique: true },
      { name: 'expiresAt_1', key: { expiresAt: 1 }, expireAfterSeconds: 0 },
      { name: 'old_1', key: { old: 1 } },
      { name: 'mine', key: { email: 1 } },
    ]);
    const plans = await syncIndexes(driver.conn.getClient().db(driver.dbName), [sessions], logs.logger);
    expect(order()).toEqual([
      ['createCollection', 'staff_sessions'],
      ['dropIndex', 'expiresAt_1'],
      ['createIndex', { expiresAt: 1 }],
      ['dropIndex', 'old_1'],
    ]);
    expect(driver.callsTo('staff_sessions', 'createIndex')[0].args[1]).toEqual({ name: 'expiresAt_1' });
    expect(plans.get('staff_sessions')?.unknown.map((i) => i.name)).toEqual(['mine']);
    expect(logged(40).map((l) => [l.index, l.msg])).toEqual([
      ['expiresAt_1', 'MongoDB index has other options than declared: dropping it and creating it as declared'],
      ['old_1', 'MongoDB index retired by this version: dropping it'],
      ['mine', 'MongoDB index not declared by the store: left in place (drop it if nothing else uses it)'],
    ]);
  });

  it('converges with another process starting at the same time: the collection exists, the retired index is gone', async () => {
    const serverError = (code: number, message: string) => () => {
      throw new mongo.MongoServerError({ message, code });
    };
    serverHas([{ name: 'old_1', key: { old: 1 } }]);
    driver.on('staff_sessions', 'createCollection', serverError(48, 'Collection helpline-stub.staff_sessions already exists.'));
    driver.on('staff_sessions', 'dropIndex', serverError(27, 'index not found with name [old_1]'));
    await syncIndexes(driver.conn.getClient().db(driver.dbName), [sessions], logs.logger);
    expect(driver.callsTo('staff_sessions', 'createIndex')).toHaveLength(2);
  });

  it('reads a collection that does not exist yet as one without indexes, and passes other failures on', async () => {
    driver.on('staff_sessions', 'listIndexes', () => {
      throw new mongo.MongoServerError({ message: 'ns does not exist: helpline-stub.staff_sessions', code: 26 });
    });
    await syncIndexes(driver.conn.getClient().db(driver.dbName), [sessions], logs.logger);
    expect(driver.callsTo('staff_sessions', 'createIndex')).toHaveLength(2);
    driver.on('staff_sessions', 'createIndex', () => {
      throw new mongo.MongoServerError({ message: 'Index build failed', code: 67 });
    });
    await expect(syncIndexes(driver.conn.getClient().db(driver.dbName), [sessions], logs.logger)).rejects.toThrow(/Index build failed/);
  });
});
