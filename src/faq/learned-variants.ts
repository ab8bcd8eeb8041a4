/**
 * What editors do with the question variants residents suggest (see the store's `learning`):
 * accepting one adds the resident's words to the entry's learned wordings in that language
 * (FaqEntryInput.learned) — a new version of the entry, in the audit log like any edit — so the
 * matcher learns them at the next refresh; rejecting one keeps it out of the list for good. A
 * learned wording that misleads can be taken back one by one (`forgetLearned`). Used by the console
 * and by `npm run eval -- --learn-from`.
 */
import type { Lang } from '../i18n/languages';
import type { FaqEntry } from './types';
import type { LearnedVariant, Store } from '../store/types';
import { variantKey, variantText } from '../store/learning';
import { MAX_LEARNED } from './file';

export type VariantStores = Pick<Store, 'learning' | 'faq' | 'audit'>;

export class VariantError extends Error {
  constructor(
    readonly kind: 'not-found' | 'settled' | 'entry-gone' | 'full',
    message: string,
  ) {
    super(message);
    this.name = 'VariantError';
  }
}

async function pending(stores: VariantStores, id: string): Promise<LearnedVariant> {
  const variant = await stores.learning.get(id);
  if (!variant) throw new VariantError('not-found', `No suggested variant ${id}`);
  if (variant.status !== 'pending') throw new VariantError('settled', `Suggested variant ${id} was ${variant.status} already`);
  return variant;
}

/**
 * Adds the suggested words to the entry's learned wordings (unless it has them already, as a
 * question or a wording, in that language) and marks the suggestion accepted. `edited` is the
 * editor's version of the words, e.g. a long story cut down to its question: a story taught as a
 * question makes the bot trust the next story too much. An entry keeps at most MAX_LEARNED
 * wordings per language, as many as its FAQ file may hold (so that an export imports again): the
 * editor takes one back first. Resolves to the entry as saved.
 */
export async function acceptVariant(
  stores: VariantStores,
  id: string,
  by: string,
  edited?: string,
): Promise<{ variant: LearnedVariant; entry: FaqEntry }> {
  const variant = await pending(stores, id);
  const current = await stores.faq.get(variant.entryId);
  if (!current) throw new VariantError('entry-gone', `FAQ entry "${variant.entryId}" no longer exists: reject the suggestion instead`);
  const text = (edited && variantText(edited)) || variant.text;
  const learned = current.learned?.[variant.lang] ?? [];
  const known = [...(current.questions[variant.lang] ?? []), ...learned].some((q) => variantKey(q) === variantKey(text));
  if (!known && learned.length >= MAX_LEARNED) {
    throw new VariantError(
      'full',
      `FAQ entry "${variant.entryId}" has ${learned.length} learned wordings in ${variant.lang} already, the most it keeps: take one back on the entry's page first`,
    );
  }
  const entry = known
    ? current
    : await stores.faq.save({ ...current, learned: { ...current.learned, [variant.lang]: [...learned, text] } }, by);
  const settled = await stores.learning.decide(id, 'accepted', by);
  if (!settled) throw new VariantError('settled', `Suggested variant ${id} was settled by someone else meanwhile`);
  await stores.audit.record({
    actor: by,
    action: 'faq.variant.accepted',
    target: variant.entryId,
    detail: {
      lang: variant.lang,
      text,
      ...(text === variant.text ? {} : { suggested: variant.text }),
      seen: variant.picked + variant.helpful,
      version: entry.version,
    },
  });
  return { variant: settled, entry };
}

/** Marks the suggestion rejected: the same words for that entry are not offered again. */
export async function rejectVariant(stores: VariantStores, id: string, by: string): Promise<LearnedVariant> {
  const variant = await pending(stores, id);
  const settled = await stores.learning.decide(id, 'rejected', by);
  if (!settled) throw new VariantError('settled', `Suggested variant ${id} was settled by someone else meanwhile`);
  await stores.audit.record({ actor: by, action: 'faq.variant.rejected', target: variant.entryId, detail: { lang: variant.lang, text: variant.text } });
  return settled;
}

/**
 * Takes one learned wording (compared as the store compares suggestions: case and spacing aside)
 * out of the entry's wordings in `lang`: a new version of the entry, in the audit log. For a
 * wording that leads residents to the wrong entry; the history keeps it. Resolves to the entry as
 * saved.
 */
export async function forgetLearned(
  stores: Pick<Store, 'faq' | 'audit'>,
  entryId: string,
  lang: Lang,
  text: string,
  by: string,
): Promise<FaqEntry> {
  const current = await stores.faq.get(entryId);
  if (!current) throw new VariantError('not-found', `No FAQ entry "${entryId}"`);
  const wordings = current.learned?.[lang] ?? [];
  const key = variantKey(text);
  const gone = wordings.find((w) => variantKey(w) === key);
  if (gone === undefined) throw new VariantError('not-found', `FAQ entry "${entryId}" has no learned wording "${text}" in ${lang}`);
  const learned = { ...current.learned };
  const kept = wordings.filter((w) => variantKey(w) !== key);
  if (kept.length > 0) learned[lang] = kept;
  else delete learned[lang];
  const entry = await stores.faq.save({ ...current, learned }, by);
  await stores.audit.record({ actor: by, action: 'faq.learned.removed', target: entryId, detail: { lang, text: gone, version: entry.version } });
  return entry;
}
