/**
 * The figures a supervisor runs a shift by — the queue now, what residents asked and what became of
 * it over a time range, ratings, alerts being sent, the channels — computed from the sub-stores in
 * one place, for the console's dashboard, `GET /api/stats` and its CSV alike.
 *
 * Each figure is read with a query bounded by the range (tickets and audit records by time, hourly
 * outcome counts) or by what is open now (the queue, alerts being sent): nothing scans the history.
 */
import { canSendHere, deliveryWarnings, type ChannelState, type DeliveryWarning } from '../alerts/delivery-check';
import { waitsUrgently } from '../escalation/operator-desk';
import { WITHDRAW_ACTION, withdrawReasonOf } from '../escalation/withdrawal';
import { LANGS, type Lang } from '../i18n/languages';
import { startOfLocalDay } from '../i18n/local-time';
import { OPEN_TICKET_STATUSES, type AlertStatus, type OutcomeCount, type RecipientStatus, type Store, type TicketStatus } from '../store/types';
import { collectUnanswered, groupUnanswered } from './unanswered';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Ranges up to this long are charted per hour, longer ones per day. */
const HOURLY_UP_TO = 3 * DAY;
const TOP_TOPICS = 8;
const TOP_UNANSWERED = 5;
const RECENT_ALERTS = 5;

/** What the engine makes of a typed question; the rest of the messages are commands, picks, feedback… */
const QUESTION_OUTCOMES = ['answer', 'suggest', 'escalate'] as const;
const AUDIT_ACTIONS = ['ticket.rating', 'ticket.overdue', WITHDRAW_ACTION, 'feedback.helpful', 'feedback.not-helpful'] as const;
export const RECIPIENT_STATES: readonly RecipientStatus[] = ['pending', 'sent', 'failed', 'blocked', 'skipped'];

export interface StatsSources {
  store: Pick<Store, 'tickets' | 'audit' | 'outcomes' | 'alerts' | 'faq'>;
  /** SLA_MINUTES: a queued ticket older than this is overdue. */
  slaMinutes: number;
  /** OPERATOR_UTC_OFFSET in minutes: where days begin. */
  utcOffsetMinutes: number;
  /** The channels of this process and their states. */
  channels: () => readonly ChannelState[];
  clock: () => Date;
}

export interface StatsRange {
  from: Date;
  to: Date;
}

export interface SeriesPoint {
  /** The start of the hour or local day. */
  at: Date;
  messages: number;
  escalations: number;
}

export interface AlertFigure {
  id: string;
  status: AlertStatus;
  runAt: Date;
  topics: string[];
  /** Recipients in each state, all channels together. */
  recipients: Record<RecipientStatus, number>;
  total: number;
  warnings: DeliveryWarning[];
}

export interface Figures {
  range: StatsRange;
  generatedAt: Date;
  slaMinutes: number;
  /** The queue as it is now, whatever the range. */
  queue: {
    open: Record<Exclude<TicketStatus, 'closed'>, number>;
    /** Minutes the longest-waiting queued ticket has waited; null when nothing is queued. */
    longestWaitMinutes: number | null;
    /** Queued tickets waiting longer than the SLA now. */
    overdue: number;
    /** Queued tickets whose resident wrote that someone is in danger now (Ticket.urgent). */
    urgent: number;
  };
  tickets: {
    opened: number;
    /** Of those, closed by now. */
    closed: number;
    /** Tickets flagged for waiting longer than the SLA within the range. */
    slaBreaches: number;
    /**
     * Tickets residents withdrew within the range: an entry offered with the hand-off answered them,
     * or they cancelled the request (`cancelled`, counted in `withdrawn` too).
     */
    withdrawn: number;
    cancelled: number;
    byReason: Record<'requested' | 'no-match' | 'not-helpful', number>;
  };
  messages: {
    total: number;
    /** Per outcome: answer, picked, suggest, clarify, escalate, queued, command, feedback, rating, small-talk, unsupported. */
    byOutcome: Record<string, number>;
    byChannel: Record<string, number>;
    byLang: Record<Lang, number>;
    /** Typed questions: answered, offered suggestions, or handed to an operator. */
    questions: number;
    /** Shares of `questions`, 0..1; null without questions. */
    share: { answered: number; suggested: number; escalated: number } | null;
  };
  series: { step: 'hour' | 'day'; points: SeriesPoint[] };
  /** What residents asked about most: topics of answered entries and of tickets. */
  topTopics: { topic: string; count: number }[];
  /** The largest groups of questions nothing answered (or whose answer did not help). */
  unanswered: { label: string; count: number; lang?: Lang; questions: string[] }[];
  feedback: { helpful: number; notHelpful: number };
  ratings: { count: number; average: number | null; byScore: Record<'1' | '2' | '3' | '4' | '5', number> };
  /** Alerts being sent or waiting, and the latest ones that started within the range. */
  alerts: AlertFigure[];
  channels: { name: string; status: string; sending: boolean }[];
}

