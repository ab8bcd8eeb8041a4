/**
 * The console's CPU-heavy work, run on worker threads so the bot's event loop stays free: bcrypt
 * (a login costs about a quarter of a second of CPU at cost 12; thirty at once stalled everything for
 * seconds) and decoding, parsing and checking an uploaded FAQ file. This module is both the worker
 * (it serves the tasks below when a pool starts it) and, on the main thread, the way to call them.
 */
import bcrypt from 'bcryptjs';
import { decodeFaqFile, FaqFileError, parseFaqFile, type FaqFileFormat } from '../faq/file';
import type { FaqEntryInput } from '../faq/types';
import { serveTasks, WorkerPool } from './worker-pool';

/** A FAQ file read on a worker: its entries, or every problem found (the import is refused). */
export type ParsedFaqFile = { ok: true; entries: FaqEntryInput[] } | { ok: false; problems: string[] };

const tasks = {
  hash: (password: string, cost: number): Promise<string> => bcrypt.hash(password, cost),
  verify: (password: string, hash: string): Promise<boolean> => bcrypt.compare(password, hash),
  /** `file`: the raw bytes (checked to be UTF-8) or text already decoded (a JSON request body). */
  parseFaqFile: (file: Uint8Array | string, format: FaqFileFormat): ParsedFaqFile => {
    try {
      const text = typeof file === 'string' ? file : decodeFaqFile(file);
      return { ok: true, entries: parseFaqFile(text, format) };
    } catch (error) {
      if (error instanceof FaqFileError) return { ok: false, problems: error.problems };
      throw error;
    }
  },
};

serveTasks(tasks);

let pool: WorkerPool<typeof tasks> | undefined;

/** The process's one pool for this work, started on first use. */
export function offLoop(): WorkerPool<typeof tasks> {
  pool ??= new WorkerPool<typeof tasks>(__filename);
  return pool;
}
