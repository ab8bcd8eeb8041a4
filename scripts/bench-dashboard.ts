/**
 * Dashboard figures for `npm run bench`: how long the figures of a busy day take to compute from a
 * SQLite store (the dashboard reads them on every visit and every half minute while open), and what
 * counting one message's outcome costs the answering path (a map update; the store write happens
 * about once a second, off the path).
 */
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { FaqEntryInput } from '../src/faq/types';
import { LANGS } from '../src/i18n/languages';
import { computeFigures } from '../src/stats/figures';
import { OutcomeTally } from '../src/stats/outcome-tally';
import type { OutcomeCount } from '../src/store/types';
import { round } from './bench-figures';
import { withTempStore } from './bench-store';

export interface DashboardFigures {
  messages: number;
  tickets: number;
  open_tickets: number;
  audit_records: number;
  figures_p50_ms: number;
  figures_max_ms: number;
  count_ns_per_message: number;
}

const HOUR = 3600_000;
const OUTCOMES = ['answer', 'picked', 'suggest', 'escalate', 'queued', 'command', 'feedback'] as const;

/** A day of `messages` messages over `entries`, with a ticket for each escalation (one in ten still open). */
export async function dashboardLoad(entries: readonly FaqEntryInput[], messages: number): Promise<DashboardFigures> {
  const dayStart = new Date('2026-01-16T19:00:00Z');
  const clock = { now: new Date(dayStart.getTime() + 23 * HOUR) };
  const now = () => clock.now;
  let db: Database.Database | undefined;
  return withTempStore(
    'dashboard',
    async (store) => {
      // The day is written in one transaction (each write of the store's joins it): its writes, about
      // 8,600, are the setting, not what is measured, and committed one by one they took most of the
      // part's time.
      db?.exec('BEGIN IMMEDIATE');
      await store.faq.import([...entries], 'bench');
      const counts: OutcomeCount[] = [];
      let tickets = 0;
      let open = 0;
      for (let i = 0; i < messages; i++) {
        const outcome = OUTCOMES[i % OUTCOMES.length];
        const hour = new Date(dayStart.getTime() + (i % 23) * HOUR);
        const detail = outcome === 'answer' || outcome === 'picked' ? entries[i % entries.length].id : outcome === 'escalate' ? 'no-match' : undefined;
        counts.push({ hour, channel: i % 3 === 0 ? 'whatsapp' : 'telegram', lang: LANGS[i % 3], outcome, ...(detail ? { detail } : {}), count: 1 });
        if (outcome !== 'escalate') continue;
        clock.now = new Date(hour.getTime() + (i % 60) * 60_000);
        const ticket = await store.tickets.create({ channel: 'telegram', chatId: String(i), lang: LANGS[i % 3], question: `Вопрос номер ${i % 400} про уголь и субсидии`, reason: 'no-match', excerpt: [] });
        tickets++;
        if (tickets % 10 === 0) open++;
        else await store.tickets.setStatus(ticket.id, 'closed', 'op@bench');
        await store.audit.record({ actor: 'resident:telegram', action: i % 2 ? 'ticket.rating' : 'feedback.not-helpful', detail: { score: (i % 5) + 1, question: `Вопрос ${i % 300}`, lang: 'ru' } });
      }
      await store.outcomes.add(counts);
      db?.exec('COMMIT');
      clock.now = new Date(dayStart.getTime() + 23 * HOUR + 30 * 60_000);
      const sources = { store, slaMinutes: 30, utcOffsetMinutes: 300, channels: () => [{ name: 'telegram', status: 'running' }], clock: () => clock.now };
      const times: number[] = [];
      for (let run = 0; run < 20; run++) {
        const started = performance.now();
        await computeFigures(sources, { from: dayStart, to: clock.now });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);

      // Counting on the answering path: a map update per message.
      const tally = new OutcomeTally({ add: async () => undefined }, { flushMs: 60_000 });
      const started = performance.now();
      const n = 200_000;
      for (let i = 0; i < n; i++) tally.count({ channel: 'telegram', lang: 'ru', outcome: OUTCOMES[i % OUTCOMES.length], detail: entries[i % entries.length].id, at: clock.now });
      const perMessageNs = ((performance.now() - started) * 1e6) / n;
      await tally.stop();

      return {
        messages,
        tickets,
        open_tickets: open,
        audit_records: tickets,
        figures_p50_ms: round(times[Math.floor(times.length / 2)]),
        figures_max_ms: round(times[times.length - 1]),
        count_ns_per_message: Math.round(perMessageNs),
      };
    },
    { now, tune: (opened) => (db = opened) },
  );
}
