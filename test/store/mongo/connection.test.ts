/**
 * How the MongoDB store connects: errors instead of hangs, and journaled writes only where the
 * server journals. No server runs here: options are checked as they are handed to mongoose, the
 * journal probe against the stubbed driver, and a connect against a closed port.
 */
import { mongo } from 'mongoose';
import { acceptsJournaledWrites, connectionOptions, JOURNALED, NOT_JOURNALED } from '../../../src/store/mongo/connection';
import { MongoStore } from '../../../src/store/mongo';
import { closedPort } from '../../support/net';
import { StubbedDriver } from './driver-stub';

describe('MongoDB connection options', () => {
  it('fails calls instead of queueing them, after a bounded server selection', () => {
    const options = connectionOptions({}, JOURNALED);
    expect(options.bufferCommands).toBe(false);
    expect(options.serverSelectionTimeoutMS).toBe(10_000);
    expect(connectionOptions({ serverSelectionTimeoutMS: 500 }, JOURNALED).serverSelectionTimeoutMS).toBe(500);
    // Indexes and collections are made at start, awaited (indexes.ts), never in the background.
    expect(options).toMatchObject({ autoIndex: false, autoCreate: false });
  });

  it('asks a majority to journal each write, and bounds the wait for that majority', () => {
    expect(connectionOptions({}, JOURNALED).writeConcern).toEqual({ w: 'majority', journal: true, wtimeoutMS: 10_000 });
    expect(connectionOptions({}, NOT_JOURNALED).writeConcern).toEqual({ w: 'majority', wtimeoutMS: 10_000 });
    expect(connectionOptions({ dbName: 'x' }, JOURNALED).dbName).toBe('x');
    expect(connectionOptions({}, JOURNALED)).not.toHaveProperty('dbName');
  });
});

describe('the journal probe', () => {
  let driver: StubbedDriver;
  beforeEach(() => (driver = new StubbedDriver()));
  afterEach(() => driver.restore());

  it('accepts a server that took a journaled write', async () => {
    expect(await acceptsJournaledWrites(driver.conn)).toBe(true);
    const [probe] = driver.callsTo('counters', 'updateOne');
    expect(probe.args.slice(0, 1)).toEqual([{ _id: 'journal-probe' }]);
    expect(probe.args[2]).toMatchObject({ upsert: true });
  });

  it('tells a server without a journal (MongoDB 6.0 and older with --nojournal) by its answer', async () => {
    driver.on('counters', 'updateOne', () => {
      throw new mongo.MongoServerError({ message: "cannot use 'j' option when a host does not have journaling enabled", code: 2 });
    });
    expect(await acceptsJournaledWrites(driver.conn)).toBe(false);
  });

  it('passes any other failure on', async () => {
    driver.on('counters', 'updateOne', () => {
      throw new mongo.MongoServerError({ message: 'not authorized on helpline to execute command', code: 13 });
    });
    await expect(acceptsJournaledWrites(driver.conn)).rejects.toThrow(/not authorized/);
  });
});

describe('MongoStore.connect without a server', () => {
  it('rejects with the driver error once server selection times out', async () => {
    const port = await closedPort();
    const started = Date.now();
    await expect(MongoStore.connect(`mongodb://127.0.0.1:${port}/helpline`, { serverSelectionTimeoutMS: 300 })).rejects.toThrow(/ECONNREFUSED|Server selection timed out/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
