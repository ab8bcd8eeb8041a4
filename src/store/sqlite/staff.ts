/** Staff accounts and console sessions (SQLite); e-mails arrive normalised (see `../compose.ts`). */
import type { StaffBackend } from '../backend';
import type { StaffAccount, StaffChanges, StaffSession } from '../types';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type StaffRow = Row<StaffAccount>;
type SessionRow = Row<StaffSession>;

const staffRows = rowCodec<StaffAccount>({ fields: { disabled: 'flag', createdAt: 'date', updatedAt: 'date' }, optional: ['lang'] });
const sessionRows = rowCodec<StaffSession>({ fields: { createdAt: 'date', expiresAt: 'date' } });

export class SqliteStaff implements StaffBackend {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    const { db } = s;
    this.sql = {
      get: db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE email = ?'),
      insert: db.prepare<[StaffRow]>(
        `INSERT OR IGNORE INTO staff (email, role, password_hash, disabled, lang, created_at, updated_at)
         VALUES (@email, @role, @password_hash, @disabled, @lang, @created_at, @updated_at)`,
      ),
      list: db.prepare<[], StaffRow>('SELECT * FROM staff ORDER BY email'),
      update: db.prepare<[StaffRow]>(
        'UPDATE staff SET role = @role, password_hash = @password_hash, disabled = @disabled, lang = @lang, updated_at = @updated_at WHERE email = @email',
      ),
      sessionInsert: db.prepare<[SessionRow]>(
        'INSERT INTO staff_sessions (id_hash, email, csrf_token, created_at, expires_at) VALUES (@id_hash, @email, @csrf_token, @created_at, @expires_at)',
      ),
      sessionGet: db.prepare<[string], SessionRow>('SELECT * FROM staff_sessions WHERE id_hash = ?'),
      sessionDelete: db.prepare<[string]>('DELETE FROM staff_sessions WHERE id_hash = ?'),
      sessionDeleteOf: db.prepare<[string]>('DELETE FROM staff_sessions WHERE email = ?'),
      sessionDeleteExpired: db.prepare<[number]>('DELETE FROM staff_sessions WHERE expires_at < ?'),
    };
  }

  async insert(account: StaffAccount): Promise<boolean> {
    return this.sql.insert.run(staffRows.toRow(account)).changes > 0;
  }

  async get(email: string): Promise<StaffAccount | null> {
    const row = this.sql.get.get(email);
    return row ? staffRows.fromRow(row) : null;
  }

  async list(): Promise<StaffAccount[]> {
    return this.sql.list.all().map(staffRows.fromRow);
  }

  async update(email: string, changes: StaffChanges, at: Date): Promise<StaffAccount | null> {
    return this.s.write(() => {
      const row = this.sql.get.get(email);
      if (!row) return null;
      const updated = { ...staffRows.fromRow(row), ...changes, updatedAt: at };
      this.sql.update.run(staffRows.toRow(updated));
      return updated;
    });
  }

  async createSession(s: StaffSession): Promise<void> {
    this.sql.sessionInsert.run(sessionRows.toRow(s));
  }

  async getSession(idHash: string): Promise<StaffSession | null> {
    const row = this.sql.sessionGet.get(idHash);
    return row ? sessionRows.fromRow(row) : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.sql.sessionDelete.run(idHash);
  }

  async deleteSessionsOf(email: string): Promise<number> {
    return this.sql.sessionDeleteOf.run(email).changes;
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    return this.sql.sessionDeleteExpired.run(now.getTime()).changes;
  }
}
