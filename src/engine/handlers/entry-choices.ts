/**
 * FAQ entries offered as choices — "did you mean", the entries offered with a hand-off, a topic's
 * questions: each picks its entry and is labelled with the entry's question in the resident's
 * language (for a message, the question of it closest to the message).
 */
import type { FaqCatalog } from '../../faq/catalog';
import { questionLabel } from '../../faq/entry-text';
import type { FaqEntryInput } from '../../faq/types';
import type { Lang } from '../../i18n/languages';
import { CHOICE } from '../choices';
import type { Choice } from '../types';

/** The entries of `ids` the catalog has, in order (one deleted meanwhile is left out). */
export function entriesOf(catalog: Pick<FaqCatalog, 'get'>, ids: readonly string[]): FaqEntryInput[] {
  return ids.map((id) => catalog.get(id)).filter((e): e is FaqEntryInput => !!e);
}

/** `labels`: an entry's question to show instead of its first one (the one closest to the message). */
export function entryChoices(entries: readonly FaqEntryInput[], lang: Lang, labels?: ReadonlyMap<string, string>): Choice[] {
  return entries.map((e) => ({ id: CHOICE.faq(e.id), label: labels?.get(e.id) ?? questionLabel(e, lang) }));
}
