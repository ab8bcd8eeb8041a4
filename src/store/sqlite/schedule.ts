/** Scheduled FAQ changes (SQLite). */
import type { ScheduleBackend } from '../backend';
import { withPresent } from '../records';
import { ticketNumber } from '../ticket-id';
import type { ScheduledChange, ScheduledChangeInput, ScheduledChangeStatus } from '../types';
import { dateOrNull, type SqliteDb } from './db';
import { entryFromJson, entryToJson } from './faq';

interface ScheduledRow {
  id: number;
  faq_id: string;
  action: ScheduledChange['action'];
  entry: string | null;
  run_at: number;
  created_by: string;
  created_at: number;
  status: ScheduledChangeStatus;
  finished_at: number | null;
  error: string | null;
}

function scheduledFromRow(row: ScheduledRow): ScheduledChange {
  const change: ScheduledChange = {
    id: String(row.id),
    faqId: row.faq_id,
    action: row.action,
    runAt: new Date(row.run_at),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    status: row.status,
  };
  return withPresent(change, { entry: row.entry === null ? null : entryFromJson(row.entry), finishedAt: dateOrNull(row.finished_at), error: row.error });
}

export class SqliteSchedule implements ScheduleBackend {
  private readonly sql;

  constructor(s: SqliteDb) {
    const { db } = s;
    this.sql = {
      insert: db.prepare<[Omit<ScheduledRow, 'id' | 'status' | 'finished_at' | 'error'>]>(
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
    const { lastInsertRowid } = this.sql.insert.run({
      faq_id: input.faqId,
      action: input.action,
      entry: input.entry ? entryToJson(input.entry) : null,
      run_at: input.runAt.getTime(),
      created_by: input.createdBy,
      created_at: createdAt.getTime(),
    });
    return scheduledFromRow(this.sql.get.get(Number(lastInsertRowid)) as ScheduledRow);
  }

  async list(filter: { status?: ScheduledChangeStatus[] }): Promise<ScheduledChange[]> {
    const rows = filter.status ? this.sql.byStatus.all(JSON.stringify(filter.status)) : this.sql.all.all();
    return rows.map(scheduledFromRow);
  }

  async due(now: Date): Promise<ScheduledChange[]> {
    return this.sql.due.all(now.getTime()).map(scheduledFromRow);
  }

  async finish(id: string, status: Exclude<ScheduledChangeStatus, 'pending'>, at: Date, error?: string): Promise<boolean> {
    const rowId = ticketNumber(id);
    if (rowId === undefined) return false;
    return this.sql.finish.run({ id: rowId, status, at: at.getTime(), error: error ?? null }).changes > 0;
  }
}
