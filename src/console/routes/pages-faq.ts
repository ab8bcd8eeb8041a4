/** The FAQ pages: list and search, new entry, edit with preview, history, diff and revert. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FaqEntry, FaqEntryInput } from '../../faq/types';
import { LANGS, type Lang } from '../../i18n/languages';
import { ALL_ROLES, EDITORS } from '../access';
import type { RouteContext } from '../context';
import { HttpError, parseInput } from '../errors';
import { diffVersions } from '../faq-versions';
import { filterFaq } from '../faq-search';
import { html, type SafeHtml } from '../html';
import { layout, send, when } from '../layout';
import { suggestedVariants } from './pages-learning';

const listQuery = z.object({
  topic: z.string().max(60).optional(),
  lang: z.enum(LANGS).optional().or(z.literal('').transform(() => undefined)),
  q: z.string().max(200).optional(),
});
const newQuery = z.object({
  q: z.union([z.string().max(500), z.array(z.string().max(500)).max(50)]).optional(),
  lang: z.enum(LANGS).optional(),
});
const idParams = z.object({ id: z.string().min(1).max(60) });
const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });


function canEdit(request: FastifyRequest): boolean {
  const role = request.staff?.account.role;
  return role === 'admin' || role === 'editor';
}

function firstText(entry: FaqEntryInput, lang?: Lang): { question: string; answer: string } {
  const l = lang ?? LANGS.find((x) => entry.answer[x] !== undefined) ?? 'ru';
  return { question: entry.questions[l]?.[0] ?? '', answer: entry.answer[l] ?? '' };
}

/** The preview box: a typed question, what the bot would answer, the runner-ups with scores. */
function previewForm(): SafeHtml {
  return html`<fieldset><legend>Preview: what does the bot answer?</legend>
    <form data-api="/api/preview" data-render="preview" data-target="preview-box">
      <label>Question <input type="text" name="text" required></label>
      <label>Language <select name="lang"><option value="">detect</option>${LANGS.map((l) => html`<option>${l}</option>`)}</select></label>
      <label>At (optional, to check a scheduled entry) <input type="datetime-local" name="at" data-kind="date"></label>
      <button>Preview</button>
    </form><div id="preview-box" class="preview"></div></fieldset>`;
}

/** The entry form; `existing` absent: a new entry (prefilled questions possible). */
function entryForm(entry: FaqEntryInput | undefined, editable: boolean, prefill?: { questions: string[]; lang: Lang }): SafeHtml {
  const isNew = !entry;
  const dis = editable ? '' : html` disabled`;
  const langBlock = (lang: Lang) => {
    const questions = entry?.questions[lang] ?? (prefill?.lang === lang ? prefill.questions : []);
    return html`<fieldset><legend>${lang}</legend>
      <label>Questions (one per line)<textarea name="entry.questions.${lang}" data-kind="lines"${dis}>${questions.join('\n')}</textarea></label>
      <label>Answer<textarea name="entry.answer.${lang}" class="answer-${lang}"${dis}>${entry?.answer[lang] ?? ''}</textarea></label>
    </fieldset>`;
  };
  const saveButton = isNew
    ? html`<button data-api="/api/faq" data-method="POST" data-next="/faq/{id}">Create</button>`
    : html`<button class="save" data-api="/api/faq/${entry.id}" data-method="PUT" data-next="reload">Save now</button>`;
  const scheduleBox = isNew
    ? ''
    : html`<fieldset><legend>…or publish this content later</legend>
        <input type="hidden" name="faqId" value="${entry.id}"><input type="hidden" name="action" value="save">
        <label>At <input type="datetime-local" name="runAt" data-kind="date"></label>
        <button data-api="/api/schedule" data-method="POST" data-next="/schedule">Schedule this change</button></fieldset>`;
  const api = isNew ? '/api/faq' : `/api/faq/${entry.id}`;
  return html`<form class="entry" data-api="${api}" data-method="${isNew ? 'POST' : 'PUT'}" data-next="${isNew ? '/faq/{id}' : 'reload'}">
    <div class="row">
      <label>Id <input type="text" name="entry.id" value="${entry?.id ?? ''}" ${isNew ? '' : html`readonly`} required${dis}></label>
      <label>Topic <input type="text" name="entry.topic" value="${entry?.topic ?? ''}" required${dis}></label>
    </div>
    ${LANGS.map(langBlock)}
    <div class="row">
      <label>Answered from (empty: now) <input type="datetime-local" name="entry.validFrom" data-kind="date" data-iso="${entry?.validFrom?.toISOString() ?? ''}"${dis}></label>
      <label>Answered until (empty: no end) <input type="datetime-local" name="entry.validUntil" data-kind="date" data-iso="${entry?.validUntil?.toISOString() ?? ''}"${dis}></label>
    </div>
    ${editable ? html`${saveButton}${scheduleBox}` : ''}
  </form>`;
}

function historyTable(id: string, versions: FaqEntry[], editable: boolean): SafeHtml {
  return html`<table class="history"><tr><th>Version</th><th>By</th><th>When</th><th></th></tr>
    ${versions.map(
      (v, i) => html`<tr><td>${v.version}</td><td>${v.updatedBy}</td><td>${when(v.updatedAt)}</td><td>
        ${versions[i + 1] ? html`<a href="/faq/${id}/diff?from=${versions[i + 1].version}&to=${v.version}">diff with ${versions[i + 1].version}</a>` : ''}
        ${editable && i > 0
          ? html`<form data-api="/api/faq/${id}/revert" data-next="reload" class="inline">
              <input type="hidden" name="version" value="${v.version}" data-kind="number"><button>Revert to this</button></form>`
          : ''}</td></tr>`,
    )}</table>`;
}

