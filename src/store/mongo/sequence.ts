/**
 * Numbers for documents that readers take in number order and that must therefore become visible
 * in that order (the outbox: the sender relies on id order per chat). Taking numbers with `$inc`
 * and inserting afterwards is not enough: a later number can be inserted — and sent — before an
 * earlier one.
 *
 * - On a replica set, taking the numbers and writing the documents is one transaction: a second
 *   writer's `$inc` on the same counter conflicts and waits until the first has committed, so its
 *   documents become visible after the first's.
 * - On a standalone server (no transactions) the counter document doubles as a short lock: the
 *   numbers are taken and the lock held in one write, the documents written, the lock released.
 *   The lock's expiry is the server's clock (`$$NOW`), so a writer that died holding it delays the
 *   others for at most `LOCK_MS`, whatever the clocks of the bot machines say.
 */
import { randomUUID } from 'node:crypto';
import type { ClientSession } from 'mongoose';
import type { Logger } from '../../logging';
import type { MongoDb } from './db';

/** Longer than a write can take before it fails on its own (server selection plus the write timeout). */
export const LOCK_MS = 25_000;
/** Waits between attempts on a held lock: short first (an insert takes milliseconds), then steady. */
const WAIT_MS = [2, 5, 10, 20, 50, 100];

interface CounterDoc {
  _id: string;
  value: number;
  lock?: string;
  lockedUntil?: Date;
}

export interface SequenceOptions {
  logger?: Logger;
  /** Waits between attempts on a held lock (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes `count` numbers from the named counter and runs `write` with the first of them, so that
 * what `write` stores becomes visible in number order relative to every other call.
 */
export async function inSequence<T>(
  d: MongoDb,
  counter: string,
  count: number,
  write: (first: number, session: ClientSession | undefined) => Promise<T>,
  options: SequenceOptions = {},
): Promise<T> {
  if (d.transactions) {
    return d.atomically(async (session) => write((await d.next(counter, count, session)) - count + 1, session));
  }
  const counters = d.db.collection<CounterDoc>('counters');
  const token = randomUUID();
  const sleep = options.sleep ?? sleepFor;
  let last: number | undefined;
  for (let attempt = 0; last === undefined; attempt++) {
    const taken = await counters.findOneAndUpdate(
      { _id: counter, $expr: { $not: [{ $gt: ['$lockedUntil', '$$NOW'] }] } },
      [{ $set: { value: { $add: [{ $ifNull: ['$value', 0] }, count] }, lock: token, lockedUntil: { $add: ['$$NOW', LOCK_MS] } } }],
      { returnDocument: 'after' },
    );
    if (taken) {
      last = taken.value;
      break;
    }
    // Held by another writer, or no counter yet ($expr rules out an upsert here): make sure it exists.
    const created = await counters.updateOne({ _id: counter }, { $setOnInsert: { value: 0 } }, { upsert: true });
    if (created.upsertedCount === 0) await sleep(WAIT_MS[Math.min(attempt, WAIT_MS.length - 1)]);
  }
  try {
    return await write(last - count + 1, undefined);
  } finally {
    const released = await counters.updateOne({ _id: counter, lock: token }, { $unset: { lock: '', lockedUntil: '' } });
    if (released.matchedCount === 0) {
      options.logger?.warn({ counter, lockMs: LOCK_MS }, 'a sequenced write outlasted its lock: documents of another writer may have become visible before these');
    }
  }
}
