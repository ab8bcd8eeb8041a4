/**
 * GET /api/stats: the dashboard's figures over a range — the queue now, tickets, message outcomes
 * per hour and their shares, topics, unanswered questions, ratings, alerts, channels — as JSON and
 * CSV, with validated times and defaults in the operators' local day.
 */
import { SqliteStore } from '../../src/store/sqlite';
import type { OutcomeCount } from '../../src/store/types';
import { seededStore } from '../support/fixtures';
import { consoleFixture, type ConsoleFixture } from './helpers';

interface FiguresJson {
  range: { from: string; to: string };
  queue: { open: Record<string, number>; longestWaitMinutes: number | null; overdue: number; urgent: number };
  tickets: { opened: number; closed: number; slaBreaches: number; withdrawn: number; cancelled: number; byReason: Record<string, number> };
  messages: { total: number; questions: number; byOutcome: Record<string, number>; byChannel: Record<string, number>; byLang: Record<string, number>; share: Record<string, number> | null };
  series: { step: string; points: { at: string; messages: number; escalations: number }[] };
  topTopics: { topic: string; count: number }[];
  unanswered: { label: string; count: number; questions: string[] }[];
  feedback: { helpful: number; notHelpful: number };
  ratings: { count: number; average: number | null; byScore: Record<string, number> };
  alerts: { id: string; status: string; total: number; recipients: Record<string, number>; warnings: { kind: string; channel: string }[] }[];
  channels: { name: string; status: string; sending: boolean }[];
}

// 12:00 UTC is 17:00 in the operators' +05:00: "today" began at 19:00 UTC the day before.
const now = { value: new Date('2026-01-17T12:00:00Z') };
const at = (iso: string) => new Date(iso);

