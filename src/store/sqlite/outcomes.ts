/** Hourly message outcome counts (SQLite): one row per hour, channel, language, outcome and detail. */
import type { OutcomeBackend } from '../backend';
import type { OutcomeCount } from '../types';
import type { SqliteDb } from './db';

interface OutcomeRow {
  hour: number;
  channel: string;
  lang: OutcomeCount['lang'];
  outcome: string;
  detail: string;
  count: number;
}

export class SqliteOutcomes implements OutcomeBackend {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    this.sql = {
      increment: s.db.prepare<[OutcomeRow]>(
        `INSERT INTO outcome_hours (hour, channel, lang, outcome, detail, count) VALUES (@hour, @channel, @lang, @outcome, @detail, @count)
         ON CONFLICT (hour, channel, lang, outcome, detail) DO UPDATE SET count = count + excluded.count`,
      ),
      between: s.db.prepare<[number, number], OutcomeRow>('SELECT * FROM outcome_hours WHERE hour >= ? AND hour < ? ORDER BY hour, channel, lang, outcome, detail'),
    };
  }

  async increment(counts: readonly OutcomeCount[]): Promise<void> {
    this.s.write(() => {
      for (const c of counts) {
        this.sql.increment.run({ hour: c.hour.getTime(), channel: c.channel, lang: c.lang, outcome: c.outcome, detail: c.detail ?? '', count: c.count });
      }
    });
  }

  async between(from: Date, to: Date): Promise<OutcomeCount[]> {
    return this.sql.between.all(from.getTime(), to.getTime()).map((row) => {
      const count: OutcomeCount = { hour: new Date(row.hour), channel: row.channel, lang: row.lang, outcome: row.outcome, count: row.count };
      if (row.detail !== '') count.detail = row.detail;
      return count;
    });
  }
}
