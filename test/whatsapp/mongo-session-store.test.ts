/**
 * The GridFS session store RemoteAuth uses with MongoDB. Needs MONGODB_URI (no MongoDB server can
 * run on the development machines); each run uses its own database, dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { MongoSessionStore } from '../../bots/whatsapp';
import { tempDir } from '../support/fixtures';

const uri = process.env.MONGODB_URI;

(uri ? describe : describe.skip)('MongoSessionStore (skipped without MONGODB_URI)', () => {
  let conn: Connection;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    conn = await mongoose.createConnection(uri!, { dbName: `helpline-wa-${randomUUID().slice(0, 8)}` }).asPromise();
    tmp = tempDir('helpline-wa-session-');
  });
  afterEach(async () => {
    await conn.dropDatabase();
    await conn.close();
    tmp.cleanup();
  });

  it('saves the zip RemoteAuth left, replaces it on the next save, extracts the newest and deletes it', async () => {
    const store = new MongoSessionStore(conn, tmp.dir);
    const zip = path.join(tmp.dir, 'RemoteAuth.zip');
    expect(await store.sessionExists({ session: 'RemoteAuth' })).toBe(false);

    fs.writeFileSync(zip, Buffer.from('first'));
    await store.save({ session: 'RemoteAuth' });
    fs.writeFileSync(zip, Buffer.alloc(300_000, 7)); // more than one GridFS chunk
    await store.save({ session: 'RemoteAuth' });
    expect(await store.sessionExists({ session: 'RemoteAuth' })).toBe(true);

    const out = path.join(tmp.dir, 'restored.zip');
    await store.extract({ session: 'RemoteAuth', path: out });
    expect(fs.readFileSync(out).equals(Buffer.alloc(300_000, 7))).toBe(true);

    await store.delete({ session: 'RemoteAuth' });
    expect(await store.sessionExists({ session: 'RemoteAuth' })).toBe(false);
  });
});
