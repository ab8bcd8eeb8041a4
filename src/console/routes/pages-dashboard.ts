/**
 * The console's home: the dashboard a supervisor runs a shift by — the queue now, what residents
 * asked today and what became of it (per hour), the shares answered / suggested / escalated, top
 * topics and unanswered questions, ratings, alerts being sent, the channels. Live: the page's
 * figures are read again when a ticket event arrives and at least every half minute. The same
 * figures are in `GET /api/stats` (JSON, CSV).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { localParts, startOfLocalDay } from '../../i18n/local-time';
import type { DeliveryHealth } from '../../delivery/health';
import { computeFigures, type Figures, type StatsRange } from '../../stats/figures';
import { ALL_ROLES, EDITORS, OPERATORS } from '../access';
import { columnChart, meter, progressBar, stackedBar } from '../charts';
import type { RouteContext } from '../context';
import { parseInput } from '../errors';
import { html, type SafeHtml } from '../html';
import { layout, send } from '../layout';
import { viewOf, type View } from '../view';
import { statsRange } from './api-stats';
import { warningText } from './pages-alerts';

const DAY = 24 * 3600_000;
export const RANGES = ['today', 'yesterday', 'week'] as const;
type RangeName = (typeof RANGES)[number];
const dashboardQuery = z.object({ range: z.enum(RANGES).default('today') });

/** The range a preset names, in the operators' days. */
function presetRange(ctx: RouteContext, name: RangeName): StatsRange {
  const now = ctx.clock();
  const today = startOfLocalDay(now, ctx.stats.utcOffsetMinutes);
  if (name === 'yesterday') return { from: new Date(today.getTime() - DAY), to: today };
  if (name === 'week') return { from: new Date(today.getTime() - 6 * DAY), to: now };
  return statsRange(ctx, {});
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function tile(label: string, value: SafeHtml | string | number, className = '', note: SafeHtml | string = ''): SafeHtml {
  return html`<div class="tile ${className}"><span class="label">${label}</span><span class="value">${value}</span>${note ? html`<span class="sub">${note}</span>` : ''}</div>`;
}

function queueSection(view: View, f: Figures, operator: boolean): SafeHtml {
  const { t } = view;
  const q = f.queue;
  return html`<section class="panel queue"><h2>${t('dash.queue.title')}</h2><div class="tiles">
    ${tile(t('status.queued'), q.open.queued, q.overdue > 0 ? 'alarm' : '')}
    ${tile(t('status.assigned'), q.open.assigned)}
    ${tile(t('status.waiting'), q.open.waiting)}
    ${tile(t('dash.queue.longest'), q.longestWaitMinutes === null ? '—' : view.span(q.longestWaitMinutes * 60_000), q.longestWaitMinutes !== null && q.longestWaitMinutes >= f.slaMinutes ? 'alarm' : '')}
    ${tile(t('dash.queue.overdue', { minutes: f.slaMinutes }), q.overdue, q.overdue > 0 ? 'alarm' : '')}
    ${tile(t('dash.queue.urgent'), q.urgent, q.urgent > 0 ? 'alarm' : '')}
    ${tile(t('dash.tickets.breaches'), f.tickets.slaBreaches, f.tickets.slaBreaches > 0 ? 'warn' : '')}
  </div>${operator ? html`<p><a href="/inbox">${t('dash.queue.open')} →</a></p>` : ''}</section>`;
}

function trafficSection(view: View, f: Figures): SafeHtml {
  const { t } = view;
  const m = f.messages;
  const hourly = f.series.step === 'hour';
  const columns = f.series.points.map((p) => {
    const local = localParts(p.at, view.offsetMinutes);
    const label = hourly ? local.time.slice(0, 2) : local.date.slice(5);
    const title = `${hourly ? `${local.date} ${local.time}` : local.date}: ${t('dash.traffic.messagesN', { count: p.messages })}, ${t('dash.traffic.escalationsN', { count: p.escalations })}`;
    return { label, title, values: [p.messages, p.escalations] };
  });
  const share = m.share;
  return html`<section class="panel traffic"><h2>${t(hourly ? 'dash.traffic.titleHour' : 'dash.traffic.titleDay')}</h2>
    <div class="tiles">
      ${tile(t('dash.traffic.messages'), m.total)}
      ${tile(t('dash.traffic.questions'), m.questions)}
      ${tile(t('dash.tickets.opened'), f.tickets.opened, '', `${t('dash.tickets.closedN', { count: f.tickets.closed })} · ${t('dash.tickets.withdrawnN', { count: f.tickets.withdrawn, cancelled: f.tickets.cancelled })}`)}
    </div>
    ${columnChart(columns, ['messages', 'escalations'], t(hourly ? 'dash.traffic.titleHour' : 'dash.traffic.titleDay'))}
    <p class="legend"><span class="key messages"></span> ${t('dash.traffic.messages')} <span class="key escalations"></span> ${t('dash.traffic.escalations')}</p>
    <h3>${t('dash.share.title')}</h3>
    ${share
      ? html`${stackedBar(
          [
            { className: 's-answered', value: share.answered, title: `${t('dash.share.answered')} ${percent(share.answered)}` },
            { className: 's-suggested', value: share.suggested, title: `${t('dash.share.suggested')} ${percent(share.suggested)}` },
            { className: 's-escalated', value: share.escalated, title: `${t('dash.share.escalated')} ${percent(share.escalated)}` },
          ],
          t('dash.share.title'),
        )}
        <p class="legend"><span class="key s-answered"></span> ${t('dash.share.answered')} <strong>${percent(share.answered)}</strong>
          <span class="key s-suggested"></span> ${t('dash.share.suggested')} <strong>${percent(share.suggested)}</strong>
          <span class="key s-escalated"></span> ${t('dash.share.escalated')} <strong>${percent(share.escalated)}</strong></p>`
      : html`<p class="muted">${t('dash.share.none')}</p>`}
  </section>`;
}

function listSection(title: string, rows: readonly { label: SafeHtml | string; value: number; note?: SafeHtml | string }[], empty: string, more: SafeHtml | string = ''): SafeHtml {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return html`<section class="panel"><h2>${title}</h2>
    ${rows.length === 0 ? html`<p class="muted">${empty}</p>` : html`<ol class="bars">${rows.map((r) => html`<li><span class="label">${r.label}${r.note ? html` <span class="muted">${r.note}</span>` : ''}</span>${meter(r.value, max)}<span class="value">${r.value}</span></li>`)}</ol>`}
    ${more}</section>`;
}

function ratingsSection(view: View, f: Figures): SafeHtml {
  const { t } = view;
  const r = f.ratings;
  const scores = (['5', '4', '3', '2', '1'] as const).map((s) => ({ label: '★'.repeat(Number(s)), value: r.byScore[s] }));
  const max = Math.max(0, ...scores.map((s) => s.value));
  return html`<section class="panel ratings"><h2>${t('dash.ratings.title')}</h2>
    <div class="tiles">
      ${tile(t('dash.ratings.average'), r.average === null ? '—' : r.average.toFixed(1), '', t('dash.ratings.count', { count: r.count }))}
      ${tile(t('dash.feedback.helpful'), f.feedback.helpful)}
      ${tile(t('dash.feedback.notHelpful'), f.feedback.notHelpful, f.feedback.notHelpful > f.feedback.helpful ? 'warn' : '')}
    </div>
    ${r.count > 0 ? html`<ol class="bars">${scores.map((s) => html`<li><span class="label stars">${s.label}</span>${meter(s.value, max)}<span class="value">${s.value}</span></li>`)}</ol>` : ''}
  </section>`;
}

function alertsSection(view: View, f: Figures, editor: boolean): SafeHtml | string {
  const { t } = view;
  if (f.alerts.length === 0) return '';
  return html`<section class="panel alerts"><h2>${t('dash.alerts.title')}</h2>
    ${f.alerts.map((a) => {
      const done = a.total - a.recipients.pending;
      return html`<div class="alert-line"><p><strong>#${a.id}</strong> <span class="badge alert-${a.status}">${t(`alerts.status.${a.status}`)}</span> ${a.topics.map((tp) => view.topic(tp)).join(', ')} · ${view.when(a.runAt)}</p>
        ${a.total > 0 ? html`${progressBar(a.recipients, t('alerts.progressLabel', { done, all: a.total }))}<p class="muted">${t('alerts.progressLabel', { done, all: a.total })}</p>` : ''}
        ${a.warnings.map((w) => html`<p class="warning" role="alert">${warningText(view, w)}</p>`)}</div>`;
    })}
    ${editor ? html`<p><a href="/alerts">${t('dash.alerts.open')} →</a></p>` : ''}</section>`;
}

/** The channels as this process sees them, with the messages they gave up and a store refusing writes. */
function channelsSection(view: View, f: Figures, delivery: DeliveryHealth | undefined): SafeHtml {
  const { t } = view;
  const failed = (name: string) => delivery?.failedLastDay[name] ?? 0;
  return html`<section class="panel channels"><h2>${t('dash.channels.title')}</h2>
    ${delivery?.degraded ? html`<p class="warning" role="alert">${t('dash.channels.degraded', { count: delivery.heldWrites + delivery.unsavedConversations })}</p>` : ''}
    ${f.channels.length === 0
      ? html`<p class="muted">${t('dash.channels.none')}</p>`
      : html`<ul class="channel-list">${f.channels.map(
          (c) => html`<li><span class="dot ${c.sending ? 'ok' : 'down'}" aria-hidden="true"></span> ${view.channel(c.name)} <span class="badge ${c.sending ? 'ok' : 'down'}">${t(c.sending ? 'dash.channels.ok' : 'dash.channels.down', { state: view.channelState(c.status) })}</span>
            ${failed(c.name) > 0 ? html`<span class="badge down">${t('dash.channels.failed', { count: failed(c.name) })}</span>` : ''}</li>`,
        )}</ul>`}
    <p class="muted">${t('dash.channels.note')}</p></section>`;
}

function dashboard(view: View, f: Figures, range: RangeName, delivery: DeliveryHealth | undefined): SafeHtml {
  const { t } = view;
  const role = view.staff?.account.role ?? 'operator';
  const editor = EDITORS.includes(role);
  const csv = `/api/stats?${new URLSearchParams({ from: f.range.from.toISOString(), to: f.range.to.toISOString(), format: 'csv' }).toString()}`;
  return html`<nav class="ranges" aria-label="${t('dash.range')}">${RANGES.map((r) => html`<a href="/?range=${r}"${r === range ? html` aria-current="page"` : ''}>${t(`dash.ranges.${r}`)}</a>`)}
      <a href="${csv}" class="csv">${t('dash.csv')}</a></nav>
    <div data-live="/api/stats/events" data-refresh="30" class="dashboard">
      <p class="muted">${t('dash.asOf')} ${view.when(f.generatedAt)} · ${view.when(f.range.from)} – ${view.when(f.range.to)}</p>
      ${queueSection(view, f, OPERATORS.includes(role))}
      ${trafficSection(view, f)}
      <div class="columns">
        ${listSection(t('dash.topics.title'), f.topTopics.map((tp) => ({ label: view.topic(tp.topic), value: tp.count })), t('dash.topics.none'))}
        ${listSection(
          t('dash.unanswered.title'),
          f.unanswered.map((g) => ({ label: g.label, value: g.count, note: g.questions.length > 1 ? t('dash.unanswered.variants', { count: g.questions.length }) : '' })),
          t('dash.unanswered.none'),
          editor ? html`<p><a href="/unanswered">${t('dash.unanswered.open')} →</a></p>` : '',
        )}
      </div>
      <div class="columns">${ratingsSection(view, f)}${channelsSection(view, f, delivery)}</div>
      ${alertsSection(view, f, editor)}
    </div>`;
}

/** How long the figures of a period are shared by the dashboards open at the same time. */
const SHARED_MS = 5000;

/**
 * The figures of each period, computed once for all open dashboards: every tab re-reads its page
 * after a ticket event and every half minute, and the store's reads (synchronous on SQLite) should
 * not be repeated per tab. A ticket event makes the next read fresh.
 */
class SharedFigures {
  private readonly computed = new Map<RangeName, { at: number; figures: Promise<Figures> }>();

  constructor(private readonly ctx: RouteContext) {}

  get(name: RangeName): Promise<Figures> {
    const now = Date.now();
    const known = this.computed.get(name);
    if (known && now - known.at < SHARED_MS) return known.figures;
    const figures = computeFigures(this.ctx.stats, presetRange(this.ctx, name));
    this.computed.set(name, { at: now, figures });
    // A failure is not shared: the next visit tries again.
    figures.catch(() => this.computed.delete(name));
    return figures;
  }

  forget = (): void => this.computed.clear();
}

export function dashboardPages(app: FastifyInstance, ctx: RouteContext): void {
  const shared = new SharedFigures(ctx);
  const desk = ctx.deps.desk;
  desk?.on('change', shared.forget);
  app.addHook('onClose', async () => void desk?.off('change', shared.forget));

  app.get('/', { config: { access: ALL_ROLES } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { range } = parseInput(dashboardQuery, request.query, 'query');
    const [figures, delivery] = await Promise.all([shared.get(range), ctx.deps.delivery?.().catch(() => undefined)]);
    return send(reply, layout(view, view.t('dash.title'), dashboard(view, figures, range, delivery)));
  });
}
