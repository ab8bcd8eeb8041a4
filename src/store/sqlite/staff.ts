/** Staff accounts and console sessions (SQLite); e-mails arrive normalised (see `../compose.ts`). */
import type { StaffBackend } from '../backend';
import type { StaffAccount, StaffChanges, StaffSession } from '../types';
import type { SqliteDb } from './db';

interface StaffRow {
  email: string;
  role: StaffAccount['role'];
  password_hash: string;
  disabled: number;
  created_at: number;
  updated_at: number;
}

interface SessionRow {
  id_hash: string;
  email: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

function staffFromRow(row: StaffRow): StaffAccount {
  return {
    email: row.email,
    role: row.role,
    passwordHash: row.password_hash,
    disabled: row.disabled !== 0,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function sessionFromRow(row: SessionRow): StaffSession {
  return { idHash: row.id_hash, email: row.email, csrfToken: row.csrf_token, createdAt: new Date(row.created_at), expiresAt: new Date(row.expires_at) };
}

export class SqliteStaff implements StaffBackend {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    const { db } = s;
    this.sql = {
      insert: db.prepare<[StaffRow]>(
        `INSERT OR IGNORE INTO staff (email, role, password_hash, disabled, created_at, updated_at)
         VALUES (@email, @role, @password_hash, @disabled, @created_at, @updated_at)`,
      ),
      get: db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE email = ?'),
      list: db.prepare<[], StaffRow>('SELECT * FROM staff ORDER BY email'),
      update: db.prepare<[StaffRow]>(
        'UPDATE staff SET role = @role, password_hash = @password_hash, disabled = @disabled, updated_at = @updated_at WHERE email = @email',
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

  async insert(a: StaffAccount): Promise<boolean> {
    const row = { email: a.email, role: a.role, password_hash: a.passwordHash, disabled: a.disabled ? 1 : 0, created_at: a.createdAt.getTime(), updated_at: a.updatedAt.getTime() };
    return this.sql.insert.run(row).changes > 0;
  }

  async get(email: string): Promise<StaffAccount | null> {
    const row = this.sql.get.get(email);
    return row ? staffFromRow(row) : null;
  }

  async list(): Promise<StaffAccount[]> {
    return this.sql.list.all().map(staffFromRow);
  }

  async update(email: string, changes: StaffChanges, at: Date): Promise<StaffAccount | null> {
    return this.s.write(() => {
      const row = this.sql.get.get(email);
      if (!row) return null;
      const disabled = changes.disabled === undefined ? row.disabled : changes.disabled ? 1 : 0;
      const updated = { ...row, role: changes.role ?? row.role, password_hash: changes.passwordHash ?? row.password_hash, disabled, updated_at: at.getTime() };
      this.sql.update.run(updated);
      return staffFromRow(updated);
    });
  }

  async createSession(s: StaffSession): Promise<void> {
    this.sql.sessionInsert.run({ id_hash: s.idHash, email: s.email, csrf_token: s.csrfToken, created_at: s.createdAt.getTime(), expires_at: s.expiresAt.getTime() });
  }

  async getSession(idHash: string): Promise<StaffSession | null> {
    const row = this.sql.sessionGet.get(idHash);
    return row ? sessionFromRow(row) : null;
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
