/**
 * The WhatsApp login kept in the store's files (GridFS on MongoDB), as RemoteAuth uses it. Needs
 * MONGODB_URI (no MongoDB server can run on the development machines); each run uses its own
 * database, dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { SessionFiles } from '../../../bots/whatsapp';
import { MongoStore } from '../../../src/store/mongo';
import { tempDir } from '../../support/fixtures';

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
    const sessions = new SessionFiles(store.files, tmp.dir);
    const zip = path.join(tmp.dir, 'RemoteAuth.zip');
    expect(await sessions.sessionExists({ session: 'RemoteAuth' })).toBe(false);

    fs.writeFileSync(zip, Buffer.from('first'));
    await sessions.save({ session: 'RemoteAuth' });
    fs.writeFileSync(zip, Buffer.alloc(300_000, 7)); // more than one GridFS chunk
    await sessions.save({ session: 'RemoteAuth' });
    expect(await sessions.sessionExists({ session: 'RemoteAuth' })).toBe(true);

    const out = path.join(tmp.dir, 'restored.zip');
    await sessions.extract({ session: 'RemoteAuth', path: out });
    expect(fs.readFileSync(out).equals(Buffer.alloc(300_000, 7))).toBe(true);

    await sessions.delete({ session: 'RemoteAuth' });
    expect(await sessions.sessionExists({ session: 'RemoteAuth' })).toBe(false);
  });
});
