/**
 * Where RemoteAuth keeps the WhatsApp login when the store keeps files (MongoDB: one GridFS file
 * per session — a zip of the browser profile easily passes the 16 MB document limit). Any bot
 * process on the same database then starts logged in, without a new QR. The channel opens no
 * connection of its own: it uses the store's files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FileStore } from '../../src/store/types';
import type { RemoteSessionStore } from './client';

export class SessionFiles implements RemoteSessionStore {
  /**
   * @param files the store's files
   * @param dataPath the RemoteAuth `dataPath`: `save` reads `<dataPath>/<session>.zip` from there
   */
  constructor(
    private readonly files: FileStore,
    private readonly dataPath: string,
  ) {}

  sessionExists({ session }: { session: string }): Promise<boolean> {
    return this.files.exists(session);
  }

  save({ session }: { session: string }): Promise<void> {
    return this.files.put(session, fs.createReadStream(path.join(this.dataPath, `${session}.zip`)));
  }

  extract({ session, path: target }: { session: string; path: string }): Promise<void> {
    return this.files.get(session, fs.createWriteStream(target));
  }

  delete({ session }: { session: string }): Promise<void> {
    return this.files.delete(session);
  }
}
