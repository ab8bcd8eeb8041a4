/**
 * The alerts page: compose an alert (topics and districts picked from the configured lists, the
 * text in ru/kk/en, now or at a time), check who gets it — the recipient count per channel and per
 * language, and the text each language reads — before a confirmation that names the count; then
 * the recent alerts with their progress, live, and a warning when no channel here can deliver.
 */
import type { FastifyInstance } from 'fastify';
import { deliveryWarnings, type DeliveryWarning } from '../../alerts/delivery-check';
import { ALERT_TOPICS, DEFAULT_DISTRICTS } from '../../alerts/topics';
import { LANGS } from '../../i18n/languages';
import type { Alert, AlertProgress, RecipientStatus } from '../../store/types';
import { RECIPIENT_STATES } from '../../stats/figures';
import { EDITORS } from '../access';
import { progressBar } from '../charts';
import type { RouteContext } from '../context';
import { html, type SafeHtml } from '../html';
import { layout, send } from '../layout';
import { viewOf, type View } from '../view';

const RECENT = 30;

/** A delivery warning in words. */
export function warningText(view: View, w: DeliveryWarning): string {
  if (w.kind === 'stalled') return view.t('alerts.warn.stalled', { channel: view.channel(w.channel), pending: w.pending, minutes: w.minutes });
  const state = w.state ? view.t('alerts.warn.state', { state: view.channelState(w.state) }) : view.t('alerts.warn.notHere');
  return view.t('alerts.warn.unavailable', { channel: view.channel(w.channel), pending: w.pending, state });
}

/** All channels of an alert together, per recipient state. */
function totals(progress: AlertProgress): Record<RecipientStatus, number> {
  const sum = Object.fromEntries(RECIPIENT_STATES.map((s) => [s, 0])) as Record<RecipientStatus, number>;
  for (const p of Object.values(progress)) for (const s of RECIPIENT_STATES) sum[s] += p[s];
  return sum;
}

function alertCard(view: View, a: Alert, progress: AlertProgress, warnings: DeliveryWarning[]): SafeHtml {
  const { t } = view;
  const sum = totals(progress);
  const done = sum.sent + sum.failed + sum.blocked + sum.skipped;
  const all = done + sum.pending;
  return html`<article class="card alert-card status-${a.status}">
    <header><strong>#${a.id}</strong> <span class="badge alert-${a.status}">${t(`alerts.status.${a.status}`)}</span> ${view.when(a.runAt)}</header>
    ${LANGS.map((l) => (a.text[l] ? html`<p lang="${l}"><span class="muted">${view.langName(l)}:</span> ${a.text[l]}</p>` : ''))}
    <p class="muted">${a.topics.map((tp) => view.topic(tp)).join(', ')} · ${a.districts.join(', ') || t('alerts.wholeRegion')}</p>
    ${all > 0 ? html`${progressBar(sum, t('alerts.progressLabel', { done, all }))}<p>${t('alerts.progressLabel', { done, all })}</p>` : ''}
    ${Object.entries(progress).map(([channel, p]) => html`<div class="progress-line">${t('alerts.progress', { channel, ...p })}</div>`)}
    ${warnings.map((w) => html`<p class="warning" role="alert">${warningText(view, w)}</p>`)}
    <p class="row-line"><a href="/api/alerts/${a.id}/failures.csv">${t('alerts.failuresCsv')}</a>
    ${a.status === 'scheduled' || a.status === 'sending' ? html`<form data-api="/api/alerts/${a.id}/cancel" data-next="reload" data-done="${t('alerts.cancelled')}" data-confirm="${t('alerts.confirmCancel')}" class="inline"><button class="danger">${t('alerts.cancel')}</button></form>` : ''}</p>
  </article>`;
}

export function alertPages(app: FastifyInstance, ctx: RouteContext): void {
  const { alerts: store, faq } = ctx.deps.store;
  const districts = ctx.deps.alertDistricts ?? DEFAULT_DISTRICTS;

  app.get('/alerts', { config: { access: EDITORS } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const alerts = (await store.list()).slice(0, RECENT);
    const channels = ctx.stats.channels();
    const cards = await Promise.all(
      alerts.map(async (a) => {
        const progress = await store.progress(a.id);
        return alertCard(view, a, progress, deliveryWarnings(a, progress, channels, view.now));
      }),
    );
    const entries = await faq.list();
    const names = {
      langs: Object.fromEntries(LANGS.map((l) => [l, view.langName(l)])),
      channels: Object.fromEntries(channels.map((c) => [c.name, view.channel(c.name)])),
      states: Object.fromEntries(channels.map((c) => [c.status, view.channelState(c.status)])),
    };
    const body = html`<form class="alert-compose" data-api="/api/alerts" data-alert-compose data-preview="/api/alerts/preview" data-names="${JSON.stringify(names)}" data-next="reload" data-done="${t('alerts.sent')}">
        <fieldset><legend>${t('alerts.who')}</legend>
          <p class="label">${t('alerts.topics')}</p>
          <div class="checks">${ALERT_TOPICS.map((tp) => html`<label class="check"><input type="checkbox" name="topics" value="${tp}" data-kind="list"> ${view.topic(tp)}</label>`)}</div>
          <p class="label">${t('alerts.districts')}</p>
          <div class="checks">${districts.map((d) => html`<label class="check"><input type="checkbox" name="districts" value="${d}" data-kind="list"> ${d}</label>`)}</div>
          <p class="muted">${t('alerts.districtsHint')}</p>
        </fieldset>
        <fieldset><legend>${t('alerts.text')}</legend>
          ${LANGS.map((l) => html`<label lang="${l}">${view.langName(l)}<textarea name="text.${l}" rows="3" maxlength="4000"></textarea></label>`)}
          <p class="muted">${t('alerts.textHint')}</p>
        </fieldset>
        <label>${t('alerts.at')} <input type="datetime-local" name="runAt" data-kind="date"></label>
        <details><summary>${t('alerts.faq')}</summary>
          <label>${t('alerts.faqEntry')} <select name="faq.id"><option value="">—</option>${entries.map((e) => html`<option value="${e.id}">${e.id} · ${view.topic(e.topic)}</option>`)}</select></label>
          ${LANGS.map((l) => html`<label lang="${l}">${t('alerts.faqAnswer', { lang: view.langName(l) })}<textarea name="faq.answer.${l}" rows="3"></textarea></label>`)}
        </details>
        <button data-step="preview" class="primary">${t('alerts.check')}</button>
        <section class="alert-preview" hidden aria-live="polite"><div class="preview-body"></div>
          <button data-step="send" class="danger"></button></section>
      </form>
      <h2>${t('alerts.recent')}</h2>
      <div data-live="/api/alerts/events" data-refresh="20" class="cards-list">${cards.length > 0 ? cards : html`<p class="muted">${t('alerts.none')}</p>`}</div>`;
    return send(reply, layout(view, t('alerts.title'), body));
  });
}
