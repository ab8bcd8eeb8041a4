/**
 * A message that says someone is in danger now ("не дышит", "пожар", "избивают", "not breathing").
 * The bot cannot help with it and an operator may take minutes: handed over, such a message is
 * first told to call 112 now, where other hand-offs say "I could not find an answer".
 *
 * The phrases live in the locales (`urgent`), and every language's count in any conversation, as
 * the typed commands do. A phrase counts as whole words in a row, spelt as the word lists are
 * (listSpelling); a word ending in "*" also counts as the start of a longer word ("өлтір*":
 * "өлтіргім"). Whole words by default: "fire" must not catch "fired", nor "пожар" "пожарная
 * безопасность".
 */
import type { Translator } from '../i18n';
import { LANGS } from '../i18n/languages';
import { listSpelling, listWords } from '../matcher/normalize';

/** A phrase's word, with the "*" that makes it a word's start. */
const PHRASE_WORD = /[\p{L}\p{N}]+\*?/gu;

/** One word of a phrase: as written, or (`prefix`) as the start of a word. */
interface PhraseWord {
  text: string;
  prefix: boolean;
}

export class UrgencyReader {
  private readonly phrases: PhraseWord[][] = [];

  constructor(translator: Translator) {
    for (const lang of LANGS) {
      for (const phrase of translator.list(lang, 'urgent')) {
        const words = (listSpelling(phrase).match(PHRASE_WORD) ?? []).map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));
        if (words.length > 0) this.phrases.push(words);
      }
    }
  }

  /** Whether `text` says one of the phrases. */
  says(text: string): boolean {
    const words = listWords(text);
    return this.phrases.some((phrase) => words.some((_, at) => phrase.every((p, i) => fits(words[at + i], p))));
  }
}

function fits(word: string | undefined, p: PhraseWord): boolean {
  return word !== undefined && (p.prefix ? word.startsWith(p.text) : word === p.text);
}
