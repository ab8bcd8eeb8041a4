/** Scheduled FAQ changes (SQLite). */
import type { ScheduleBackend } from '../backend';
import type { FaqEntryInput } from '../../faq/types';
import { withPresent } from '../records';
import { ticketNumber } from '../ticket-id';
import type { ScheduledChange, ScheduledChangeInput, ScheduledChangeStatus } from '../types';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type ScheduledRow = Row<ScheduledChange, 'id'>;

/** The entry of a scheduled save, inside JSON: its dates as milliseconds, revived on read. */
const entryJson = {
  toColumn: (entry: FaqEntryInput) => JSON.stringify({ ...entry, validFrom: entry.validFrom?.getTime(), validUntil: entry.validUntil?.getTime() }),
  fromColumn(text: string): FaqEntryInput {
    const raw = JSON.parse(text) as Omit<FaqEntryInput, 'validFrom' | 'validUntil'> & { validFrom?: number; validUntil?: number };
    const entry: FaqEntryInput = { id: raw.id, topic: raw.topic, questions: raw.questions, answer: raw.answer };
    return withPresent(entry, {
      validFrom: raw.validFrom === undefined ? null : new Date(raw.validFrom),
      validUntil: raw.validUntil === undefined ? null : new Date(raw.validUntil),
    });
  },
};

const FIELDS = { entry: entryJson, runAt: 'date', createdAt: 'date', finishedAt: 'date' } as const;
const rows = rowCodec<ScheduledChange, 'id'>({ fields: { id: 'id', ...FIELDS }, optional: ['entry', 'finishedAt', 'error'] });
/** A new change's row (the table numbers it). */
type NewChange = ScheduledChangeInput & Pick<ScheduledChange, 'createdAt'>;
const newRows = rowCodec<NewChange>({ fields: FIELDS, optional: ['entry'] });

export class SqliteSchedule implements ScheduleBackend {
  private readonly sql;

  constructor(s: SqliteDb) {
    const { db } = s;
    this.sql = {
      insert: db.prepare<[Row<NewChange>]>(
        `INSERT INTO scheduled_changes (faq_id, action, entry, run_at, created_by, created_at, status)
         VALUES (@faq_id, @action, @entry, @run_at, @created_by, @created_at, 'pending')`,
      ),
      get: db.prepare<[number], ScheduledRow>('SELECT * FROM scheduled_changes WHERE id = ?'),
      all: db.prepare<[], ScheduledRow>('SELECT * FROM scheduled_changes ORDER BY run_at, id'),
      byStatus: db.prepare<[string], ScheduledRow>(
        'SELECT * FROM scheduled_changes WHERE status IN (SELECT value FROM json_each(?)) ORDER BY run_at, id',
      ),
      due: db.prepare<[number], ScheduledRow>("SELECT * FROM scheduled_changes WHERE status = 'pending' AND run_at <= ? ORDER BY run_at, id"),
      finish: db.prepare<{ id: number; status: string; at: number; error: string | null }>(
        "UPDATE scheduled_changes SET status = @status, finished_at = @at, error = @error WHERE id = @id AND status = 'pending'",
      ),
    };
  }

  async insert(input: ScheduledChangeInput, createdAt: Date): Promise<ScheduledChange> {
    const { lastInsertRowid } = this.sql.insert.run(newRows.toRow({ ...input, createdAt }));
    return rows.fromRow(this.sql.get.get(Number(lastInsertRowid)) as ScheduledRow);
  }

  async list(filter: { status?: ScheduledChangeStatus[] }): Promise<ScheduledChange[]> {
    const found = filter.status ? this.sql.byStatus.all(JSON.stringify(filter.status)) : this.sql.all.all();
    return found.map(rows.fromRow);
  }

  async due(now: Date): Promise<ScheduledChange[]> {
    return this.sql.due.all(now.getTime()).map(rows.fromRow);
  }

  async finish(id: string, status: Exclude<ScheduledChangeStatus, 'pending'>, at: Date, error?: string): Promise<boolean> {
    const rowId = ticketNumber(id);
    if (rowId === undefined) return false;
    return this.sql.finish.run({ id: rowId, status, at: at.getTime(), error: error ?? null }).changes > 0;
  }
}
