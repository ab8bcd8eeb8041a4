/**
 * Text normalisation shared by indexing and querying: one place decides what a "word" is,
 * so both sides of the index always agree.
 */

/** Longest text the matcher looks at; residents' questions are short, and this bounds the work. */
export const MAX_TEXT_CHARS = 2000;
/** Most words taken from one text, for the same reason. */
export const MAX_TOKENS = 60;

/** Kazakh-specific Cyrillic letters. */
export const KAZAKH_LETTERS = 'әғқңөұүһі';
const KAZAKH_LETTER_RE = /[әғқңөұүһі]/;

/** Kazakh letters folded to the Russian letter a resident types when the keyboard lacks them. */
const KAZAKH_FOLD: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
};

export function hasKazakhLetters(word: string): boolean {
  return KAZAKH_LETTER_RE.test(word);
}

/** "қашан" and "кашан" become one key: people often type Kazakh without its special letters. */
export function foldKazakh(word: string): string {
  return word.replace(/[әғқңөұүһі]/g, (ch) => KAZAKH_FOLD[ch] ?? ch);
}

/** The word without soft and hard signs, which Russian typed in Latin letters loses ("skolko", "lgoty"). */
export function withoutSigns(word: string): string {
  return word.replace(/[ьъ]/g, '');
}

export type Script = 'cyrillic' | 'latin' | 'digits';

export function scriptOf(word: string): Script {
  if (/[а-яёәғқңөұүһі]/.test(word)) return 'cyrillic';
  if (/[a-z]/.test(word)) return 'latin';
  return 'digits';
}

/**
 * Lowercases, maps ё→е, drops control characters and splits into words of letters or digits.
 * Apostrophes inside Latin words are dropped ("won't" → "wont", "skol'ko" → "skolko") because
 * transliterated Russian uses them for the soft sign.
 */
export function tokenize(text: string): string[] {
  const clipped = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  const lowered = clipped
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’ʼ`']/g, '');
  const words = lowered.match(/[a-zа-яәғқңөұүһі]+|[0-9]+/g);
  if (!words) return [];
  return words.length > MAX_TOKENS ? words.slice(0, MAX_TOKENS) : words;
}
