/**
 * Text normalisation shared by indexing and querying: one place decides what a "word" is,
 * so both sides of the index always agree. Language detection, commands and small talk read
 * residents' spellings with listSpelling.
 */

/** Longest text the matcher looks at; residents' questions are short, and this bounds the work. */
export const MAX_TEXT_CHARS = 2000;

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
 * Latin letters that look like Cyrillic ones, as typed inside a Cyrillic word: the Kazakh "і"
 * typed as the Latin "i" on a keyboard without it ("кешегi", "бiлiм"), or a letter from the other
 * layout ("Пoчта"). Case matters: a capital H is the Russian Н, a small h the Kazakh һ.
 */
const LOOKALIKE: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', h: 'һ', i: 'і', k: 'к', o: 'о', p: 'р', x: 'х', y: 'у',
};
/** Cyrillic letters of either case, Kazakh ones included (before lowercasing). */
const CYRILLIC = `А-Яа-яЁё${KAZAKH_LETTERS}${KAZAKH_LETTERS.toUpperCase()}`;
const MIXED_WORD = new RegExp(`[A-Za-z${CYRILLIC}]+`, 'g');
const CYRILLIC_LETTER = new RegExp(`[${CYRILLIC}]`);
const LATIN_LETTER = /[A-Za-z]/;
/** The Latin letters LOOKALIKE has no Cyrillic twin for: a word with one is left as it is ("egovке"). */
const NOT_A_LOOKALIKE = /[DFGJLNQRSUVWZbdfgjlmnqrstuvwz]/;
/** A Latin letter next to a Cyrillic one: one scan, so the usual text is not split into words twice. */
const SCRIPTS_TOUCH = new RegExp(`[A-Za-z][${CYRILLIC}]|[${CYRILLIC}][A-Za-z]`);

/** A word of Cyrillic letters with Latin look-alikes among them, all in Cyrillic; any other word as it is. */
function withCyrillicLookalikes(text: string): string {
  if (!SCRIPTS_TOUCH.test(text)) return text;
  return text.replace(MIXED_WORD, (word) =>
    CYRILLIC_LETTER.test(word) && LATIN_LETTER.test(word) && !NOT_A_LOOKALIKE.test(word)
      ? word.replace(/[A-Za-z]/g, (ch) => LOOKALIKE[ch] ?? ch)
      : word,
  );
}

/** A Latin letter with a mark (Latin-1 Supplement and Latin Extended-A and -B). */
const MARKED_LATIN = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/;
const MARKED_LATIN_ALL = new RegExp(MARKED_LATIN.source, 'g');
/**
 * Kazakh Latin letters whose plain letter would read as another sound: ш, ч, and the dotless "ı",
 * which is і in the 2021 alphabet ("bır kısı") and и, й in the 2018 one ("qaıda"): "i", never ы.
 */
const MARKED_LATIN_SOUNDS: Readonly<Record<string, string>> = { ş: 'sh', Ş: 'Sh', ç: 'ch', Ç: 'Ch', ı: 'i' };

/**
 * Latin letters with marks as their plain letters: the Kazakh Latin alphabets ("dárihana túnde
 * ashyq pa", "saǵat", "Ñ", "ş") and borrowed words ("café"), which residents also type without
 * the marks; the letters the transliteration reads then are the same. Before this, "dárihana"
 * split into "d" and "rihana". Cyrillic letters keep theirs ("й" is not "и").
 */
