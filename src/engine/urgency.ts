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
import { readAsKazakhIfLatin } from '../matcher/translit';
import { listSpellings } from './input';

/** A phrase's word, with the "*" that makes it a word's start. */
const PHRASE_WORD = /[\p{L}\p{N}]+\*?/gu;

/** One word of a phrase: as written, or (`prefix`) as the start of a word. */
interface PhraseWord {
  text: string;
  prefix: boolean;
}

export class UrgencyReader {
  private readonly phrases: PhraseWord[][] = [];
  /** The phrases' whole words, and the starts of words ("өлтір*"): what a message word must be to count. */
  private readonly words = new Set<string>();
  private readonly starts: string[] = [];

  constructor(translator: Translator) {
    for (const lang of LANGS) {
      for (const phrase of translator.list(lang, 'urgent')) {
        // Kazakh also as typed without its letters ("олип жатыр"), and so as read from Latin letters.
        for (const spelling of listSpellings(listSpelling(phrase))) {
          const words = (spelling.match(PHRASE_WORD) ?? []).map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));
          if (words.length > 0) this.phrases.push(words);
          for (const w of words) if (w.prefix) this.starts.push(w.text);
          else this.words.add(w.text);
        }
      }
    }
  }

  /** Whether `text` says one of the phrases, also in Kazakh typed in Latin letters ("olip jatyr"). */
  says(text: string): boolean {
    const words = listWords(text);
    if (this.saysIn(words)) return true;
    // Read again only when a Latin word read as Kazakh is a word of the phrases (most are none).
    const read = words.map(readAsKazakhIfLatin);
    return read.some((w, i) => w !== words[i] && this.isPhraseWord(w)) && this.saysIn(read);
  }

  private isPhraseWord(word: string): boolean {
    return this.words.has(word) || this.starts.some((start) => word.startsWith(start));
  }

  private saysIn(words: readonly string[]): boolean {
    return this.phrases.some((phrase) => words.some((_, at) => phrase.every((p, i) => fits(words[at + i], p))));
  }
}

function fits(word: string | undefined, p: PhraseWord): boolean {
  return word !== undefined && (p.prefix ? word.startsWith(p.text) : word === p.text);
}
