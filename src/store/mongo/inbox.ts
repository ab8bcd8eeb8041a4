/**
 * The inbox of updates from residents (MongoDB), a plain collection keyed by channel and update id.
 * Completing an update queues its answer and marks it handled in one transaction on a replica set;
 * on a standalone server the answer is queued first under dedupe keys, so an update handled again
 * after a crash between the two writes does not queue it twice.
 */
import type { mongo } from 'mongoose';
import type { InboundInput, InboundState, InboxStore, OutgoingInput } from '../types';
import { isDuplicateKey, type MongoDb } from './db';
import type { CollectionIndexes } from './indexes';
import type { MongoOutbox } from './outbox';

const INBOX = 'inbox';

export const INBOX_INDEXES: CollectionIndexes[] = [
  {
    collection: INBOX,
    indexes: [
      // A redelivered update is recognised by its channel and update id.
      { key: { channel: 1, updateId: 1 }, unique: true },
      // What a channel has not handled yet, in arrival order (recovery at start).
      { key: { channel: 1, handledAt: 1, seq: 1 } },
    ],
  },
];

interface InboundDoc extends InboundInput {
  _id: string;
  /** Arrival order. */
  seq: number;
  handledAt?: Date;
}

const idOf = (channel: string, updateId: string) => `${channel}\u0000${updateId}`;

export class MongoInbox implements InboxStore {
  private readonly updates: mongo.Collection<InboundDoc>;

  constructor(
    private readonly d: MongoDb,
    private readonly outbox: MongoOutbox,
  ) {
    this.updates = d.db.collection<InboundDoc>(INBOX);
  }

  async record(input: InboundInput): Promise<InboundState> {
    const _id = idOf(input.channel, input.updateId);
    const known = await this.updates.findOne({ _id }, { projection: { handledAt: 1 } });
    if (known) return known.handledAt ? 'handled' : 'pending';
    try {
      await this.updates.insertOne({ _id, ...input, seq: await this.d.next('inbox') });
      return 'new';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await this.updates.findOne({ _id }))?.handledAt ? 'handled' : 'pending';
    }
  }

  async unhandled(channel: string, limit = 100): Promise<InboundInput[]> {
    const docs = await this.updates.find({ channel, handledAt: { $exists: false } }).sort({ seq: 1 }).limit(limit).toArray();
    return docs.map((d) => ({ channel: d.channel, updateId: d.updateId, payload: d.payload, receivedAt: d.receivedAt }));
  }

  async complete(channel: string, updateId: string, outgoing: OutgoingInput[] = []): Promise<void> {
    await this.d.atomically(async (session) => {
      await this.outbox.insert(outgoing, session);
      const at = this.d.now();
      // Upserted: a completion of an update the store was down to record still marks it handled.
      await this.updates.updateOne(
        { _id: idOf(channel, updateId) },
        { $set: { handledAt: at }, $setOnInsert: { channel, updateId, payload: '{}', receivedAt: at, seq: 0 } },
        { upsert: true, session },
      );
    });
  }

  async prune(before: Date): Promise<number> {
    return (await this.updates.deleteMany({ handledAt: { $exists: true }, receivedAt: { $lt: before } })).deletedCount;
  }
}
