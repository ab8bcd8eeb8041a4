/**
 * Charts drawn on the server as SVG: no front-end build, no chart library, nothing inline for the
 * Content-Security-Policy to refuse (sizes and positions are SVG attributes, colours come from the
 * style sheet by class). Each chart scales to its container, so it fits a phone.
 */
import type { RecipientStatus } from '../store/types';
import { html, type SafeHtml } from './html';

/** One bar group of a time chart. */
export interface ChartColumn {
  /** Under the column (shown for some columns only when there are many). */
  label: string;
  /** Said when pointing at the column. */
  title: string;
  /** One value per series, drawn over each other (the first is the tallest: the total). */
  values: readonly number[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A round number at or above `max` for the axis (1, 2, 5, 10, 20, 50…). */
function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * Columns over time, one series over another (`series[i]` names the class of values[i]). The bars
 * are an SVG stretched to the box; the numbers around it are HTML, so that they keep their size on
 * a phone and on a wide screen alike.
 *
 * @example columnChart(points.map(p => ({ label: '09', title: '09:00 — 12', values: [p.messages, p.escalations] })), ['messages', 'escalations'], 'Messages per hour')
 */
export function columnChart(columns: readonly ChartColumn[], series: readonly string[], label: string): SafeHtml {
  const slot = 10;
  const width = Math.max(1, columns.length) * slot;
  const max = niceCeiling(Math.max(0, ...columns.flatMap((c) => c.values)));
  const y = (v: number) => round(100 - (v / max) * 100);
  // Label every n-th column so that labels never run into each other, even on a phone.
  const every = Math.max(1, Math.ceil(columns.length / 8));
  return html`<figure class="chart-box" aria-label="${label}">
    <div class="plot"><span class="y max">${max}</span><span class="y mid">${round(max / 2)}</span>
    <svg class="chart columns" viewBox="0 0 ${width} 100" preserveAspectRatio="none" role="img" aria-label="${label}">
      ${[0, 50, 100].map((v) => html`<line class="grid" x1="0" x2="${width}" y1="${v}" y2="${v}" vector-effect="non-scaling-stroke"/>`)}
      ${columns.map((c, i) => html`<g><title>${c.title}</title>${c.values.map((v, s) => html`<rect class="bar ${series[s] ?? ''}" x="${i * slot + 1.5}" y="${y(v)}" width="${slot - 3}" height="${round(100 - y(v))}"/>`)}</g>`)}
    </svg></div>
    <div class="x">${columns.map((c, i) => html`<span>${i % every === 0 ? c.label : ''}</span>`)}</div>
  </figure>`;
}

/** One horizontal bar (0..max) for a row of a list; the label and value are the row's own text. */
export function meter(value: number, max: number, className = ''): SafeHtml {
  const w = max > 0 ? round((Math.max(0, value) / max) * 100) : 0;
  return html`<svg class="meter ${className}" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="8"/><rect class="fill" width="${w}" height="8"/></svg>`;
}

/** Parts of a whole side by side in one bar, each with its class and title. */
export function stackedBar(parts: readonly { className: string; value: number; title: string }[], label: string): SafeHtml {
  const total = parts.reduce((s, p) => s + Math.max(0, p.value), 0);
  let x = 0;
  return html`<svg class="stacked" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${label}"><title>${label}</title><rect class="track" width="100" height="10"/>
    ${total > 0
      ? parts.map((p) => {
          const w = round((Math.max(0, p.value) / total) * 100);
          const rect = html`<rect class="${p.className}" x="${round(x)}" width="${w}" height="10"><title>${p.title}</title></rect>`;
          x += w;
          return rect;
        })
      : ''}</svg>`;
}

/** An alert's delivery so far: sent, failed, blocked, skipped, and what is left. */
export function progressBar(counts: Record<RecipientStatus, number>, label: string): SafeHtml {
  const order: RecipientStatus[] = ['sent', 'failed', 'blocked', 'skipped', 'pending'];
  return stackedBar(order.map((s) => ({ className: `r-${s}`, value: counts[s], title: `${s}: ${counts[s]}` })), label);
}
