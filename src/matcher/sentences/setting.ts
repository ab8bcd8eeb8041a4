import { foldKazakh } from '../normalize';

/**
 * Where a thing is, as against what is asked about it. The noun after a preposition of place
 * ("dogs near the school", "собаки возле школы") or before a Kazakh postposition of place
 * ("мектептің жанында") says where the question happens, and counts at this share of its
 * sentence's weight: a school, a window or the garages are often what another entry of the FAQ is
 * about, and two such words (the school and the children) otherwise outweigh the one the resident
 * asks about (the dogs). Chosen on both shared suites, the same for both (neither moved); at 0.65
 * the ratchet's messages moved the same way, one fewer.
 */
export const SETTING_SHARE = 0.5;

/**
 * Prepositions that only place a thing. Not "in", "on", "at", "в", "на" (the bus a thing was left
 * on is what a transport FAQ answers about), "by" (also who did it: "stopped by the police"),
 * "around", "вокруг", "next" (also about, or the next bus), "у" (also whose: "у мужа температура").
 */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['near', 'beside', 'behind', 'opposite', 'outside', 'возле', 'около', 'напротив', 'позади', 'вблизи']);
/**
 * "outside" is also out of doors ("can I go outside tonight?", where "tonight" is the question's):
 * it places a noun only with an article or a possessive between ("outside my window").
 */
const ALSO_ADVERB: ReadonlySet<string> = new Set(['outside']);
/** "рядом" places with "с" after it ("рядом со школой"); alone it is "nearby" ("библиотека рядом закрыта"). */
const NEAR_RU = 'рядом';
const WITH_RU: ReadonlySet<string> = new Set(['с', 'со']);
/** Kazakh postpositions of place (folded), after the noun they place: near, beside, in front of, behind. */
const PLACE_POSTPOSITIONS: ReadonlySet<string> = new Set(
  ['жанында', 'қасында', 'маңында', 'алдында', 'артында', 'жанындағы', 'қасындағы', 'маңындағы', 'алдындағы', 'артындағы'].map(foldKazakh),
);
/**
 * Their lengths, which folding keeps (a letter for a letter): every word of every message is asked
 * whether the next one is a postposition, and a word of another length needs no folding to say no.
 */
const POSTPOSITION_LENGTHS: ReadonlySet<number> = new Set([...PLACE_POSTPOSITIONS].map((w) => w.length));
/** Words between a preposition and its noun: articles and possessives. */
const BETWEEN: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'our', 'my', 'your', 'their', 'his', 'her', 'this', 'that', 'these', 'those',
  'нашего', 'нашей', 'нашим', 'нашими', 'наших', 'моего', 'моей', 'моим', 'моих', 'этого', 'этой', 'этим', 'этих',
]);

/** Whether the word at `i` of a sentence's words (as typed, in lower case) names where the question happens. */
export function isSetting(words: readonly string[], i: number): boolean {
  const next = words[i + 1];
  if (next !== undefined && POSTPOSITION_LENGTHS.has(next.length) && PLACE_POSTPOSITIONS.has(foldKazakh(next))) return true;
  let j = i - 1;
  while (j >= 0 && BETWEEN.has(words[j])) j -= 1;
  if (j < 0) return false;
  if (ALSO_ADVERB.has(words[j])) return j < i - 1;
  return PLACE_PREPOSITIONS.has(words[j]) || (WITH_RU.has(words[j]) && words[j - 1] === NEAR_RU);
}
