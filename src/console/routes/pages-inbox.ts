/**
 * The operator inbox pages: the live ticket list, sorted and marked for triage (how long each has
 * waited, which are past the SLA), and one ticket with its conversation and the actions its viewer
 * may take. Sound and desktop notifications for new and overdue tickets are the operator's choice
 * (the script keeps it in the browser).
 */
import type { FastifyInstance } from 'fastify';
import type { WithdrawReason } from '../../engine/ports';
import { waitsUrgently } from '../../escalation/operator-desk';
import { WITHDRAW_ACTION, withdrawReasonOf } from '../../escalation/withdrawal';
import { LANGS } from '../../i18n/languages';
import type { Ticket, TranscriptLine } from '../../store/types';
import { EDITORS, OPERATORS } from '../access';
import type { RouteContext } from '../context';
import { HttpError, parseInput } from '../errors';
import { clip, html, type SafeHtml } from '../html';
import { cardTable, layout, send } from '../layout';
import { mayAct } from '../ticket-rights';
import { viewOf, type View } from '../view';
import { cannedReplies, deskOf, faqAnswers, faqDraftUrl, idParams, listed, listQuery, SORTS, STATUSES } from './api-tickets';

/** Characters of a question shown in the list; the ticket page shows it whole. */
const QUESTION_PREVIEW = 160;
/** Characters of a FAQ answer shown on a ticket before the operator sends it. */
const ANSWER_PREVIEW = 200;
const LIVE_EVENTS = '/api/tickets/events';

const MINUTE_MS = 60_000;

/**
 * Closed by the resident rather than an operator, and why (an entry offered with the hand-off
 * answered them, or they cancelled it): the withdrawal's audit record, written just after the
 * ticket was closed (the same clock). Undefined when an operator closed it.
 */
async function withdrawnByResident(ctx: RouteContext, ticket: Ticket): Promise<WithdrawReason | undefined> {
  const { closedAt } = ticket;
  if (!closedAt) return undefined;
  const around = (ms: number) => new Date(closedAt.getTime() + ms);
  const records = await ctx.deps.store.audit.between(around(-MINUTE_MS), around(MINUTE_MS), [WITHDRAW_ACTION]);
  const record = records.find((r) => r.target === ticket.id);
  if (!record) return undefined;
  return withdrawReasonOf(record);
}

/** How long a ticket has waited, and whether that is past the SLA (only queued tickets can be overdue). */
export function waiting(ticket: Ticket, now: Date, slaMinutes: number): { ms: number; overdue: boolean } {
  const ms = Math.max(0, now.getTime() - ticket.createdAt.getTime());
  return { ms, overdue: ticket.status === 'queued' && ms >= slaMinutes * MINUTE_MS };
}

/** The FAQ entries the bot ranked first for the ticket's question, each sent with a click. */
function faqAnswerForms(view: View, api: string, answers: ReturnType<typeof faqAnswers>): SafeHtml {
  const { t } = view;
  if (answers.length === 0) return html`<p class="muted">${t('ticket.noFaqAnswers')}</p>`;
  const forms = answers.map(({ entryId, question, answer, alreadySent }) => {
    return html`<form data-api="${api}/answer" data-next="reload" data-done="${t('ticket.sent')}" class="canned-reply"><input type="hidden" name="entryId" value="${entryId}"><p><strong>${question}</strong>
${clip(answer, ANSWER_PREVIEW)}</p><button>${t('ticket.sendFaqAnswer')}</button>${alreadySent ? html` <span class="muted">${t('ticket.faqAlreadySent')}</span>` : ''}</form>`;
  });
  return html`<details class="canned" open><summary>${t('ticket.faqAnswers')}</summary><p class="muted">${t('ticket.faqAnswersNote')}</p>${forms}</details>`;
}

/** " · urgent: 2" in the list's summary, when there are any. */
function countOf(count: number, text: string): SafeHtml | '' {
  return count > 0 ? html` · <strong class="overdue-text">${text}</strong>` : '';
}

function statusBadge(view: View, ticket: Ticket, overdue: boolean): SafeHtml {
  const urgent = ticket.urgent ? html` <span class="badge urgent">${view.t('inbox.urgent')}</span>` : '';
  return html`<span class="badge status-${ticket.status}">${view.t(`status.${ticket.status}`)}</span>${urgent}${overdue ? html` <span class="badge overdue">${view.t('inbox.overdue')}</span>` : ''}`;
}

