/**
 * Where RemoteAuth keeps the WhatsApp login when the project runs on MongoDB: the zipped browser
 * profile as one GridFS file per session (a zip of IndexedDB easily passes the 16 MB document
 * limit). Any bot process with the same MONGODB_URI then starts logged in, without a new QR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import mongoose, { type Connection } from 'mongoose';
import type { RemoteSessionStore } from './client';

export const SESSION_BUCKET = 'whatsapp_sessions';

export class MongoSessionStore implements RemoteSessionStore {
  /**
   * @param conn an open mongoose connection (the channel opens its own on MONGODB_URI)
   * @param dataPath the RemoteAuth `dataPath`: `save` reads `<dataPath>/<session>.zip` from there
   */
  constructor(
    private readonly conn: Connection,
    private readonly dataPath: string,
  ) {}

  private bucket(): mongoose.mongo.GridFSBucket {
    if (!this.conn.db) throw new Error('the MongoDB connection for the WhatsApp session is not open');
    return new mongoose.mongo.GridFSBucket(this.conn.db, { bucketName: SESSION_BUCKET });
  }

  private async files(session: string): Promise<{ _id: mongoose.mongo.ObjectId }[]> {
    return this.bucket().find({ filename: session }, { projection: { _id: 1 }, sort: { uploadDate: -1 } }).toArray();
  }

  async sessionExists({ session }: { session: string }): Promise<boolean> {
    return (await this.files(session)).length > 0;
  }

  /** Uploads the new zip first and only then removes the older copies: a failed upload loses nothing. */
  async save({ session }: { session: string }): Promise<void> {
    const older = await this.files(session);
    const zip = path.join(this.dataPath, `${session}.zip`);
    await pipeline(fs.createReadStream(zip), this.bucket().openUploadStream(session));
    for (const file of older) await this.bucket().delete(file._id);
  }

  async extract({ session, path: target }: { session: string; path: string }): Promise<void> {
    // revision -1: the newest upload, should an interrupted save have left two.
    await pipeline(this.bucket().openDownloadStreamByName(session, { revision: -1 }), fs.createWriteStream(target));
  }

  async delete({ session }: { session: string }): Promise<void> {
    for (const file of await this.files(session)) await this.bucket().delete(file._id);
  }
}
