/**
 * The operator inbox API: tickets listed and filtered, claimed, answered, transferred, closed,
 * and a Server-Sent Events stream that tells open inbox pages when something changed. Everything
 * goes through the OperatorDesk, the same routing code the Telegram operator group uses.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DeskEvent, OperatorDesk } from '../../escalation/operator-desk';
import { DeskError, waitsUrgently } from '../../escalation/operator-desk';
import { likelyEntries, replyWithEntry } from '../../escalation/faq-reply';
import { answerText, questionLabel } from '../../faq/entry-text';
import { MAX_ID_LENGTH } from '../../faq/file';
import { LANGS, type Lang } from '../../i18n/languages';
import { proposedQuestion, type CourtesyReader } from '../../faq/proposed-question';
import type { Ticket } from '../../store/types';
import { OPERATORS } from '../access';
import type { RouteContext } from '../context';
import { HttpError, parseInput } from '../errors';
import { openEventStream } from '../event-stream';
import { MAX_EMAIL_LENGTH, MAX_MESSAGE_LENGTH, staffText } from '../text-limits';
import { assertMayAct, transferTarget } from '../ticket-rights';

export const STATUSES = ['queued', 'assigned', 'waiting', 'closed'] as const;
const CANNED_KEYS = ['greeting', 'details', 'done'] as const;

/** The inbox filters, shared by the API and the page. */
/** An empty form field means "any". */
const anyWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Oldest first (the longest wait on top) unless asked otherwise. */
export const SORTS = ['oldest', 'newest'] as const;

export const listQuery = z.object({
  status: anyWhenEmpty(z.enum(STATUSES)),
  lang: anyWhenEmpty(z.enum(LANGS)),
  topic: anyWhenEmpty(z.string().max(60)),
  sort: anyWhenEmpty(z.enum(SORTS)),
});
export const idParams = z.object({ id: z.string().max(20) });
const replyBody = z.object({ text: staffText(MAX_MESSAGE_LENGTH).trim().min(1) });
const answerBody = z.object({ entryId: z.string().trim().min(1).max(MAX_ID_LENGTH) });
const transferBody = z.object({ to: z.email('must be an e-mail address').max(MAX_EMAIL_LENGTH).optional() });

/** The operator's canned replies in the resident's language. */
export function cannedReplies(ctx: RouteContext, lang: Lang): string[] {
  return CANNED_KEYS.map((key) => ctx.deps.translator.t(lang, `operator.canned.${key}`));
}

/**
 * The new-entry form prefilled with the ticket's question (the "turn into a FAQ entry" link): its
 * question sentences, without the story and the courtesy around them, as for a suggested variant.
 */
export function faqDraftUrl(ticket: Ticket, courtesy: CourtesyReader): string {
  return `/faq/new?${new URLSearchParams([['q', proposedQuestion(ticket.question, courtesy, ticket.lang)], ['lang', ticket.lang]]).toString()}`;
}

/**
 * The entries the bot ranked first for the ticket's question, as the resident would read them
 * (POST …/answer sends one). `alreadySent`: the resident has had that answer in this conversation —
 * from the bot, before the hand-off (it did not help), or from an operator.
 */
export function faqAnswers(ctx: RouteContext, ticket: Ticket): Array<{ entryId: string; question: string; answer: string; alreadySent: boolean }> {
  const { translator } = ctx.deps;
  const said = new Set([...ticket.excerpt, ...ticket.messages].filter((line) => line.from !== 'resident').map((line) => line.text));
  return likelyEntries(ctx.deps, ticket, ctx.clock()).map((entry) => {
    const answer = answerText(entry, ticket.lang, translator);
    return { entryId: entry.id, question: questionLabel(entry, ticket.lang), answer, alreadySent: said.has(answer) };
  });
}

/** The desk, or a 503 when this console runs without the bot (no tickets to work on). */
export function deskOf(ctx: RouteContext): OperatorDesk {
  if (!ctx.deps.desk) throw new HttpError(503, 'The operator desk is not running in this process');
  return ctx.deps.desk;
}

/** The tickets an inbox query asks for (open ones unless a status is given). */
export async function listed(ctx: RouteContext, query: unknown): Promise<Ticket[]> {
  const q = parseInput(listQuery, query, 'query');
  const tickets = await deskOf(ctx).list({ status: q.status ? [q.status] : undefined, lang: q.lang, topic: q.topic });
  return urgentFirst(q.sort === 'newest' ? tickets.reverse() : tickets);
}