function transcript(view: View, lines: TranscriptLine[]): SafeHtml {
  if (lines.length === 0) return html`<p class="muted">${view.t('ticket.noMessages')}</p>`;
  return html`<ol class="chat">${lines.map((l) => html`<li class="from-${l.from}"><span class="who">${view.t(`ticket.from.${l.from}`)} · ${view.when(l.at)}</span><span class="text">${l.text}</span></li>`)}</ol>`;
}

function listPage(view: View, tickets: Ticket[], query: ReturnType<typeof listQuery.parse>, slaMinutes: number): SafeHtml {
  const { t } = view;
  const option = (value: string, selected: boolean, label: string) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  const urgent = tickets.filter(waitsUrgently).length;
  const overdue = tickets.filter((ticket) => waiting(ticket, view.now, slaMinutes).overdue).length;
  const rows = tickets.map((ticket) => {
    const w = waiting(ticket, view.now, slaMinutes);
    const question = clip(ticket.question, QUESTION_PREVIEW);
    return {
      className: waitsUrgently(ticket) ? 'urgent' : w.overdue ? 'overdue' : undefined,
      cells: [
        html`<a href="/inbox/${ticket.id}">#${ticket.id}</a>`,
        statusBadge(view, ticket, w.overdue),
        html`<strong>${view.span(w.ms)}</strong><br><span class="muted">${view.when(ticket.createdAt)}</span>`,
        html`<a href="/inbox/${ticket.id}" class="question">${question}</a>`,
        html`${view.langName(ticket.lang)} · ${view.channel(ticket.channel)}${ticket.topic ? html` · ${view.topic(ticket.topic)}` : ''}`,
        ticket.assignee && ticket.status !== 'queued' ? ticket.assignee : '—',
      ],
    };
  });
  return html`<form method="get" class="filters">
      <label>${t('inbox.filter.status')} <select name="status">${option('', !query.status, t('inbox.filter.open'))}${STATUSES.map((s) => option(s, s === query.status, t(`status.${s}`)))}</select></label>
      <label>${t('inbox.filter.lang')} <select name="lang">${option('', !query.lang, t('inbox.filter.any'))}${LANGS.map((l) => option(l, l === query.lang, view.langName(l)))}</select></label>
      <label>${t('inbox.filter.topic')} <input type="text" name="topic" value="${query.topic ?? ''}"></label>
      <label>${t('inbox.filter.sort')} <select name="sort">${SORTS.map((s) => option(s, s === (query.sort ?? 'oldest'), t(`inbox.sort.${s}`)))}</select></label>
      <button>${t('inbox.filter.apply')}</button></form>
    <p class="row-line"><span class="muted">${t('inbox.live', { minutes: slaMinutes })}</span>
      <label class="toggle"><input type="checkbox" data-ticket-alerts> ${t('inbox.alerts')}</label></p>
    <div data-live="${LIVE_EVENTS}" data-refresh="60" data-notify>
      <p class="summary">${t('inbox.count', { count: tickets.length })}${countOf(urgent, t('inbox.urgentCount', { count: urgent }))}${countOf(overdue, t('inbox.overdueCount', { count: overdue }))}</p>
      ${cardTable([t('inbox.col.ticket'), t('inbox.col.status'), t('inbox.col.waiting'), t('inbox.col.question'), t('inbox.col.from'), t('inbox.col.operator')], rows, { className: 'inbox', empty: t('inbox.empty') })}
    </div>`;
}

