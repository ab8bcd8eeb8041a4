/** Question variants residents' choices suggest (SQLite). */
import type { LearningBackend } from '../backend';
import type { LearnedVariant, LearnedVariantStatus } from '../types';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type VariantRow = Row<LearnedVariant, 'id'>;

const rows = rowCodec<LearnedVariant, 'id'>({
  fields: { id: 'id', firstAt: 'date', lastAt: 'date', decidedAt: 'date' },
  optional: ['decidedBy', 'decidedAt'],
});

export class SqliteLearning implements LearningBackend {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    this.sql = {
      // One statement: the first note creates the suggestion, later ones add to its counts.
      add: s.db.prepare<{ entryId: string; lang: string; key: string; text: string; picked: number; helpful: number; at: number }>(
        `INSERT INTO learned_variants (entry_id, lang, key, text, picked, helpful, status, first_at, last_at)
         VALUES (@entryId, @lang, @key, @text, @picked, @helpful, 'pending', @at, @at)
         ON CONFLICT (entry_id, lang, key) DO UPDATE SET
           picked = picked + excluded.picked, helpful = helpful + excluded.helpful, last_at = excluded.last_at`,
      ),
      get: s.db.prepare<[number], VariantRow>('SELECT * FROM learned_variants WHERE id = ?'),
      decide: s.db.prepare<[string, string, number, number]>(
        `UPDATE learned_variants SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'`,
      ),
    };
  }

  async add(input: { entryId: string; lang: string; key: string; text: string; picked: number; helpful: number }, at: Date): Promise<void> {
    this.sql.add.run({ ...input, at: at.getTime() });
  }

  async list(filter: { entryId?: string; status?: LearnedVariantStatus[]; limit: number }): Promise<LearnedVariant[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.entryId !== undefined) {
      where.push('entry_id = ?');
      params.push(filter.entryId);
    }
    if (filter.status && filter.status.length > 0) {
      where.push(`status IN (${filter.status.map(() => '?').join(', ')})`);
      params.push(...filter.status);
    }
    const sql = `SELECT * FROM learned_variants ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY picked + helpful DESC, last_at DESC, id LIMIT ?`;
    return this.s.db
      .prepare<(string | number)[], VariantRow>(sql)
      .all(...params, filter.limit)
      .map(rows.fromRow);
  }

  async get(id: string): Promise<LearnedVariant | null> {
    const n = Number(id);
    if (!Number.isSafeInteger(n)) return null;
    const row = this.sql.get.get(n);
    return row ? rows.fromRow(row) : null;
  }

  async decide(id: string, status: Exclude<LearnedVariantStatus, 'pending'>, by: string, at: Date): Promise<boolean> {
    const n = Number(id);
    if (!Number.isSafeInteger(n)) return false;
    return this.sql.decide.run(status, by, at.getTime(), n).changes > 0;
  }
}
