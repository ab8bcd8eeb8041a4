/**
 * Misspelt messages on demand (`npm run eval -- … --typos RATE`): each word of five letters or more
 * gets one typing slip with probability RATE — a letter missing, doubled, swapped with the next, or
 * replaced by a key beside it. The first and last letters stay: people seldom slip there. Each
 * message's slips follow from its own text, so a run is the same every time and a case keeps its
 * slips when other cases are added or cut away.
 */
import { seededRandom, seedOf } from '../matcher/seeded-random';
import type { EvalCase } from './evaluate';

/**
 * Keyboard rows, left to right: a replaced letter is the key beside it. Russian ЙЦУКЕН, English
 * QWERTY, and the Kazakh layout's letters on its number row.
 */
const KEY_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'әіңғүұқөһ'];
const BESIDE: ReadonlyMap<string, string> = new Map(
  KEY_ROWS.flatMap((row) => [...row].map((key, i) => [key, (row[i - 1] ?? '') + (row[i + 1] ?? '')] as const)),
);
/** Words shorter than this keep their spelling: a slip there makes another word as often as not. */
const MIN_SLIPPED_LENGTH = 5;


function slip(word: string, random: () => number): string {
  // Inside the word: never its first or last letter.
  const i = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
  if (kind === 2) return i + 2 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + word.slice(i + 1);
  const lower = word[i].toLowerCase();
  const beside = BESIDE.get(lower === 'ё' ? 'е' : lower) ?? lower;
  const key = beside[Math.floor(random() * beside.length)];
  return word.slice(0, i) + (word[i] === lower ? key : key.toUpperCase()) + word.slice(i + 1);
}

/** `text` with a slip in each word of five letters or more with probability `rate`. */
export function withSlips(text: string, rate: number): string {
  const random = seededRandom(seedOf(text));
  return text.replace(/\p{L}+/gu, (word) => (word.length >= MIN_SLIPPED_LENGTH && random() < rate ? slip(word, random) : word));
}

/** The cases with their messages misspelt (withSlips); what each expects stays. */
export function misspelt(cases: readonly EvalCase[], rate: number): EvalCase[] {
  if (!(rate >= 0 && rate <= 1)) throw new Error(`--typos must be a share between 0 and 1, not ${rate}`);
  return cases.map((c) => ({ ...c, text: withSlips(c.text, rate) }));
}
