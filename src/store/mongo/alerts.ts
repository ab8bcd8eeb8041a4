/**
 * The alert part of the MongoDB store, on plain driver collections (subscriptions, alerts,
 * alert_recipients).
 *
 * Three changes span two collections and must not race each other: starting an alert (its status
 * and one pending recipient per matching subscription), an unsubscribe (the subscription and the
 * chat's pending deliveries), a cancel (the status and the pending deliveries). SQLite does each in
 * one transaction. Here each is a short sequence of single-document-atomic writes, ordered so that
 * whatever interleaves, the outcome is what SQLite's would be — on a replica set and on a
 * standalone server alike, and without a transaction as large as an alert's whole audience:
 *
 * - start: claim the preparation (one process writes the recipients), write every recipient while
 *   the alert is still 'scheduled', skip those whose subscription went meanwhile, and only then flip
 *   it to 'sending' — no sender ever sees it sending with recipients missing. If a cancel came
 *   first, the flip fails and the recipients just written are skipped. A start interrupted midway
 *   leaves the alert scheduled; the next one completes it (the unique (alertId, channel, chatId)
 *   index refuses doubles, which are ignored).
 * - unsubscribe: delete the subscription first, then skip the chat's pending deliveries. A start
 *   that read the subscription before it went checks again after writing its recipients; one that
 *   read it later never wrote one.
 * - cancel: flip the status first, then skip pending deliveries; a start still writing fails its
 *   flip and skips its own. Both skip steps also run when repeated, completing an interrupted one.
 */
import type { mongo } from 'mongoose';
import type { Lang } from '../../i18n/languages';
import { addToProgress, subscriptionMatches } from '../alert-match';
import { pick, withPresent } from '../records';
import { ticketNumber } from '../ticket-id';
import type { Alert, AlertInput, AlertProgress, AlertRecipient, AlertStatus, AlertStore, RecipientStatus, Subscription, SubscriptionInput } from '../types';
import type { MongoDb } from './db';
import type { CollectionIndexes } from './indexes';

interface SubscriptionDoc {
  _id: string;
  channel: string;
  chatId: string;
  topics: string[];
  district?: string;
  lang: Lang;
  createdAt: Date;
  updatedAt: Date;
}

interface AlertDoc extends AlertInput {
  _id: number;
  status: AlertStatus;
  createdAt: Date;
  finishedAt?: Date;
  /** While one process writes the recipients of a scheduled alert: until when the others leave it to it. */
  preparingUntil?: Date;
}

interface RecipientDoc extends Omit<AlertRecipient, 'alertId'> {
  alertId: number;
  /** Insertion order, for a stable sending order across restarts. */
  seq: number;
}

export const ALERT_INDEXES: CollectionIndexes[] = [
  // matchingSubscriptions: a multikey index, one key per topic of each subscription.
  { collection: 'subscriptions', indexes: [{ key: { topics: 1 } }] },
  { collection: 'alerts', indexes: [{ key: { status: 1, runAt: 1 } }] },
  {
    collection: 'alert_recipients',
    indexes: [
      // One delivery per resident and alert: a retried start never doubles one.
      { key: { alertId: 1, channel: 1, chatId: 1 }, unique: true },
      { key: { alertId: 1, status: 1, seq: 1 } },
      { key: { channel: 1, chatId: 1, status: 1 } },
    ],
  },
];

/** How long one process may take to write an alert's recipients before another may take over. */
const PREPARE_MS = 5 * 60_000;

const DUPLICATE_KEY = 11000;

/** True when every failed insert of a bulk write was a duplicate key (a recipient written before). */
function onlyDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
  const all = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return all.length > 0 && all.every((e) => e.code === DUPLICATE_KEY);
}

type Chat = Pick<Subscription, 'channel' | 'chatId'>;

const subKey = (channel: string, chatId: string) => `${channel}:${chatId}`;

function subscriptionFromDoc(doc: SubscriptionDoc): Subscription {
  return withPresent<Subscription>(pick(doc, ['channel', 'chatId', 'topics', 'lang', 'createdAt', 'updatedAt']), { district: doc.district });
}

function alertFromDoc(doc: AlertDoc): Alert {
  const alert = { id: String(doc._id), ...pick(doc, ['text', 'topics', 'districts', 'runAt', 'createdBy', 'createdAt', 'status']) };
  return withPresent<Alert>(alert, { finishedAt: doc.finishedAt });
}

function recipientFromDoc(doc: RecipientDoc): AlertRecipient {
  const recipient = { alertId: String(doc.alertId), ...pick(doc, ['channel', 'chatId', 'lang', 'status', 'updatedAt']) };
  return withPresent<AlertRecipient>(recipient, { reason: doc.reason });
}

