/**
 * Russian typed with the keyboard left in the Latin layout: "rjulf rjvtylfyncrbq xfc" is "когда
 * комендантский час" on the same keys. People switch layouts all day and often forget; the bot
 * reads such a message as the Russian it was meant to be, and an operator sees both.
 *
 * The standard Russian layout (ЙЦУКЕН) puts a letter on some punctuation keys of the Latin one
 * ("," is б, "." is ю, ";" is ж), so a message is read key by key, not word by word. Kazakh
 * layouts put their own letters on the digit row, which nothing here can tell from digits: only the
 * letters Kazakh shares with Russian come back.
 */

/**
 * The Latin layout's key (lowercase or with Shift) → what the Russian layout types on it: a letter,
 * or the Russian layout's own full stop ("/"), question mark (Shift+7, "&") and colon. "?" is left
 * as it is: a resident in the Latin layout may well have meant it.
 */
const RUSSIAN_ON_LATIN_KEYS: Readonly<Record<string, string>> = (() => {
  const latin = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
  const russian = 'йцукенгшщзхъфывапролджэячсмитьбюё';
  const shifted = 'QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>~';
  const map: Record<string, string> = { '/': '.', '&': '?', '^': ':' };
  for (let i = 0; i < latin.length; i += 1) {
    map[latin[i]] = russian[i];
    map[shifted[i]] = russian[i].toUpperCase();
  }
  return map;
})();

const CYRILLIC = /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
const LATIN_LETTER = /[A-Za-z]/;

/** The text as the same keys type it in the Russian layout (digits, spaces, "?" and "!" as they are). */
export function russianOnSameKeys(text: string): string {
  let out = '';
  for (const key of text) out += RUSSIAN_ON_LATIN_KEYS[key] ?? key;
  return out;
}

/** Words of a text, lowercase, for looking them up. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-zа-яёәғқңөұүһі]+/g) ?? [];
}

/**
 * The Russian a message of Latin letters was meant to be, when it reads as Russian typed in the
 * wrong layout; null otherwise. `knows` says whether a word is one people write (the FAQ's words,
 * frequent words of the three languages, courtesy): the Russian reading must know at least half of
 * its words, and more of them than the message as typed (English, or Russian or Kazakh in Latin
 * letters, read as it is).
 */
export function meantInRussianLayout(text: string, knows: (word: string) => boolean): string | null {
  if (CYRILLIC.test(text) || !LATIN_LETTER.test(text)) return null;
  const typed = wordsOf(text);
  if (typed.length === 0) return null;
  const meant = russianOnSameKeys(text);
  const read = wordsOf(meant);
  // Most Latin messages are English or Russian in Latin letters: their Russian reading is keys, and
  // counting stops once half its words cannot be known any more.
  const needed = Math.ceil(read.length / 2);
  let knownRead = 0;
  for (let i = 0; i < read.length && knownRead + (read.length - i) >= needed; i += 1) if (knows(read[i])) knownRead += 1;
  if (knownRead < needed) return null;
  return knownRead > typed.filter(knows).length ? meant : null;
}
