/**
 * The wordings editors taught the bot (FaqEntryInput.learned), remembered as they were said: a
 * resident who asks again in the same words gets the entry they were taught for. The ranking reads
 * learned wordings only with the answer, for what an entry is about (a resident's words are not
 * what the entry asks, and counted as such they pulled neighbouring messages to it), so without
 * this the very message an editor taught could still go to an operator.
 *
 * "The same words" is the same content words in the same forms as the analysis stems them, and the
 * same kind of question ("когда" is not "где"), in any order, with any stop words and punctuation:
 * "Интернет когда дадут?" says what "когда дадут интернет" says. The message is compared whole and
 * cut to its question sentences, as the console proposes wordings (questionPart).
 */
import type { FaqEntryInput } from '../faq/types';
import type { Lang } from '../i18n/languages';
import { analyzeMessage, type WeightedToken } from './analyze';
import { isQuestionKindKey } from './question-kinds';
import { questionPart } from './sentences/segments';

/**
 * Fewer content words than this are a topic, not a question: a taught "кредит" must not answer
 * every "кредит" with one entry when several are about loans (those are offered to choose from).
 */
export const MIN_TAUGHT_WORDS = 2;

/**
 * What a text says, as compared here, from its analysis in one language (analyzeMessage: the
 * message's is at hand already): its first stems and kinds of question, sorted; '' when it says
 * fewer than `minWords` words, too little to be remembered.
 */
export function signatureOf(tokens: readonly WeightedToken[], minWords = MIN_TAUGHT_WORDS): string {
  const keys = [...new Set(tokens.map((t) => t.token.candidates[0]))];
  if (keys.filter((k) => !isQuestionKindKey(k)).length < minWords) return '';
  return keys.sort().join(' ');
}

/** The signature of a text in `lang`. */
export function wordingSignature(text: string, lang: Lang): string {
  return signatureOf(analyzeMessage(text, lang));
}

/**
 * A message's signature in `l`: from `analysed`, its analysis in its language `lang`, when `l` is
 * that language (the matcher has it at hand), else analysed anew.
 */
export function messageSignature(text: string, l: Lang, lang?: Lang, analysed?: readonly WeightedToken[]): string {
  return analysed && l === lang ? signatureOf(analysed) : wordingSignature(text, l);
}

export class TaughtWordings {
  /** `lang signature` → the entries taught those words. */
  private readonly entries = new Map<string, Set<string>>();
  /** Entry id → its keys in `entries`, to forget them when the entry changes. */
  private readonly keysOf = new Map<string, string[]>();
  /** How many remembered wordings each language has: a message is only analysed in those. */
  private readonly perLang = new Map<Lang, number>();

  get size(): number {
    return this.keysOf.size;
  }

  clear(): void {
    this.entries.clear();
    this.keysOf.clear();
    this.perLang.clear();
  }

  upsert(entry: FaqEntryInput): void {
    this.remove(entry.id);
    const keys: string[] = [];
    for (const [lang, wordings] of Object.entries(entry.learned ?? {}) as [Lang, string[] | undefined][]) {
      for (const wording of wordings ?? []) {
        const signature = wordingSignature(wording, lang);
        if (!signature) continue;
        const key = `${lang} ${signature}`;
        if (keys.includes(key)) continue;
        keys.push(key);
        let ids = this.entries.get(key);
        if (!ids) this.entries.set(key, (ids = new Set()));
        ids.add(entry.id);
        this.perLang.set(lang, (this.perLang.get(lang) ?? 0) + 1);
      }
    }
    if (keys.length > 0) this.keysOf.set(entry.id, keys);
  }

  remove(id: string): void {
    for (const key of this.keysOf.get(id) ?? []) {
      const ids = this.entries.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.entries.delete(key);
      const lang = key.slice(0, key.indexOf(' ')) as Lang;
      const left = (this.perLang.get(lang) ?? 1) - 1;
      if (left > 0) this.perLang.set(lang, left);
      else this.perLang.delete(lang);
    }
    this.keysOf.delete(id);
  }

  /**
   * The entries taught what `text` (whole, or cut to its question sentences) says. `lang` is the
   * message's language, in which residents' wordings were noted; `analysed` its analysis in that
   * language, which the caller has already. Without a language, every language with wordings.
   */
  entriesSaying(text: string, lang?: Lang, analysed?: readonly WeightedToken[]): string[] {
    if (this.entries.size === 0) return [];
    const langs = lang ? (this.perLang.has(lang) ? [lang] : []) : [...this.perLang.keys()];
    const part = questionPart(text, lang);
    const found = new Set<string>();
    for (const l of langs) {
      const whole = messageSignature(text, l, lang, analysed);
      const signatures = part === text.trim() ? [whole] : [whole, wordingSignature(part, l)];
      for (const signature of signatures) for (const id of (signature && this.entries.get(`${l} ${signature}`)) || []) found.add(id);
    }
    return [...found];
  }
}
