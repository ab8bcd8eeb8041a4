/**
 * The event feed (SQLite): an append-only table other processes on the same file poll. An append
 * takes the write lock, so seq order is commit order and a poller reading "after seq" misses nothing.
 */
import { withPresent } from '../records';
import type { FeedEvent, FeedEventInput, FeedStore, FeedTopic } from '../types';
import type { SqliteDb } from './db';

interface EventRow {
  seq: number;
  topic: FeedTopic;
  kind: string;
  subject: string;
  data: string | null;
  origin: string;
  at: number;
}

function eventFromRow(row: EventRow): FeedEvent {
  const event: FeedEvent = { seq: row.seq, topic: row.topic, kind: row.kind, subject: row.subject, origin: row.origin, at: new Date(row.at) };
  return withPresent(event, { data: row.data === null ? null : (JSON.parse(row.data) as Record<string, string>) });
}

export class SqliteFeed implements FeedStore {
  readonly reorderWindow = 0;
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    const { db } = s;
    this.sql = {
      insert: db.prepare<[string, string, string, string | null, string, number]>(
        'INSERT INTO events (topic, kind, subject, data, origin, at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      after: db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
      head: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events'),
      prune: db.prepare<[number]>('DELETE FROM events WHERE at < ?'),
    };
  }

  async append(e: FeedEventInput): Promise<FeedEvent> {
    const at = this.s.now();
    const data = e.data === undefined ? null : JSON.stringify(e.data);
    const { lastInsertRowid } = this.sql.insert.run(e.topic, e.kind, e.subject, data, e.origin, at.getTime());
    return withPresent<FeedEvent>({ seq: Number(lastInsertRowid), topic: e.topic, kind: e.kind, subject: e.subject, origin: e.origin, at }, { data: e.data });
  }

  async after(seq: number, limit: number): Promise<FeedEvent[]> {
    return this.sql.after.all(seq, limit).map(eventFromRow);
  }

  async head(): Promise<number> {
    return this.sql.head.get()?.seq ?? 0;
  }

  async prune(before: Date): Promise<number> {
    return this.sql.prune.run(before.getTime()).changes;
  }
}
