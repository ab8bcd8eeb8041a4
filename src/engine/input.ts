/** Cleaning and classifying what a resident typed, before any matching. */
import { foldKazakh, listSpelling, nonLetterRuns } from '../matcher/normalize';

/** Longer questions are handed to an operator whole: they are rarely FAQ questions. */
export const MAX_QUESTION_CHARS = 1000;

// C0/C1 control characters except tab and newline, plus zero-width and bidi marks that
// clipboard text carries along. Matching control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** Removes control characters, unifies Unicode forms and trims. */
export function cleanText(raw: string | undefined): string {
  if (!raw) return '';
  return raw.normalize('NFC').replace(CONTROL, ' ').replace(/[ \t]+/g, ' ').trim();
}

export type TextKind = 'empty' | 'symbols' | 'long' | 'question';

/** 'symbols' is text with no letter or digit at all: emoji, punctuation, stickers typed as text. */
export function classifyText(clean: string): TextKind {
  if (clean.length === 0) return 'empty';
  if (!/[\p{L}\p{N}]/u.test(clean)) return 'symbols';
  if (clean.length > MAX_QUESTION_CHARS) return 'long';
  return 'question';
}

/**
 * Words that deny what follows them ("не", "not", "t" of "don't" once the apostrophe is gone), and
 * those that deny what comes just before them (Kazakh "емес", "жоқ"), in list spelling: a typed
 * command said with one is not asked for, thanks with one is no thanks.
 */
export const NEGATIONS_BEFORE: ReadonlySet<string> = new Set(['не', 'not', 'never', 'dont', 't']);
export const NEGATIONS_AFTER: ReadonlySet<string> = new Set(['емес', 'жоқ']);

/** What separates a phrase's words: anything but letters and digits. */
const NOT_LETTERS = nonLetterRuns();

/**
 * Lowercase words only, ё→е, Latin letters without marks ("Sálem"), a letter held down kept once
 * ("менюююю"): for comparing typed commands and choice labels.
 */
export function normalizePhrase(text: string): string {
  return listSpelling(text).replace(NOT_LETTERS, ' ').trim();
}

/**
 * How the locales' lists (small talk, typed commands, choice positions, urgent phrases) keep one of
 * their phrases, in list spelling: as written and, for Kazakh, also as typed without its letters
 * ("сау болыныз" for "сау болыңыз"), which a Latin word read as Kazakh also gives. Once each.
 */
export function listSpellings(spelt: string): string[] {
  const folded = foldKazakh(spelt);
  return folded === spelt ? [spelt] : [spelt, folded];
}
