/**
 * How an entry reads to a resident, whoever shows it (the bot's menus and answers, an operator
 * answering a ticket with the entry): its label in the resident's language, and its answer in that
 * language or else in Russian first, then whatever language the entry has, said so.
 */
import type { Translator } from '../i18n';
import { FALLBACK_LANG, LANGS, type Lang } from '../i18n/languages';
import type { FaqEntryInput } from './types';

/** A choice label for an entry: its first question in the language, else in any language. */
export function questionLabel(entry: FaqEntryInput, lang: Lang): string {
  return entry.questions[lang]?.[0] ?? LANGS.map((l) => entry.questions[l]?.[0]).find(Boolean) ?? entry.id;
}

export function answerText(entry: FaqEntryInput, lang: Lang, tr: Translator): string {
  const own = entry.answer[lang];
  if (own) return own;
  const fallback = entry.answer[FALLBACK_LANG] ?? LANGS.map((l) => entry.answer[l]).find(Boolean) ?? '';
  return `${tr.t(lang, 'answer.fallback')}\n\n${fallback}`;
}
