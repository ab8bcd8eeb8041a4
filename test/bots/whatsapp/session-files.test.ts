/**
 * The WhatsApp login in the store's files, driven by whatsapp-web.js's own RemoteAuth (no browser
 * needed for its backup and restore): against an in-memory GridFS bucket with GridFS's error
 * shapes, and — with MONGODB_URI — against a real server.
 *
 * Defect 2: restoring on a fresh host, whose data folder does not exist yet.
 * Defect 3: a backup, check or delete that fails must not reject (RemoteAuth calls them from a
 * timer and event handlers without a catch: the rejection would end the process).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { RemoteAuth, type Client } from 'whatsapp-web.js';
import { SessionFiles } from '../../../bots/whatsapp';
import { MongoStore } from '../../../src/store/mongo';
import { MongoFiles } from '../../../src/store/mongo/files';
import { tempDir } from '../../support/fixtures';
import { LogLines } from '../../support/logs';
import { waitFor } from '../../support/wait';
import { FakeGridFs, notPrimary } from './fake-gridfs';

/** RemoteAuth's backup step, which its timer calls (not in the library's typings). */
type Backup = { storeRemoteSession(options?: { emit: boolean }): Promise<void> };

describe('SessionFiles under RemoteAuth, on GridFS', () => {
  let tmp: ReturnType<typeof tempDir>;
  let bucket: FakeGridFs;
  let logs: LogLines;
  beforeEach(() => {
    tmp = tempDir('helpline-wa-session-');
    bucket = new FakeGridFs();
    logs = new LogLines();
  });
  afterEach(() => tmp.cleanup());

  /** A RemoteAuth as whatsapp-web.js's Client sets it up, on a host whose data folder is `dataPath`. */
  function host(dataPath: string, clientId = 'line-1') {
    const store = new SessionFiles(new MongoFiles(bucket), dataPath, logs.logger);
    const auth = new RemoteAuth({ store, dataPath, clientId, backupSyncIntervalMs: 60_000 });
    const client = { options: { puppeteer: {} as { userDataDir?: string } }, emit: () => true };
    auth.setup(client as unknown as Client);
    return { auth, client, backup: () => (auth as unknown as Backup).storeRemoteSession() };
  }

  /** A linked browser profile, as Chromium leaves it in RemoteAuth's folder. */
  async function linkedHost(dataPath: string) {
    const a = host(dataPath);
    await a.auth.beforeBrowserInitialized();
    const profile = a.client.options.puppeteer.userDataDir as string;
    fs.mkdirSync(path.join(profile, 'Default', 'Local Storage', 'leveldb'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'Default', 'Local Storage', 'leveldb', '000003.log'), 'linked device keys');
    return a;
  }

  it('restores the login on a fresh host, whose data folder does not exist yet', async () => {
    await (await linkedHost(path.join(tmp.dir, 'first'))).backup();
    expect(bucket.names()).toEqual(['RemoteAuth-line-1']);

    const fresh = path.join(tmp.dir, 'second', 'data', 'whatsapp-session');
    expect(fs.existsSync(path.dirname(fresh))).toBe(false);
    const b = host(fresh);
    await b.auth.beforeBrowserInitialized();
    const profile = b.client.options.puppeteer.userDataDir as string;
    expect(profile).toBe(path.join(fresh, 'RemoteAuth-line-1'));
    // RemoteAuth resolves on unzipper's 'finish', which can come before the last file is on disk.
    const restored = path.join(profile, 'Default', 'Local Storage', 'leveldb', '000003.log');
    await waitFor(() => fs.existsSync(restored) && fs.readFileSync(restored, 'utf8') === 'linked device keys', 'the profile to be unpacked');
  });

  it('keeps one login per WhatsApp number (clientId) on one database', async () => {
    const first = await linkedHost(path.join(tmp.dir, 'number-1'));
    await first.backup();
    const second = host(path.join(tmp.dir, 'number-2'), 'line-2');
    await second.auth.beforeBrowserInitialized();
    const profile = second.client.options.puppeteer.userDataDir as string;
    fs.mkdirSync(path.join(profile, 'Default', 'IndexedDB'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'Default', 'IndexedDB', 'keys'), 'second number');
    await second.backup();
    expect(bucket.names()).toEqual(['RemoteAuth-line-1', 'RemoteAuth-line-2']);
    const again = host(path.join(tmp.dir, 'number-1-again'));
    await again.auth.beforeBrowserInitialized();
    const restored = path.join(again.client.options.puppeteer.userDataDir as string, 'Default', 'Local Storage', 'leveldb', '000003.log');
    await waitFor(() => fs.existsSync(restored) && fs.readFileSync(restored, 'utf8') === 'linked device keys', "the first number's profile");
  });

  it('keeps the previous backup when a backup fails, and does not reject', async () => {
    const a = await linkedHost(path.join(tmp.dir, 'first'));
    await a.backup();
    const previous = bucket.newest('RemoteAuth-line-1');
    bucket.fail('upload', notPrimary());
    await expect(a.backup()).resolves.toBeUndefined();
    expect(bucket.newest('RemoteAuth-line-1')).toEqual(previous);
    expect(bucket.aborted).toHaveLength(1);
    expect(logs.atLeast(40).map((l) => l.msg)).toEqual(['WhatsApp session backup failed; the previous backup is kept and the next one will try again']);
  });

  it('replaces the backup even when another process removed the older copy first ("File not found")', async () => {
    const a = await linkedHost(path.join(tmp.dir, 'first'));
    await a.backup();
    // Another process of the same number removes the older copy between this one's listing and its removal.
    const remove = bucket.delete.bind(bucket);
    const removal = jest.spyOn(bucket, 'delete').mockImplementationOnce(async (id) => {
      await remove(id); // the other process was first…
      return remove(id); // …so this delete finds nothing: GridFS's "File not found for id …"
    });
    await a.backup();
    expect(removal).toHaveBeenCalledTimes(1);
    expect(bucket.names()).toEqual(['RemoteAuth-line-1']);
    expect(logs.atLeast(40)).toEqual([]);
  });

  it('answers "there is one" when the check fails, so a start restores (and fails cleanly) instead of replacing the login', async () => {
    await (await linkedHost(path.join(tmp.dir, 'first'))).backup();
    bucket.fail('find', notPrimary());
    const sessions = new SessionFiles(new MongoFiles(bucket), tmp.dir, logs.logger);
    expect(await sessions.sessionExists({ session: 'RemoteAuth-line-1' })).toBe(true);
    expect(logs.atLeast(40).map((l) => l.msg)).toEqual(['could not check for a saved WhatsApp session; assuming there is one']);
    bucket.fail('download', notPrimary());
    await expect(host(path.join(tmp.dir, 'second')).auth.beforeBrowserInitialized()).rejects.toThrow(/not primary/);
  });

  it('logs out without rejecting when the stored login cannot be deleted, and when it is gone already', async () => {
    const a = await linkedHost(path.join(tmp.dir, 'first'));
    await a.backup();
    bucket.fail('delete', notPrimary());
    await expect(a.auth.logout()).resolves.toBeUndefined();
    expect(bucket.names()).toEqual(['RemoteAuth-line-1']);
    expect(logs.atLeast(40).map((l) => l.msg)).toEqual(["could not delete the saved WhatsApp session; it stays until replaced"]);
    bucket.heal('delete');
    await a.auth.logout();
    expect(bucket.names()).toEqual([]);
    bucket.removeBehindTheBack('RemoteAuth-line-1');
    await expect(new SessionFiles(new MongoFiles(bucket), tmp.dir, logs.logger).delete({ session: 'RemoteAuth-line-1' })).resolves.toBeUndefined();
  });

  it("survives a failing backup from RemoteAuth's own timer", async () => {
    const a = await linkedHost(path.join(tmp.dir, 'first'));
    await a.backup();
    bucket.fail('upload', notPrimary());
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      await a.auth.afterAuthReady(); // a backup exists: only the interval is set
      await jest.advanceTimersByTimeAsync(60_000);
      jest.useRealTimers();
      await waitFor(() => logs.atLeast(40).length > 0, 'the failed backup to be logged');
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      jest.useRealTimers();
      process.off('unhandledRejection', onUnhandled);
      await a.auth.destroy();
    }
  });
});