describe('GET /api/stats', () => {
  let f: ConsoleFixture;
  let store: SqliteStore;
  let seeded: Awaited<ReturnType<typeof seededStore>>;

  const count = (hour: string, outcome: string, n: number, more: Partial<OutcomeCount> = {}): OutcomeCount => ({ hour: at(hour), channel: 'telegram', lang: 'ru', outcome, count: n, ...more });

  beforeAll(async () => {
    seeded = await seededStore('seed', { now: () => now.value });
    store = seeded.store;
    f = await consoleFixture({ store, now });

    // Yesterday (local) — outside today's range.
    now.value = at('2026-01-16T10:00:00Z');
    const old = await store.tickets.create({ channel: 'telegram', chatId: 'old', lang: 'ru', question: 'Старый вопрос про уголь', reason: 'no-match', excerpt: [] });
    await store.tickets.setStatus(old.id, 'closed', 'operator@helpline.kz');
    await store.audit.record({ actor: 'resident:telegram', action: 'ticket.rating', detail: { score: 1 } });
    const hinted = await store.tickets.create({ channel: 'telegram', chatId: 'hinted', lang: 'ru', question: 'Где взять уголь?', reason: 'no-match', excerpt: [] });
    // Today: two questions about passes nothing answered, one asked for a person, then closed.
    now.value = at('2026-01-17T06:00:00Z');
    await store.tickets.create({ channel: 'telegram', chatId: '1', lang: 'ru', question: 'Где получить пропуск на выезд?', reason: 'no-match', topic: 'curfew', excerpt: [] });
    now.value = at('2026-01-17T11:00:00Z');
    const requested = await store.tickets.create({ channel: 'telegram', chatId: '3', lang: 'kk', question: 'Оператор', reason: 'requested', excerpt: [] });
    await store.tickets.claim(requested.id, 'operator@helpline.kz');
    await store.tickets.setStatus(requested.id, 'closed', 'operator@helpline.kz');
    await store.audit.record({ actor: 'system', action: 'ticket.overdue', target: '2', detail: { slaMinutes: 30 } });
    // Yesterday's hand-off, withdrawn today: an entry offered with it answered the resident.
    await store.tickets.setStatus(hinted.id, 'closed');
    await store.audit.record({ actor: 'resident:telegram', action: 'ticket.withdraw', target: hinted.id, detail: { why: 'answered' } });
    // And an older one the resident cancelled today (/cancel): withdrawn too, and counted as cancelled.
    await store.audit.record({ actor: 'resident:whatsapp', action: 'ticket.withdraw', target: '99', detail: { why: 'cancelled' } });
    await store.audit.record({ actor: 'resident:telegram', action: 'ticket.rating', detail: { score: 5 } });
    await store.audit.record({ actor: 'resident:telegram', action: 'ticket.rating', detail: { score: 4 } });
    await store.audit.record({ actor: 'resident:telegram', action: 'feedback.helpful', target: 'curfew-time', detail: { question: 'q', lang: 'ru' } });
    await store.audit.record({ actor: 'resident:telegram', action: 'feedback.not-helpful', target: 'water-outage', detail: { question: 'Когда дадут воду в Аксу?', lang: 'ru' } });
    await store.outcomes.add([
      count('2026-01-16T10:00:00Z', 'answer', 50, { detail: 'curfew-time' }),
      count('2026-01-17T06:00:00Z', 'answer', 6, { detail: 'curfew-time' }),
      count('2026-01-17T06:00:00Z', 'picked', 2, { detail: 'water-outage', channel: 'whatsapp' }),
      count('2026-01-17T06:00:00Z', 'suggest', 1, { lang: 'kk' }),
      count('2026-01-17T11:00:00Z', 'escalate', 3, { detail: 'no-match' }),
      count('2026-01-17T11:00:00Z', 'command', 4, { detail: 'menu', lang: 'en' }),
    ]);
    // An alert being sent to WhatsApp, which this console's process does not serve.
    await store.alerts.saveSubscription({ channel: 'whatsapp', chatId: '77010000001', topics: ['curfew'], lang: 'ru' });
    await store.alerts.saveSubscription({ channel: 'telegram', chatId: '5', topics: ['curfew'], lang: 'kk' });
    const alert = await store.alerts.create({ text: { ru: 'Комендантский час продлён' }, topics: ['curfew'], districts: [], runAt: at('2026-01-17T11:50:00Z'), createdBy: 'editor@helpline.kz' });
    await store.alerts.start(alert.id);
    await store.alerts.markRecipient(alert.id, 'telegram', '5', 'sent');
    now.value = at('2026-01-17T11:50:00Z');
    await store.tickets.create({ channel: 'whatsapp', chatId: '2', lang: 'ru', question: 'пропуск на выезд где получить', reason: 'no-match', excerpt: [] });
    // The queue now: one ticket queued 6 hours (overdue), one 10 minutes.
    now.value = at('2026-01-17T12:00:00Z');
  });
  afterAll(async () => {
    await f.close();
    await seeded.close();
  });

  it('gives the figures of the local day so far by default', async () => {
    const res = await f.call('GET', '/api/stats', { session: await f.login('operator') });
    expect(res.statusCode).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const s = res.json<{ figures: FiguresJson }>().figures;
    expect(s.range).toEqual({ from: '2026-01-16T19:00:00.000Z', to: '2026-01-17T12:00:00.000Z' });
    expect(s.queue).toEqual({ open: { queued: 2, assigned: 0, waiting: 0 }, longestWaitMinutes: 360, overdue: 1, urgent: 0 });
    expect(s.tickets).toEqual({ opened: 3, closed: 1, slaBreaches: 1, withdrawn: 2, cancelled: 1, byReason: { requested: 1, 'no-match': 2, 'not-helpful': 0 } });
    expect(s.messages.total).toBe(6 + 2 + 1 + 3 + 4);
    expect(s.messages.questions).toBe(6 + 1 + 3);
    expect(s.messages.share).toEqual({ answered: 0.6, suggested: 0.1, escalated: 0.3 });
    expect(s.messages.byChannel).toEqual({ telegram: 14, whatsapp: 2 });
    expect(s.messages.byLang).toEqual({ ru: 11, kk: 1, en: 4 });
    // One point an hour from 19:00 UTC (00:00 local) to now.
    expect(s.series.step).toBe('hour');
    expect(s.series.points).toHaveLength(17);
    expect(s.series.points[0].at).toBe('2026-01-16T19:00:00.000Z');
    expect(s.series.points.find((p) => p.at === '2026-01-17T06:00:00.000Z')).toEqual({ at: '2026-01-17T06:00:00.000Z', messages: 9, escalations: 0 });
    expect(s.series.points.find((p) => p.at === '2026-01-17T11:00:00.000Z')).toEqual({ at: '2026-01-17T11:00:00.000Z', messages: 7, escalations: 3 });
    // Answers by their entry's topic, and tickets by theirs.
    expect(s.topTopics).toEqual([
      { topic: 'curfew', count: 7 },
      { topic: 'utilities', count: 2 },
    ]);
    expect(s.unanswered[0]).toMatchObject({ count: 2, questions: ['Где получить пропуск на выезд?', 'пропуск на выезд где получить'] });
    expect(s.unanswered.map((g) => g.label)).toContain('Когда дадут воду в Аксу?');
    expect(s.unanswered.map((g) => g.label)).not.toContain('Старый вопрос про уголь');
    expect(s.feedback).toEqual({ helpful: 1, notHelpful: 1 });
    expect(s.ratings).toEqual({ count: 2, average: 4.5, byScore: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } });
    expect(s.alerts).toHaveLength(1);
    expect(s.alerts[0]).toMatchObject({ status: 'sending', total: 2, recipients: { sent: 1, pending: 1, failed: 0, blocked: 0, skipped: 0 } });
    // WhatsApp cannot be sent from here, and nothing went out on it in the 10 minutes since the start.
    expect(s.alerts[0].warnings).toEqual([
      { kind: 'unavailable', channel: 'whatsapp', pending: 1 },
      { kind: 'stalled', channel: 'whatsapp', pending: 1, minutes: 10 },
    ]);
    expect(s.channels).toEqual([{ name: 'telegram', status: 'running', sending: true }]);
  });

  it('takes any range up to 92 days, charted per day beyond three days', async () => {
    const session = await f.login('editor');
    const yesterday = await f.call('GET', '/api/stats?from=2026-01-16T00:00:00%2B05:00&to=2026-01-17T00:00:00%2B05:00', { session });
    const y = yesterday.json<{ figures: FiguresJson }>().figures;
    expect(y.messages.total).toBe(50);
    // The old one and the one withdrawn the next day (counted as withdrawn on that day).
    expect(y.tickets).toMatchObject({ opened: 2, withdrawn: 0 });
    expect(y.ratings).toMatchObject({ count: 1, average: 1 });
    const week = await f.call('GET', '/api/stats?from=2026-01-11T00:00:00%2B05:00&to=2026-01-17T17:00:00%2B05:00', { session });
    const w = week.json<{ figures: FiguresJson }>().figures;
    expect(w.series.step).toBe('day');
    expect(w.series.points.map((p) => p.at)).toEqual(['11', '12', '13', '14', '15', '16', '17'].map((d) => `2026-01-${String(Number(d) - 1).padStart(2, '0')}T19:00:00.000Z`));
    expect(w.series.points.map((p) => p.messages)).toEqual([0, 0, 0, 0, 0, 50, 16]);
    expect(w.messages.total).toBe(66);
  });

  it('refuses times without a zone, reversed or empty ranges, and more than 92 days', async () => {
    const session = await f.login('admin');
    const bad = async (query: string) => {
      const res = await f.call('GET', `/api/stats?${query}`, { session });
      expect([query, res.statusCode]).toEqual([query, 400]);
      return res.json<{ error: string; problems?: string[] }>();
    };
    expect((await bad('from=2026-01-17T00:00:00')).problems?.join()).toMatch(/from: must be an ISO date-time with a time zone/);
    expect((await bad('to=yesterday')).problems?.join()).toMatch(/^to:/);
    expect((await bad('from=2026-01-17T10:00:00Z&to=2026-01-17T09:00:00Z')).error).toMatch(/before/);
    expect((await bad('from=2026-01-17T10:00:00Z&to=2026-01-17T10:00:00Z')).error).toMatch(/before/);
    expect((await bad('from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z')).error).toMatch(/92 days/);
    expect((await bad('format=xml')).problems?.join()).toMatch(/^format:/);
  });

  it('answers only logged-in staff', async () => {
    expect((await f.call('GET', '/api/stats')).statusCode).toBe(401);
  });

  it('gives the same figures as CSV, one a row', async () => {
    const res = await f.call('GET', '/api/stats?format=csv', { session: await f.login('admin') });
    expect(res.statusCode).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="helpline-stats-2026-01-16-2026-01-17.csv"');
    const rows = res.body.trim().split('\r\n');
    expect(rows[0]).toBe('"figure","key","value"');
    expect(rows).toEqual(
      expect.arrayContaining([
        '"queue.open","queued","2"',
        '"queue.longest_wait_minutes","","360"',
        '"tickets.sla_breaches","","1"',
        '"tickets.withdrawn","","2"',
        '"tickets.cancelled","","1"',
        '"messages.share","answered","0.6"',
        '"series.hour.escalations","2026-01-17T11:00:00.000Z","3"',
        '"top_topics","curfew","7"',
        '"ratings.average","","4.5"',
        '"channels","telegram","running"',
      ]),
    );
  });
});
