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

/** The part of the driver's GridFSBucket the files use; a test passes a fake with GridFS's error shapes. */
export interface FileBucket {
  find(filter: { filename: string }, options: { projection: { _id: 1 }; sort: { uploadDate: -1 } }): { toArray(): Promise<{ _id: mongo.ObjectId }[]> };
  openUploadStream(filename: string): NodeJS.WritableStream & { abort(): Promise<void> };
  openDownloadStreamByName(filename: string, options: { revision: number }): NodeJS.ReadableStream;
  delete(id: mongo.ObjectId): Promise<void>;
}

/**
 * What GridFS throws when a file to delete is not there (the driver has no error class of its own
 * for it): another process removed it first, which is what the caller wanted.
 */
export function isFileNotFound(error: unknown): boolean {
  return error instanceof mongo.MongoRuntimeError && /^File not found for id/.test(error.message);
}

export class MongoFiles implements FileStore {
  constructor(private readonly bucket: FileBucket) {}

  /** The files in the store's database. */
  static of(d: MongoDb): MongoFiles {
    return new MongoFiles(new mongo.GridFSBucket(d.db, { bucketName: FILE_BUCKET }));
  }

  private async ids(name: string): Promise<mongo.ObjectId[]> {
    const files = await this.bucket.find({ filename: name }, { projection: { _id: 1 }, sort: { uploadDate: -1 } }).toArray();
    return files.map((f) => f._id);
  }

  async exists(name: string): Promise<boolean> {
    return (await this.ids(name)).length > 0;
  }

  /**
   * Uploads the new file first and only then removes the older copies: a failed upload loses
   * nothing (its chunks are removed again).
   */
  async put(name: string, from: NodeJS.ReadableStream): Promise<void> {
    const older = await this.ids(name);
    const upload = this.bucket.openUploadStream(name);
    try {
      await pipeline(from, upload);
    } catch (error) {
      await upload.abort().catch(() => undefined);
      throw error;
    }
    await this.remove(older);
  }

  async get(name: string, to: NodeJS.WritableStream): Promise<void> {
    // revision -1: the newest upload, should an interrupted put have left two.
    await pipeline(this.bucket.openDownloadStreamByName(name, { revision: -1 }), to);
  }

  async delete(name: string): Promise<void> {
    await this.remove(await this.ids(name));
  }

  /** Removes files by id; one another process removed first counts as removed. */
  private async remove(ids: mongo.ObjectId[]): Promise<void> {
    for (const id of ids) {
      await this.bucket.delete(id).catch((error: unknown) => {
        if (!isFileNotFound(error)) throw error;
      });
    }
  }
}
