/**
 * The event feed (MongoDB), a plain collection. On a replica set new events are pushed to followers
 * by a change stream; a standalone server has none, and followers poll. Seqs come from a counter
 * before the insert, so two processes may make their events visible out of seq order for a moment:
 * `reorderWindow` tells a poller how far back to look again.
 */
import type { mongo } from 'mongoose';
import { pick, withPresent } from '../records';
import type { FeedEvent, FeedEventInput, FeedStore } from '../types';
import type { MongoDb } from './db';
import type { CollectionIndexes } from './indexes';

interface EventDoc extends Omit<FeedEvent, 'seq'> {
  _id: number;
}

const EVENTS = 'events';

/**
 * Old events go by `prune` (the event bus calls it, as on SQLite): one mechanism on both backends.
 * An older release's TTL index on `at` is replaced by this plain one at start.
 */
export const FEED_INDEXES: CollectionIndexes[] = [{ collection: EVENTS, indexes: [{ key: { at: 1 } }] }];

function eventFromDoc(doc: EventDoc): FeedEvent {
  return withPresent<FeedEvent>({ seq: doc._id, ...pick(doc, ['topic', 'kind', 'subject', 'origin', 'at']) }, pick(doc, ['data']));
}

export class MongoFeed implements FeedStore {
  readonly reorderWindow = 100;
  readonly watch?: FeedStore['watch'];
  private readonly events: mongo.Collection<EventDoc>;

  constructor(private readonly d: MongoDb) {
    this.events = d.db.collection<EventDoc>(EVENTS);
    if (d.transactions) this.watch = (onEvent, onError) => this.follow(onEvent, onError);
  }

  async append(e: FeedEventInput): Promise<FeedEvent> {
    const doc = withPresent<EventDoc>({ _id: await this.d.next('event'), topic: e.topic, kind: e.kind, subject: e.subject, origin: e.origin, at: this.d.now() }, { data: e.data });
    await this.events.insertOne(doc);
    return eventFromDoc(doc);
  }

  async after(seq: number, limit: number): Promise<FeedEvent[]> {
    return (await this.events.find({ _id: { $gt: seq } }).sort({ _id: 1 }).limit(limit).toArray()).map(eventFromDoc);
  }

  async head(): Promise<number> {
    const [last] = await this.events.find().sort({ _id: -1 }).limit(1).toArray();
    return last?._id ?? 0;
  }

  async prune(before: Date): Promise<number> {
    return (await this.events.deleteMany({ at: { $lt: before } })).deletedCount;
  }

  /** A change stream of inserts; replica sets (and mongos) only. */
  private async follow(onEvent: (event: FeedEvent) => void, onError: (error: unknown) => void): Promise<() => Promise<void>> {
    const stream = this.events.watch<EventDoc, mongo.ChangeStreamInsertDocument<EventDoc>>([{ $match: { operationType: 'insert' } }]);
    stream.on('change', (change) => onEvent(eventFromDoc(change.fullDocument)));
    stream.on('error', onError);
    return () => stream.close();
  }
}
