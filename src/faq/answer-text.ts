/**
 * An entry's answer as a resident receives it, whoever sends it (the bot, or an operator answering
 * a ticket with the entry): in the resident's language, or else in Russian first, then whatever
 * language the entry has, said so.
 */
import type { Translator } from '../i18n';
import { FALLBACK_LANG, LANGS, type Lang } from '../i18n/languages';
import type { FaqEntryInput } from './types';

export function answerText(entry: FaqEntryInput, lang: Lang, tr: Translator): string {
  const own = entry.answer[lang];
  if (own) return own;
  const fallback = entry.answer[FALLBACK_LANG] ?? LANGS.map((l) => entry.answer[l]).find(Boolean) ?? '';
  return `${tr.t(lang, 'answer.fallback')}\n\n${fallback}`;
}
