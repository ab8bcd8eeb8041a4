/**
 * Which language's FAQ texts use a word: evidence for language detection that comes from the FAQ
 * itself. A short message ("streetlight broken", "проездной толтыру") carries few of the detector's
 * general cues, but its words usually appear in the FAQ in one language only. Each word is kept
 * under the key its own language's stemmer gives, with a count, so entries can come and go.
 */
import type { Lang } from '../i18n/languages';
import type { WordEvidence } from '../language/detect';
import { foldKazakh, scriptOf } from './normalize';
import { stemEnglish, stemKazakh, stemRussian } from './stemmers';
import { SYNONYM_GROUPS } from './synonyms';
import { kazakhLatinReading, latinToCyrillic } from './translit';

const MIN_KEY = 3;

/**
 * The general lexicon's English words (synonyms.ts), by their English stems, without those Russian
 * typed in Latin letters spells the same, whose Cyrillic reading is a Russian word of the lexicon
 * ("internet", "lift", "transport", "akimat"): evidence for a short English message whose words the
 * FAQ's English texts do not have ("covid test", "vet clinic", "pension late" were answered in
 * Russian in a fresh conversation). Worked out on the first lookup that needs it, not when the
 * module loads: stemming the lexicon took about 75 ms, on every start of every process.
 */
let lexiconEnglish: ReadonlySet<string> | undefined;

function lexiconEnglishStems(): ReadonlySet<string> {
  if (lexiconEnglish) return lexiconEnglish;
  const latin: string[] = [];
  const russian = new Set<string>();
  for (const group of SYNONYM_GROUPS) {
    for (const { text } of [...group.words, ...group.phrases.flat()]) {
      if (/^[a-z]+$/.test(text)) latin.push(text);
      else if (/[а-яё]/.test(text)) russian.add(stemRussian(text));
    }
  }
  lexiconEnglish = new Set(latin.filter((word) => !russian.has(stemRussian(latinToCyrillic(word)))).map(stemEnglish));
  return lexiconEnglish;
}

/** Answers kept between FAQ changes; a crude bound, as for the stems (cleared when full). */
const MEMO_LIMIT = 50_000;

function keyOf(word: string, lang: Lang): string {
  if (lang === 'en') return stemEnglish(word);
  return lang === 'kk' ? stemKazakh(word) : stemRussian(word);
}

export class LanguageVocabulary implements WordEvidence {
  private readonly counts: Record<Lang, Map<string, number>> = { ru: new Map(), kk: new Map(), en: new Map() };
  /**
   * Every message asks about each of its words (language detection), and the words come back all
   * day; the answer only changes with the FAQ, so it is kept until the next change.
   */
  private readonly memo = new Map<string, readonly Lang[]>();

  /** @param slipOf the known word a word is one typing slip from (folded spelling), if any */
  constructor(private readonly slipOf?: (word: string) => string | null) {}

  clear(): void {
    for (const map of Object.values(this.counts)) map.clear();
    this.memo.clear();
  }

  /** Adds (`sign` 1) or removes (-1) the words of one text written in `lang`, as `tokenize` splits them. */
  updateWords(words: readonly string[], lang: Lang, sign: 1 | -1): void {
    const map = this.counts[lang];
    this.memo.clear();
    for (const word of words) {
      // Latin words in Russian or Kazakh texts are names ("eGov", "Kaspi"), not evidence.
      if (scriptOf(word) !== (lang === 'en' ? 'latin' : 'cyrillic')) continue;
      const key = keyOf(word, lang);
      const count = (map.get(key) ?? 0) + sign;
      if (count > 0) map.set(key, count);
      else map.delete(key);
    }
  }

  /** The languages whose FAQ texts have this lowercase word; Latin may be Russian in Latin letters. */
  languagesOf(word: string): readonly Lang[] {
    let langs = this.memo.get(word);
    if (langs === undefined) {
      langs = this.lookUp(word);
      const meant = langs.length === 0 ? this.slipOf?.(foldKazakh(word)) : null;
      if (meant) langs = this.lookUp(meant);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(word, langs);
    }
    return langs;
  }

  private lookUp(word: string): Lang[] {
    const script = scriptOf(word);
    const out: Lang[] = [];
    if (script === 'latin') {
      if (this.has('en', word)) out.push('en');
      if (this.has('ru', latinToCyrillic(word))) out.push('ru');
      if (this.has('kk', kazakhLatinReading(word))) out.push('kk');
      // Not in the FAQ in any language: a word of the general lexicon in English is still English.
      if (out.length === 0 && word.length >= MIN_KEY && lexiconEnglishStems().has(stemEnglish(word))) out.push('en');
    } else if (script === 'cyrillic') {
      if (this.has('ru', word)) out.push('ru');
      if (this.has('kk', word)) out.push('kk');
    }
    return out;
  }

  /** Whether `lang`'s texts have the word spelt so (a method, not a closure per lookup: ARCHITECTURE.md, "Hot paths"). */
  private has(lang: Lang, spelling: string): boolean {
    const key = keyOf(spelling, lang);
    // Stems of two letters collide across unrelated words ("егов" and "его" both give "ег").
    return key.length >= MIN_KEY && this.counts[lang].has(key);
  }
}
