/** The operator inbox pages: the live ticket list and one ticket with its actions. */
import type { FastifyInstance } from 'fastify';
import { LANGS } from '../../i18n/languages';
import type { Ticket, TranscriptLine } from '../../store/types';
import { EDITORS, OPERATORS } from '../access';
import type { RouteContext } from '../context';
import { HttpError, parseInput } from '../errors';
import { html } from '../html';
import { layout, send, when } from '../layout';
import { cannedReplies, deskOf, faqDraftUrl, idParams, listed, listQuery, STATUSES } from './api-tickets';


function transcript(lines: TranscriptLine[]) {
  return html`<table>${lines.map((l) => html`<tr><td class="muted">${when(l.at)}</td><td>${l.from}</td><td>${l.text}</td></tr>`)}</table>`;
}

function row(t: Ticket) {
  return html`<tr><td><a href="/inbox/${t.id}">#${t.id}</a></td><td>${t.status}</td><td>${t.assignee && t.status !== 'queued' ? t.assignee : ''}</td>
    <td>${t.lang}</td><td>${t.topic ?? ''}</td><td>${t.channel}</td><td>${t.question}</td><td>${when(t.createdAt)}</td></tr>`;
}

export function inboxPages(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/inbox', { config: { access: OPERATORS } }, async (request, reply) => {
    const query = parseInput(listQuery, request.query, 'query');
    const tickets = await listed(ctx, query);
    const body = html`<form method="get" class="row">
        <label>Status <select name="status"><option value="">open</option>${STATUSES.map((s) => html`<option ${s === query.status ? 'selected' : ''}>${s}</option>`)}</select></label>
        <label>Language <select name="lang"><option value="">any</option>${LANGS.map((l) => html`<option ${l === query.lang ? 'selected' : ''}>${l}</option>`)}</select></label>
        <label>Topic <input name="topic" value="${query.topic ?? ''}"></label><button>Filter</button></form>
      <p class="muted">The list updates itself when tickets open, change or close.</p>
      <div data-live="/api/tickets/events"><table><tr><th>#</th><th>Status</th><th>Operator</th><th>Lang</th><th>Topic</th><th>Channel</th><th>Question</th><th>Opened</th></tr>
      ${tickets.map(row)}</table></div>`;
    return send(reply, layout('Inbox', request.staff, body));
  });

  app.get('/inbox/:id', { config: { access: OPERATORS } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const ticket = await deskOf(ctx).get(id);
    if (!ticket) throw new HttpError(404, `No ticket ${id}`);
    const api = `/api/tickets/${ticket.id}`;
    const open = ticket.status !== 'closed';
    const canDraftFaq = request.staff ? EDITORS.includes(request.staff.account.role) : false;
    const body = html`<p>${ticket.status}${ticket.assignee ? html` · ${ticket.assignee}` : ''} · ${ticket.lang} · ${ticket.channel} · ${ticket.reason} · opened ${when(ticket.createdAt)}</p>
      <blockquote>${ticket.question}</blockquote>
      <h2>Before the hand-off</h2>${transcript(ticket.excerpt)}
      <div data-live="/api/tickets/events"><h2>Since</h2>${transcript(ticket.messages)}
      ${ticket.undelivered.length > 0
        ? html`<h2>Not delivered yet</h2><ul>${ticket.undelivered.map((d) => html`<li>${d.text} <span class="muted">(${d.failed ? 'given up' : `${d.attempts} failed attempts`}${d.lastError ? html`: ${d.lastError}` : ''}${d.failed ? '' : html`; next try ${when(d.retryAt)}`})</span></li>`)}</ul>`
        : ''}</div>
      ${open
        ? html`${ticket.status === 'queued' ? html`<form data-api="${api}/claim" data-next="reload"><button>Claim</button></form>` : ''}
          <form data-api="${api}/reply" data-next="reload"><label>Reply <textarea name="text" rows="4" required></textarea></label><button>Send</button></form>
          <h2>Canned replies</h2>${cannedReplies(ctx, ticket.lang).map((text) => html`<form data-api="${api}/reply" data-next="reload"><input type="hidden" name="text" value="${text}"><button>Send</button> ${text}</form>`)}
          <form data-api="${api}/transfer" data-next="reload"><label>Transfer to (e-mail; empty: back to the queue) <input type="email" name="to"></label><button>Transfer</button></form>
          <form data-api="${api}/close" data-next="/inbox" data-confirm="Close this ticket? The bot will ask the resident for a rating."><button>Close</button></form>`
        : ''}
      ${canDraftFaq ? html`<p><a href="${faqDraftUrl(ticket)}">Turn this into a FAQ entry</a></p>` : ''}`;
    return send(reply, layout(`Ticket #${ticket.id}`, request.staff, body));
  });
}
