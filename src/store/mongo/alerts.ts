/**
 * The alert part of the MongoDB store, on plain driver collections (subscriptions, alerts,
 * alert_recipients). Single-document conditional updates carry the atomicity the contract needs:
 * starting an alert flips its status first (only one caller wins) and then inserts the recipients
 * with a unique (alertId, channel, chatId) index, so a retried start never doubles a recipient.
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
    // Skip first: a sender that reads the list between the two writes still finds nothing pending.
    await this.recipientDocs.updateMany(
      { channel, chatId, status: 'pending' },
      { $set: { status: 'skipped', reason: 'unsubscribed', updatedAt: this.now() } },
    );
    return (await this.subs.deleteOne({ _id: subKey(channel, chatId) })).deletedCount > 0;
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
    const alert = await this.alerts.findOneAndUpdate({ _id: n, status: 'scheduled' }, { $set: { status: 'sending' } });
    if (!alert) return false;
    const at = this.now();
    const subs = await this.matchingSubscriptions(alert.topics, alert.districts);
    const docs: RecipientDoc[] = subs.map((s, i) => ({
      alertId: n,
      seq: i,
      channel: s.channel,
      chatId: s.chatId,
      lang: s.lang,
      status: 'pending',
      updatedAt: at,
    }));
    if (docs.length > 0) await this.recipientDocs.insertMany(docs, { ordered: false });
    return true;
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
    const result = await this.alerts.updateOne({ _id: n, status: { $in: ['scheduled', 'sending'] } }, { $set: { status, finishedAt: at } });
    if (result.modifiedCount === 0) return false;
    if (status === 'cancelled') {
      await this.recipientDocs.updateMany({ alertId: n, status: 'pending' }, { $set: { status: 'skipped', reason: 'cancelled', updatedAt: at } });
    }
    return true;
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
