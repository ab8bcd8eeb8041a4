/** The inbox of updates from residents (SQLite); completing an update queues its answer in the same transaction. */
import type { InboundInput, InboundState, InboxStore, OutgoingInput } from '../types';
import type { SqliteDb } from './db';
import type { SqliteOutbox } from './outbox';
import { rowCodec, type Row } from './rows';

type InboundRow = Row<InboundInput>;

const rows = rowCodec<InboundInput>({ fields: { receivedAt: 'date' }, extra: ['seq', 'handled_at'] });

export class SqliteInbox implements InboxStore {
  private readonly sql;

  constructor(
    private readonly s: SqliteDb,
    private readonly outbox: SqliteOutbox,
  ) {
    const { db } = s;
    this.sql = {
      insert: db.prepare<[InboundRow]>(
        `INSERT OR IGNORE INTO inbox (channel, update_id, payload, received_at)
         VALUES (@channel, @update_id, @payload, @received_at)`,
      ),
      state: db.prepare<[string, string], { handled_at: number | null }>('SELECT handled_at FROM inbox WHERE channel = ? AND update_id = ?'),
      unhandled: db.prepare<[string, number], InboundRow>(
        'SELECT * FROM inbox WHERE channel = ? AND handled_at IS NULL ORDER BY seq LIMIT ?',
      ),
      // A completion nobody recorded (the store was down when the update came) is recorded as handled.
      handled: db.prepare<{ channel: string; update_id: string; at: number }>(
        `INSERT INTO inbox (channel, update_id, payload, received_at, handled_at) VALUES (@channel, @update_id, '{}', @at, @at)
         ON CONFLICT (channel, update_id) DO UPDATE SET handled_at = COALESCE(handled_at, excluded.handled_at)`,
      ),
      prune: db.prepare<[number]>('DELETE FROM inbox WHERE handled_at IS NOT NULL AND received_at < ?'),
    };
  }

  async record(input: InboundInput): Promise<InboundState> {
    return this.s.write(() => {
      if (this.sql.insert.run(rows.toRow(input)).changes > 0) return 'new';
      return this.sql.state.get(input.channel, input.updateId)?.handled_at == null ? 'pending' : 'handled';
    });
  }

  async unhandled(channel: string, limit = 100): Promise<InboundInput[]> {
    return this.sql.unhandled.all(channel, limit).map(rows.fromRow);
  }

  async complete(channel: string, updateId: string, outgoing: OutgoingInput[] = []): Promise<void> {
    this.s.write(() => {
      this.outbox.insert(outgoing);
      this.sql.handled.run({ channel, update_id: updateId, at: this.s.now().getTime() });
    });
  }

  async prune(before: Date): Promise<number> {
    return this.sql.prune.run(before.getTime()).changes;
  }
}
