/** The other pages: login, unanswered questions, the schedule, staff accounts, the audit log; the script and style. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { proposedQuestion } from '../../faq/proposed-question';
import { STAFF_ROLES, type AuditRecord } from '../../store/types';
import { ADMINS, EDITORS } from '../access';
import { CONSOLE_SCRIPT, CONSOLE_STYLES } from '../assets';
import type { RouteContext } from '../context';
import { parseInput } from '../errors';
import { html, type SafeHtml } from '../html';
import { cardTable, layout, send } from '../layout';
import { safeNext } from '../next-path';
import { viewOf, type View } from '../view';
import { unansweredGroups } from './api-insights';

const loginQuery = z.object({ next: z.string().max(500).optional(), lang: z.string().max(5).optional() });
/** Audit records on the first page; "more" doubles it, up to 1,000. */
const AUDIT_PAGE = 100;
const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(AUDIT_PAGE) });

/** An audit record's details as "key: value" lines instead of raw JSON. */
function details(detail: AuditRecord['detail']): SafeHtml | string {
  if (!detail) return '';
  return html`<dl class="detail">${Object.entries(detail).map(([k, v]) => html`<dt>${k}</dt><dd>${typeof v === 'string' ? v : JSON.stringify(v)}</dd>`)}</dl>`;
}

/** An audit action in words when the console has them (`faq.update` → "FAQ entry saved"), else as stored. */
function actionName(view: View, action: string): string {
  const key = `audit.action.${action.replace(/\./g, '_')}`;
  const name = view.t(key);
  return name === `console.${key}` ? action : name;
}

