/** Leases between processes (SQLite). */
import type { LeaseBackend } from '../backend';
import type { SqliteDb } from './db';

export class SqliteLeases implements LeaseBackend {
  private readonly sql;

  constructor(s: SqliteDb) {
    this.sql = {
      // One statement: take the lease when free or expired, renew it when ours; otherwise no change.
      acquire: s.db.prepare<{ name: string; holder: string; now: number; until: number }>(
        `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE leases.holder = @holder OR leases.expires_at <= @now`,
      ),
      release: s.db.prepare<[string, string]>('DELETE FROM leases WHERE name = ? AND holder = ?'),
    };
  }

  async acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
    return this.sql.acquire.run({ name, holder, now: now.getTime(), until: until.getTime() }).changes > 0;
  }

  async release(name: string, holder: string): Promise<void> {
    this.sql.release.run(name, holder);
  }
}
