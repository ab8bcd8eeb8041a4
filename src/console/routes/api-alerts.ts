/**
 * Emergency alerts for editors and admins: count the recipients and preview, send now or at a
 * time (optionally saving the matching FAQ answer in the same step), follow progress per channel,
 * export failures as CSV, cancel.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { failuresCsv } from '../../alerts/csv';
import { canSendHere } from '../../alerts/delivery-check';
import { alertText } from '../../alerts/sender';
import { ALERT_TOPICS, DEFAULT_DISTRICTS } from '../../alerts/topics';
import { LANGS, type Lang } from '../../i18n/languages';
import { EDITORS } from '../access';
import type { RouteContext } from '../context';
import { HttpError, parseInput } from '../errors';
import { openEventStream } from '../event-stream';
import { MAX_MESSAGE_LENGTH, MAX_NAME_LENGTH, staffText } from '../text-limits';
import { actorOf } from './api-faq';

const message = staffText(MAX_MESSAGE_LENGTH).trim().min(1);
const texts = z
  .object({ ru: message.optional(), kk: message.optional(), en: message.optional() })
  .refine((t) => LANGS.some((l) => t[l] !== undefined), 'needs the text in at least one language');

const audience = z.object({
  topics: z.array(z.enum(ALERT_TOPICS)).min(1, 'pick at least one topic').max(ALERT_TOPICS.length),
  districts: z.array(staffText(MAX_NAME_LENGTH).min(1)).max(100).default([]),
});

const createBody = audience.extend({
  text: texts,
  /** Absent: send now. */
  runAt: z.iso.datetime({ offset: true, error: 'must be an ISO date-time with a time zone' }).optional(),
  /** Also save this FAQ entry's answer, so the bot's answers agree with the alert. */
  faq: z.object({ id: z.string().min(1).max(60), answer: texts }).optional(),
});
const previewBody = audience.extend({ text: texts });
const idParams = z.object({ id: z.string().max(20).regex(/^\d+$/, 'must be a number') });
/** How often an open alerts page's event stream looks at the progress of the alerts being sent. */
const PROGRESS_POLL_MS = 2000;

export function alertsApi(app: FastifyInstance, ctx: RouteContext): void {
  const { alerts, faq, audit } = ctx.deps.store;
  const districts = ctx.deps.alertDistricts ?? DEFAULT_DISTRICTS;
  const checkDistricts = (list: string[]) => {
    const unknown = list.filter((d) => !districts.includes(d));
    if (unknown.length > 0) throw new HttpError(400, `Unknown district(s): ${unknown.join(', ')}; configured: ${districts.join(', ')}`);
  };
  const counts = async (topics: string[], list: string[]) => {
    const byChannel: Record<string, number> = {};
    const byLang: Record<Lang, number> = { ru: 0, kk: 0, en: 0 };
    const subs = await alerts.matchingSubscriptions(topics, list);
    for (const s of subs) {
      byChannel[s.channel] = (byChannel[s.channel] ?? 0) + 1;
      byLang[s.lang]++;
    }
    return { total: subs.length, byChannel, byLang };
  };

  app.get('/api/alerts', { config: { access: EDITORS } }, async () => {
    const recent = (await alerts.list()).slice(0, 50);
    return { alerts: await Promise.all(recent.map(async (a) => ({ ...a, progress: await alerts.progress(a.id) }))) };
  });

  // POST although it changes nothing: the draft text travels in the body.
  app.post('/api/alerts/preview', { config: { access: EDITORS } }, async (request) => {
    const body = parseInput(previewBody, request.body, 'body');
    checkDistricts(body.districts);
    const draft = { text: body.text, topics: body.topics, districts: body.districts, runAt: ctx.clock(), createdBy: '', id: '', status: 'scheduled' as const, createdAt: ctx.clock() };
    const preview = Object.fromEntries(LANGS.map((l) => [l, alertText(draft, l)]));
    const recipients = await counts(body.topics, body.districts);
    // Recipients on a channel this process cannot send on wait for a process that can: say so before the send.
    const channels = ctx.stats.channels();
    const unavailable = Object.entries(recipients.byChannel)
      .filter(([channel]) => !canSendHere(channels, channel))
      .map(([channel, count]) => ({ channel, count, state: channels.find((c) => c.name === channel)?.status ?? null }));
    return { recipients, preview, unavailable };
  });

  app.post('/api/alerts', { config: { access: EDITORS } }, async (request, reply) => {
    const body = parseInput(createBody, request.body, 'body');
    checkDistricts(body.districts);
    const now = ctx.clock();
    const runAt = body.runAt ? new Date(body.runAt) : now;
    if (body.runAt && runAt.getTime() <= now.getTime()) throw new HttpError(400, 'runAt must be in the future: leave it out to send now');
    const actor = actorOf(request);
    if (body.faq) {
      const entry = await faq.get(body.faq.id);
      if (!entry) throw new HttpError(404, `No FAQ entry "${body.faq.id}" to update`);
      await faq.save({ ...entry, answer: { ...entry.answer, ...body.faq.answer } }, actor);
    }
    const alert = await alerts.create({ text: body.text, topics: body.topics, districts: body.districts, runAt, createdBy: actor });
    await audit.record({ actor, action: 'alert.create', target: alert.id, detail: { topics: body.topics, districts: body.districts, runAt: runAt.toISOString(), faq: body.faq?.id ?? null } });
    // Send now: start at once rather than at the next scheduler tick.
    if (!body.runAt) {
      await alerts.start(alert.id);
      ctx.deps.alertSender?.kick();
    }
    void reply.code(201);
    return { alert: await alerts.get(alert.id), recipients: await counts(body.topics, body.districts) };
  });

  // Tells an open alerts page when the progress of an alert being sent (or its status) changed.
  app.get('/api/alerts/events', { config: { access: EDITORS } }, async (request, reply) => {
    const stream = openEventStream(request, reply);
    let last = '';
    let checking = false;
    const check = async () => {
      const active = await alerts.list({ status: ['scheduled', 'sending'] });
      const state = JSON.stringify(await Promise.all(active.map(async (a) => [a.id, a.status, await alerts.progress(a.id)])));
      if (last !== '' && state !== last) stream.send('progress', { alerts: active.map((a) => a.id) });
      last = state;
    };
    const timer = setInterval(() => {
      if (checking) return;
      checking = true;
      check()
        .catch((error: unknown) => ctx.deps.logger.warn({ err: error }, 'alert progress not read for the event stream'))
        .finally(() => (checking = false));
    }, PROGRESS_POLL_MS);
    timer.unref();
    stream.onClose(() => clearInterval(timer));
    await check();
  });

  app.get('/api/alerts/:id', { config: { access: EDITORS } }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const alert = await alerts.get(id);
    if (!alert) throw new HttpError(404, `No alert ${id}`);
    return { alert, progress: await alerts.progress(id) };
  });

  app.post('/api/alerts/:id/cancel', { config: { access: EDITORS } }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    if (!(await alerts.finish(id, 'cancelled'))) throw new HttpError(404, `No scheduled or sending alert ${id}`);
    await audit.record({ actor: actorOf(request), action: 'alert.cancel', target: id });
    return { cancelled: id, progress: await alerts.progress(id) };
  });

  app.get('/api/alerts/:id/failures.csv', { config: { access: EDITORS } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params, 'path');
    if (!(await alerts.get(id))) throw new HttpError(404, `No alert ${id}`);
    const rows = await alerts.recipients(id, ['failed', 'blocked']);
    void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="alert-${id}-failures.csv"`);
    return failuresCsv(rows);
  });
}
