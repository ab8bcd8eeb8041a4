/** The audit log (SQLite). */
import type { AuditBackend } from '../backend';
import type { AuditInput, AuditRecord } from '../types';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type AuditRow = Row<AuditRecord, 'id'>;

const rows = rowCodec<AuditRecord, 'id'>({ fields: { id: 'id', at: 'date', detail: 'json' } });

export class SqliteAudit implements AuditBackend {
  private readonly sql;

  constructor(s: SqliteDb) {
    this.sql = {
      insert: s.db.prepare<[number, string, string, string | null, string | null]>(
        'INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)',
      ),
      list: s.db.prepare<[number], AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT ?'),
      between: s.db.prepare<[string, number, number], AuditRow>(
        'SELECT * FROM audit WHERE action IN (SELECT value FROM json_each(?)) AND at >= ? AND at < ? ORDER BY at, id',
      ),
    };
  }

  /** Synchronous, so another part can write its audit record inside its own transaction (the FAQ does). */
  insertNow(entry: AuditInput, at: Date): void {
    const detail = entry.detail === undefined ? null : JSON.stringify(entry.detail);
    this.sql.insert.run(at.getTime(), entry.actor, entry.action, entry.target ?? null, detail);
  }

  async insert(entry: AuditInput, at: Date): Promise<void> {
    this.insertNow(entry, at);
  }

  async list(limit: number): Promise<AuditRecord[]> {
    return this.sql.list.all(limit).map(rows.fromRow);
  }

  async between(from: Date, to: Date, actions: readonly string[]): Promise<AuditRecord[]> {
    return this.sql.between.all(JSON.stringify(actions), from.getTime(), to.getTime()).map(rows.fromRow);
  }
}