export function inboxPages(app: FastifyInstance, ctx: RouteContext): void {
  const sla = () => ctx.stats.slaMinutes;

  app.get('/inbox', { config: { access: OPERATORS } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const query = parseInput(listQuery, request.query, 'query');
    const tickets = await listed(ctx, query);
    return send(reply, layout(view, view.t('inbox.title'), listPage(view, tickets, query, sla())));
  });

  app.get('/inbox/:id', { config: { access: OPERATORS } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const { id } = parseInput(idParams, request.params, 'path');
    const ticket = await deskOf(ctx).get(id);
    if (!ticket) throw new HttpError(404, `No ticket ${id}`);
    const staff = request.staff;
    if (!staff) throw new HttpError(401, 'Not logged in');
    const api = `/api/tickets/${ticket.id}`;
    const open = ticket.status !== 'closed';
    const mine = mayAct(ticket, staff);
    const w = waiting(ticket, view.now, sla());
    const canDraftFaq = EDITORS.includes(staff.account.role);
    const colleagues = (await ctx.deps.store.staff.list()).filter((s) => !s.disabled && OPERATORS.includes(s.role) && s.email !== staff.account.email);

    const withdrawn = open ? undefined : await withdrawnByResident(ctx, ticket);
    const actions = !open
      ? withdrawn
        ? html`<p class="note">${t(withdrawn === 'cancelled' ? 'ticket.cancelledNote' : 'ticket.withdrawnNote')}</p>`
        : ''
      : !mine
        ? html`<p class="note">${t('ticket.heldBy', { operator: ticket.assignee ?? '' })}</p>`
        : html`<section class="actions">
          ${ticket.status === 'queued' ? html`<form data-api="${api}/claim" data-next="reload" data-done="${t('ticket.claimed')}"><button class="primary">${t('ticket.claim')}</button></form>` : ''}
          <form data-api="${api}/reply" data-next="reload" data-done="${t('ticket.sent')}"><label>${t('ticket.replyLabel', { lang: view.langName(ticket.lang) })}<textarea name="text" rows="4" required maxlength="4000"></textarea></label>
            <button class="primary">${t('ticket.sendReply')}</button></form>
          ${faqAnswerForms(view, api, faqAnswers(ctx, ticket))}
          <details class="canned"><summary>${t('ticket.canned')}</summary>
            ${cannedReplies(ctx, ticket.lang).map((text) => html`<form data-api="${api}/reply" data-next="reload" data-done="${t('ticket.sent')}" class="canned-reply"><input type="hidden" name="text" value="${text}"><p>${text}</p><button>${t('ticket.sendCanned')}</button></form>`)}
          </details>
          <form data-api="${api}/transfer" data-next="reload" data-done="${t('ticket.transferred')}" class="transfer"><label>${t('ticket.transferTo')}
            <select name="to"><option value="">${t('ticket.backToQueue')}</option>${colleagues.map((c) => html`<option value="${c.email}">${c.email} (${t(`roles.${c.role}`)})</option>`)}</select></label>
            <button>${t('ticket.transfer')}</button></form>
          <form data-api="${api}/close" data-next="/inbox" data-done="${t('ticket.closedDone')}" data-confirm="${t('ticket.confirmClose')}"><button class="danger">${t('ticket.close')}</button></form>
        </section>`;

    const body = html`<p class="facts">${statusBadge(view, ticket, w.overdue)}
        <span>${t(`reason.${ticket.reason}`)}</span>
        <span>${view.langName(ticket.lang)} · ${view.channel(ticket.channel)}${ticket.topic ? html` · ${view.topic(ticket.topic)}` : ''}</span>
        <span>${t('ticket.opened')} ${view.when(ticket.createdAt)}${open ? html` · ${t('ticket.waited', { span: view.span(w.ms) })}` : ''}</span>
        ${ticket.assignee && ticket.status !== 'queued' ? html`<span>${t('ticket.operator')}: ${ticket.assignee}</span>` : ''}</p>
      <blockquote class="question">${ticket.question}</blockquote>
      <div data-live="${LIVE_EVENTS}" data-refresh="60">
        <h2>${t('ticket.since')}</h2>${transcript(view, ticket.messages)}
        ${ticket.undelivered.length > 0
          ? html`<h2>${t('ticket.undelivered')}</h2><ul>${ticket.undelivered.map((d) => html`<li${d.failed ? html` class="failed"` : ''}>${d.text} <span class="muted">(${d.failed ? t('ticket.givenUp') : t('ticket.attempts', { count: d.attempts })}${d.lastError ? html`: ${d.lastError}` : ''}${d.failed ? '' : html`; ${t('ticket.nextTry')} ${view.when(d.retryAt)}`})</span></li>`)}</ul>`
          : ''}
      </div>
      ${actions}
      <details><summary>${t('ticket.before')}</summary>${transcript(view, ticket.excerpt)}</details>
      ${canDraftFaq ? html`<p><a href="${faqDraftUrl(ticket, ctx.courtesy)}">${t('ticket.toFaq')}</a></p>` : ''}
      <p><a href="/inbox">← ${t('ticket.back')}</a></p>`;
    return send(reply, layout(view, t('ticket.title', { id: ticket.id }), body));
  });
}
