/**
 * What the bot would make of the FAQ's questions if residents asked them in other words
 * (src/faq/entry-check.ts): the whole FAQ's check on its own page, the entries least carried by the
 * rest of their entry first, and one entry's check as a section of its page.
 */
import type { FastifyInstance } from 'fastify';
import { fewVariantLanguages, needsAttention, questionCount, takenFor, weakestFirst, type EntryCheck } from '../../faq/entry-check';
import type { FaqEntry } from '../../faq/types';
import { ALL_ROLES } from '../access';
import type { RouteContext } from '../context';
import { html, type SafeHtml } from '../html';
import { cardTable, layout, send } from '../layout';
import { viewOf, type View } from '../view';

/**
 * "If residents asked in other words": each of the entry's questions asked with itself left out,
 * as the bot answering now would take it (src/faq/entry-check.ts), and the languages with too few
 * questions. Only for the version the bot has: just after a save it may still be loading it.
 */
export function otherWordsBox(view: View, entry: FaqEntry, found: { check: EntryCheck; version?: number } | undefined): SafeHtml {
  const { t } = view;
  const legend = html`<legend>${t('faq.check.title')}</legend>`;
  if (!found) return html`<fieldset class="other-words">${legend}<p class="note">${t('faq.check.missing')}</p></fieldset>`;
  if (found.version !== undefined && found.version !== entry.version) {
    return html`<fieldset class="other-words">${legend}<p class="note">${t('faq.check.loading')}</p></fieldset>`;
  }
  const { check } = found;
  const few = fewVariantLanguages(check);
  const outcome = (v: EntryCheck['variants'][number]) =>
    v.outcome === 'other' && v.instead
      ? html`<span class="outcome-other">${t('faq.check.outcome.other')} <a href="/faq/${v.instead}">${v.instead}</a></span>`
      : html`<span class="outcome-${v.outcome}">${t(`faq.check.outcome.${v.outcome}`)}</span>`;
  // The words only this wording has say what the other questions lack.
  const question = (v: EntryCheck['variants'][number]) =>
    html`<span lang="${v.lang}">${v.text}</span>${v.ownWords.length > 0 ? html`<br><span class="muted">${t('faq.check.ownWords', { words: v.ownWords.join(', ') })}</span>` : ''}`;
  // Only the questions the bot would not answer: they are what the editor can act on.
  const rows = check.variants
    .filter((v) => v.outcome !== 'answered')
    .map((v) => ({ cells: [view.langName(v.lang), question(v), outcome(v)], className: 'attention' }));
  return html`<fieldset class="other-words">${legend}
    <p class="muted">${t('faq.check.intro')}</p>
    <p>${t('faq.check.summary', { answered: check.answered, offered: check.offered, total: check.variants.length })}</p>
    ${few.length > 0 ? html`<p class="note">${t('faq.check.few', { langs: few.map((l) => view.langName(l)).join(', ') })}</p>` : ''}
    ${rows.length > 0 ? cardTable([t('faq.check.col.lang'), t('faq.check.col.question'), t('faq.check.col.outcome')], rows, { className: 'other-words-table' }) : ''}
  </fieldset>`;
}

/** How long the page waits for the check before it says how far it got instead. */
const RUNNING_PAGE_AFTER_MS = 2000;
/** How often that page asks again. */
const RUNNING_REFRESH_S = 3;

/** The promise's value if it settles within `ms`, else undefined (it goes on regardless). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function faqCheckPages(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/faq-check', { config: { access: ALL_ROLES } }, async (request, reply) => {
    const view = viewOf(request, ctx);
    const { t } = view;
    const check = await within(ctx.deps.catalog.checkAll(ctx.deps.thresholds), RUNNING_PAGE_AFTER_MS);
    if (!check) {
      // A large FAQ takes a while (10,000 entries: about half a minute in slices): say how far it
      // got and let the browser ask again (a Refresh header: no script needed).
      const progress = ctx.deps.catalog.checkProgress ?? { done: 0, total: ctx.deps.catalog.size };
      reply.header('refresh', String(RUNNING_REFRESH_S));
      return send(reply, layout(view, t('faq.checkAll.title'), html`<p class="note" role="status">${t('faq.checkAll.running', progress)}</p>`));
    }
    const { entries, totals } = check;
    const questions = questionCount(check);
    const weak = weakestFirst(entries.filter(needsAttention));
    const rows = weak.map((c) => {
      const others = takenFor(c);
      return {
        cells: [
          html`<a href="/faq/${c.id}">${c.id}</a>`,
          `${c.answered}/${c.variants.length}`,
          c.offered,
          c.handedOver,
          fewVariantLanguages(c)
            .map((l) => view.langName(l))
            .join(', '),
          others.length === 0 ? '' : html`${others.map(([id, n]) => html`<a href="/faq/${id}">${id}</a>${n > 1 ? ` ×${n}` : ''} `)}`,
        ],
      };
    });
    const body = html`<p class="muted">${t('faq.checkAll.intro')}</p>
      <p>${t('faq.checkAll.totals', { entries: entries.length, questions, answered: totals.answered, offered: totals.offered, other: totals.other, handedOver: totals['handed-over'] })}</p>
      ${cardTable(
        [t('faq.checkAll.col.entry'), t('faq.checkAll.col.answered'), t('faq.checkAll.col.offered'), t('faq.checkAll.col.handedOver'), t('faq.checkAll.col.few'), t('faq.checkAll.col.takenFor')],
        rows,
        { className: 'faq-check', empty: t('faq.checkAll.empty') },
      )}`;
    return send(reply, layout(view, t('faq.checkAll.title'), body));
  });
}
