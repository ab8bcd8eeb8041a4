/** The outbox of messages channels still have to deliver (SQLite). */
import { ticketNumber } from '../ticket-id';
import type { OutboxStore, OutgoingInput, OutgoingMessage } from '../types';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type OutboxRow = Row<OutgoingMessage, 'id'> & { status: 'pending' | 'failed' };

// The dedupe key is written, never read back: it only keeps a message from being queued twice.
const rows = rowCodec<OutgoingMessage, 'id'>({ fields: { id: 'id', createdAt: 'date', retryAt: 'date' }, extra: ['status', 'dedupe_key'] });

export class SqliteOutbox implements OutboxStore {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    const { db } = s;
    this.sql = {
      // OR IGNORE: a message whose dedupe key is queued already is left out.
      insert: db.prepare<[string, string, string, number, string | null]>(
        "INSERT OR IGNORE INTO outbox (channel, chat_id, text, status, created_at, dedupe_key) VALUES (?, ?, ?, 'pending', ?, ?)",
      ),
      get: db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?'),
      pending: db.prepare<[string, number], OutboxRow>("SELECT * FROM outbox WHERE channel = ? AND status = 'pending' ORDER BY id LIMIT ?"),
      failed: db.prepare<[string, number], OutboxRow>("SELECT * FROM outbox WHERE channel = ? AND status = 'failed' ORDER BY id DESC LIMIT ?"),
      delete: db.prepare<[number]>("DELETE FROM outbox WHERE id = ? AND status = 'pending'"),
      fail: db.prepare<{ id: number; error: string; retry_at: number | null }>(
        `UPDATE outbox SET attempts = attempts + 1, last_error = @error, retry_at = @retry_at,
           status = CASE WHEN @retry_at IS NULL THEN 'failed' ELSE 'pending' END
         WHERE id = @id AND status = 'pending'`,
      ),
    };
  }

  async enqueue(items: OutgoingInput[]): Promise<OutgoingMessage[]> {
    return this.s.write(() => this.insert(items));
  }

  /** Queues the items inside the caller's transaction; resolves those queued (a known dedupe key is skipped). */
  insert(items: OutgoingInput[]): OutgoingMessage[] {
    const at = this.s.now().getTime();
    const queued: OutgoingMessage[] = [];
    for (const item of items) {
      const { changes, lastInsertRowid } = this.sql.insert.run(item.channel, item.chatId, item.text, at, item.dedupeKey ?? null);
      if (changes > 0) queued.push(rows.fromRow(this.sql.get.get(Number(lastInsertRowid)) as OutboxRow));
    }
    return queued;
  }

  async pending(channel: string, limit = 100): Promise<OutgoingMessage[]> {
    return this.sql.pending.all(channel, limit).map(rows.fromRow);
  }

  // Outbox ids have the tickets' form: a decimal sequence number.
  async markSent(id: string): Promise<void> {
    const rowId = ticketNumber(id);
    if (rowId !== undefined) this.sql.delete.run(rowId);
  }

  async markFailed(id: string, error: string, retryAt?: Date): Promise<void> {
    const rowId = ticketNumber(id);
    if (rowId !== undefined) this.sql.fail.run({ id: rowId, error, retry_at: retryAt?.getTime() ?? null });
  }

  async failed(channel: string, limit = 100): Promise<OutgoingMessage[]> {
    return this.sql.failed.all(channel, limit).map(rows.fromRow);
  }
}
