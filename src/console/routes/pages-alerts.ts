/**
 * The alerts page: compose (ru/kk/en, topics, districts, now or at a time) through the same JSON
 * API as other clients, and the recent alerts with progress per channel, the failures CSV and
 * cancel. Progress is as of the page load; "Refresh" reloads it while an alert is sending.
 */
import type { FastifyInstance } from 'fastify';
import { ALERT_TOPICS, DEFAULT_DISTRICTS } from '../../alerts/topics';
import { LANGS } from '../../i18n/languages';
import { EDITORS } from '../access';
import type { RouteContext } from '../context';
import { html } from '../html';
import { layout, send, when } from '../layout';

export function alertPages(app: FastifyInstance, ctx: RouteContext): void {
  const { alerts: store } = ctx.deps.store;
  const districts = ctx.deps.alertDistricts ?? DEFAULT_DISTRICTS;

  app.get('/alerts', { config: { access: EDITORS } }, async (request, reply) => {
    const alerts = (await store.list()).slice(0, 30);
    const rows = await Promise.all(alerts.map(async (a) => ({ alert: a, progress: await store.progress(a.id) })));
    const body = html`<form data-api="/api/alerts" data-next="reload" data-confirm="Send this alert to every matching subscriber?">
        ${LANGS.map((l) => html`<label>Text (${l})<textarea name="text.${l}"></textarea></label>`)}
        <label>Topics, one per line (${ALERT_TOPICS.join(', ')})<textarea name="topics" data-kind="lines" required></textarea></label>
        <label>Districts, one per line; empty for all (${districts.join(', ')})<textarea name="districts" data-kind="lines"></textarea></label>
        <label>Send at (empty: now)<input type="datetime-local" name="runAt" data-kind="date"></label>
        <label>Also update FAQ entry (id)<input name="faq.id"></label>
        <label>Its new answer (ru)<textarea name="faq.answer.ru"></textarea></label>
        <button>Send or schedule</button>
      </form>
      <p><a href="/alerts">Refresh</a></p>
      <table><tr><th>#</th><th>Text</th><th>Topics</th><th>Districts</th><th>At</th><th>Status</th><th>Progress</th><th></th></tr>
      ${rows.map(
        ({ alert: a, progress }) => html`<tr><td>${a.id}</td><td>${LANGS.map((l) => (a.text[l] ? html`<div>${l}: ${a.text[l]}</div>` : ''))}</td>
          <td>${a.topics.join(', ')}</td><td>${a.districts.join(', ') || 'all'}</td><td>${when(a.runAt)}</td><td>${a.status}</td>
          <td>${Object.entries(progress).map(([channel, p]) => html`<div>${channel}: ${p.sent} sent, ${p.pending} pending, ${p.failed} failed, ${p.blocked} blocked, ${p.skipped} skipped</div>`)}</td>
          <td><a href="/api/alerts/${a.id}/failures.csv">Failures CSV</a>
          ${a.status === 'scheduled' || a.status === 'sending' ? html`<form data-api="/api/alerts/${a.id}/cancel" data-next="reload" data-confirm="Stop the remaining sends?"><button>Cancel</button></form>` : ''}</td></tr>`,
      )}</table>`;
    return send(reply, layout('Alerts', request.staff, body));
  });
}
