/**
 * Plain BM25, the yardstick of issue 10's targets: the bot should answer or offer at least what
 * this ranker puts in its first three, on any FAQ. Deliberately untuned and unaware of everything
 * the matcher knows (fields, question kinds, the word groups, typos, Kazakh suffixes, leaving
 * variants out): one document per entry (its questions, whole answer and topic in every language),
 * words as `tokenize` splits them, Snowball stems (Russian for Cyrillic, English for Latin) and, for a
 * word in Latin letters, the stem of its Cyrillic reading as well (Russian typed in Latin letters).
 * Only `npm run eval` uses it.
 */
import type { FaqEntryInput } from '../faq/types';
import { LANGS } from '../i18n/languages';
import { scriptOf, tokenize, tokenizeWhole } from '../matcher/normalize';
import { stemEnglish, stemRussian } from '../matcher/stemmers';
import { latinToCyrillic } from '../matcher/translit';

/** BM25's usual constants, not fitted to anything. */
const K1 = 1.2;
const B = 0.75;

/** The terms a word stands for. */
function termsOf(word: string): string[] {
  const script = scriptOf(word);
  if (script === 'latin') return [stemEnglish(word), stemRussian(latinToCyrillic(word))];
  if (script === 'cyrillic') return [stemRussian(word)];
  return [word];
}

/** A message's terms as the matcher reads its words (`tokenize`); a FAQ text's every word (`tokenizeWhole`). */
function termsOfText(text: string, split: (text: string) => readonly string[] = tokenize): string[] {
  return split(text).flatMap(termsOf);
}

export class PlainBm25 {
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  /** term → [entry, count] pairs */
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly averageLength: number;

  constructor(entries: readonly FaqEntryInput[]) {
    for (const entry of entries) {
      const texts = [entry.topic.replace(/[-_.]/g, ' ')];
      for (const lang of LANGS) texts.push(...(entry.questions[lang] ?? []), entry.answer[lang] ?? '');
      const counts = new Map<string, number>();
      const terms = texts.flatMap((text) => termsOfText(text, tokenizeWhole));
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      const doc = this.ids.length;
      this.ids.push(entry.id);
      this.lengths.push(terms.length);
      for (const [term, count] of counts) {
        const posting = this.postings.get(term) ?? [];
        posting.push([doc, count]);
        this.postings.set(term, posting);
      }
    }
    this.averageLength = this.lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, this.lengths.length);
  }

  /** Entry ids by BM25 score for `text`, best first (ties in FAQ order); entries scoring nothing are left out. */
  rank(text: string): string[] {
    const n = this.ids.length;
    const scores = new Float64Array(n);
    for (const term of new Set(termsOfText(text))) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.length + 0.5) / (posting.length + 0.5));
      for (const [doc, tf] of posting) {
        scores[doc] += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[doc]) / this.averageLength));
      }
    }
    return [...scores.keys()]
      .filter((doc) => scores[doc] > 0)
      .sort((a, b) => scores[b] - scores[a] || a - b)
      .map((doc) => this.ids[doc]);
  }
}