/**
 * Queued urgent tickets first, whatever the order asked for: someone may be in danger. Each part
 * keeps that order.
 */
function urgentFirst(tickets: Ticket[]): Ticket[] {
  return [...tickets.filter(waitsUrgently), ...tickets.filter((t) => !waitsUrgently(t))];
}

function operatorOf(request: FastifyRequest): string {
  return request.staff?.account.email ?? 'unknown';
}

/** The ticket, after checking the caller may act on it (`ticket-rights.ts`); 404 when there is none. */
async function heldTicket(ctx: RouteContext, request: FastifyRequest, id: string): Promise<Ticket> {
  const ticket = await deskOf(ctx).get(id);
  if (!ticket) throw new HttpError(404, `No ticket ${id}`);
  if (!request.staff) throw new HttpError(401, 'Not logged in');
  assertMayAct(ticket, request.staff);
  return ticket;
}

/** Desk refusals become 404/409 with the desk's words. */
async function act<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DeskError) {
      const status = error.code === 'not-found' ? 404 : error.code === 'empty' ? 400 : 409;
      throw new HttpError(status, error.message, undefined, { key: `desk.${error.code}` });
    }
    throw error;
  }
}

/** What an event stream tells the browser: ids and states only, never the residents' words. */
function eventData(event: DeskEvent): { kind: string; ticketId: string; status?: string; urgent?: true } {
  if (event.kind === 'message') return { kind: event.kind, ticketId: event.ticketId };
  const { id, status, urgent } = event.ticket;
  return { kind: event.kind, ticketId: id, status, ...(urgent ? { urgent } : {}) };
}

export function ticketsApi(app: FastifyInstance, ctx: RouteContext): void {
  const access = { config: { access: OPERATORS } };

  app.get('/api/tickets', access, async (request) => ({ tickets: await listed(ctx, request.query) }));

  app.get('/api/tickets/events', access, async (request, reply) => {
    const desk = deskOf(ctx);
    const stream = openEventStream(request, reply);
    const onChange = (event: DeskEvent) => stream.send(event.kind, eventData(event));
    desk.on('change', onChange);
    stream.onClose(() => desk.off('change', onChange));
  });

  app.get('/api/tickets/:id', access, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const ticket = await deskOf(ctx).get(id);
    if (!ticket) throw new HttpError(404, `No ticket ${id}`);
    return { ticket, canned: cannedReplies(ctx, ticket.lang), faqAnswers: faqAnswers(ctx, ticket), faqDraftUrl: faqDraftUrl(ticket, ctx.courtesy) };
  });

  app.post('/api/tickets/:id/claim', access, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    return { ticket: await act(() => deskOf(ctx).claim(id, operatorOf(request))) };
  });

  app.post('/api/tickets/:id/reply', access, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const { text } = parseInput(replyBody, request.body, 'body');
    const desk = deskOf(ctx);
    const ticket = await heldTicket(ctx, request, id);
    return {
      ticket: await act(async () => {
        // Claimed first (atomically) so that a colleague claiming at the same moment cannot end up
        // with this operator's words on their ticket.
        if (ticket.status === 'queued') await desk.claim(id, operatorOf(request));
        return desk.reply(id, operatorOf(request), text);
      }),
    };
  });

  // The ticket's likely FAQ entry, sent with a click: its answer in the resident's language.
  app.post('/api/tickets/:id/answer', access, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const { entryId } = parseInput(answerBody, request.body, 'body');
    const ticket = await heldTicket(ctx, request, id);
    const { catalog, store, translator, logger } = ctx.deps;
    const deps = { desk: deskOf(ctx), catalog, learning: store.learning, translator, logger };
    return { ticket: await act(() => replyWithEntry(deps, ticket, operatorOf(request), entryId, ctx.clock())) };
  });

  app.post('/api/tickets/:id/transfer', access, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const { to } = parseInput(transferBody, request.body ?? {}, 'body');
    await heldTicket(ctx, request, id);
    const target = to === undefined ? undefined : await transferTarget(ctx.deps.store.staff, to);
    return { ticket: await act(() => deskOf(ctx).transfer(id, operatorOf(request), target)) };
  });

  app.post('/api/tickets/:id/close', access, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    await heldTicket(ctx, request, id);
    return { ticket: await act(() => deskOf(ctx).close(id, operatorOf(request))) };
  });
}
