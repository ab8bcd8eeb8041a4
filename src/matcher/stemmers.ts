/**
 * Russian and English stemming (Snowball) and our Kazakh stripper, each with a cache: the same few thousand words come
 * back again and again, and a Map lookup is cheaper than re-running the stemmer.
 */
import { newStemmer, type SnowballStemmer } from 'snowball-stemmers';
import { stemKazakh as stemKazakhUncached } from './kazakh';
import { ENGLISH_IRREGULAR, ENGLISH_KEPT_WHOLE } from './english-irregular';
import { SYNONYM_GROUPS } from './synonyms';

const CACHE_LIMIT = 50_000;

function cached(stem: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word: string): string => {
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const result = stem(word);
    // A crude bound: clearing is rare and keeps memory flat under hostile input.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, result);
    return result;
  };
}

function snowball(language: string): (word: string) => string {
  const stemmer: SnowballStemmer = newStemmer(language);
  return (word) => stemmer.stem(word);
}

const snowballRussian = snowball('russian');
/**
 * Forms of "стоять" (to stand) Snowball stems as it stems "стоить" (to cost), "сто": "стою на
 * остановке 40 минут" met "Сколько стоит проезд?". Stemmed as its other forms are ("стоял",
 * "стоять": "стоя"). "стоит" and "стоят" stay the price's: a FAQ asks "сколько стоит", and a resident
 * standing says "стою".
 */
const STANDING: ReadonlyMap<string, string> = new Map(['стою', 'стоим', 'стоишь', 'стоя'].map((w) => [w, 'стоя']));
export const stemRussian = cached((word) => STANDING.get(word) ?? snowballRussian(word));
const snowballEnglish = snowball('english');
/**
 * English words kept whole, not stemmed: the forms english-irregular.ts keeps ("fired", "passed"),
 * and the words the lexicon keeps as written ("=housing", "=parking", "=lighting": every stem of
 * them is another common word), wherever they are read, in a FAQ's texts as in messages: stemmed, a
 * FAQ's "social housing" met a resident's "house" and "parking" a "park". English has few forms of
 * a word and the lexicon lists those it means. Not so Russian and Kazakh: a word listed as written
 * there ("=дорога") is one inflected form among many, which kept whole would no longer meet the
 * others ("дорогах"); their stems stay.
 */
const ENGLISH_WHOLE: ReadonlySet<string> = new Set([
  ...ENGLISH_KEPT_WHOLE,
  ...SYNONYM_GROUPS.flatMap((group) => group.words.filter((w) => w.exact && /^[a-z]+$/.test(w.text)).map((w) => w.text)),
]);

/** Irregular forms are stemmed as their base form ("paid" as "pay"), a few kept whole: see ENGLISH_WHOLE. */
export const stemEnglish = cached((word) => (ENGLISH_WHOLE.has(word) ? word : snowballEnglish(ENGLISH_IRREGULAR.get(word) ?? word)));
export const stemKazakh = cached(stemKazakhUncached);

/**
 * The stems a Russian imperfective in -ывать/-ивать shares with its perfective, which Snowball
 * stems apart: "оплачивать" is "оплачива", "оплатить" "оплат"; "закрывать" "закрыва", "закрыть"
 * "закр"; "подписывать" "подписыва", "подписать" "подписа". Given the imperfective's stem: the
 * stem without the suffix, with -а, and with the ч of the pair's т ("оплач" → "оплат"). Empty for
 * any other stem. Only candidates: the index keeps those its texts have.
 */
export function perfectiveStems(stem: string): string[] {
  const match = /^(.{3,}?)[ыи]ва$/.exec(stem);
  if (!match) return [];
  const base = match[1];
  const stems = [base, `${base}а`];
  if (base.endsWith('ч')) stems.push(`${base.slice(0, -1)}т`);
  return stems;
}

/**
 * The stems a Russian verb's other forms share with the one given, which Snowball stems apart:
 * its perfective's (perfectiveStems), and for a verb in -ировать its present's, "ремонтирова"
 * ("отремонтировать", "ремонтировали") and "ремонтир" ("отремонтируют", "ремонтирует"), as
 * "зарегистрировать" and "зарегистрируют". Only -ировать: in the other -овать verbs the present's
 * stem is often a noun of its own ("голосовать", "голосуют": "голос", a voice). Only candidates,
 * as above.
 */
export function verbStems(stem: string): string[] {
  const present = /^(.{3,}ир)ова$/.exec(stem);
  return present ? [...perfectiveStems(stem), present[1]] : perfectiveStems(stem);
}
