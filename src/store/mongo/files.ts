/**
 * Named files in GridFS (one bucket), for what must follow the bot to any machine on the same
 * database: the WhatsApp login, which is a zip of a browser profile and easily passes the 16 MB
 * document limit.
 */
import { pipeline } from 'node:stream/promises';
import { mongo } from 'mongoose';
import type { FileStore } from '../types';
import type { MongoDb } from './db';

export const FILE_BUCKET = 'whatsapp_sessions';

export class MongoFiles implements FileStore {
  private readonly bucket: mongo.GridFSBucket;

  constructor(d: MongoDb) {
    this.bucket = new mongo.GridFSBucket(d.db, { bucketName: FILE_BUCKET });
  }

  private async ids(name: string): Promise<mongo.ObjectId[]> {
    const files = await this.bucket.find({ filename: name }, { projection: { _id: 1 }, sort: { uploadDate: -1 } }).toArray();
    return files.map((f) => f._id);
  }

  async exists(name: string): Promise<boolean> {
    return (await this.ids(name)).length > 0;
  }

  /** Uploads the new file first and only then removes the older copies: a failed upload loses nothing. */
  async put(name: string, from: NodeJS.ReadableStream): Promise<void> {
    const older = await this.ids(name);
    await pipeline(from, this.bucket.openUploadStream(name));
    for (const id of older) await this.bucket.delete(id);
  }

  async get(name: string, to: NodeJS.WritableStream): Promise<void> {
    // revision -1: the newest upload, should an interrupted put have left two.
    await pipeline(this.bucket.openDownloadStreamByName(name, { revision: -1 }), to);
  }

  async delete(name: string): Promise<void> {
    for (const id of await this.ids(name)) await this.bucket.delete(id);
  }
}
