/**
 * The page of question variants residents suggest, across all entries, and the same list as a
 * section of an entry's page: each with how often residents used those words, accept or reject.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_QUESTION_LENGTH } from '../../faq/file';
import { proposedQuestion, type CourtesyReader } from '../../faq/proposed-question';
import { previewAnswer, type Preview } from '../preview';
import { learnedOf, type FaqEntryInput } from '../../faq/types';
import { LANGS, type Lang } from '../../i18n/languages';
import type { LearnedVariant } from '../../store/types';
import { EDITORS } from '../access';
import type { RouteContext } from '../context';
import { html, type SafeHtml } from '../html';
import { cardTable, layout, send } from '../layout';
import { viewOf, type View } from '../view';

/** The resident's whole message when it was cut, and the words to add, editable. */
function proposal(view: View, v: LearnedVariant, courtesy: CourtesyReader): SafeHtml {
  const words = proposedQuestion(v.text, courtesy, v.lang);
  return html`${words === v.text ? '' : html`<p class="muted">${v.text}</p>`}<textarea form="accept-${v.id}" name="text" rows="2" maxlength="${MAX_QUESTION_LENGTH}" aria-label="${view.t('learning.col.text')}">${words}</textarea>`;
}

/**
 * The wordings an entry learnt from residents (FaqEntryInput.learned), per language; an editor may
 * take each back (a wording that leads residents to the wrong entry).
 */
export function learnedWordings(view: View, entry: FaqEntryInput, editable: boolean): SafeHtml {
  const { t } = view;
  const learned = learnedOf(entry);
  const forget = (lang: Lang, wording: string) =>
    html` <form data-api="/api/faq/${entry.id}/learned/remove" data-next="reload" data-done="${t('learning.forgotten')}" data-confirm="${t('learning.confirmForget', { text: wording })}" class="inline"><input type="hidden" name="lang" value="${lang}"><input type="hidden" name="text" value="${wording}"><button class="danger">${t('learning.forget')}</button></form>`;
  const lists = LANGS.flatMap((lang) => {
    const wordings = learned[lang];
    return wordings ? [html`<p><strong>${view.langName(lang)}</strong></p><ul class="learned">${wordings.map((w) => html`<li>${w}${editable ? forget(lang, w) : ''}</li>`)}</ul>`] : [];
  });
  return html`<p class="muted">${t('learning.learnedHint')}</p>${lists.length > 0 ? lists : html`<p>${t('learning.learnedEmpty')}</p>`}`;
}

/**
 * What the bot does today with the resident's message (without its courtesy, as the engine reads
 * it): a suggestion the bot already answers with its entry teaches nothing, one it hands over is
 * where teaching helps; and, when it does not answer with the entry, the message's words no entry
 * knows, which accepting teaches it.
 */
function botNow(view: View, v: LearnedVariant, ctx: RouteContext): SafeHtml {
  const { t } = view;
  const p = previewAnswer(ctx.deps.catalog, ctx.deps.thresholds, ctx.courtesy.withoutCourtesyParts(v.text), v.lang, ctx.clock());
  if (p.decision === 'answer' && p.faqId === v.entryId) return html`<span class="muted">${t('learning.now.answers')}</span>`;
  const unknown = p.unknownWords.length > 0 ? html`<div class="note">${t('learning.now.unknown', { words: p.unknownWords.join(', ') })}</div>` : '';
  return html`${otherwiseNow(view, v, p)}${unknown}`;
}

/** What the bot does with the message when it does not answer it with the suggestion's entry. */
function otherwiseNow({ t }: View, v: LearnedVariant, p: Preview): string {
  if (p.decision === 'answer') return t('learning.now.answersOther', { id: p.faqId ?? '' });
  if (p.decision === 'suggest') return p.suggested.includes(v.entryId) ? t('learning.now.offers') : t('learning.now.offersOthers', { ids: p.suggested.join(', ') });
  if (p.decision === 'clarify') return t('learning.now.asks');
  return t('learning.now.handsOver');
}

/**
 * The suggestions as cards; `showEntry` adds the entry each belongs to (the overview page). The
 * context's courtesy reader cuts the greetings and thanks out of the words proposed; its catalog
 * says what the bot does with them today.
 */
export function suggestedVariants(
  view: View,
  variants: readonly LearnedVariant[],
  editable: boolean,
  showEntry: boolean,
  ctx: RouteContext,
): SafeHtml {
  const { t } = view;
  const headings = [
    ...(showEntry ? [t('learning.col.entry')] : []),
    t('learning.col.text'),
    t('learning.col.now'),
    t('learning.col.lang'),
    t('learning.col.seen'),
    t('learning.col.last'),
    '',
  ];
  const rows = variants.map((v) => ({
    cells: [
      ...(showEntry ? [html`<a href="/faq/${v.entryId}">${v.entryId}</a>`] : []),
      // The words to add come cut down to the question (a long story would teach the bot to trust
      // the next story too much); the editor sees the whole message and may change the words.
      editable ? proposal(view, v, ctx.courtesy) : v.text,
      botNow(view, v, ctx),
      view.langName(v.lang),
      t('learning.seen', { picked: v.picked, helpful: v.helpful }),
      view.when(v.lastAt),
      editable
        ? html`<form id="accept-${v.id}" data-api="/api/learning/${v.id}/accept" data-next="reload" class="inline"><button>${t('learning.accept')}</button></form>
          <form data-api="/api/learning/${v.id}/reject" data-next="reload" class="inline"><button>${t('learning.reject')}</button></form>`
        : '',
    ],
  }));
  return cardTable(headings, rows, { className: 'variants', empty: t('learning.empty') });
}

export function learningPages(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/learning', { config: { access: EDITORS } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const variants = await ctx.deps.store.learning.list();
    const body = html`<p class="muted">${view.t('learning.intro')}</p>${suggestedVariants(view, variants, true, true, ctx)}`;
    return send(reply, layout(view, view.t('learning.title'), body));
  });
}
