/**
 * Turns words into index keys. Indexing knows the language of the text it reads; a resident's
 * message may mix languages, be typed without Kazakh letters or in Latin letters, so a query word
 * gets several candidate keys (in order of preference) and the index decides which exist.
 */
import type { Lang } from '../i18n/languages';
import { foldKazakh, hasKazakhLetters, MAX_TEXT_CHARS, scriptOf, tokenize } from './normalize';
import { isNumberWord } from './number-words';
import { stemEnglish, stemKazakh, stemRussian, verbStems } from './stemmers';
import { isFoldedKazakhStopword, isKazakhStopStem, isStopword, isTransliteratedStopword } from './stopwords';
import { SYNONYM_GROUPS, type LexiconWord } from './synonyms';
import { cyrillicToLatin, kazakhLatinReading, latinToCyrillic, readAsKazakhIfLatin, russianReadings } from './translit';
import { segmentMessage, type Segment } from './sentences/segments';
import { isSetting, SETTING_SHARE } from './sentences/setting';
import { slipTargets } from './trigrams';
import { questionKindKey, readQuestionKinds, type QuestionKind } from './question-kinds';

/**
 * The key a word taken only as written is registered and looked up under. It is marked apart from
 * stems: "=lift" (the British elevator) must not catch "lifted", whose English stem is "lift".
 */
function exactKey(word: string): string {
  return `=${scriptOf(word) === 'cyrillic' ? foldKazakh(word) : word}`;
}

/**
 * Keys a lexicon word is registered under. The word's own language is not known, so it goes in
 * under every stemmer's key; the primary keys (Russian/English stems, the folded word) come in a
 * first pass and Kazakh stems only fill keys still free, so the Kazakh stemmer's over-stripping of
 * a Russian word ("пенсии" → "пен") cannot steal a key that belongs to another group ("пеня"). A
 * word taken only as written (LexiconWord.exact) goes in under its exactKey alone.
 */
function lexiconKeys({ text: word, only, exact }: LexiconWord, pass: 'primary' | 'kazakh'): string[] {
  const script = scriptOf(word);
  if (exact) return pass === 'primary' ? [exactKey(word)] : [];
  if (pass === 'kazakh') return script === 'cyrillic' && only !== 'ru' ? [stemKazakh(word)] : [];
  if (script === 'latin') return [stemEnglish(word), word];
  if (script === 'digits') return [word];
  if (only === 'kk') return [foldKazakh(word), stemKazakh(word)];
  const keys = [stemRussian(word), foldKazakh(word)];
  // A word with Kazakh letters is surely Kazakh: its Kazakh stem is primary too.
  if (hasKazakhLetters(word)) keys.push(stemKazakh(word));
  return keys;
}

function buildConceptMap(): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const pass of ['primary', 'kazakh'] as const) {
    const assignedBefore = new Set(map.keys());
    for (const group of SYNONYM_GROUPS) {
      for (const word of group.words) {
        for (const key of lexiconKeys({ ...word, text: word.text.toLowerCase().replace(/ё/g, 'е') }, pass)) {
          if (pass === 'kazakh' && assignedBefore.has(key)) continue;
          const concepts = map.get(key) ?? [];
          if (!concepts.includes(group.concept)) concepts.push(group.concept);
          map.set(key, concepts);
        }
      }
    }
  }
  return map;
}

const CONCEPTS = buildConceptMap();

/** A lexicon phrase as its second word sees it: the first word's keys and the phrase's concept. */
interface PhraseStart {
  readonly firstKeys: ReadonlySet<string>;
  readonly concept: string;
}

/** The lexicon's two-word phrases (SynonymGroup.phrases) by the keys of their second word. */
function buildPhraseMap(): ReadonlyMap<string, readonly PhraseStart[]> {
  const map = new Map<string, PhraseStart[]>();
  const keysOf = (word: LexiconWord) => {
    const spelt = { ...word, text: word.text.toLowerCase().replace(/ё/g, 'е') };
    return [...lexiconKeys(spelt, 'primary'), ...lexiconKeys(spelt, 'kazakh')];
  };
  for (const group of SYNONYM_GROUPS) {
    for (const [first, second] of group.phrases) {
      const start: PhraseStart = { firstKeys: new Set(keysOf(first)), concept: group.concept };
      for (const key of new Set(keysOf(second))) map.set(key, [...(map.get(key) ?? []), start]);
    }
  }
  return map;
}