const uri = process.env.MONGODB_URI;

(uri ? describe : describe.skip)('SessionFiles on MongoDB (skipped without MONGODB_URI)', () => {
  let store: MongoStore;
  let dbName: string;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    dbName = `helpline-wa-${randomUUID().slice(0, 8)}`;
    store = await MongoStore.connect(uri!, { dbName, serverSelectionTimeoutMS: 5000 });
    tmp = tempDir('helpline-wa-session-');
  });
  afterEach(async () => {
    await store.close();
    const conn = await mongoose.createConnection(uri!, { dbName }).asPromise();
    await conn.dropDatabase();
    await conn.close();
    tmp.cleanup();
  });

  it('saves the zip RemoteAuth left, replaces it on the next save, extracts the newest and deletes it', async () => {
    if (!store.files) throw new Error('the MongoDB store keeps files');
    const logs = new LogLines();
    const sessions = new SessionFiles(store.files, tmp.dir, logs.logger);
    const zip = path.join(tmp.dir, 'RemoteAuth.zip');
    expect(await sessions.sessionExists({ session: 'RemoteAuth' })).toBe(false);

    fs.writeFileSync(zip, Buffer.from('first'));
    await sessions.save({ session: 'RemoteAuth' });
    fs.writeFileSync(zip, Buffer.alloc(300_000, 7)); // more than one GridFS chunk
    await sessions.save({ session: 'RemoteAuth' });
    expect(await sessions.sessionExists({ session: 'RemoteAuth' })).toBe(true);

    const out = path.join(tmp.dir, 'fresh-host', 'restored.zip');
    await sessions.extract({ session: 'RemoteAuth', path: out });
    expect(fs.readFileSync(out).equals(Buffer.alloc(300_000, 7))).toBe(true);

    await sessions.delete({ session: 'RemoteAuth' });
    expect(await sessions.sessionExists({ session: 'RemoteAuth' })).toBe(false);
    await sessions.delete({ session: 'RemoteAuth' });
    expect(logs.atLeast(40)).toEqual([]);
  });
});
