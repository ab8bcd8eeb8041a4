/**
 * The dashboard's figures for any time range, as JSON or CSV: `GET /api/stats?from=&to=&format=`.
 * Without `from` the range starts at the beginning of the local day (OPERATOR_UTC_OFFSET), without
 * `to` it ends now; at most RANGE_DAYS long, so a request cannot make the store read years.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DeskEvent } from '../../escalation/operator-desk';
import { startOfLocalDay } from '../../i18n/local-time';
import { computeFigures, type StatsRange } from '../../stats/figures';
import { figuresCsv } from '../../stats/figures-csv';
import { ALL_ROLES } from '../access';
import type { RouteContext } from '../context';
import { HttpError, parseInput } from '../errors';
import { openEventStream } from '../event-stream';

export const RANGE_DAYS = 92;
const DAY = 24 * 3600_000;

const isoTime = z.iso.datetime({ offset: true, error: 'must be an ISO date-time with a time zone, e.g. 2026-01-17T00:00:00+05:00' });
const statsQuery = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/** The range a stats request asks for, with the defaults; 400 when it is empty, reversed or too long. */
export function statsRange(ctx: RouteContext, query: { from?: string; to?: string }): StatsRange {
  const to = query.to ? new Date(query.to) : ctx.clock();
  let from = query.from ? new Date(query.from) : startOfLocalDay(to, ctx.stats.utcOffsetMinutes);
  // "Today" asked for at midnight: the day that just ended.
  if (!query.from && from.getTime() === to.getTime()) from = new Date(to.getTime() - DAY);
  if (from.getTime() >= to.getTime()) throw new HttpError(400, 'Invalid range: "from" must be before "to"');
  if (to.getTime() - from.getTime() > RANGE_DAYS * DAY) throw new HttpError(400, `Invalid range: at most ${RANGE_DAYS} days at a time`);
  return { from, to };
}

export function statsApi(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/stats', { config: { access: ALL_ROLES } }, async (request, reply) => {
    const query = parseInput(statsQuery, request.query, 'query');
    const figures = await computeFigures(ctx.stats, statsRange(ctx, query));
    if (query.format === 'json') return { figures };
    const day = (d: Date) => d.toISOString().slice(0, 10);
    void reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="helpline-stats-${day(figures.range.from)}-${day(figures.range.to)}.csv"`);
    return figuresCsv(figures);
  });

  // Tells an open dashboard that a ticket changed (no ids: the page reads its figures again).
  app.get('/api/stats/events', { config: { access: ALL_ROLES } }, async (request, reply) => {
    const stream = openEventStream(request, reply);
    const desk = ctx.deps.desk;
    if (!desk) return;
    const onChange = (event: DeskEvent) => stream.send('change', { kind: event.kind });
    desk.on('change', onChange);
    stream.onClose(() => desk.off('change', onChange));
  });
}
