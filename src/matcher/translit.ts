/**
 * Russian typed in Latin letters ("gde kupit bilet") back to Cyrillic, so it meets the
 * Russian index. Covers the common informal schemes (zh/kh/ch/sh/shch/ts, y/j for й, ya/yu/yo).
 */
import { readKazakhOnlySpellings } from '../language/kazakh-latin';
import { scriptOf } from './normalize';

// Longest sequences first so "shch" wins over "sh".
const MULTI: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'],
  // The reflexive verb ending "-tsya" is -тся, not -ця.
  ['tsya', 'тся'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
  // ё as the tokenizer folds it, so the word meets the index's key.
  ['yo', 'е'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['ye', 'е'],
  ['ju', 'ю'],
  ['ja', 'я'],
];

const SINGLE: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'ы',
  z: 'з',
};

const VOWELS = 'аеиоуыэюяё';

/**
 * A Latin-typed word read as Kazakh ("jumys" as "жумыс", "qashan" as "кашан"): its Kazakh-only
 * spellings first (language/kazakh-latin.ts), and "i" after a vowel as й ("aiyppul" as "айыппул",
 * "qaida" as "кайда": Kazakh has no vowel pair "аи"), unless it begins я or ю ("ia", "iu"); the
 * rest as for Russian. Folded Kazakh: the Kazakh letters are not told apart from their Russian
 * look-alikes, as when Kazakh is typed without them.
 */
export function kazakhLatinReading(word: string): string {
  const kazakh = readKazakhOnlySpellings(word).replace(VOWEL_THEN_I, 'й').replace(ENDING_UI, 'и').replace(U_THEN_Y, 'ы').replace(T_BEFORE_S, 'т');
  return latinToCyrillic(kazakh);
}

/**
 * Not after an "i": the second of "ii" is і ("deiin" дейін, "uiine" үйіне), the first й. Nor after
 * a "u" that follows a vowel: that у is a glide and the "i" the vowel after it ("bermeui" бермеуі,
 * "sauirden" сәуірден).
 */
const VOWEL_THEN_I = /(?<=[aeoy]|(?<![aeiouy])u)i(?![au])/g;
/**
 * A long word's last "ui" after a consonant is уі, the verbal noun with its possessive ("berui"
 * беруі, "shektelui" шектелуі); a short one's үй or құй ("ui", "qui").
 */
const ENDING_UI = /(?<=\p{L}{2}u)й$/u;
/**
 * "y" after a "u" inside a word, before no vowel, is ы, the у before it a glide or a vowel ("auyl"
 * ауыл, "suyq" суық, "aluy" алуы), where Russian in Latin letters reads й; at a word's start "uy" is
 * үй ("uyge"), before a vowel "y" begins я or ю ("quyu" құю).
 */
const U_THEN_Y = /(?<=\p{L}u)y(?![aeiou])/gu;
/**
 * Kazakh has no ц of its own: "ts" is т+с ("tartsa" тартса, "internetsiz" интернетсіз), and "tsh"
 * т+ш ("uaqytsha" уақытша). A loanword's ц ("politsiya") is still found: the Russian reading comes
 * after the Kazakh one (analyze.ts, queryCandidates).
 */
const T_BEFORE_S = /t(?=s)/g;

/**
 * A word of a message read as Kazakh if it is typed in Latin letters (kazakhLatinReading); any
 * other word as it is. Remembered per word: the engine asks it of every word of an English message
 * (the commands, small talk), and those words repeat all day.
 */
export function readAsKazakhIfLatin(word: string): string {
  // Most words of most messages begin with a Russian letter (а–я): no Latin word, and no lookup,
  // whose hashing of a new string costs more than this test.
  const first = word.charCodeAt(0);
  if (first >= 0x430 && first <= 0x44f) return word;
  let read = KAZAKH_READINGS.get(word);
  if (read === undefined) {
    read = scriptOf(word) === 'latin' ? kazakhLatinReading(word) : word;
    // Cleared when full, which keeps memory flat under hostile input.
    if (KAZAKH_READINGS.size >= KAZAKH_READINGS_LIMIT) KAZAKH_READINGS.clear();
    KAZAKH_READINGS.set(word, read);
  }
  return read;
}

