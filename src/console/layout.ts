/** The frame every console page shares: navigation by role, the CSRF token for the script, a little CSS. */
import type { FastifyReply } from 'fastify';
import { html, SafeHtml } from './html';
import type { StaffContext } from './sessions';

const CSS = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{background:#12355b;color:#fff;padding:.6em 1.2em;display:flex;gap:1.2em;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header .who{margin-left:auto;opacity:.85}
main{padding:1em 1.4em;max-width:1100px}
table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #d5dae0;padding:.35em .5em;vertical-align:top;text-align:left}
fieldset{border:1px solid #d5dae0;background:#fff;margin:.6em 0;padding:.6em 1em}
label{display:block;margin:.35em 0}textarea{width:100%;min-height:4.5em;font:inherit}
input[type=text],input[type=email],input[type=password],input[type=search]{min-width:18em;font:inherit}
button{font:inherit;padding:.3em .9em;cursor:pointer}
.result{display:block;margin:.4em 0;white-space:pre-wrap}.result.error{color:#b00020}.result.ok{color:#1b6e2a}
.diff .add{background:#e6ffed}.diff .del{background:#ffeef0}.diff{font-family:monospace;white-space:pre-wrap}
.muted{color:#5f6b7a}.row{display:flex;gap:1em;flex-wrap:wrap}.row>*{flex:1 1 20em}
`;

/** Renders a full page. `staff` absent: the login page (no navigation). */
export function layout(title: string, staff: StaffContext | undefined, body: SafeHtml): string {
  const role = staff?.account.role;
  const nav = staff
    ? html`<a href="/faq">FAQ</a> ${role !== 'editor' ? html`<a href="/inbox">Inbox</a>` : ''}
        ${role !== 'operator' ? html`<a href="/unanswered">Unanswered</a> <a href="/schedule">Schedule</a> <a href="/alerts">Alerts</a>` : ''}
        ${role === 'admin' ? html`<a href="/staff">Staff</a> <a href="/audit">Audit log</a>` : ''}
        <span class="who">${staff.account.email} (${role})</span>
        <form data-api="/api/logout" data-next="/login"><button>Log out</button></form>`
    : '';
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} · Helpline console</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${staff?.session.csrfToken ?? ''}">
<style>${new SafeHtml(CSS)}</style><script src="/assets/console.js" defer></script></head>
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
