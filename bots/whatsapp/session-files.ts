/**
 * Where RemoteAuth keeps the WhatsApp login when the store keeps files (MongoDB: one GridFS file
 * per session — a zip of the browser profile easily passes the 16 MB document limit). Any bot
 * process on the same database then starts logged in, without a new QR. The channel opens no
 * connection of its own: it uses the store's files.
 *
 * RemoteAuth calls `save` from a timer, and `sessionExists` and `delete` from event handlers, none
 * of which catches: a rejection there (an election during the backup, the database away) would be
 * unhandled and end the process. So those three never reject — they log and carry on:
 * - `save` fails: the previous backup stays; the next interval tries again.
 * - `sessionExists` fails: answers "yes". At start RemoteAuth then restores, which fails and fails
 *   the start cleanly (retried), rather than opening a blank profile whose new login would replace
 *   the stored one; after login it only skips the first, early backup.
 * - `delete` fails: the stored login stays until the next logout or a new one replaces it.
 * `extract` runs inside the client's start-up, which reports its failure: it rejects as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../src/logging';
import type { FileStore } from '../../src/store/types';
import type { RemoteSessionStore } from './client';

export class SessionFiles implements RemoteSessionStore {
  /**
   * @param files the store's files
   * @param dataPath the RemoteAuth `dataPath`: `save` reads `<dataPath>/<session>.zip` from there
   * @param log where failures RemoteAuth would not handle are reported
   */
  constructor(
    private readonly files: FileStore,
    private readonly dataPath: string,
    private readonly log: Logger,
  ) {}

  async sessionExists({ session }: { session: string }): Promise<boolean> {
    try {
      return await this.files.exists(session);
    } catch (error) {
      this.log.warn({ err: error, session }, 'could not check for a saved WhatsApp session; assuming there is one');
      return true;
    }
  }

  async save({ session }: { session: string }): Promise<void> {
    try {
      await this.files.put(session, fs.createReadStream(path.join(this.dataPath, `${session}.zip`)));
      this.log.debug({ session }, 'WhatsApp session backed up');
    } catch (error) {
      this.log.warn({ err: error, session }, 'WhatsApp session backup failed; the previous backup is kept and the next one will try again');
    }
  }

  /** Restores the zip on this machine; a fresh host has no data folder yet, so it is made first. */
  async extract({ session, path: target }: { session: string; path: string }): Promise<void> {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await this.files.get(session, fs.createWriteStream(target));
  }

  async delete({ session }: { session: string }): Promise<void> {
    try {
      await this.files.delete(session);
    } catch (error) {
      this.log.warn({ err: error, session }, 'could not delete the saved WhatsApp session; it stays until replaced');
    }
  }
}