function add<K extends string>(to: Record<K, number>, key: K, n = 1): void {
  to[key] = (to[key] ?? 0) + n;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Bucket starts covering the range: UTC hours (whole-hour offsets make them local hours too), or local days. */
function buckets(range: StatsRange, offsetMinutes: number): { step: 'hour' | 'day'; starts: number[] } {
  const span = range.to.getTime() - range.from.getTime();
  const step = span <= HOURLY_UP_TO ? 'hour' : 'day';
  const first = step === 'hour' ? Math.floor(range.from.getTime() / HOUR) * HOUR : startOfLocalDay(range.from, offsetMinutes).getTime();
  const width = step === 'hour' ? HOUR : DAY;
  const starts: number[] = [];
  for (let t = first; t < range.to.getTime(); t += width) starts.push(t);
  return { step, starts };
}

function bucketOf(starts: readonly number[], at: number): number {
  let i = starts.length - 1;
  while (i > 0 && starts[i] > at) i--;
  return i;
}

/**
 * Every figure for `range` (the queue as of now).
 *
 * @example const figures = await computeFigures(sources, { from: startOfLocalDay(now, 300), to: now });
 */
export async function computeFigures(sources: StatsSources, range: StatsRange): Promise<Figures> {
  const { store, slaMinutes } = sources;
  const now = sources.clock();
  // Hourly counts are read by the hours that start in the range: widen `from` to its hour.
  const hourFrom = new Date(Math.floor(range.from.getTime() / HOUR) * HOUR);
  const [open, opened, audit, outcomes, alerts] = await Promise.all([
    store.tickets.list({ status: OPEN_TICKET_STATUSES }),
    store.tickets.openedBetween(range.from, range.to),
    store.audit.between(range.from, range.to, AUDIT_ACTIONS),
    store.outcomes.between(hourFrom, range.to),
    store.alerts.list(),
  ]);
  // Only the entries residents got (their topics): the whole FAQ, read on every refresh of every
  // dashboard, held the event loop 0.4 s at 10,000 entries.
  const entryGot = (c: OutcomeCount) => ((c.outcome === 'answer' || c.outcome === 'picked') && c.detail ? c.detail : undefined);
  const answeredIds = new Set(outcomes.map(entryGot).filter((id) => id !== undefined));
  const entries = await store.faq.getMany([...answeredIds]);

  const queue: Figures['queue'] = { open: zeros(OPEN_TICKET_STATUSES), longestWaitMinutes: null, overdue: 0, urgent: 0 };
  for (const t of open) {
    if (t.status === 'closed') continue;
    add(queue.open, t.status);
    if (t.status !== 'queued') continue;
    const waited = Math.max(0, Math.floor((now.getTime() - t.createdAt.getTime()) / MINUTE));
    queue.longestWaitMinutes = Math.max(queue.longestWaitMinutes ?? 0, waited);
    if (waited >= slaMinutes) queue.overdue++;
    if (waitsUrgently(t)) queue.urgent++;
  }

  const tickets: Figures['tickets'] = { opened: opened.length, closed: 0, slaBreaches: 0, withdrawn: 0, cancelled: 0, byReason: zeros(['requested', 'no-match', 'not-helpful'] as const) };
  const topicCounts: Record<string, number> = {};
  for (const t of opened) {
    if (t.status === 'closed') tickets.closed++;
    add(tickets.byReason, t.reason);
    if (t.topic) add(topicCounts, t.topic);
  }

  const feedback = { helpful: 0, notHelpful: 0 };
  const ratings: Figures['ratings'] = { count: 0, average: null, byScore: zeros(['1', '2', '3', '4', '5'] as const) };
  let scoreSum = 0;
  for (const r of audit) {
    if (r.action === 'ticket.overdue') tickets.slaBreaches++;
    else if (r.action === WITHDRAW_ACTION) {
      tickets.withdrawn++;
      if (withdrawReasonOf(r) === 'cancelled') tickets.cancelled++;
    }
    else if (r.action === 'feedback.helpful') feedback.helpful++;
    else if (r.action === 'feedback.not-helpful') feedback.notHelpful++;
    else {
      const score = Number(r.detail?.score);
      if (!Number.isInteger(score) || score < 1 || score > 5) continue;
      add(ratings.byScore, String(score) as keyof Figures['ratings']['byScore']);
      ratings.count++;
      scoreSum += score;
    }
  }
  if (ratings.count > 0) ratings.average = Math.round((scoreSum / ratings.count) * 100) / 100;

  const topicOf = new Map(entries.map((e) => [e.id, e.topic]));
  const { step, starts } = buckets(range, sources.utcOffsetMinutes);
  const points: SeriesPoint[] = starts.map((t) => ({ at: new Date(t), messages: 0, escalations: 0 }));
  const messages: Figures['messages'] = { total: 0, byOutcome: {}, byChannel: {}, byLang: zeros(LANGS), questions: 0, share: null };
  for (const c of outcomes) {
    messages.total += c.count;
    add(messages.byOutcome, c.outcome, c.count);
    add(messages.byChannel, c.channel, c.count);
    add(messages.byLang, c.lang, c.count);
    const point = points[bucketOf(starts, c.hour.getTime())];
    if (point) {
      point.messages += c.count;
      if (c.outcome === 'escalate') point.escalations += c.count;
    }
    const id = entryGot(c);
    const topic = id === undefined ? undefined : topicOf.get(id);
    if (topic) add(topicCounts, topic, c.count);
  }
  const [answered, suggested, escalated] = QUESTION_OUTCOMES.map((o) => messages.byOutcome[o] ?? 0);
  messages.questions = answered + suggested + escalated;
  if (messages.questions > 0) {
    const share = (n: number) => Math.round((n / messages.questions) * 1000) / 1000;
    messages.share = { answered: share(answered), suggested: share(suggested), escalated: share(escalated) };
  }

  const topTopics = Object.entries(topicCounts)
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
    .slice(0, TOP_TOPICS);

  const unanswered = groupUnanswered(collectUnanswered(opened, audit))
    .slice(0, TOP_UNANSWERED)
    .map((g) => ({ label: g.label, count: g.count, ...(g.lang ? { lang: g.lang } : {}), questions: g.questions.slice(0, 3) }));

  const channels = sources.channels();
  const shown = alerts.filter((a) => a.status === 'sending' || a.status === 'scheduled' || (a.runAt >= range.from && a.runAt < range.to)).slice(0, RECENT_ALERTS);
  const alertFigures = await Promise.all(
    shown.map(async (a): Promise<AlertFigure> => {
      const progress = await store.alerts.progress(a.id);
      const recipients = zeros(RECIPIENT_STATES);
      for (const perChannel of Object.values(progress)) for (const state of RECIPIENT_STATES) recipients[state] += perChannel[state];
      const total = RECIPIENT_STATES.reduce((sum, s) => sum + recipients[s], 0);
      return { id: a.id, status: a.status, runAt: a.runAt, topics: a.topics, recipients, total, warnings: deliveryWarnings(a, progress, channels, now) };
    }),
  );

  return {
    range,
    generatedAt: now,
    slaMinutes,
    queue,
    tickets,
    messages,
    series: { step, points },
    topTopics,
    unanswered,
    feedback,
    ratings,
    alerts: alertFigures,
    channels: channels.map((c) => ({ name: c.name, status: c.status, sending: canSendHere(channels, c.name) })),
  };
}
