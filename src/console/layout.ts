/**
 * The frame every console page shares: the header (navigation by role, language, logout), the
 * page's texts for the script, the CSRF token. Script and style come from /assets (never inline),
 * as the Content-Security-Policy requires; the texts the script shows travel as JSON in a data
 * attribute, in the page's language.
 */
import type { FastifyReply } from 'fastify';
import { LANGS } from '../i18n/languages';
import { offsetLabel } from '../i18n/local-time';
import type { StaffRole } from '../store/types';
import { html, type SafeHtml } from './html';
import { safeNext } from './next-path';
import type { View } from './view';

/** The pages in the navigation, in order, with the roles that see them. */
export const NAV: readonly { path: string; key: string; roles: readonly StaffRole[] }[] = [
  { path: '/', key: 'nav.dashboard', roles: ['admin', 'editor', 'operator'] },
  { path: '/inbox', key: 'nav.inbox', roles: ['admin', 'operator'] },
  { path: '/faq', key: 'nav.faq', roles: ['admin', 'editor', 'operator'] },
  { path: '/unanswered', key: 'nav.unanswered', roles: ['admin', 'editor'] },
  { path: '/learning', key: 'nav.learning', roles: ['admin', 'editor'] },
  { path: '/schedule', key: 'nav.schedule', roles: ['admin', 'editor'] },
  { path: '/alerts', key: 'nav.alerts', roles: ['admin', 'editor'] },
  { path: '/staff', key: 'nav.staff', roles: ['admin'] },
  { path: '/audit', key: 'nav.audit', roles: ['admin'] },
];

/** The texts the console's script shows (results, confirmations, notifications), by name. */
export const SCRIPT_TEXTS = [
  'saved',
  'nothingChanged',
  'failed',
  'previewDecision',
  'previewTaught',
  'previewUnknown',
  'decision.answer',
  'decision.suggest',
  'decision.escalate',
  'decision.escalateOffering',
  'decision.clarify',
  'newTicket',
  'overdueTicket',
  'urgentTicket',
  'recipients',
  'noRecipients',
  'previewFor',
  'previewUnavailable',
  'sendNow',
  'scheduleSend',
  'confirmSend',
  'alertDone',
  'changedSincePreview',
  'confirmImportDelete',
  'imported',
] as const;

function current(view: View, path: string): boolean {
  return path === '/' ? view.path === '/' : view.path === path || view.path.startsWith(`${path}/`);
}

function header(view: View): SafeHtml {
  const { t, staff } = view;
  if (!staff) {
    // The login page: a language to read it in (the browser's by default), keeping where to go next
    // (only once checked: a doubtful address is not even repeated in a link).
    const next = view.query.get('next');
    const inLang = (l: string) => {
      const query = new URLSearchParams(next ? { next: safeNext(next) } : {});
      query.set('lang', l);
      return `?${query.toString()}`;
    };
    return html`<header><div class="bar"><span class="brand">${t('brand')}</span>
      <nav class="langs" aria-label="${t('nav.language')}">${LANGS.map((l) => html`<a href="${inLang(l)}" lang="${l}"${l === view.lang ? html` aria-current="true"` : ''}>${view.langName(l)}</a>`)}</nav></div></header>`;
  }
  const role = staff.account.role;
  const links = NAV.filter((n) => n.roles.includes(role));
  return html`<header><div class="bar"><a class="brand" href="/">${t('brand')}</a>
      <div class="me"><span class="who" title="${staff.account.email}">${staff.account.email}</span> <span class="role">${t(`roles.${role}`)}</span>
        <form class="lang" data-api="/api/me" data-method="PUT" data-next="reload"><label><span class="sr">${t('nav.language')}</span>
          <select name="lang" data-submit-on-change>${LANGS.map((l) => html`<option value="${l}"${l === view.lang ? html` selected` : ''}>${l.toUpperCase()}</option>`)}</select></label></form>
        <form data-api="/api/logout" data-next="/login"><button class="link">${t('nav.logout')}</button></form></div></div>
    <nav class="main" aria-label="${t('nav.label')}">${links.map((n) => html`<a href="${n.path}"${current(view, n.path) ? html` aria-current="page"` : ''}>${t(n.key)}</a>`)}</nav></header>`;
}

/** Renders a full page. Without `view.staff`: the login page (no navigation). */
export function layout(view: View, title: string, body: SafeHtml): string {
  const texts = Object.fromEntries(SCRIPT_TEXTS.map((k) => [k, view.t(`script.${k}`)]));
  return html`<!doctype html>
<html lang="${view.lang}"><head><meta charset="utf-8"><title>${title} · ${view.t('brand')}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${view.staff?.session.csrfToken ?? ''}">
<meta name="utc-offset" content="${view.offsetMinutes}">
<link rel="stylesheet" href="/assets/console.css"><script src="/assets/console.js" defer></script></head>
<body data-texts="${JSON.stringify(texts)}">${header(view)}
<main><h1>${title}</h1><p class="notice" role="status" hidden></p>${body}</main>
<footer class="muted">${view.t('footer.times', { offset: offsetLabel(view.offsetMinutes) })}</footer></body></html>`.value;
}

/** Sends a rendered page. */
export function send(reply: FastifyReply, page: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(page);
}

/**
 * A table that becomes a stack of cards on a phone: each cell carries its column's name, shown
 * beside the value when the table cannot be shown as a table.
 *
 * @example cardTable(['#', 'Status'], tickets.map((t) => ({ cells: [t.id, t.status] })))
 */
export function cardTable(
  headings: readonly (string | SafeHtml)[],
  rows: readonly { cells: readonly (SafeHtml | string | number)[]; className?: string }[],
  options: { className?: string; empty?: string } = {},
): SafeHtml {
  if (rows.length === 0 && options.empty) return html`<p class="muted empty">${options.empty}</p>`;
  const label = (i: number) => {
    const h = headings[i];
    return typeof h === 'string' ? h : '';
  };
  return html`<table class="cards ${options.className ?? ''}"><thead><tr>${headings.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr${r.className ? html` class="${r.className}"` : ''}>${r.cells.map((c, i) => (c === '' ? html`<td class="empty"></td>` : html`<td data-label="${label(i)}"><div>${c}</div></td>`))}</tr>`)}</tbody></table>`;
}