export class MongoAlerts implements AlertStore {
  private readonly subs: mongo.Collection<SubscriptionDoc>;
  private readonly alerts: mongo.Collection<AlertDoc>;
  private readonly recipientDocs: mongo.Collection<RecipientDoc>;
  private readonly now: () => Date;

  constructor(private readonly d: MongoDb) {
    this.subs = d.db.collection<SubscriptionDoc>('subscriptions');
    this.alerts = d.db.collection<AlertDoc>('alerts');
    this.recipientDocs = d.db.collection<RecipientDoc>('alert_recipients');
    this.now = d.now;
  }

  async saveSubscription(input: SubscriptionInput): Promise<Subscription> {
    const at = this.now();
    const $set: Partial<SubscriptionDoc> = {
      channel: input.channel,
      chatId: input.chatId,
      topics: input.topics,
      lang: input.lang,
      updatedAt: at,
    };
    const update: mongo.UpdateFilter<SubscriptionDoc> = { $set, $setOnInsert: { createdAt: at } };
    if (input.district !== undefined) $set.district = input.district;
    else update.$unset = { district: '' };
    const doc = await this.subs.findOneAndUpdate({ _id: subKey(input.channel, input.chatId) }, update, {
      upsert: true,
      returnDocument: 'after',
    });
    if (!doc) throw new Error('subscription missing after upsert');
    return subscriptionFromDoc(doc);
  }

  async getSubscription(channel: string, chatId: string): Promise<Subscription | null> {
    const doc = await this.subs.findOne({ _id: subKey(channel, chatId) });
    return doc ? subscriptionFromDoc(doc) : null;
  }

  async deleteSubscription(channel: string, chatId: string): Promise<boolean> {
    // Delete first, then skip (see the top of this file). The skip runs even when there was no
    // subscription: a retry completes an unsubscribe interrupted between the two writes.
    const { deletedCount } = await this.subs.deleteOne({ _id: subKey(channel, chatId) });
    await this.recipientDocs.updateMany({ channel, chatId, status: 'pending' }, { $set: { status: 'skipped', reason: 'unsubscribed', updatedAt: this.now() } });
    return deletedCount > 0;
  }

  async matchingSubscriptions(topics: string[], districts: string[]): Promise<Subscription[]> {
    const docs = await this.subs.find({ topics: { $in: topics } }).toArray();
    return docs.map(subscriptionFromDoc).filter((s) => subscriptionMatches(s, topics, districts));
  }

  async create(input: AlertInput): Promise<Alert> {
    const doc: AlertDoc = { ...input, _id: await this.d.next('alert'), status: 'scheduled', createdAt: this.now() };
    await this.alerts.insertOne(doc);
    return alertFromDoc(doc);
  }

  async get(id: string): Promise<Alert | null> {
    const n = ticketNumber(id);
    const doc = n === undefined ? null : await this.alerts.findOne({ _id: n });
    return doc ? alertFromDoc(doc) : null;
  }

  async list(filter: { status?: AlertStatus[] } = {}): Promise<Alert[]> {
    const query = filter.status ? { status: { $in: filter.status } } : {};
    return (await this.alerts.find(query).sort({ _id: -1 }).toArray()).map(alertFromDoc);
  }

  async start(id: string): Promise<boolean> {
    const n = ticketNumber(id);
    if (n === undefined) return false;
    const at = this.now();
    // Every process ticks at the same second: one of them writes the recipients.
    const alert = await this.alerts.findOneAndUpdate(
      { _id: n, status: 'scheduled', $or: [{ preparingUntil: { $exists: false } }, { preparingUntil: { $lte: at } }] },
      { $set: { preparingUntil: new Date(at.getTime() + PREPARE_MS) } },
    );
    if (!alert) return false;
    const subs = await this.matchingSubscriptions(alert.topics, alert.districts);
    await this.writeRecipients(n, subs, at);
    // What is pending now: these subscriptions or, when an earlier start was interrupted (its claim
    // had run out), also what that one wrote.
    const resumed = alert.preparingUntil !== undefined;
    const pending = resumed ? await this.recipientDocs.find({ alertId: n, status: 'pending' }, { projection: { channel: 1, chatId: 1 } }).toArray() : subs;
    await this.skipGone(n, pending, await this.matchingSubscriptions(alert.topics, alert.districts), at);
    const flipped = await this.alerts.updateOne({ _id: n, status: 'scheduled' }, { $set: { status: 'sending' }, $unset: { preparingUntil: '' } });
    if (flipped.modifiedCount > 0) return true;
    // Cancelled while the recipients were written: none of them may stay pending. (Not scheduled
    // for another reason — another process took over a claim that had run out and started it —
    // its recipients are its own.)
    const now = await this.alerts.findOne({ _id: n }, { projection: { status: 1 } });
    if (now?.status === 'cancelled') await this.skipPending(n, 'cancelled', this.now());
    return false;
  }

