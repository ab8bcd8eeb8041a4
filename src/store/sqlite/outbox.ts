/** The outbox of messages channels still have to deliver (SQLite). */
import { ticketNumber } from '../ticket-id';
import type { OutboxStore, OutgoingInput, OutgoingMessage } from '../types';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type OutboxRow = Row<OutgoingMessage, 'id'> & { status: 'pending' | 'failed' };

const rows = rowCodec<OutgoingMessage, 'id'>({ fields: { id: 'id', createdAt: 'date', retryAt: 'date' }, extra: ['status'] });

export class SqliteOutbox implements OutboxStore {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    const { db } = s;
    this.sql = {
      insert: db.prepare<[string, string, string, number]>(
        "INSERT INTO outbox (channel, chat_id, text, status, created_at) VALUES (?, ?, ?, 'pending', ?)",
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
    return this.s.write(() => {
      const at = this.s.now().getTime();
      return items.map((item) => {
        const { lastInsertRowid } = this.sql.insert.run(item.channel, item.chatId, item.text, at);
        return rows.fromRow(this.sql.get.get(Number(lastInsertRowid)) as OutboxRow);
      });
    });
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
