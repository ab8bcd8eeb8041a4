/** Filtering the FAQ list in the console: by topic, by language, by words in id, questions or answers. */
import type { FaqEntry } from '../faq/types';
import { LANGS, type Lang } from '../i18n/languages';

export interface FaqFilter {
  topic?: string;
  lang?: Lang;
  /** Words that must all occur (case-insensitive) in the id, a question or an answer. */
  text?: string;
}

function textsOf(entry: FaqEntry, lang?: Lang): string[] {
  const langs = lang ? [lang] : LANGS;
  return [entry.id, ...langs.flatMap((l) => [...(entry.questions[l] ?? []), entry.answer[l] ?? ''])];
}

/** The entries passing every given filter, in the store's order. */
export function filterFaq(entries: readonly FaqEntry[], filter: FaqFilter): FaqEntry[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (filter.topic && entry.topic !== filter.topic) return false;
    if (filter.lang && entry.answer[filter.lang] === undefined && entry.questions[filter.lang] === undefined) return false;
    if (words.length === 0) return true;
    const haystack = textsOf(entry, filter.lang).join('\n').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
