/**
 * The event feed (SQLite): an append-only table other processes on the same file poll. An append
 * takes the write lock, so seq order is commit order and a poller reading "after seq" misses nothing.
 */
import type { FeedEvent, FeedEventInput, FeedStore } from '../types';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type EventRow = Row<FeedEvent>;

const rows = rowCodec<FeedEvent>({ fields: { data: 'json', at: 'date' }, optional: ['data'] });

export class SqliteFeed implements FeedStore {
  readonly reorderWindow = 0;
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    const { db } = s;
    this.sql = {
      insert: db.prepare<[Omit<EventRow, 'seq'>]>(
        'INSERT INTO events (topic, kind, subject, data, origin, at) VALUES (@topic, @kind, @subject, @data, @origin, @at)',
      ),
      after: db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
      head: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events'),
      prune: db.prepare<[number]>('DELETE FROM events WHERE at < ?'),
    };
  }

  async append(input: FeedEventInput): Promise<FeedEvent> {
    const event = { ...input, seq: 0, at: this.s.now() };
    // Unsynced: events reach only the processes running (at most once), and a power cut ends them all.
    const { lastInsertRowid } = this.s.writeUnsynced(() => this.sql.insert.run(rows.toRow(event)));
    return { ...event, seq: Number(lastInsertRowid) };
  }

  async after(seq: number, limit: number): Promise<FeedEvent[]> {
    return this.sql.after.all(seq, limit).map(rows.fromRow);
  }

  async head(): Promise<number> {
    return this.sql.head.get()?.seq ?? 0;
  }

  async prune(before: Date): Promise<number> {
    return this.sql.prune.run(before.getTime()).changes;
  }
}
