/** FAQ entries, their versions and the revision counter (SQLite). The rules are in `../faq.ts`. */
import type { FaqEntry } from '../../faq/types';
import type { FaqBackend, FaqCommit } from '../backend';
import type { SqliteAudit } from './audit';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type FaqRow = Row<FaqEntry>;

const rows = rowCodec<FaqEntry>({
  fields: { questions: 'json', answer: 'json', learned: 'json', validFrom: 'date', validUntil: 'date', updatedAt: 'date' },
  optional: ['learned', 'validFrom', 'validUntil'],
});

/** Thrown inside a commit's transaction to roll it back when an entry moved since it was read. */
const STALE = Symbol('stale');

export class SqliteFaq implements FaqBackend {
  private readonly sql;

  constructor(
    private readonly s: SqliteDb,
    private readonly audit: SqliteAudit,
  ) {
    const { db } = s;
    this.sql = {
      list: db.prepare<[], FaqRow>('SELECT * FROM faq ORDER BY rowid'),
      get: db.prepare<[string], FaqRow>('SELECT * FROM faq WHERE id = ?'),
      version: db.prepare<[string], { version: number }>('SELECT version FROM faq WHERE id = ?'),
      // Covered by the index faq_id_version (with the rowid every index holds): the rows, with
      // their texts, are not read. Sorted by rowid in `versions()`: ORDER BY rowid here would make
      // SQLite scan the table instead.
      versions: db.prepare<[], { id: string; version: number; position: number }>('SELECT id, version, rowid AS position FROM faq'),
      getMany: db.prepare<[string], FaqRow>('SELECT * FROM faq WHERE id IN (SELECT value FROM json_each(?)) ORDER BY rowid'),
      upsert: db.prepare<[FaqRow]>(
        `INSERT INTO faq (id, topic, questions, answer, learned, valid_from, valid_until, version, updated_by, updated_at)
         VALUES (@id, @topic, @questions, @answer, @learned, @valid_from, @valid_until, @version, @updated_by, @updated_at)
         ON CONFLICT (id) DO UPDATE SET topic = excluded.topic, questions = excluded.questions,
           answer = excluded.answer, learned = excluded.learned, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
           version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      ),
      delete: db.prepare<[string, number]>('DELETE FROM faq WHERE id = ? AND version = ?'),
      versionInsert: db.prepare<[FaqRow]>(
        `INSERT INTO faq_versions (id, version, topic, questions, answer, learned, valid_from, valid_until, updated_by, updated_at)
         VALUES (@id, @version, @topic, @questions, @answer, @learned, @valid_from, @valid_until, @updated_by, @updated_at)`,
      ),
      lastVersions: db.prepare<[string], { id: string; v: number }>(
        'SELECT id, MAX(version) AS v FROM faq_versions WHERE id IN (SELECT value FROM json_each(?)) GROUP BY id',
      ),
      history: db.prepare<[string], FaqRow>('SELECT * FROM faq_versions WHERE id = ? ORDER BY version DESC'),
      revision: db.prepare<[], { value: number }>("SELECT value FROM counters WHERE name = 'faq_revision'"),
      bump: db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'faq_revision'"),
    };
  }

  async list(): Promise<FaqEntry[]> {
    return this.sql.list.all().map(rows.fromRow);
  }

  async get(id: string): Promise<FaqEntry | null> {
    const row = this.sql.get.get(id);
    return row ? rows.fromRow(row) : null;
  }

  async versions(): Promise<Map<string, number>> {
    const rows = this.sql.versions.all().sort((a, b) => a.position - b.position);
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  async getMany(ids: readonly string[]): Promise<FaqEntry[]> {
    return this.sql.getMany.all(JSON.stringify(ids)).map(rows.fromRow);
  }

  async history(id: string): Promise<FaqEntry[]> {
    return this.sql.history.all(id).map(rows.fromRow);
  }

  async revision(): Promise<number> {
    return this.sql.revision.get()?.value ?? 0;
  }

  async lastVersions(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    return new Map(this.sql.lastVersions.all(JSON.stringify(ids)).map((r) => [r.id, r.v]));
  }

  /** One transaction: any throw inside (a stale read, a constraint, a full disk) rolls every write back. */
  async commit(change: FaqCommit): Promise<boolean> {
    try {
      this.s.write(() => {
        for (const { entry, expected } of change.put) {
          if ((this.sql.version.get(entry.id)?.version ?? null) !== expected) throw STALE;
          const row = rows.toRow(entry);
          this.sql.upsert.run(row);
          this.sql.versionInsert.run(row);
        }
        for (const { id, expected } of change.remove) {
          if (this.sql.delete.run(id, expected).changes === 0) throw STALE;
        }
        this.sql.bump.run();
        this.audit.insertNow(change.audit, change.at);
      });
      return true;
    } catch (error) {
      if (error === STALE) return false;
      throw error;
    }
  }
}