export function withoutLatinMarks(text: string): string {
  if (!MARKED_LATIN.test(text)) return text;
  return text.replace(MARKED_LATIN_ALL, (ch) => MARKED_LATIN_SOUNDS[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}

/** A letter typed three or more times in a row, any script (of a lowercase text). */
const HELD_LETTER = /(\p{L})\1\1/u;
const HELD_LETTERS = /(\p{L})\1\1+/gu;
/**
 * Any code unit three times in a row, or any half of a surrogate pair (a character outside the
 * Basic Multilingual Plane, which only HELD_LETTER reads whole): what a text must have for
 * HELD_LETTER to find anything.
 */
const MAYBE_HELD = /([^])\1\1|[\ud800-\udfff]/;

/**
 * Whether `text` has a letter three times in a row (HELD_LETTER). Most texts have no character
 * three times in a row at all, which MAYBE_HELD tells several times faster than HELD_LETTER, whose
 * letter class is a lookup in a table of ranges for every character (every message is asked this
 * for each word list it is read with). It is faster than a loop over the code units too: 195
 * against 340 ns for a text of 45 characters, and 250 against 1,500–1,800 ns for texts that come,
 * as residents' do, as strings of several inner kinds (sliced, joined, one or two bytes a
 * character), which make each `charCodeAt` and `length` in such a loop a slow lookup.
 */
function holdsLetter(text: string): boolean {
  return MAYBE_HELD.test(text) && HELD_LETTER.test(text);
}

/**
 * A lowercase text with every letter typed three or more times in a row kept once ("спасибооо",
 * "rahmeeet", "thanksss"): for what compares whole words with lists — commands, small talk,
 * language cues — none of whose words has such a run. The matcher reads such words otherwise
 * (tokenize): it forgives a doubled letter, and keeps a word of one letter ("ООО").
 */
export function heldLettersOnce(text: string): string {
  return holdsLetter(text) ? text.replace(HELD_LETTERS, '$1') : text;
}

/**
 * A resident's text spelt as the word lists of commands, small talk and language cues are: Latin
 * letters without their marks, lowercase, ё as е, a letter held down kept once ("Sálem",
 * "СПАСИБООО" → "salem", "спасибо"). The matcher reads words otherwise (tokenize).
 */
export function listSpelling(text: string): string {
  let lower = withoutLatinMarks(text).toLowerCase();
  if (lower.includes('ё')) lower = lower.replace(/ё/g, 'е');
  return heldLettersOnce(lower);
}

/**
 * The letters and digits most texts here are written in (Latin, and Russian and Kazakh Cyrillic) as
 * plain ranges. A pattern's `[\p{L}\p{N}]` looks every character outside Latin-1 up in a table of
 * ranges, a binary search per character: for a Cyrillic message, half of what cutting it into
 * words cost. Tried first, they change no match: each of them is in `[\p{L}\p{N}]`.
 */
const COMMON_LETTERS = '0-9A-Za-zЁА-яёӘәҒғҚқҢңӨөҰұҮүҺһІі';

/** A new global pattern of a run of letters and digits (`[\p{L}\p{N}]+`), the common ones tried first. */
export function letterRuns(): RegExp {
  return new RegExp(`(?:[${COMMON_LETTERS}]|[\\p{L}\\p{N}])+`, 'gu');
}

/** A new global pattern of a run of anything but letters and digits (`[^\p{L}\p{N}]+`), the common letters ruled out first. */
export function nonLetterRuns(): RegExp {
  return new RegExp(`(?:(?![${COMMON_LETTERS}])[^\\p{L}\\p{N}])+`, 'gu');
}

/** A word of a list or of a resident's text as the lists read it: letters and digits. */
const LIST_WORD = letterRuns();

/**
 * A text's words, each spelt as the word lists are (listSpelling): how small talk and the urgent
 * phrases read a message. (An exec loop: `matchAll` copies the pattern each call.)
 */
export function listWords(text: string): string[] {
  const words: string[] = [];
  LIST_WORD.lastIndex = 0;
  for (let m = LIST_WORD.exec(text); m; m = LIST_WORD.exec(text)) words.push(listSpelling(m[0]));
  return words;
}

/** The apostrophes a Latin word may hold ("won't", "skol'ko", "I’ll"), typed in any of their forms. */
const APOSTROPHE = /['’ʼ`]/;
/** Every apostrophe of a text, to drop them all. */
export const APOSTROPHES = new RegExp(APOSTROPHE.source, 'g');

/**
 * An English clitic ("I'll", "I'd", "I'm", "we're", "they've", "it's", "the city's"): dropped with
 * its apostrophe, so the word is what stands before it. Without its apostrophe "I'll" read as "ill"
 * and "I'd" as "id" (an ID card). "don't" is left alone: "dont" is a stop word as it is typed.
 */
const ENGLISH_CLITIC = new RegExp(`(?<=[a-z])${APOSTROPHE.source}(?:ll|d|m|re|ve|s)(?![a-z])`, 'g');

/**
 * Lowercases, maps ё→е, drops control characters and splits into words of letters or digits.
 * An English clitic goes with its apostrophe (ENGLISH_CLITIC); other apostrophes inside Latin words
 * are dropped ("won't" → "wont", "skol'ko" → "skolko") because transliterated Russian uses them for
 * the soft sign. Latin look-alikes inside a Cyrillic word become the Cyrillic letters they stand
 * for (withCyrillicLookalikes).
 */
export function tokenize(text: string): readonly string[] {
  for (const [said, words] of recentSplits) if (said === text) return words;
  const words = split(text);
  recentSplits[nextSplit] = [text, words];
  nextSplit = (nextSplit + 1) % RECENT_SPLITS;
  return words;
}

/**
 * One turn splits a message's text several times over (its sentences, whether one asks, the
 * matcher, the question kinds: four splits a message, two or three of them of a text just split),
 * so the last few splits are kept. Shared: callers only read them (`readonly`).
 */
const RECENT_SPLITS = 4;
const recentSplits: Array<readonly [string, readonly string[]]> = [];
let nextSplit = 0;

/**
 * A Kazakh ending written after a hyphen, as Kazakh spelling attaches case, plural and possessive
 * endings to an abbreviation, a number or a foreign word ("ХҚКО-ға", "egov.kz-тен", "SMS-ті",
 * "8 7182 00-00-05-ке", "ЖСН-і", "25-іне"), with or without the Kazakh letters: plural, then a
 * possessive, then a case, the whole piece after the hyphen and nothing else. Split off, each was a
 * word of its own ("га", "тен") that the index held from every such spelling in a FAQ and a
 * message met by its spelling, not its sense. A word joined by a hyphen (the pairs "қолма-қол",
 * "ата-ана", "азық-түлік"; Russian "из-за", "что-то") is no such chain and stays.
 */
const KAZAKH_HYPHENATED_ENDING = new RegExp(
  '(?<=[\\p{L}\\p{N}])-(?=\\p{L})' +
    '(?:[лдт][ае]р)?' +
    '(?:с?[ыіи]|[ыіи]?[мн]|[ыіи]?ң[ыіи]з)?' +
    '(?:н?[дт][ае](?:[ғгқк][ыіи]|н)?|[ғгқк][ае]|н?[ае]|нан|нен|[нтд][ыіи][ңн]?|[мбп]ен)?' +
    '(?![\\p{L}\\p{N}])',
  'gu',
);
/**
 * An ending written after a number with a hyphen: Russian "23-х", "6-ти", "1-го", "3-я", Kazakh
 * ordinals "3-ші", "1-інші" (the Kazakh cases are KAZAKH_HYPHENATED_ENDING's). Only these: a word
 * after a number stays ("3-топ", group 3; "2022-жыл", the year; "1-сынып", the first grade).
 */
const NUMBER_ENDING = /(?<=[0-9])-(?:[йяеюхм]|го|му|ми|ти|ть|ой|ый|ий|ая|ое|ую|ых|их|ом|ем|ью|[ыі]?н?ш[ыі])(?![\p{L}\p{N}])/gu;

/**
 * Every word of a text of the FAQ's own (an answer, a resident's learned wording) as `tokenize`
 * splits it, for the index: not clipped to a message's MAX_TEXT_CHARS, and not kept among the
 * recent splits, which serve one message's turn.
 */
export function tokenizeWhole(text: string): readonly string[] {
  return split(text, Infinity);
}

function split(text: string, maxChars = MAX_TEXT_CHARS): readonly string[] {
  const clipped = text.length > maxChars ? text.slice(0, maxChars) : text;
  let lowered = withCyrillicLookalikes(withoutLatinMarks(clipped.normalize('NFC'))).toLowerCase();
  // Each pass below scans the whole text, and most texts need neither: a FAQ's answers, indexed
  // word by word, are most of what is ever split.
  if (lowered.includes('ё')) lowered = lowered.replace(/ё/g, 'е');
  if (APOSTROPHE.test(lowered)) lowered = lowered.replace(ENGLISH_CLITIC, '').replace(APOSTROPHES, '');
  if (lowered.includes('-')) lowered = lowered.replace(NUMBER_ENDING, '').replace(KAZAKH_HYPHENATED_ENDING, '');
  const words = lowered.match(/[a-zа-яәғқңөұүһі]+|[0-9]+/g);
  if (!words) return [];
  return holdsLetter(lowered) ? words.map(unstretched) : words;
}

/**
 * A word with a letter held down for emphasis ("скооолько", "чаааас", "pleeease", "lifttt") as it
 * is spelt: no Russian or Kazakh word has a letter three times in a row, so the run becomes one
 * letter. English doubles letters often ("call", "free", "good"): a run there becomes one letter
 * when that leaves a word of four letters or more ("please", "lift", "help"); in a shorter word
 * two of an "e" or an "l", which short English words double ("free", "fee", "see", "bill", "all"),
 * and one of any other letter, which they seldom do ("taxxx", "busss", "myyy", "fluuu", and Russian
 * typed in Latin letters: "ktooo"). A word one doubled letter away ("stil" for "still") is a typo
 * the matcher forgives. A word of one letter only ("ооо", "ККК", "www") is an abbreviation: kept.
 */
function unstretched(word: string): string {
  if (!holdsLetter(word) || isOneLetterOver(word)) return word;
  const once = word.replace(HELD_LETTERS, '$1');
  return scriptOf(word) !== 'latin' || once.length >= 4 ? once : word.replace(HELD_LETTERS, heldTwiceIfDoubled);
}

/** A held letter of a short English word, as that word likely spells it (unstretched). */
function heldTwiceIfDoubled(_run: string, letter: string): string {
  return letter === 'e' || letter === 'l' ? letter + letter : letter;
}

/** Whether `word` is one letter typed over and over ("ооо", "www", "ааааа"). */
export function isOneLetterOver(word: string): boolean {
  for (let i = 1; i < word.length; i += 1) if (word[i] !== word[0]) return false;
  return word.length > 1;
}
