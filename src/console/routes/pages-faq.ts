/** The FAQ pages: the list (searched, paged) with import and export, one entry (edit, schedule, delete, history), a diff, the preview. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FaqEntry, FaqEntryInput } from '../../faq/types';
import { LANGS, type Lang } from '../../i18n/languages';
import { localParts } from '../../i18n/local-time';
import { ALL_ROLES, EDITORS } from '../access';
import type { RouteContext } from '../context';
import type { DiffPart } from '../diff';
import { HttpError, parseInput } from '../errors';
import { diffVersions } from '../faq-versions';
import { filterFaq } from '../faq-search';
import { clip, html, type SafeHtml } from '../html';
import { cardTable, layout, send } from '../layout';
import { viewOf, type View } from '../view';

/** Entries on one page of the list. */
export const FAQ_PAGE_SIZE = 20;
/** Characters of an answer shown in the list. */
const ANSWER_PREVIEW = 180;
import { otherWordsBox } from './pages-faq-check';
import { learnedWordings, suggestedVariants } from './pages-learning';

const listQuery = z.object({
  topic: z.string().max(60).optional(),
  lang: z.enum(LANGS).optional().or(z.literal('').transform(() => undefined)),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
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

/** A datetime-local field showing `date` in the operators' time; the script reads it back in that time. */
function timeField(view: View, name: string, date: Date | undefined, extra: SafeHtml | string = ''): SafeHtml {
  return html`<input type="datetime-local" name="${name}" data-kind="date" value="${date ? localParts(date, view.offsetMinutes).input : ''}"${extra}>`;
}

/** The preview box: a typed question, what the bot would answer, the runner-ups with scores. */
function previewForm(view: View): SafeHtml {
  const { t } = view;
  return html`<fieldset class="preview"><legend>${t('faq.preview.title')}</legend>
    <form data-api="/api/preview" data-render="preview" data-target="preview-box">
      <label>${t('faq.preview.question')} <input type="text" name="text" required></label>
      <div class="row">
        <label>${t('faq.preview.lang')} <select name="lang"><option value="">${t('faq.preview.detect')}</option>${LANGS.map((l) => html`<option value="${l}">${view.langName(l)}</option>`)}</select></label>
        <label>${t('faq.preview.at')} ${timeField(view, 'at', undefined)}</label>
      </div>
      <button>${t('faq.preview.submit')}</button>
    </form><div id="preview-box" class="preview-result" aria-live="polite"></div></fieldset>`;
}

/** The entry form; `entry` absent: a new entry (prefilled questions possible). */
function entryForm(view: View, entry: FaqEntryInput | undefined, editable: boolean, topics: string[], prefill?: { questions: string[]; lang: Lang }): SafeHtml {
  const { t } = view;
  const isNew = !entry;
  const dis = editable ? '' : html` disabled`;
  const langBlock = (lang: Lang) => {
    const questions = entry?.questions[lang] ?? (prefill?.lang === lang ? prefill.questions : []);
    return html`<fieldset class="lang-block" lang="${lang}"><legend>${view.langName(lang)}</legend>
      <label>${t('faq.entry.questions')}<textarea name="entry.questions.${lang}" data-kind="lines"${dis}>${questions.join('\n')}</textarea></label>
      <label>${t('faq.entry.answer')}<textarea name="entry.answer.${lang}" class="answer-${lang}" rows="5"${dis}>${entry?.answer[lang] ?? ''}</textarea></label>
    </fieldset>`;
  };
  const saveButton = isNew
    ? html`<button class="primary" data-api="/api/faq" data-method="POST" data-next="/faq/{id}" data-done="${t('faq.entry.created')}">${t('faq.entry.create')}</button>`
    : html`<button class="save primary" data-api="/api/faq/${entry.id}" data-method="PUT" data-next="reload" data-done="${t('faq.entry.saved')}">${t('faq.entry.save')}</button>`;
  const scheduleBox = isNew
    ? ''
    : html`<fieldset><legend>${t('faq.entry.later')}</legend>
        <input type="hidden" name="faqId" value="${entry.id}"><input type="hidden" name="action" value="save">
        <label>${t('faq.entry.laterAt')} ${timeField(view, 'runAt', undefined)}</label>
        <button data-api="/api/schedule" data-method="POST" data-next="/schedule" data-done="${t('faq.entry.scheduled')}">${t('faq.entry.schedule')}</button></fieldset>`;
  const api = isNew ? '/api/faq' : `/api/faq/${entry.id}`;
  return html`<form class="entry" data-api="${api}" data-method="${isNew ? 'POST' : 'PUT'}" data-next="${isNew ? '/faq/{id}' : 'reload'}" data-done="${t(isNew ? 'faq.entry.created' : 'faq.entry.saved')}">
    <div class="row">
      <label>${t('faq.entry.id')} <input type="text" name="entry.id" value="${entry?.id ?? ''}" ${isNew ? '' : html`readonly`} required${dis}></label>
      <label>${t('faq.entry.topic')} <input type="text" name="entry.topic" value="${entry?.topic ?? ''}" list="faq-topics" required${dis}></label>
      <datalist id="faq-topics">${topics.map((tp) => html`<option value="${tp}">${view.topic(tp)}</option>`)}</datalist>
    </div>
    ${LANGS.map(langBlock)}
    <div class="row">
      <label>${t('faq.entry.from')} ${timeField(view, 'entry.validFrom', entry?.validFrom, dis)}</label>
      <label>${t('faq.entry.until')} ${timeField(view, 'entry.validUntil', entry?.validUntil, dis)}</label>
    </div>
    ${editable ? html`${saveButton}${scheduleBox}` : ''}
  </form>`;
}

function historyTable(view: View, id: string, versions: FaqEntry[], editable: boolean): SafeHtml {
  const { t } = view;
  const rows = versions.map((v, i) => ({
    cells: [
      v.version,
      html`<span class="email">${v.updatedBy}</span>`,
      view.when(v.updatedAt),
      html`${versions[i + 1] ? html`<a href="/faq/${id}/diff?from=${versions[i + 1].version}&to=${v.version}">${t('faq.history.diff', { version: versions[i + 1].version })}</a>` : ''}
        ${editable && i > 0
          ? html`<form data-api="/api/faq/${id}/revert" data-next="reload" data-done="${t('faq.history.reverted')}" data-confirm="${t('faq.history.confirmRevert', { version: v.version })}" class="inline">
              <input type="hidden" name="version" value="${v.version}" data-kind="number"><button>${t('faq.history.revert')}</button></form>`
          : ''}`,
    ],
  }));
  return cardTable([t('faq.history.version'), t('faq.history.by'), t('faq.history.when'), ''], rows, { className: 'history' });
}

/** Links to the pages of the list, keeping its search. */
function pager(view: View, query: z.infer<typeof listQuery>, pages: number): SafeHtml | string {
  if (pages <= 1) return '';
  const link = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ topic: query.topic, lang: query.lang, q: query.q })) if (v) params.set(k, v);
    params.set('page', String(page));
    return `/faq?${params.toString()}`;
  };
  const { page } = query;
  return html`<nav class="pager" aria-label="${view.t('faq.list.pages')}">
    ${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">← ${view.t('faq.list.previous')}</a>` : ''}
    <span>${view.t('faq.list.page', { page, pages })}</span>
    ${page < pages ? html`<a href="${link(page + 1)}" rel="next">${view.t('faq.list.next')} →</a>` : ''}</nav>`;
}

/** A word diff as marked-up text: removed words struck out, added ones underlined. */
function words(parts: DiffPart[]): SafeHtml {
  return html`<p class="words">${parts.map((p) => (p.op === '+' ? html`<ins>${p.text}</ins>` : p.op === '-' ? html`<del>${p.text}</del>` : p.text))}</p>`;
}

function fieldLabel(view: View, field: string): string {
  const [name, lang] = field.split('.');
  return lang ? `${view.t(`faq.field.${name}`)} (${view.langName(lang as Lang)})` : view.t(`faq.field.${name}`);
}

export function faqPages(app: FastifyInstance, ctx: RouteContext): void {
  const { faq, schedule, learning } = ctx.deps.store;
  const topicsOf = (entries: readonly FaqEntry[]) => [...new Set(entries.map((e) => e.topic))].sort();

  app.get('/faq', { config: { access: ALL_ROLES } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const query = parseInput(listQuery, request.query, 'query');
    const all = await faq.list();
    const topics = topicsOf(all);
    const found = filterFaq(all, { topic: query.topic || undefined, lang: query.lang, text: query.q });
    const pages = Math.max(1, Math.ceil(found.length / FAQ_PAGE_SIZE));
    const page = Math.min(query.page, pages);
    const entries = found.slice((page - 1) * FAQ_PAGE_SIZE, page * FAQ_PAGE_SIZE);
    const editable = canEdit(request);
    const rows = entries.map((e) => {
      const text = firstText(e, query.lang);
      const answer = clip(text.answer, ANSWER_PREVIEW);
      return {
        cells: [
          html`<a href="/faq/${e.id}">${e.id}</a>`,
          view.topic(e.topic),
          text.question,
          html`<span class="answer">${answer}</span>`,
          html`${e.version} <span class="muted email">${e.updatedBy}</span>`,
          e.validFrom || e.validUntil ? html`${view.when(e.validFrom)} – ${view.when(e.validUntil)}` : '',
        ],
      };
    });
    const body = html`
      <form method="get" action="/faq" class="filters" role="search">
        <label>${t('faq.list.text')} <input type="search" name="q" value="${query.q ?? ''}"></label>
        <label>${t('faq.list.topic')} <select name="topic"><option value="">${t('faq.list.all')}</option>${topics.map((tp) => html`<option value="${tp}"${tp === query.topic ? html` selected` : ''}>${view.topic(tp)}</option>`)}</select></label>
        <label>${t('faq.list.lang')} <select name="lang"><option value="">${t('faq.list.all')}</option>${LANGS.map((l) => html`<option value="${l}"${l === query.lang ? html` selected` : ''}>${view.langName(l)}</option>`)}</select></label>
        <button>${t('faq.list.search')}</button>
      </form>
      ${editable ? html`<p class="row-line"><a href="/faq/new" class="button primary">${t('faq.list.new')}</a> <span>${t('faq.list.export')}: <a href="/api/faq-file?format=yaml">YAML</a> · <a href="/api/faq-file?format=json">JSON</a></span></p>` : ''}
      <p class="muted">${t('faq.list.count', { shown: found.length, total: all.length })} · <a href="/faq-check">${t('faq.checkAll.link')}</a></p>
      ${cardTable([t('faq.list.col.id'), t('faq.list.col.topic'), t('faq.list.col.question'), t('faq.list.col.answer'), t('faq.list.col.version'), t('faq.list.col.window')], rows, { className: 'faq-list', empty: t('faq.list.empty') })}
      ${pager(view, { ...query, page }, pages)}
      ${previewForm(view)}
      ${editable
        ? html`<fieldset><legend>${t('faq.import.title')}</legend>
          <form data-api="/api/faq-file" data-import data-next="reload" data-done="${t('faq.import.done')}"><input type="file" name="file" accept=".yaml,.yml,.json" required>
          <label class="check"><input type="checkbox" name="replace" data-kind="bool"> ${t('faq.import.replace')}</label>
          <button>${t('faq.import.submit')}</button></form></fieldset>`
        : ''}`;
    return send(reply, layout(view, t('faq.list.title'), body));
  });

  app.get('/faq/new', { config: { access: EDITORS } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const query = parseInput(newQuery, request.query, 'query');
    const questions = query.q === undefined ? [] : Array.isArray(query.q) ? query.q : [query.q];
    const body = html`${entryForm(view, undefined, true, topicsOf(await faq.list()), { questions, lang: query.lang ?? 'ru' })}${previewForm(view)}`;
    return send(reply, layout(view, view.t('faq.entry.newTitle'), body));
  });

  app.get('/faq/:id', { config: { access: ALL_ROLES } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const { id } = parseInput(idParams, request.params, 'path');
    const entry = await faq.get(id);
    if (!entry) throw new HttpError(404, `No FAQ entry "${id}"`);
    const editable = canEdit(request);
    const pending = (await schedule.list({ status: ['pending'] })).filter((c) => c.faqId === id);
    const variants = await learning.list({ entryId: id });
    const body = html`
      <p class="muted">${t('faq.entry.version', { version: entry.version, by: entry.updatedBy })} ${view.when(entry.updatedAt)}</p>
      ${entryForm(view, entry, editable, topicsOf(await faq.list()))}
      ${pending.length > 0 ? html`<p class="note">${t('faq.entry.pending')}: ${pending.map((c) => html`${t(`schedule.action.${c.action}`)} ${view.when(c.runAt)}; `)} <a href="/schedule">${t('faq.entry.manage')}</a></p>` : ''}
      <fieldset><legend>${t('learning.learned')}</legend>${learnedWordings(view, entry, editable)}</fieldset>
      <fieldset><legend>${t('learning.title')}</legend>${suggestedVariants(view, variants, editable, false, ctx)}</fieldset>
      ${otherWordsBox(view, entry, ctx.deps.catalog.checkEntry(id, ctx.deps.thresholds))}
      ${editable
        ? html`<fieldset><legend>${t('faq.entry.delete')}</legend>
          <form data-api="/api/faq/${id}" data-method="DELETE" data-confirm="${t('faq.entry.confirmDelete', { id })}" data-next="/faq" data-done="${t('faq.entry.deleted')}"><button class="danger">${t('faq.entry.deleteNow')}</button></form>
          <form data-api="/api/schedule" data-next="/schedule" data-done="${t('faq.entry.scheduled')}"><input type="hidden" name="faqId" value="${id}"><input type="hidden" name="action" value="delete">
            <label>${t('faq.entry.deleteAt')} ${timeField(view, 'runAt', undefined, html` required`)}</label><button>${t('faq.entry.scheduleDelete')}</button></form></fieldset>`
        : ''}
      ${previewForm(view)}
      <h2>${t('faq.history.title')}</h2>${historyTable(view, id, await faq.history(id), editable)}`;
    return send(reply, layout(view, t('faq.entry.title', { id }), body));
  });

  app.get('/faq/:id/diff', { config: { access: ALL_ROLES } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const { id } = parseInput(idParams, request.params, 'path');
    const { from, to } = parseInput(diffQuery, request.query, 'query');
    const { from: a, to: b, fields } = await diffVersions(faq, id, from, to);
    const body = html`<p>${t('faq.diff.versions', { from, fromBy: a.updatedBy, to, toBy: b.updatedBy })} (${view.when(a.updatedAt)} → ${view.when(b.updatedAt)})</p>
      <p class="legend muted"><del>${t('faq.diff.removed')}</del> <ins>${t('faq.diff.added')}</ins></p>
      ${fields.length === 0 ? html`<p>${t('faq.diff.none')}</p>` : fields.map((f) => html`<section class="diff"><h2>${fieldLabel(view, f.field)}</h2>${words(f.parts)}</section>`)}
      <p><a href="/faq/${id}">← ${t('faq.diff.back')}</a></p>`;
    return send(reply, layout(view, t('faq.diff.title', { id }), body));
  });
}
