/**
 * Words a misspelt message word may be taken for: each with the index keys it stands for (its
 * key, its lexicon concepts…) and the languages whose questions have it, counted by the entries
 * that have it (the last one taken out takes it out), in a trigram index for the lookup. The
 * field index keeps two: its question words as written (trigrams.ts) and their stems
 * (stem-typos.ts).
 */
import { LANGS, type Lang } from '../i18n/languages';
import { TrigramIndex } from './trigrams';

interface Target {
  readonly keys: Set<string>;
  /** One bit per language of LANGS. */
  langs: number;
  /** How many entries have it. */
  refs: number;
}

export class TypoTargets {
  readonly grams = new TrigramIndex();
  private readonly targets = new Map<string, Target>();

  /** Records that a word of `lang` stands for `keys` (no entry counted: see ref). */
  describe(word: string, keys: readonly string[], lang: Lang): void {
    let target = this.targets.get(word);
    if (!target) {
      target = { keys: new Set(), langs: 0, refs: 0 };
      this.targets.set(word, target);
    }
    for (const key of keys) target.keys.add(key);
    target.langs |= langBit(lang);
  }

  /** One more entry has the (described) word. */
  ref(word: string): void {
    const target = this.targets.get(word);
    if (!target) return;
    if (target.refs === 0) this.grams.add(word);
    target.refs += 1;
  }

  /** One entry fewer has the word; the last one takes it out. */
  unref(word: string): void {
    const target = this.targets.get(word);
    if (!target) return;
    target.refs -= 1;
    if (target.refs > 0) return;
    this.targets.delete(word);
    this.grams.delete(word);
  }

  clear(): void {
    this.targets.clear();
    this.grams.clear();
  }

  has(word: string): boolean {
    return this.targets.has(word);
  }

  /** The keys the word stands for. */
  keysOf(word: string): ReadonlySet<string> | undefined {
    return this.targets.get(word)?.keys;
  }

  /** Whether a question of `lang` has the word. */
  isOf(word: string, lang: Lang): boolean {
    return ((this.targets.get(word)?.langs ?? 0) & langBit(lang)) !== 0;
  }
}

function langBit(lang: Lang): number {
  return 1 << LANGS.indexOf(lang);
}