const KAZAKH_READINGS = new Map<string, string>();
const KAZAKH_READINGS_LIMIT = 50_000;

/** Transliterates one lowercase Latin word; non-Latin characters are kept as they are. */
export function latinToCyrillic(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    let matched = false;
    for (const [latin, cyr] of MULTI) {
      if (word.startsWith(latin, i)) {
        out += cyr;
        i += latin.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const ch = word.charAt(i);
    if (ch === 'y') {
      // "y" after a vowel is й ("moy", "stroyka"); elsewhere it is ы ("my", "vyhod").
      const prev = out.charAt(out.length - 1);
      out += prev !== '' && VOWELS.includes(prev) ? 'й' : 'ы';
    } else {
      out += SINGLE[ch] ?? ch;
    }
    i += 1;
  }
  // "-yy" adjective endings come out as "-ыы", which is never Russian: it is -ый.
  return out.replace(/ыы$/, 'ый');
}

/**
 * Spellings one scheme or another gives a second meaning, each read its other way (the letters put
 * in Cyrillic before the rest is read): "ye" after a consonant is ые ("raznye", "platnye"; read as
 * е it drops the ы), "i" after a vowel й ("seichas", "kakoi", "umnyi"), "y" between vowels й
 * ("rayon"), "sch" сч ("schet", "schetchik"; the other schemes' щ is read first), "sh" щ
 * ("pomosh", "obshestvo") or с+х ("shema", "rashod"), "e" after a vowel э ("poetomu", "aeroport").
 */
const OTHER_READINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=[bcdfghjklmnpqrstvwxz])ye/g, 'ыe'],
  [/(?<=[aeiouy])i(?![aeiouy])/g, 'й'],
  [/(?<=[aeiou])y(?=[aeiou])/g, 'й'],
  [/sch(?!ch)/g, 'сч'],
  // Not the "sh" of "shch", which is щ already.
  [/sh(?!ch)/g, 'щ'],
  [/sh(?!ch)/g, 'сх'],
  [/(?<=[aeiou])e/g, 'э'],
];

/**
 * The Cyrillic spellings a Latin-typed Russian word may stand for, most likely first: letters some
 * schemes share are tried both ways. A leading "e" is е ("eshche") or э ("ekzamen", "ecp" for ЭЦП);
 * "ts" is ц ("tsentr") or т+с ("detskiy"); then the word with each of OTHER_READINGS alone, each in
 * the same ways. The index keeps whichever it has.
 */
export function russianReadings(word: string): string[] {
  const readings = readingsOf(word);
  for (const [spelling, letters] of OTHER_READINGS) {
    const other = word.replace(spelling, letters);
    if (other !== word) for (const reading of readingsOf(other)) if (!readings.includes(reading)) readings.push(reading);
  }
  return readings;
}

/** A word read as it is and with its "ts" as т+с, each also with a leading е as э. */
function readingsOf(word: string): string[] {
  const readings = [latinToCyrillic(word)];
  // "tsya" stays the reflexive ending -тся.
  const ts = /ts(?!ya)/;
  if (ts.test(word)) readings.push(word.split(ts).map(latinToCyrillic).join('тс'));
  for (const reading of [...readings]) if (reading.startsWith('е')) readings.push(`э${reading.slice(1)}`);
  return readings;
}

/** Cyrillic letters (Russian and Kazakh) to the Latin letters a brand name is spelt with. */
const TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

/**
 * The other way round: a Latin name typed in Cyrillic letters ("егов", "каспи") back to Latin, so
 * it meets the FAQ's "eGov" and "Kaspi". Letter by letter; other characters are kept.
 */
export function cyrillicToLatin(word: string): string {
  let out = '';
  for (const ch of word) out += TO_LATIN[ch] ?? ch;
  return out;
}
