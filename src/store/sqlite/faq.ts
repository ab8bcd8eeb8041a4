/** FAQ entries, their versions and the revision counter (SQLite). The rules are in `../faq.ts`. */
import type { FaqEntry, FaqEntryInput, PerLang } from '../../faq/types';
import type { FaqBackend, FaqCommit } from '../backend';
import { withPresent } from '../records';
import { dateOrNull, type SqliteDb } from './db';
import type { SqliteAudit } from './audit';

interface FaqRow {
  id: string;
  topic: string;
  questions: string;
  answer: string;
  valid_from: number | null;
  valid_until: number | null;
  version: number;
  updated_by: string;
  updated_at: number;
}

function faqToRow(entry: FaqEntry): FaqRow {
  return {
    id: entry.id,
    topic: entry.topic,
    questions: JSON.stringify(entry.questions),
    answer: JSON.stringify(entry.answer),
    valid_from: entry.validFrom?.getTime() ?? null,
    valid_until: entry.validUntil?.getTime() ?? null,
    version: entry.version,
    updated_by: entry.updatedBy,
    updated_at: entry.updatedAt.getTime(),
  };
}

function faqFromRow(row: FaqRow): FaqEntry {
  const entry: FaqEntry = {
    id: row.id,
    topic: row.topic,
    questions: JSON.parse(row.questions) as PerLang<string[]>,
    answer: JSON.parse(row.answer) as PerLang<string>,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at),
  };
  return withPresent(entry, { validFrom: dateOrNull(row.valid_from), validUntil: dateOrNull(row.valid_until) });
}

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
      upsert: db.prepare<[FaqRow]>(
        `INSERT INTO faq (id, topic, questions, answer, valid_from, valid_until, version, updated_by, updated_at)
         VALUES (@id, @topic, @questions, @answer, @valid_from, @valid_until, @version, @updated_by, @updated_at)
         ON CONFLICT (id) DO UPDATE SET topic = excluded.topic, questions = excluded.questions,
           answer = excluded.answer, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
           version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      ),
      delete: db.prepare<[string, number]>('DELETE FROM faq WHERE id = ? AND version = ?'),
      versionInsert: db.prepare<[FaqRow]>(
        `INSERT INTO faq_versions (id, version, topic, questions, answer, valid_from, valid_until, updated_by, updated_at)
         VALUES (@id, @version, @topic, @questions, @answer, @valid_from, @valid_until, @updated_by, @updated_at)`,
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
    return this.sql.list.all().map(faqFromRow);
  }

  async get(id: string): Promise<FaqEntry | null> {
    const row = this.sql.get.get(id);
    return row ? faqFromRow(row) : null;
  }

  async history(id: string): Promise<FaqEntry[]> {
    return this.sql.history.all(id).map(faqFromRow);
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
          const row = faqToRow(entry);
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

/** For callers storing an entry inside JSON (scheduled changes): dates as milliseconds, revived on read. */
export function entryToJson(entry: FaqEntryInput): string {
  return JSON.stringify({ ...entry, validFrom: entry.validFrom?.getTime(), validUntil: entry.validUntil?.getTime() });
}

export function entryFromJson(text: string): FaqEntryInput {
  const raw = JSON.parse(text) as Omit<FaqEntryInput, 'validFrom' | 'validUntil'> & { validFrom?: number; validUntil?: number };
  const entry: FaqEntryInput = { id: raw.id, topic: raw.topic, questions: raw.questions, answer: raw.answer };
  return withPresent(entry, {
    validFrom: raw.validFrom === undefined ? null : new Date(raw.validFrom),
    validUntil: raw.validUntil === undefined ? null : new Date(raw.validUntil),
  });
}
