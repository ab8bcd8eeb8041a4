/** Alert subscriptions, alerts and one delivery record per recipient (SQLite). */
import { addToProgress, subscriptionMatches } from '../alert-match';
import { ticketNumber } from '../ticket-id';
import type { Alert, AlertInput, AlertProgress, AlertRecipient, AlertStatus, AlertStore, RecipientStatus, Subscription, SubscriptionInput } from '../types';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type SubscriptionRow = Row<Subscription>;
type AlertRow = Row<Alert, 'id'>;
type RecipientRow = Row<AlertRecipient, 'alertId'> & { seq: number };

const subscriptionRows = rowCodec<Subscription>({ fields: { topics: 'json', createdAt: 'date', updatedAt: 'date' }, optional: ['district'] });
const ALERT_FIELDS = { text: 'json', topics: 'json', districts: 'json', runAt: 'date', createdAt: 'date', finishedAt: 'date' } as const;
const alertRows = rowCodec<Alert, 'id'>({ fields: { id: 'id', ...ALERT_FIELDS }, optional: ['finishedAt'] });
/** A new alert's row (the table numbers it). */
type NewAlert = Omit<Alert, 'id'>;
const newAlertRows = rowCodec<NewAlert>({ fields: ALERT_FIELDS, optional: ['finishedAt'] });
const recipientRows = rowCodec<AlertRecipient, 'alertId'>({ fields: { alertId: 'id', updatedAt: 'date' }, extra: ['seq'] });

