/**
 * A GridFS bucket in memory with the driver's behaviour where the session files depend on it:
 * the newest upload wins a read by name, a file is visible once its upload finished, and the
 * driver's own errors — `File not found for id …` from delete, `FileNotFound: file … was not found`
 * (code ENOENT) from a download by name. Failures can be switched on per operation, e.g. the
 * "not primary" a replica set election answers.
 */
import { PassThrough, Writable } from 'node:stream';
import { mongo } from 'mongoose';
import type { FileBucket } from '../../../src/store/mongo/files';

interface StoredFile {
  _id: mongo.ObjectId;
  filename: string;
  uploadDate: number;
  data: Buffer;
}

type Operation = 'find' | 'upload' | 'download' | 'delete';

export class FakeGridFs implements FileBucket {
  private readonly files: StoredFile[] = [];
  private readonly failures = new Map<Operation, Error>();
  private uploads = 0;
  /** Ids whose upload was aborted (its chunks removed). */
  readonly aborted: mongo.ObjectId[] = [];

  /** Makes every later call of `operation` fail with `error` (until `heal`). */
  fail(operation: Operation, error: Error): void {
    this.failures.set(operation, error);
  }

  heal(operation: Operation): void {
    this.failures.delete(operation);
  }

  /** The newest file of that name, as bytes. */
  newest(filename: string): Buffer | undefined {
    return this.byName(filename)[0]?.data;
  }

  names(): string[] {
    return [...new Set(this.files.map((f) => f.filename))].sort();
  }

  /** Removes a file behind the store's back, as another process would. */
  removeBehindTheBack(filename: string): void {
    for (const file of this.byName(filename)) this.files.splice(this.files.indexOf(file), 1);
  }

  find(filter: { filename: string }): { toArray(): Promise<{ _id: mongo.ObjectId }[]> } {
    return {
      toArray: async () => {
        this.throwIfFailing('find');
        return this.byName(filter.filename).map((f) => ({ _id: f._id }));
      },
    };
  }

  openUploadStream(filename: string): Writable & { abort(): Promise<void> } {
    const id = new mongo.ObjectId();
    const chunks: Buffer[] = [];
    const failure = this.failures.get('upload');
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (failure) return done(failure);
        chunks.push(Buffer.from(chunk));
        done();
      },
      final: (done) => {
        this.files.push({ _id: id, filename, uploadDate: ++this.uploads, data: Buffer.concat(chunks) });
        done();
      },
    });
    return Object.assign(stream, { abort: async () => void this.aborted.push(id) });
  }

  openDownloadStreamByName(filename: string): NodeJS.ReadableStream {
    const out = new PassThrough();
    const failure = this.failures.get('download');
    const file = this.byName(filename)[0];
    process.nextTick(() => {
      if (failure) return out.destroy(failure);
      if (!file) {
        const error = new mongo.MongoRuntimeError(`FileNotFound: file ${filename} was not found`);
        return out.destroy(Object.assign(error, { code: 'ENOENT' }));
      }
      out.end(file.data);
    });
    return out;
  }

  async delete(id: mongo.ObjectId): Promise<void> {
    this.throwIfFailing('delete');
    const index = this.files.findIndex((f) => f._id.equals(id));
    if (index < 0) throw new mongo.MongoRuntimeError(`File not found for id ${id.toHexString()}`);
    this.files.splice(index, 1);
  }

  private byName(filename: string): StoredFile[] {
    return this.files.filter((f) => f.filename === filename).sort((a, b) => b.uploadDate - a.uploadDate);
  }

  private throwIfFailing(operation: Operation): void {
    const failure = this.failures.get(operation);
    if (failure) throw failure;
  }
}

/** What a replica set member answers while an election is under way. */
export const notPrimary = () => new mongo.MongoServerError({ message: 'not primary', code: 10107, codeName: 'NotWritablePrimary' });