  /** One pending recipient per subscription; ones an interrupted start wrote already are kept as they are. */
  private async writeRecipients(alertId: number, subs: Subscription[], at: Date): Promise<void> {
    if (subs.length === 0) return;
    const docs: RecipientDoc[] = subs.map((s, i) => ({ alertId, seq: i, channel: s.channel, chatId: s.chatId, lang: s.lang, status: 'pending', updatedAt: at }));
    try {
      await this.recipientDocs.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
    }
  }

  /** Skips the pending recipients whose subscription is gone (or no longer matches) now. */
  private async skipGone(alertId: number, before: Chat[], now: Subscription[], at: Date): Promise<void> {
    const still = new Set(now.map((s) => subKey(s.channel, s.chatId)));
    const gone = before.filter((s) => !still.has(subKey(s.channel, s.chatId))).map((s) => ({ channel: s.channel, chatId: s.chatId }));
    if (gone.length === 0) return;
    await this.recipientDocs.updateMany({ alertId, status: 'pending', $or: gone }, { $set: { status: 'skipped', reason: 'unsubscribed', updatedAt: at } });
  }

  private async skipPending(alertId: number, reason: string, at: Date): Promise<void> {
    await this.recipientDocs.updateMany({ alertId, status: 'pending' }, { $set: { status: 'skipped', reason, updatedAt: at } });
  }

  async pendingRecipients(alertId: string, limit: number, channel?: string): Promise<AlertRecipient[]> {
    const n = ticketNumber(alertId);
    if (n === undefined) return [];
    const query: mongo.Filter<RecipientDoc> = { alertId: n, status: 'pending' };
    if (channel !== undefined) query.channel = channel;
    return (await this.recipientDocs.find(query).sort({ seq: 1 }).limit(limit).toArray()).map(recipientFromDoc);
  }

  async markRecipient(
    alertId: string,
    channel: string,
    chatId: string,
    status: Exclude<RecipientStatus, 'pending'>,
    reason?: string,
  ): Promise<boolean> {
    const n = ticketNumber(alertId);
    if (n === undefined) return false;
    const update: mongo.UpdateFilter<RecipientDoc> = { $set: { status, updatedAt: this.now() } };
    if (reason !== undefined) update.$set = { ...update.$set, reason };
    else update.$unset = { reason: '' };
    const from: RecipientStatus[] = status === 'sent' ? ['pending', 'skipped'] : ['pending'];
    const result = await this.recipientDocs.updateOne({ alertId: n, channel, chatId, status: { $in: from } }, update);
    return result.modifiedCount > 0;
  }

  async finish(id: string, status: 'done' | 'cancelled'): Promise<boolean> {
    const n = ticketNumber(id);
    if (n === undefined) return false;
    const at = this.now();
    const result = await this.alerts.updateOne(
      { _id: n, status: { $in: ['scheduled', 'sending'] } },
      { $set: { status, finishedAt: at }, $unset: { preparingUntil: '' } },
    );
    // Flip first, then skip (see the top of this file). Also when it was cancelled before: a
    // repeated cancel completes one interrupted between the two writes (a done alert has no pending).
    if (status === 'cancelled') await this.skipPending(n, 'cancelled', at);
    return result.modifiedCount > 0;
  }

  async progress(alertId: string): Promise<AlertProgress> {
    const progress: AlertProgress = {};
    const n = ticketNumber(alertId);
    if (n === undefined) return progress;
    const rows = await this.recipientDocs
      .aggregate<{ _id: { channel: string; status: RecipientStatus }; n: number }>([
        { $match: { alertId: n } },
        { $group: { _id: { channel: '$channel', status: '$status' }, n: { $sum: 1 } } },
      ])
      .toArray();
    for (const row of rows) addToProgress(progress, row._id.channel, row._id.status, row.n);
    return progress;
  }

  async recipients(alertId: string, status?: RecipientStatus[]): Promise<AlertRecipient[]> {
    const n = ticketNumber(alertId);
    if (n === undefined) return [];
    const query: mongo.Filter<RecipientDoc> = { alertId: n };
    if (status) query.status = { $in: status };
    return (await this.recipientDocs.find(query).sort({ seq: 1 }).toArray()).map(recipientFromDoc);
  }
}