export function faqPages(app: FastifyInstance, ctx: RouteContext): void {
  const { faq, schedule, learning } = ctx.deps.store;

  app.get('/', { config: { access: 'staff' } }, async (_request, reply) => reply.redirect('/faq', 302));

  app.get('/faq', { config: { access: ALL_ROLES } }, async (request, reply) => {
    const query = parseInput(listQuery, request.query, 'query');
    const all = await faq.list();
    const topics = [...new Set(all.map((e) => e.topic))].sort();
    const entries = filterFaq(all, { topic: query.topic || undefined, lang: query.lang, text: query.q });
    const editable = canEdit(request);
    const body = html`
      <form method="get" action="/faq" class="row search">
        <label>Topic <select name="topic"><option value="">all</option>${topics.map((t) => html`<option${t === query.topic ? html` selected` : ''}>${t}</option>`)}</select></label>
        <label>Language <select name="lang"><option value="">all</option>${LANGS.map((l) => html`<option${l === query.lang ? html` selected` : ''}>${l}</option>`)}</select></label>
        <label>Text <input type="search" name="q" value="${query.q ?? ''}"></label>
        <button>Search</button>
      </form>
      ${editable ? html`<p><a href="/faq/new">New entry</a> · Export: <a href="/api/faq-file?format=yaml">YAML</a> <a href="/api/faq-file?format=json">JSON</a></p>` : ''}
      <p class="muted">${entries.length} of ${all.length} entries</p>
      <table class="faq-list"><tr><th>Id</th><th>Topic</th><th>Question</th><th>Answer</th><th>Version</th><th>Window</th></tr>
      ${entries.map((e) => {
        const t = firstText(e, query.lang);
        return html`<tr><td><a href="/faq/${e.id}">${e.id}</a></td><td>${e.topic}</td><td>${t.question}</td><td>${t.answer}</td>
          <td>${e.version} <span class="muted">${e.updatedBy}</span></td><td>${when(e.validFrom)} – ${when(e.validUntil)}</td></tr>`;
      })}</table>
      ${previewForm()}
      ${editable
        ? html`<fieldset><legend>Import a FAQ file (YAML or JSON, all or nothing)</legend>
          <form data-api="/api/faq-file" data-next="reload"><input type="file" name="file" accept=".yaml,.yml,.json" required>
          <label><input type="checkbox" name="replace" data-kind="bool"> also delete entries missing from the file</label>
          <button>Import</button></form></fieldset>`
        : ''}`;
    return send(reply, layout('FAQ', request.staff, body));
  });

  app.get('/faq/new', { config: { access: EDITORS } }, async (request, reply) => {
    const query = parseInput(newQuery, request.query, 'query');
    const questions = query.q === undefined ? [] : Array.isArray(query.q) ? query.q : [query.q];
    const body = html`${entryForm(undefined, true, { questions, lang: query.lang ?? 'ru' })}${previewForm()}`;
    return send(reply, layout('New FAQ entry', request.staff, body));
  });

  app.get('/faq/:id', { config: { access: ALL_ROLES } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const entry = await faq.get(id);
    if (!entry) throw new HttpError(404, `No FAQ entry "${id}"`);
    const editable = canEdit(request);
    const pending = (await schedule.list({ status: ['pending'] })).filter((c) => c.faqId === id);
    const variants = await learning.list({ entryId: id });
    const body = html`
      <p class="muted">Version ${entry.version}, saved by ${entry.updatedBy} ${when(entry.updatedAt)}</p>
      ${entryForm(entry, editable)}
      ${pending.length > 0 ? html`<p>Scheduled: ${pending.map((c) => html`${c.action} at ${when(c.runAt)}; `)} <a href="/schedule">manage</a></p>` : ''}
      <fieldset><legend>Suggested question variants</legend>${suggestedVariants(variants, editable, false)}</fieldset>
      ${editable
        ? html`<fieldset><legend>Delete</legend>
          <form data-api="/api/faq/${id}" data-method="DELETE" data-confirm="Delete this entry? Its history stays." data-next="/faq"><button>Delete now</button></form>
          <form data-api="/api/schedule" data-next="/schedule"><input type="hidden" name="faqId" value="${id}"><input type="hidden" name="action" value="delete">
            <label>Delete at <input type="datetime-local" name="runAt" data-kind="date" required></label><button>Schedule deletion</button></form></fieldset>`
        : ''}
      ${previewForm()}
      <h2>History</h2>${historyTable(id, await faq.history(id), editable)}`;
    return send(reply, layout(`FAQ entry ${id}`, request.staff, body));
  });

  app.get('/faq/:id/diff', { config: { access: ALL_ROLES } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const { from, to } = parseInput(diffQuery, request.query, 'query');
    const { from: a, to: b, lines } = await diffVersions(faq, id, from, to);
    const body = html`<p>Version ${from} (${a.updatedBy}, ${when(a.updatedAt)}) → version ${to} (${b.updatedBy}, ${when(b.updatedAt)})</p>
      <div class="diff">${lines.map((l) => html`<div class="${l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'same'}">${l.op} ${l.text}</div>`)}</div>
      <p><a href="/faq/${id}">back to the entry</a></p>`;
    return send(reply, layout(`Changes to ${id}`, request.staff, body));
  });
}
