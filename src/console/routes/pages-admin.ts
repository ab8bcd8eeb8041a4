/** The other pages: login, unanswered questions, the schedule, staff accounts, the audit log; the script. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { STAFF_ROLES } from '../../store/types';
import { ADMINS, EDITORS } from '../access';
import { CONSOLE_SCRIPT, CONSOLE_STYLES } from '../assets';
import type { RouteContext } from '../context';
import { parseInput } from '../errors';
import { html } from '../html';
import { layout, send, when } from '../layout';
import { safeNext } from '../next-path';
import { unansweredGroups } from './api-insights';

const loginQuery = z.object({ next: z.string().max(500).optional() });

export function adminPages(app: FastifyInstance, ctx: RouteContext): void {
  const { schedule, staff: accounts, audit } = ctx.deps.store;

  app.get('/assets/console.js', { config: { access: 'public' } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(CONSOLE_SCRIPT));
  app.get('/assets/console.css', { config: { access: 'public' } }, async (_request, reply) => reply.type('text/css; charset=utf-8').send(CONSOLE_STYLES));

  app.get('/login', { config: { access: 'public' } }, async (request, reply) => {
    const { next } = parseInput(loginQuery, request.query, 'query');
    const body = html`<form class="login" data-api="/api/login" data-next="${safeNext(next)}">
      <label>E-mail <input type="email" name="email" autocomplete="username" required autofocus></label>
      <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
      <button>Log in</button></form>`;
    return send(reply, layout('Log in', undefined, body));
  });

  app.get('/unanswered', { config: { access: EDITORS } }, async (request, reply) => {
    const groups = await unansweredGroups(ctx);
    const body = html`<p class="muted">Questions the bot handed to an operator because nothing matched, or whose answer did not help, grouped by similar words.</p>
      <table><tr><th>Count</th><th>Questions</th><th>Last</th><th></th></tr>
      ${groups.map((g) => {
        const params = new URLSearchParams(g.questions.slice(0, 20).map((q): [string, string] => ['q', q]));
        if (g.lang) params.set('lang', g.lang);
        return html`<tr><td>${g.count}</td><td>${g.questions.slice(0, 8).map((q) => html`<div>${q}</div>`)}${g.questions.length > 8 ? html`<div class="muted">… ${g.questions.length - 8} more</div>` : ''}</td>
          <td>${when(g.lastAt)}</td><td><a href="/faq/new?${params.toString()}">Create entry from these</a></td></tr>`;
      })}</table>`;
    return send(reply, layout('Unanswered questions', request.staff, body));
  });

  app.get('/schedule', { config: { access: EDITORS } }, async (request, reply) => {
    const changes = await schedule.list();
    const body = html`<p class="muted">Changes are applied within a minute of their time by one of the running bot processes.</p>
      <table><tr><th>#</th><th>Entry</th><th>Change</th><th>At</th><th>By</th><th>Status</th><th></th></tr>
      ${changes.map(
        (c) => html`<tr><td>${c.id}</td><td><a href="/faq/${c.faqId}">${c.faqId}</a></td><td>${c.action}</td><td>${when(c.runAt)}</td>
          <td>${c.createdBy}</td><td>${c.status} ${c.error ?? ''} ${when(c.finishedAt)}</td>
          <td>${c.status === 'pending' ? html`<form data-api="/api/schedule/${c.id}" data-method="DELETE" data-next="reload"><button>Cancel</button></form>` : ''}</td></tr>`,
      )}</table>`;
    return send(reply, layout('Scheduled changes', request.staff, body));
  });

  app.get('/staff', { config: { access: ADMINS } }, async (request, reply) => {
    const staff = await accounts.list();
    const roleSelect = (name: string, selected?: string) =>
      html`<select name="${name}">${STAFF_ROLES.map((r) => html`<option${r === selected ? html` selected` : ''}>${r}</option>`)}</select>`;
    const body = html`<table><tr><th>E-mail</th><th>Role</th><th>Status</th><th>Change</th></tr>
      ${staff.map(
        (s) => html`<tr><td>${s.email}</td><td>${s.role}</td><td>${s.disabled ? 'disabled' : 'active'}</td><td>
          <form data-api="/api/staff/${encodeURIComponent(s.email)}" data-method="PUT" data-next="reload">${roleSelect('role', s.role)}
            <label><input type="checkbox" name="disabled" data-kind="bool"${s.disabled ? html` checked` : ''}> disabled</label>
            <input type="password" name="password" placeholder="new password (optional)"><button>Save</button></form></td></tr>`,
      )}</table>
      <fieldset><legend>New account</legend><form data-api="/api/staff" data-next="reload">
        <label>E-mail <input type="email" name="email" required></label><label>Role ${roleSelect('role', 'editor')}</label>
        <label>Password (at least 10 characters) <input type="password" name="password" required></label><button>Create</button></form></fieldset>`;
    return send(reply, layout('Staff accounts', request.staff, body));
  });

  app.get('/audit', { config: { access: ADMINS } }, async (request, reply) => {
    const records = await audit.list(300);
    const body = html`<table><tr><th>When</th><th>Who</th><th>What</th><th>On</th><th>Details</th></tr>
      ${records.map(
        (r) => html`<tr><td>${when(r.at)}</td><td>${r.actor}</td><td>${r.action}</td><td>${r.target ?? ''}</td>
          <td class="muted">${r.detail ? JSON.stringify(r.detail) : ''}</td></tr>`,
      )}</table>`;
    return send(reply, layout('Audit log', request.staff, body));
  });
}