export class SqliteAlerts implements AlertStore {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    const { db } = s;
    this.sql = {
      subUpsert: db.prepare<[SubscriptionRow]>(
        `INSERT INTO subscriptions (channel, chat_id, topics, district, lang, created_at, updated_at)
         VALUES (@channel, @chat_id, @topics, @district, @lang, @created_at, @updated_at)
         ON CONFLICT (channel, chat_id) DO UPDATE SET topics = excluded.topics, district = excluded.district,
           lang = excluded.lang, updated_at = excluded.updated_at`,
      ),
      subGet: db.prepare<[string, string], SubscriptionRow>('SELECT * FROM subscriptions WHERE channel = ? AND chat_id = ?'),
      subDelete: db.prepare<[string, string]>('DELETE FROM subscriptions WHERE channel = ? AND chat_id = ?'),
      subAll: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions'),
      skipChat: db.prepare<[number, string, string]>(
        `UPDATE alert_recipients SET status = 'skipped', reason = 'unsubscribed', updated_at = ?
         WHERE channel = ? AND chat_id = ? AND status = 'pending'`,
      ),
      alertInsert: db.prepare<[Row<NewAlert>]>(
        `INSERT INTO alerts (text, topics, districts, run_at, created_by, created_at, status)
         VALUES (@text, @topics, @districts, @run_at, @created_by, @created_at, @status)`,
      ),
      alertGet: db.prepare<[number], AlertRow>('SELECT * FROM alerts WHERE id = ?'),
      alertList: db.prepare<[], AlertRow>('SELECT * FROM alerts ORDER BY id DESC'),
      alertStart: db.prepare<[number]>("UPDATE alerts SET status = 'sending' WHERE id = ? AND status = 'scheduled'"),
      alertFinish: db.prepare<[string, number, number]>(
        "UPDATE alerts SET status = ?, finished_at = ? WHERE id = ? AND status IN ('scheduled', 'sending')",
      ),
      recipientInsert: db.prepare<[number, string, string, string, number]>(
        `INSERT OR IGNORE INTO alert_recipients (alert_id, channel, chat_id, lang, status, updated_at)
         VALUES (?, ?, ?, ?, 'pending', ?)`,
      ),
      recipientsPending: db.prepare<[number, number], RecipientRow>(
        "SELECT * FROM alert_recipients WHERE alert_id = ? AND status = 'pending' ORDER BY seq LIMIT ?",
      ),
      recipientsPendingOf: db.prepare<[number, string, number], RecipientRow>(
        "SELECT * FROM alert_recipients WHERE alert_id = ? AND status = 'pending' AND channel = ? ORDER BY seq LIMIT ?",
      ),
      recipientsAll: db.prepare<[number], RecipientRow>('SELECT * FROM alert_recipients WHERE alert_id = ? ORDER BY seq'),
      recipientMark: db.prepare<{ status: string; reason: string | null; at: number; alert: number; channel: string; chat: string }>(
        `UPDATE alert_recipients SET status = @status, reason = @reason, updated_at = @at
         WHERE alert_id = @alert AND channel = @channel AND chat_id = @chat
           AND (status = 'pending' OR (@status = 'sent' AND status = 'skipped'))`,
      ),
      recipientsCancel: db.prepare<[number, number]>(
        `UPDATE alert_recipients SET status = 'skipped', reason = 'cancelled', updated_at = ?
         WHERE alert_id = ? AND status = 'pending'`,
      ),
      progress: db.prepare<[number], { channel: string; status: RecipientStatus; n: number }>(
        'SELECT channel, status, COUNT(*) AS n FROM alert_recipients WHERE alert_id = ? GROUP BY channel, status',
      ),
    };
  }

  async saveSubscription(input: SubscriptionInput): Promise<Subscription> {
    const at = this.s.now();
    return this.s.write(() => {
      this.sql.subUpsert.run(subscriptionRows.toRow({ ...input, createdAt: at, updatedAt: at }));
      const row = this.sql.subGet.get(input.channel, input.chatId);
      if (!row) throw new Error('subscription missing after upsert');
      return subscriptionRows.fromRow(row);
    });
  }

  async getSubscription(channel: string, chatId: string): Promise<Subscription | null> {
    const row = this.sql.subGet.get(channel, chatId);
    return row ? subscriptionRows.fromRow(row) : null;
  }

  async deleteSubscription(channel: string, chatId: string): Promise<boolean> {
    return this.s.write(() => {
      this.sql.skipChat.run(this.s.now().getTime(), channel, chatId);
      return this.sql.subDelete.run(channel, chatId).changes > 0;
    });
  }

  async matchingSubscriptions(topics: string[], districts: string[]): Promise<Subscription[]> {
    return this.matching(topics, districts);
  }

  /**
   * Filtered here rather than in SQL: topics are a JSON list and the region has thousands of
   * subscribers, not millions; one scan per alert is cheap.
   */
  private matching(topics: string[], districts: string[]): Subscription[] {
    return this.sql.subAll.all().map(subscriptionRows.fromRow).filter((sub) => subscriptionMatches(sub, topics, districts));
  }

  async create(input: AlertInput): Promise<Alert> {
    const alert: NewAlert = { ...input, status: 'scheduled', createdAt: this.s.now() };
    const { lastInsertRowid } = this.sql.alertInsert.run(newAlertRows.toRow(alert));
    return { ...alert, id: String(lastInsertRowid) };
  }

  async get(id: string): Promise<Alert | null> {
    const n = ticketNumber(id);
    const row = n === undefined ? undefined : this.sql.alertGet.get(n);
    return row ? alertRows.fromRow(row) : null;
  }

  async list(filter: { status?: AlertStatus[] } = {}): Promise<Alert[]> {
    const all = this.sql.alertList.all().map(alertRows.fromRow);
    return filter.status ? all.filter((a) => filter.status?.includes(a.status)) : all;
  }

  async start(id: string): Promise<boolean> {
    const n = ticketNumber(id);
    if (n === undefined) return false;
    return this.s.write(() => {
      if (this.sql.alertStart.run(n).changes === 0) return false;
      const alert = this.sql.alertGet.get(n);
      if (!alert) return false;
      const at = this.s.now().getTime();
      for (const sub of this.matching(JSON.parse(alert.topics) as string[], JSON.parse(alert.districts) as string[])) {
        this.sql.recipientInsert.run(n, sub.channel, sub.chatId, sub.lang, at);
      }
      return true;
    });
  }

  async pendingRecipients(alertId: string, limit: number, channel?: string): Promise<AlertRecipient[]> {
    const n = ticketNumber(alertId);
    if (n === undefined) return [];
    const rows = channel === undefined ? this.sql.recipientsPending.all(n, limit) : this.sql.recipientsPendingOf.all(n, channel, limit);
    return rows.map(recipientRows.fromRow);
  }

  async markRecipient(alertId: string, channel: string, chatId: string, status: Exclude<RecipientStatus, 'pending'>, reason?: string): Promise<boolean> {
    const n = ticketNumber(alertId);
    if (n === undefined) return false;
    return this.sql.recipientMark.run({ status, reason: reason ?? null, at: this.s.now().getTime(), alert: n, channel, chat: chatId }).changes > 0;
  }

  async finish(id: string, status: 'done' | 'cancelled'): Promise<boolean> {
    const n = ticketNumber(id);
    if (n === undefined) return false;
    const at = this.s.now().getTime();
    return this.s.write(() => {
      if (this.sql.alertFinish.run(status, at, n).changes === 0) return false;
      if (status === 'cancelled') this.sql.recipientsCancel.run(at, n);
      return true;
    });
  }

  async progress(alertId: string): Promise<AlertProgress> {
    const progress: AlertProgress = {};
    const n = ticketNumber(alertId);
    if (n === undefined) return progress;
    for (const row of this.sql.progress.all(n)) addToProgress(progress, row.channel, row.status, row.n);
    return progress;
  }

  async recipients(alertId: string, status?: RecipientStatus[]): Promise<AlertRecipient[]> {
    const n = ticketNumber(alertId);
    if (n === undefined) return [];
    const all = this.sql.recipientsAll.all(n).map(recipientRows.fromRow);
    return status ? all.filter((r) => status.includes(r.status)) : all;
  }
}