export function adminPages(app: FastifyInstance, ctx: RouteContext): void {
  const { schedule, staff: accounts, audit } = ctx.deps.store;

  app.get('/assets/console.js', { config: { access: 'public' } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(CONSOLE_SCRIPT));
  app.get('/assets/console.css', { config: { access: 'public' } }, async (_request, reply) => reply.type('text/css; charset=utf-8').send(CONSOLE_STYLES));

  app.get('/login', { config: { access: 'public' } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const { next } = parseInput(loginQuery, request.query, 'query');
    const body = html`<form class="login" data-api="/api/login" data-next="${safeNext(next)}">
      <label>${t('login.email')} <input type="email" name="email" autocomplete="username" required autofocus></label>
      <label>${t('login.password')} <input type="password" name="password" autocomplete="current-password" required></label>
      <button class="primary">${t('login.submit')}</button></form>`;
    return send(reply, layout(view, t('login.title'), body));
  });

  app.get('/unanswered', { config: { access: EDITORS } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const groups = await unansweredGroups(ctx);
    const rows = groups.map((g) => {
      // The new entry's questions: each message's question sentences, without the story and courtesy around them.
      const questions = [...new Set(g.questions.slice(0, 20).map((q) => proposedQuestion(q, ctx.courtesy, g.lang)))];
      const params = new URLSearchParams(questions.map((q): [string, string] => ['q', q]));
      if (g.lang) params.set('lang', g.lang);
      return {
        cells: [
          html`<strong>${g.count}</strong>`,
          html`${g.questions.slice(0, 8).map((q) => html`<div>${q}</div>`)}${g.questions.length > 8 ? html`<div class="muted">${t('unanswered.more', { count: g.questions.length - 8 })}</div>` : ''}${
            g.unknownWords.length > 0 ? html`<div class="note unknown-words">${t('unanswered.unknown', { words: g.unknownWords.map((w) => (w.wordings > 1 ? `${w.word} (${w.wordings})` : w.word)).join(', ') })}</div>` : ''
          }`,
          html`${view.when(g.lastAt)}${g.lang ? html` · ${view.langName(g.lang)}` : ''}`,
          html`<a href="/faq/new?${params.toString()}">${t('unanswered.create')}</a>`,
        ],
      };
    });
    const body = html`<p class="muted">${t('unanswered.intro')}</p>
      ${cardTable([t('unanswered.col.count'), t('unanswered.col.questions'), t('unanswered.col.last'), ''], rows, { empty: t('unanswered.empty') })}`;
    return send(reply, layout(view, t('unanswered.title'), body));
  });

  app.get('/schedule', { config: { access: EDITORS } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const changes = await schedule.list();
    const rows = changes.map((c) => ({
      cells: [
        c.id,
        html`<a href="/faq/${c.faqId}">${c.faqId}</a>`,
        t(`schedule.action.${c.action}`),
        view.when(c.runAt),
        c.createdBy,
        html`${t(`schedule.status.${c.status}`)} ${c.error ?? ''} ${view.when(c.finishedAt)}`,
        c.status === 'pending'
          ? html`<form data-api="/api/schedule/${c.id}" data-method="DELETE" data-next="reload" data-done="${t('schedule.cancelled')}" data-confirm="${t('schedule.confirmCancel')}"><button>${t('schedule.cancel')}</button></form>`
          : '',
      ],
    }));
    const body = html`<p class="muted">${t('schedule.intro')}</p>
      ${cardTable(['#', t('schedule.col.entry'), t('schedule.col.change'), t('schedule.col.at'), t('schedule.col.by'), t('schedule.col.status'), ''], rows, { empty: t('schedule.empty') })}`;
    return send(reply, layout(view, t('schedule.title'), body));
  });

  app.get('/staff', { config: { access: ADMINS } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const staff = await accounts.list();
    const roleSelect = (name: string, selected?: string) =>
      html`<select name="${name}">${STAFF_ROLES.map((r) => html`<option value="${r}"${r === selected ? html` selected` : ''}>${t(`roles.${r}`)}</option>`)}</select>`;
    const rows = staff.map((s) => ({
      cells: [
        html`<span class="email">${s.email}</span>`,
        t(`roles.${s.role}`),
        s.disabled ? t('staff.disabled') : t('staff.active'),
        html`<form data-api="/api/staff/${encodeURIComponent(s.email)}" data-method="PUT" data-next="reload" data-done="${t('staff.saved')}" class="staff-edit">
          <label><span class="sr">${t('staff.role')}</span>${roleSelect('role', s.role)}</label>
          <label class="check"><input type="checkbox" name="disabled" data-kind="bool"${s.disabled ? html` checked` : ''}> ${t('staff.disable')}</label>
          <label><span class="sr">${t('staff.newPassword')}</span><input type="password" name="password" placeholder="${t('staff.newPassword')}" autocomplete="new-password"></label>
          <button>${t('staff.save')}</button></form>`,
      ],
    }));
    const body = html`${cardTable([t('staff.col.email'), t('staff.col.role'), t('staff.col.status'), t('staff.col.change')], rows)}
      <fieldset><legend>${t('staff.new')}</legend><form data-api="/api/staff" data-next="reload" data-done="${t('staff.created')}">
        <label>${t('staff.col.email')} <input type="email" name="email" required></label><label>${t('staff.role')} ${roleSelect('role', 'editor')}</label>
        <label>${t('staff.password')} <input type="password" name="password" required autocomplete="new-password"></label><button class="primary">${t('staff.create')}</button></form></fieldset>`;
    return send(reply, layout(view, t('staff.title'), body));
  });

  app.get('/audit', { config: { access: ADMINS } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const { limit } = parseInput(auditQuery, request.query, 'query');
    const records = await audit.list(limit);
    const rows = records.map((r) => ({ cells: [view.when(r.at), html`<span class="email">${r.actor}</span>`, actionName(view, r.action), r.target ?? '', details(r.detail)] }));
    const body = html`${cardTable([t('audit.col.when'), t('audit.col.who'), t('audit.col.what'), t('audit.col.on'), t('audit.col.details')], rows, { className: 'audit', empty: t('audit.empty') })}
      ${records.length === limit && limit < 1000 ? html`<p><a href="/audit?limit=${Math.min(1000, limit * 2)}">${t('audit.more')}</a></p>` : ''}`;
    return send(reply, layout(view, t('audit.title'), body));
  });
}