const PHRASES = buildPhraseMap();

/**
 * The concepts a word makes with the word right before it, as a lexicon phrase ("детский" then
 * "сад"): `keys` are the word's keys (or candidates), `before` the previous word's. Usually none.
 */
function phraseConcepts(before: readonly string[], keys: readonly string[], has: readonly string[]): string[] | null {
  let out: string[] | null = null;
  for (const key of keys) {
    const starts = PHRASES.get(key);
    if (!starts) continue;
    for (const start of starts) {
      if (has.includes(start.concept) || out?.includes(start.concept)) continue;
      if (before.some((k) => start.firstKeys.has(k))) (out ??= []).push(start.concept);
    }
  }
  return out;
}

/** Lexicon concepts a set of keys belongs to. */
export function conceptsOf(keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const concepts = CONCEPTS.get(key);
    if (!concepts) continue;
    for (const c of concepts) if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** The single key a word of known language is indexed under. */
export function indexKeyOf(word: string, lang: Lang): string {
  const script = scriptOf(word);
  if (script === 'digits') return word;
  if (script === 'latin') return stemEnglish(word);
  if (lang === 'kk' || hasKazakhLetters(word)) return stemKazakh(word);
  return stemRussian(word);
}

/** One indexed word: its key, the lexicon concepts it belongs to, its surface (for fuzzy lookup). */
export interface IndexedToken {
  readonly surface: string;
  readonly key: string;
  readonly concepts: readonly string[];
  /** The key, then the concepts: everything the word is indexed under (cached with the word, shared). */
  readonly keys: readonly string[];
}

function isStopSurface(word: string, kazakh: boolean): boolean {
  if (isStopword(word)) return true;
  if (kazakh && scriptOf(word) === 'cyrillic') {
    if (isKazakhStopStem(stemKazakh(word))) return true;
    // Kazakh typed without its letters ("казир", "ушин", "калай"): the same words. A word written
    // with them is compared as written: "бөлу" (to allocate) is not "болу" (to be).
    if (!hasKazakhLetters(word) && isFoldedKazakhStopword(word)) return true;
  }
  // Kazakh in Latin letters: its function words ("pa", "me", "qashan", "qalai") as typed without
  // the Kazakh letters. Only in a Kazakh message: "men", "bir" are English or names elsewhere.
  if (kazakh && scriptOf(word) === 'latin') {
    const read = kazakhLatinReading(word);
    if (isFoldedKazakhStopword(read) || isKazakhStopStem(stemKazakh(read))) return true;
  }
  // "kogda", "pozhaluysta": transliterated Russian function words; "eto" in its э reading.
  return scriptOf(word) === 'latin' && !ENGLISH_NOT_TRANSLITERATED.has(word) && russianReadings(word).some(isTransliteratedStopword);
}

/**
 * English words that read as a Russian function word typed in Latin letters ("hot" as "хоть",
 * "wash" as "ваш"), and are far likelier English: "no hot water" asks about hot water. "net" stays
 * "нет": Russians type it so all the time ("net vody"), English speakers rarely mean a net.
 */
const ENGLISH_NOT_TRANSLITERATED: ReadonlySet<string> = new Set(['hot', 'wash']);

/**
 * Per-word results are cached: FAQ texts and messages repeat the same few thousand words, and a
 * 10,000-entry FAQ would otherwise stem and look up the same word hundreds of thousands of times.
 * `null` caches "stop word". Cleared when full, which keeps memory flat under hostile input.
 */
const WORD_CACHE_LIMIT = 100_000;

function cachedPerWord<T>(analyze: (word: string, lang: Lang | undefined) => T | null) {
  // One map per language rather than a joined key: no string is built per lookup.
  const caches = new Map<Lang | undefined, Map<string, T | null>>();
  return (word: string, lang: Lang | undefined): T | null => {
    let cache = caches.get(lang);
    if (!cache) {
      cache = new Map();
      caches.set(lang, cache);
    }
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const result = analyze(word, lang);
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(word, result);
    return result;
  };
}

const analyzeIndexWord = cachedPerWord((word: string, lang: Lang | undefined): IndexedToken | null => {
  const textLang = lang ?? 'ru';
  if (isStopSurface(word, textLang === 'kk')) return null;
  const key = indexKeyOf(word, textLang);
  const concepts = conceptsOf([key, ...lexiconKeys({ text: word }, 'primary'), exactKey(word)]);
  // A verb is indexed under its other forms' stems too ("выплачивать" meets "выплатить",
  // "отремонтировать" "отремонтируют").
  const verbForms = textLang === 'ru' && scriptOf(word) === 'cyrillic' ? verbStems(key) : [];
  return { surface: fuzzySurface(word), key, concepts, keys: [key, ...verbForms, ...concepts] };
});

/** Content words of a text in a known language (FAQ questions and answers), split by `tokenize`. */
export function analyzeIndexWords(words: readonly string[], lang: Lang): IndexedToken[] {
  const out: IndexedToken[] = [];
  let before: IndexedToken | null = null;
  for (let i = 0; i < words.length; i += 1) {
    // As a message reads it (analyzeMessage): "Лифт сынып қалса…" in a FAQ is a lift that broke.
    let token = analyzeIndexWord(asConverb(words[i], words[i + 1]) ?? words[i], lang);
    const phrase: string[] | null = token && before ? phraseConcepts(before.keys, token.keys, token.concepts) : null;
    // A new object: the cached token is shared by every other use of the word.
    if (token && phrase) token = { ...token, concepts: [...token.concepts, ...phrase], keys: [...token.keys, ...phrase] };
    if (token) out.push(token);
    before = token;
  }
  return out;
}

/**
 * The kinds of answer a question sentence asks for, and its words without those that only make up
 * a kind ("жерде" in "қай жерде": see readQuestionKinds).
 */
export function questionWords(words: readonly string[], lang?: Lang): { kinds: QuestionKind[]; content: readonly string[] } {
  // Kazakh in Latin letters asks with the same words ("qashan", "qansha", "qaida"): read as Kazakh.
  const read = lang === 'kk' && words.some(isLatin) ? words.map(readAsKazakhIfLatin) : words;
  const { kinds, phraseWords } = readQuestionKinds(read);
  return { kinds, content: phraseWords.length === 0 ? words : words.filter((_, i) => !phraseWords.includes(i)) };
}

function isLatin(word: string): boolean {
  return scriptOf(word) === 'latin';
}

/** The content words of a question variant as written (lowercase), in the order the index keeps them. */
export function indexedWordsOf(text: string, lang: Lang): string[] {
  return questionWords(tokenize(text)).content.filter((word) => analyzeIndexWord(word, lang) !== null);
}

/** The spelling fuzzy matching compares: folded, so a missing Kazakh letter is no typo. */
export function fuzzySurface(word: string): string {
  return foldKazakh(word);
}

/** One word of a resident's message with the keys it may stand for, most likely first. */
export interface QueryToken {
  readonly surface: string;
  readonly candidates: readonly string[];
  /**
   * Keys tried only when no candidate or concept is in the index, before a typo is assumed: the
   * Latin spelling of a Cyrillic word. A word the FAQ has in its own script keeps its own meaning.
   */
  readonly fallbacks: readonly string[];
  /** The Latin spellings the fallbacks are the stems of: one must be a word the FAQ writes so. */
  readonly latinForms: readonly string[];
  readonly concepts: readonly string[];
  /** Digits, or a number written out (number-words.ts): noise where the FAQ does not write it. */
  readonly numeric: boolean;
  /**
   * A Latin word of a Kazakh message read in Cyrillic as Kazakh is typed in Latin letters
   * ("koshesindegi" is "көшесіндегі" folded): when the word as typed is like no word of the FAQ, a
   * form the FAQ does not write is still found as a word it does, as the Cyrillic form would be.
   * (A Russian message's Latin word has its reading as its surface already: querySurfaceOf.)
   */
  readonly reading?: string;
  /**
   * Set when a typo of the word may only be a word the FAQ writes in this language. A word of a
   * Russian message is not a Kazakh word misspelt ("кошелек", a wallet, is not "көшелер", streets),
   * while a Kazakh message borrows Russian words freely ("счетчигін"): only Russian is held to it.
   */
  readonly typoLang?: Lang;
  /**
   * The word with a letter typed twice typed once instead ("маггазиндер", "поликлиннику", "waater"),
   * each doubled letter in turn, read as words of their own: tried when the word is unknown, before
   * a typo is guessed by comparing it with the FAQ's words. Read whole, its ending is read as well,
   * which comparing a word of another form ("магазин") cannot do. Only for a word with a double.
   */
  readonly respellings?: readonly QueryToken[];
}

function queryCandidates(word: string, lang: Lang | undefined): string[] {
  const script = scriptOf(word);
  if (script === 'digits') return [word];
  if (script === 'latin') {
    const readings = russianReadings(word);
    const cyr = readings[0];
    const en = stemEnglish(word);
    const ru = readings.map(stemRussian);
    if (lang === 'ru') return [...ru, en, stemKazakh(cyr)];
    // Kazakh typed in Latin letters writes ж as j, ш as w, к as q ("jumys", "qashan"): read so first.
    if (lang === 'kk') return [stemKazakh(kazakhLatinReading(word)), en, stemKazakh(cyr), ...ru];
    const kk = stemKazakh(cyr);
    return kk.length >= MIN_KAZAKH_READING ? [en, ...ru, kk] : [en, ...ru];
  }
  if (hasKazakhLetters(word)) return [stemKazakh(word)];
  const russian = stemRussian(word);
  if (lang === 'kk') return [stemKazakh(word), russian, ...verbStems(russian)];
  return [russian, ...verbStems(russian), stemKazakh(word)];
}

/**
 * An English word's Kazakh reading, its suffixes cut, is kept only this long: shorter, it is too
 * often some Kazakh stem by chance ("taxi" → "такси" → "так", the stem of "тақта", a board), and
 * the word then counts as one the FAQ knows.
 */
const MIN_KAZAKH_READING = 4;

/** Shorter Cyrillic words are not taken for Latin names: too many are some English word by chance. */
const MIN_LATIN_NAME = 4;

/**
 * A Latin name typed in Cyrillic ("егов" for eGov, "каспи" for Kaspi), in Latin letters: the word,
 * and its Russian and Kazakh stems for a name with a case ending ("через егова", "каспиге").
 */
function latinForms(word: string): string[] {
  if (scriptOf(word) !== 'cyrillic' || word.length < MIN_LATIN_NAME) return [];
  const forms = [word, stemRussian(word), stemKazakh(word)].filter((w) => w.length >= MIN_LATIN_NAME);
  return [...new Set(forms.map((w) => cyrillicToLatin(w)))];
}

/** A Cyrillic word's Latin spellings and their English keys (QueryToken's fallbacks). */
function latinFallbacks(word: string): Pick<QueryToken, 'fallbacks' | 'latinForms'> {
  const forms = latinForms(word);
  return { fallbacks: [...new Set(forms.map(stemEnglish))], latinForms: forms };
}

const analyzeQueryWord = cachedPerWord((word: string, lang: Lang | undefined): QueryToken | null => {
  const token = analyzeOneSpelling(word, lang);
  if (!token || word.length < MIN_RESPELT_LENGTH || !DOUBLED_LETTER.test(word)) return token;
  const respellings = withLetterOnce(word).map((w) => analyzeOneSpelling(w, lang)).filter((t): t is QueryToken => t !== null);
  return respellings.length > 0 ? { ...token, respellings } : token;
});

/** A letter twice in a row. */
const DOUBLED_LETTER = /(\p{L})\1/u;
/**
 * A shorter word with a double is as often spelt so, and with the letter once its stem is short
 * enough to be another word's ("касса" → "каса" → "кас", which "касается" has): only longer ones
 * are respelt.
 */
const MIN_RESPELT_LENGTH = 6;

/** The word with each doubled letter typed once in turn ("аппарат" → "апарат"), each spelling once. */
function withLetterOnce(word: string): string[] {
  const out = new Set<string>();
  for (let i = 1; i < word.length; i += 1) if (word[i] === word[i - 1]) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

function analyzeOneSpelling(word: string, lang: Lang | undefined): QueryToken | null {
  if (isStopSurface(word, lang === 'kk' || hasKazakhLetters(word))) return null;
  const candidates = [...new Set(queryCandidates(word, lang))];
  const latin = scriptOf(word) === 'latin';
  const extra = latin ? [word] : [foldKazakh(word)];
  // A lexicon word taken only as written is met in Russian typed in Latin letters too: "dadut" is
  // "дадут" (will give back), as "vklyuchat" is "включат", whose stem the candidates already hold.
  const exact = latin && lang === 'ru' ? [exactKey(word), ...russianReadings(word).map(exactKey)] : [exactKey(word)];
  return {
    surface: querySurfaceOf(word, lang),
    candidates,
    ...latinFallbacks(word),
    concepts: conceptsOf([...candidates, ...extra, ...exact]),
    numeric: scriptOf(word) === 'digits' || isNumberWord(word),
    typoLang: lang === 'ru' && !hasKazakhLetters(word) ? 'ru' : undefined,
    ...(latin && lang === 'kk' ? { reading: kazakhLatinReading(word) } : {}),
  };
}

/**
 * The surface of a message word's token (QueryToken.surface): folded for fuzzy lookup, and a Latin
 * word of a Russian message read in Cyrillic.
 */
export function querySurfaceOf(word: string, lang: Lang | undefined): string {
  return lang === 'ru' && scriptOf(word) === 'latin' ? latinToCyrillic(word) : fuzzySurface(word);
}

/** The kind of answer a sentence asks for, as a token of its own (one shared object per kind). */
const KIND_TOKENS = new Map<QuestionKind, QueryToken>();
function kindToken(kind: QuestionKind): QueryToken {
  let token = KIND_TOKENS.get(kind);
  if (!token) {
    const key = questionKindKey(kind);
    token = { surface: key, candidates: [key], fallbacks: [], latinForms: [], concepts: [], numeric: false };
    KIND_TOKENS.set(kind, token);
  }
  return token;
}

/** A content word of a message with the weight of the sentence it stands in. */
export interface WeightedToken {
  readonly token: QueryToken;
  readonly weight: number;
  /** Which sentence of the message (segmentMessage's order) the word counts from. */
  readonly sentence: number;
  /** That sentence is one of several the message ends with a question mark (Segment.markedQuestion). */
  readonly markedQuestion: boolean;
}

/**
 * Content words of a whole message, and the kinds of answer its sentences ask for
 * (question-kinds.ts), each once, weighted by the part of the message it comes from (see
 * sentences/segments.ts): a word of the question sentence counts fully, a word only in the context less.
 */
export function analyzeMessage(text: string, lang?: Lang): WeightedToken[] {
  const byWord = new Map<string, WeightedToken>();
  const clipped = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  let sentence = -1;
  for (const segment of segmentMessage(clipped, lang)) {
    sentence += 1;
    const { kinds, content } = questionWords(tokenize(segment.text), lang);
    let before: QueryToken | null = null;
    for (let i = 0; i < content.length; i += 1) {
      const word = content[i];
      let token = analyzeQueryWord(asConverb(word, content[i + 1]) ?? word, lang);
      const phrase: string[] | null = token && before ? phraseConcepts(before.candidates, token.candidates, token.concepts) : null;
      // A new object: the cached token is shared by every other use of the word.
      if (token && phrase) token = { ...token, concepts: [...token.concepts, ...phrase] };
      before = token;
      if (!token) continue;
      keepHeaviest(byWord, token, isSetting(content, i) ? segment.weight * SETTING_SHARE : segment.weight, segment, sentence);
    }
    for (const kind of kinds) keepHeaviest(byWord, kindToken(kind), segment.weight, segment, sentence);
  }
  const tokens = [...byWord.values()];
  return tokens.length > MAX_MESSAGE_WORDS ? heaviest(tokens, MAX_MESSAGE_WORDS) : tokens;
}

/**
 * Most words of one message the matcher weighs: each may cost a search for the word it is a typo
 * of. A message this long tells a story, and its question is most often last ("…the lift has
 * stood since Monday, my mother is 80 and… Who do I call?"): the question's words are kept before
 * the story's (heaviest), not the first words. The first 60 words used to be kept, so a question
 * after a story of sixty words was never read, and the story's words alone were answered.
 */
export const MAX_MESSAGE_WORDS = 60;

/** The `count` heaviest words, in the order the message says them (the first of those weighing the same). */
function heaviest(tokens: readonly WeightedToken[], count: number): WeightedToken[] {
  const kept = new Set([...tokens].sort((a, b) => b.weight - a.weight).slice(0, count));
  return tokens.filter((token) => kept.has(token));
}

/**
 * Kazakh nouns that are also a verb's converb, with a form of the verb read in their place when an
 * auxiliary verb follows: "сынып" is a school class, but "лифт сынып қалды", "есік сынып кетті"
 * say the lift, the door broke (the stem alone cannot tell them apart: kazakh.ts, WHOLE_NOUNS).
 * As written: the nouns have none of the letters folding changes.
 */
const CONVERB_NOUNS: ReadonlyMap<string, string> = new Map([['сынып', 'сынды']]);
/**
 * Auxiliary verbs after a converb (folded roots): кет- (away), қал- (stay), түс- (down), тұр-
 * (stand), жат- (lie: is …ing). Not біт- (finish): "сынып бітірдім" is finishing a class.
 */
const AUXILIARY = /^(кет|кал|тус|тур|жат)/;

/** The verb form to read for a converb-noun followed by an auxiliary verb; undefined otherwise. */
function asConverb(word: string, next: string | undefined): string | undefined {
  if (next === undefined) return undefined;
  const verb = CONVERB_NOUNS.get(word);
  return verb !== undefined && AUXILIARY.test(foldKazakh(next)) ? verb : undefined;
}

/**
 * A word said in several sentences counts with its heaviest sentence's weight. (A function of the
 * module, not a closure per message: ARCHITECTURE.md, "Hot paths".)
 */
function keepHeaviest(byWord: Map<string, WeightedToken>, token: QueryToken, weight: number, segment: Segment, sentence: number): void {
  const known = byWord.get(token.surface);
  if (!known || known.weight < weight) byWord.set(token.surface, { token, weight, sentence, markedQuestion: segment.markedQuestion });
}

/**
 * The lexicon's words as typo targets: the words people ask with, whether or not this FAQ writes
 * them ("нлаом" is "налом", which the lexicon places beside "наличными").
 */
const lexiconWordSlippedFrom = slipTargets(() => SYNONYM_GROUPS.flatMap((group) => group.words.map((word) => fuzzySurface(word.text.toLowerCase()))));

/**
 * The lexicon word a word the FAQ does not know is one typing slip from (trigrams.ts typingSlip),
 * read as a message word; null if none. Only a slip: a word merely similar to a lexicon word is as
 * often a word of its own, which the FAQ not knowing says something about.
 */
export function misspeltLexiconWord(surface: string, lang: Lang | undefined): QueryToken | null {
  const word = lexiconWordSlippedFrom(surface);
  return word === null ? null : analyzeQueryWord(word, lang);
}
