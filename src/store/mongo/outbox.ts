/** The outbox of messages channels still have to deliver (MongoDB). */
import type { ClientSession } from 'mongoose';
import { pick, withPresent } from '../records';
import { ticketNumber } from '../ticket-id';
import type { OutboxStore, OutgoingInput, OutgoingMessage } from '../types';
import { isDuplicateKey, type MongoDb } from './db';
import { inSequence } from './sequence';
import type { OutboxDoc } from './schemas';

function outgoingFromDoc(doc: OutboxDoc): OutgoingMessage {
  const message = { id: String(doc._id), ...pick(doc, ['channel', 'chatId', 'text', 'createdAt', 'attempts']) };
  return withPresent<OutgoingMessage>(message, pick(doc, ['lastError', 'retryAt']));
}

export class MongoOutbox implements OutboxStore {
  constructor(private readonly d: MongoDb) {}

  /**
   * Numbers the batch and inserts it with one ordered insertMany, in sequence with every other
   * enqueue (`sequence.ts`): a later id never becomes visible before an earlier one, so the sender
   * can rely on id order per chat. Without a transaction a failure midway can leave the first part
   * queued; the numbers still order the queue, and a gap in them is harmless.
   */
  async enqueue(items: OutgoingInput[]): Promise<OutgoingMessage[]> {
    if (items.length === 0) return [];
    return this.insert(items, undefined);
  }

  /**
   * Queues the items — in the caller's transaction when it passes a session (the inbox marking an
   * update handled), else numbered in sequence (see `sequence.ts`) — and resolves those queued: an
   * item whose dedupe key is known already is skipped.
   */
  async insert(items: OutgoingInput[], session: ClientSession | undefined): Promise<OutgoingMessage[]> {
    const keys = items.flatMap((item) => (item.dedupeKey === undefined ? [] : [item.dedupeKey]));
    const known = new Set(
      keys.length === 0
        ? []
        : (await this.d.m.outbox.find({ dedupeKey: { $in: keys } }, { dedupeKey: 1 }, { session }).lean<{ dedupeKey: string }[]>()).map((d) => d.dedupeKey),
    );
    const fresh = items.filter((item) => item.dedupeKey === undefined || !known.has(item.dedupeKey));
    if (fresh.length === 0) return [];
    const write = async (first: number, s: ClientSession | undefined): Promise<OutgoingMessage[]> => {
      const at = this.d.now();
      const docs: OutboxDoc[] = fresh.map((item, i) =>
        withPresent<OutboxDoc>(
          { _id: first + i, channel: item.channel, chatId: item.chatId, text: item.text, status: 'pending', attempts: 0, createdAt: at },
          { dedupeKey: item.dedupeKey },
        ),
      );
      try {
        await this.d.m.outbox.insertMany(docs, { ordered: true, session: s });
      } catch (error) {
        // Another writer queued the same key in between: that copy stands.
        if (!isDuplicateKey(error)) throw error;
        return [];
      }
      return docs.map(outgoingFromDoc);
    };
    // Inside a transaction, numbers taken with $inc become visible in order on commit.
    if (session) return write((await this.d.next('outbox', fresh.length, session)) - fresh.length + 1, session);
    return inSequence(this.d, 'outbox', fresh.length, write, { logger: this.d.logger });
  }

  async pending(channel: string, limit = 100): Promise<OutgoingMessage[]> {
    return this.list(channel, 'pending', 1, limit);
  }

  // Outbox ids have the tickets' form: a decimal sequence number.
  async markSent(id: string): Promise<void> {
    const n = ticketNumber(id);
    if (n !== undefined) await this.d.m.outbox.deleteOne({ _id: n, status: 'pending' });
  }

  async markFailed(id: string, error: string, retryAt?: Date): Promise<void> {
    const n = ticketNumber(id);
    if (n === undefined) return;
    const update = retryAt
      ? { $set: { lastError: error, retryAt }, $inc: { attempts: 1 } }
      : { $set: { lastError: error, status: 'failed' }, $unset: { retryAt: '' }, $inc: { attempts: 1 } };
    await this.d.m.outbox.updateOne({ _id: n, status: 'pending' }, update, { runValidators: true });
  }

  async failed(channel: string, limit = 100): Promise<OutgoingMessage[]> {
    return this.list(channel, 'failed', -1, limit);
  }

  private async list(channel: string, status: OutboxDoc['status'], order: 1 | -1, limit: number): Promise<OutgoingMessage[]> {
    const docs = await this.d.m.outbox.find({ channel, status }).sort({ _id: order }).limit(limit).lean<OutboxDoc[]>();
    return docs.map(outgoingFromDoc);
  }
}
