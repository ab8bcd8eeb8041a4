/** The dashboard's figures as CSV, one figure a row (`figure,key,value`), for a spreadsheet. */
import { toCsv } from '../alerts/csv';
import type { Figures } from './figures';

type Row = [string, string, string];

function entries(figure: string, values: Record<string, number>): Row[] {
  return Object.entries(values).map(([key, value]) => [figure, key, String(value)]);
}

/**
 * Every figure of `f`; times in ISO (UTC), shares as fractions.
 *
 * @example figuresCsv(await computeFigures(sources, range))
 */
export function figuresCsv(f: Figures): string {
  const rows: Row[] = [
    ['range', 'from', f.range.from.toISOString()],
    ['range', 'to', f.range.to.toISOString()],
    ['generated_at', '', f.generatedAt.toISOString()],
    ['sla_minutes', '', String(f.slaMinutes)],
    ...entries('queue.open', f.queue.open),
    ['queue.longest_wait_minutes', '', f.queue.longestWaitMinutes === null ? '' : String(f.queue.longestWaitMinutes)],
    ['queue.overdue', '', String(f.queue.overdue)],
    ['queue.urgent', '', String(f.queue.urgent)],
    ['tickets.opened', '', String(f.tickets.opened)],
    ['tickets.closed', '', String(f.tickets.closed)],
    ['tickets.sla_breaches', '', String(f.tickets.slaBreaches)],
    ['tickets.withdrawn', '', String(f.tickets.withdrawn)],
    ['tickets.cancelled', '', String(f.tickets.cancelled)],
    ...entries('tickets.by_reason', f.tickets.byReason),
    ['messages.total', '', String(f.messages.total)],
    ['messages.questions', '', String(f.messages.questions)],
    ...entries('messages.share', f.messages.share ?? {}),
    ...entries('messages.by_outcome', f.messages.byOutcome),
    ...entries('messages.by_channel', f.messages.byChannel),
    ...entries('messages.by_lang', f.messages.byLang),
    ...f.series.points.flatMap((p): Row[] => [
      [`series.${f.series.step}.messages`, p.at.toISOString(), String(p.messages)],
      [`series.${f.series.step}.escalations`, p.at.toISOString(), String(p.escalations)],
    ]),
    ...f.topTopics.map((t): Row => ['top_topics', t.topic, String(t.count)]),
    ...f.unanswered.map((g): Row => ['unanswered', g.label, String(g.count)]),
    ['feedback', 'helpful', String(f.feedback.helpful)],
    ['feedback', 'not_helpful', String(f.feedback.notHelpful)],
    ['ratings.count', '', String(f.ratings.count)],
    ['ratings.average', '', f.ratings.average === null ? '' : String(f.ratings.average)],
    ...entries('ratings.by_score', f.ratings.byScore),
    ...f.alerts.flatMap((a) => entries(`alert.${a.id}`, a.recipients)),
    ...f.channels.map((c): Row => ['channels', c.name, c.status]),
  ];
  return toCsv([['figure', 'key', 'value'], ...rows]);
}
