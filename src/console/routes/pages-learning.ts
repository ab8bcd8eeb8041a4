/**
 * The page of question variants residents suggest, across all entries, and the same list as a
 * section of an entry's page: each with how often residents used those words, accept or reject.
 */
import type { FastifyInstance } from 'fastify';
import type { LearnedVariant } from '../../store/types';
import { EDITORS } from '../access';
import type { RouteContext } from '../context';
import { html, type SafeHtml } from '../html';
import { layout, send, when } from '../layout';

/** The suggestions as a table; `showEntry` adds the entry each belongs to (the overview page). */
export function suggestedVariants(variants: readonly LearnedVariant[], editable: boolean, showEntry: boolean): SafeHtml {
  if (variants.length === 0) return html`<p class="muted">No suggested question variants.</p>`;
  return html`<table class="variants"><tr>${showEntry ? html`<th>Entry</th>` : ''}<th>Residents wrote</th><th>Language</th>
      <th title="picked from &quot;did you mean&quot; / said the answer helped">Picked / helped</th><th>Last</th><th></th></tr>
    ${variants.map(
      (v) => html`<tr>${showEntry ? html`<td><a href="/faq/${v.entryId}">${v.entryId}</a></td>` : ''}<td>${v.text}</td><td>${v.lang}</td>
        <td>${v.picked} / ${v.helpful}</td><td>${when(v.lastAt)}</td><td>
        ${editable
          ? html`<form data-api="/api/learning/${v.id}/accept" data-next="reload" class="inline"><button>Add as a question</button></form>
            <form data-api="/api/learning/${v.id}/reject" data-next="reload" class="inline"><button>Reject</button></form>`
          : ''}</td></tr>`,
    )}</table>`;
}

export function learningPages(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/learning', { config: { access: EDITORS } }, async (request, reply) => {
    const variants = await ctx.deps.store.learning.list();
    const body = html`<p class="muted">Words residents used before they picked an entry from "did you mean", or said an
      answer helped. Adding them as questions teaches the bot; rejected words are not offered again.</p>
      ${suggestedVariants(variants, true, true)}`;
    return send(reply, layout('Suggested question variants', request.staff, body));
  });
}
