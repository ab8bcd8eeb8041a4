/**
 * The frame every console page shares: navigation by role, the CSRF token for the script. Script and
 * style come from /assets (never inline), as the Content-Security-Policy requires.
 */
import type { FastifyReply } from 'fastify';
import { html, type SafeHtml } from './html';
import type { StaffContext } from './sessions';

/** Renders a full page. `staff` absent: the login page (no navigation). */
export function layout(title: string, staff: StaffContext | undefined, body: SafeHtml): string {
  const role = staff?.account.role;
  const nav = staff
    ? html`<a href="/faq">FAQ</a> ${role !== 'editor' ? html`<a href="/inbox">Inbox</a>` : ''}
        ${role !== 'operator' ? html`<a href="/unanswered">Unanswered</a> <a href="/learning">Suggested variants</a> <a href="/schedule">Schedule</a> <a href="/alerts">Alerts</a>` : ''}
        ${role === 'admin' ? html`<a href="/staff">Staff</a> <a href="/audit">Audit log</a>` : ''}
        <span class="who">${staff.account.email} (${role})</span>
        <form data-api="/api/logout" data-next="/login"><button>Log out</button></form>`
    : '';
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} · Helpline console</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${staff?.session.csrfToken ?? ''}">
<link rel="stylesheet" href="/assets/console.css"><script src="/assets/console.js" defer></script></head>
<body><header><strong>Helpline 109 console</strong> ${nav}</header>
<main><h1>${title}</h1>${body}</main></body></html>`.value;
}

/** Sends a rendered page. */
export function send(reply: FastifyReply, page: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(page);
}

/** A time in UTC to the second; the script adds the browser's local time as a tooltip. */
export function when(date: Date | undefined): SafeHtml | string {
  return date ? html`<time datetime="${date.toISOString()}">${date.toISOString().replace('T', ' ').slice(0, 19)} UTC</time>` : '';
}
