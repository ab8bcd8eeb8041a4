/**
 * Which of the helpline's languages a message is written in.
 *
 * The text decides; the client's language setting (`hint`, e.g. Telegram's language_code) only
 * breaks ties when the text says nothing useful ("?", "123", "ok"), and the answer is then marked
 * not confident. Kazakh letters or common Kazakh words mean Kazakh; other Cyrillic means Russian;
 * Latin text is English unless it reads as Russian typed in Latin letters, which counts as Russian.
 */
import { FALLBACK_LANG, isLang, type Lang } from '../i18n/languages';
import { APOSTROPHES, listSpelling } from '../matcher/normalize';
import { isCommonEnglishWord } from './english-words';
import { isKeyboardRun } from './keyboard-run';
import { kazakhLatinSpellings } from './kazakh-latin';
import { kazakhLatinReading, russianReadings } from '../matcher/translit';

export interface DetectedLanguage {
  lang: Lang;
  /** False when the text was not decisive and the hint (or the fallback) chose. */
  confident: boolean;
  /**
   * Set when only weak evidence chose between Russian and Kazakh (less than a frequent word's worth:
   * an ending or a letter pair, as a place name has: "Павлодар"): a conversation that already has a
   * language keeps it.
   */
  weak?: true;
}

/** Less than this between Russian and Kazakh is weak evidence (a frequent word counts 1.5, an ending 0.5). */
const WEAK_MARGIN = 1;

const KAZAKH_LETTERS = /[әғқңөұүһі]/;
const CYRILLIC = /[а-яё]/;
const LATIN = /[a-z]/;

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((w) => w.length > 0));
}

/** Frequent Kazakh words that need no Kazakh-specific letter, in the folded spelling people type. */
const KAZAKH_WORDS = wordSet(`
ма ме ба бе па пе бар жок жоқ керек кашан калай кайда кайдан неге неше нешеде нешеге дейин бола
болады болама мен сен ол биз сиз олар менин сенин бизге сизге маган оган ашык жабык иштейди истейди
иштей истей косады береди келеди кетеди журеди туседи бугин ертен кеше казир енди гой гана
рахмет сәлем салем салеметсиз жане немесе бирак ушин туралы бойынша кезинде кейин дейин
кандай канша качан кайсы емес жатыр
алу алуга алам аламын аламыз алсам
`);

/**
 * Kazakh inflections typed without Kazakh letters ("интернетты", "банктер") that some Russian words
 * end with too: weak evidence. Those none ends with are KAZAKH_ONLY_ENDINGS.
 */
const KAZAKH_ENDINGS = /(лар|лер|дар|дер|тар|тер|ды|ди|ты|ти|ны|ни|га|ге|ка|ке|дан|ден|тан|тен|нин|дин|ады|еди|ыру|иру|еу|ау)$/;

/**
 * Kazakh endings no Russian word ends with, typed without Kazakh letters: a possessive with its
 * case ("статусымды", "плитасын", "көшесінде", "үйімде"), a plural with its case ("балаларды",
 * "мектептерде"), "-дағы", the participle "-атын", "-ғанмын", the converb "-ып" ("барып",
 * "қауып"), the persons "-мыз", "-сыз", "-ңыз" ("барамыз", "түсініксіз", "картаңыз"), the
 * genitive "-ның", "-дың", the wish "-ғым" ("алғым келеді"), "-шы" ("айтшы", "оқушы"), "-ымен".
 * Checked against the 1.5 million word forms of a Russian spelling dictionary
 * (test/language/kazakh-endings.test.ts): of five letters or more, as the ending is read, one ends
 * so, "недосып". As sure as a frequent Kazakh word.
 */
export const KAZAKH_ONLY_ENDINGS =
  /(мды|мди|ымнан|имнен|ымда|имде|ымга|имге|мыз|миз|сыз|сиз|ныз|ынан|леринен|сында|синде|сын|ымен|дагы|тагы|атын|нын|дын|гым|шы|ганмын|генмин|[лд]ар(ды|дан|га|да|дын)|[лдт]ер(ди|ден|ге|де|дин)|тар(дан|га|дын)|ып)$/;

/**
 * A Kazakh ending that begins with т or к follows a voiceless consonant ("кетті", "кітапты",
 * "жұмысқа", "мектепке"); after a vowel or a voiced letter it begins with д, л, н, ғ or г. So in
 * "провезти", "вывезти" (Russian infinitives), "собака" or "прививка" the "-ти" or "-ка" ends no
 * Kazakh word: no Kazakh cue.
 */
const DISAGREEING_ENDING = /[^кпстфхцчшщ][тк][аеыи][рн]?$/;

/**
 * The soft sign: Kazakh words have none but the Russian loanwords they keep as written, so a word
 * with it and no Kazakh letter is Russian ("вызвать", "оплатить", "очередь"), as sure as a word of
 * the FAQ's Russian texts only.
 */
const SOFT_SIGN = /ь/;
const SOFT_SIGN_CUE = 1;

/**
 * Letter pairs Russian spelling does not allow (it writes жи, ши, ки, ги, хи) but Kazakh typed
 * without its letters is full of ("жылдам", "шыккан", "кызыл", "жибершы"). Weak evidence: Kazakh names
 * stand in Russian text too ("ул. Торайгырова").
 */
const KAZAKH_LETTER_PAIRS = /[жшкгх]ы/;

/**
 * Russian inflections Kazakh does not have (adjective, noun and verb endings): weak evidence too.
 * Beside a word with a Kazakh-looking ending ("соседи", "машины": the Kazakh "-ди", "-ны") they
 * make a tie, which Cyrillic reads as Russian ("машины стоят", "соседи шумят"). "-ой" is left out:
 * Russian adjectives Kazakh keeps as nouns end so ("проездной толтыру" is Kazakh), as "-ый" does.
 * Of the Kazakh texts at hand (the locales, the FAQs' Kazakh questions and answers: 3,800 words) no
 * word of five letters or more ends in "-ые", "-ую", "-юю", "-ют", "-ят", "-ах" or "-ях" ("-ие" would
 * take "несие", credit).
 */
const RUSSIAN_ENDINGS = /(ого|его|ому|ему|ый|ий|ая|яя|ое|ее|ые|ую|юю|ых|их|ться|тся|ешь|ете|ите|ют|ят|ует|ение|ость|ами|ями|ах|ях)$/;

/** Frequent Russian words, to weigh against the Kazakh cues above. */
const RUSSIAN_WORDS = wordSet(`
и в во на не что как когда где куда до по за из у к с со от ли же бы а но или если это этот уже
еще ещё можно нужно надо есть будет будут работает работают сколько скольки какой какая какие
эта эти этого этой этом этому эту этим этих
почему здравствуйте подскажите пожалуйста мне меня мы вы я он она они нет да там тут очень
скока скоко щас чё када тока ваще
здрасти здрасьте здрасте здраствуйте привет спасибо пока
`);

/**
 * Frequent English words and helpline words; the negations as typed without their apostrophe
 * ("dont", "cant"), which no other word of the message may tell from Russian in Latin letters:
 * "I don't understand" had only its "i", which both languages have.
 */
const ENGLISH_WORDS = wordSet(`
the a an is are was were be been do does did can could will would should i you he she we they it
my your our their me us what when where why how which who is there this that these those to of in
on at for from with by and or not no yes please hi hello thanks thank open close time today
tomorrow night morning evening help need want get go have has any some all still now
dont doesnt didnt cant cannot wont isnt arent wasnt werent havent hasnt couldnt wouldnt shouldnt
understand know think tell say said make take give find work pay call send about just only also
very more much many other if than then here again live real person human someone anyone never
mind sorry wrong bye okay pls plz hey hii hiya
`);

/**
 * Russian typed in Latin letters: function words and spellings English does not use, the frequent
 * Russian words above as people type them ("etom", "skolki", "shas"); none is a common English word.
 */
const TRANSLIT_WORDS = wordSet(`
i v vo na ne chto kak kogda gde kuda do po za iz u k s so ot li zhe by no ili esli eto uzhe
eshche eshe mozhno nuzhno nado est budet budut rabotaet rabotayut skolko skolko kakoy kakaya kakie
pochemu zdravstvuyte zdravstvujte podskazhite pozhaluysta pozhalujsta mne menya my vy ya net da tam
privet spasibo segodnya zavtra seychas sejchas
etot eta eti etogo etoy etoi etom etomu etu etim etikh etih skolki ona oni tut ochen poka
skoka skoko shas schas che cho kada toka vashe zdrasti zdraste
`);
/**
 * Letter groups of Russian typed in Latin letters: ж, х, щ, ч, ю, я, and the adjective endings -ый,
 * -ий, -ой in each way people type them ("platnyi", "detskii", "kakoj"), which no English word ends with.
 */
const TRANSLIT_PATTERN = /(zh|kh|shch|sch|ch|yu|ya|iy|yy|yj|yi$|ij$|ii$|oi$|oj$|oe|aya|ogo|ykh|tsya|tsa|yat|yut)/;
/**
 * The short Kazakh words above whose Latin spellings ("jok", "zhok", "sen", "ol") are no English
 * word and read into Cyrillic no Russian one (test/language/kazakh-latin.test.ts): "men" is
 * English, "bar" both, "siz" the Russian "сиз" (of "сизый"), "biz" English slang. "Жоқ" is how a
 * complaint says what is missing ("internet jok", "su jok"). The particles are KAZAKH_LATIN_PARTICLES.
 */
export const SHORT_KAZAKH_LATIN_WORDS = wordSet('жок сен ол');
/**
 * Kazakh typed in Latin letters ("kansha turady", "qalai alamyn"): the frequent Kazakh words above
 * in the spellings people type. Other words of three letters or fewer are left out: in Latin
 * letters they are English or Russian words as often ("men", "bar", "ne").
 */
const KAZAKH_LATIN_WORDS: ReadonlySet<string> = new Set(
  [...KAZAKH_WORDS]
    .filter((w) => (w.length > 3 || SHORT_KAZAKH_LATIN_WORDS.has(w)) && !KAZAKH_LETTERS.test(w))
    .flatMap(kazakhLatinSpellings),
);
/**
 * Every frequent Kazakh word above in the spellings people type, the short ones too: such a word
 * is no English cue even where SCOWL lists it ("men", "мен": I, with), as it is no Kazakh one.
 */
const ANY_KAZAKH_LATIN_WORDS: ReadonlySet<string> = new Set([...KAZAKH_WORDS].flatMap(kazakhLatinSpellings));
/**
 * The Kazakh question particles typed in Latin letters ("ashyq pa", "salemetsiz be"): "be" and "me"
 * are English words too, so there they count for both languages, as a word of English and of
 * Russian in Latin letters does.
 */
const KAZAKH_LATIN_PARTICLES: ReadonlySet<string> = new Set(['ма', 'ме', 'ба', 'бе', 'па', 'пе'].flatMap(kazakhLatinSpellings));
/**
 * Whether a word (lowercase, folded Kazakh letters as people type them) is one of the frequent
 * words above, in any language or spelling: what tells a message's words from keys typed in the
 * wrong layout (keyboard-layout.ts).
 */
export function isFrequentWord(word: string): boolean {
  return (
    RUSSIAN_WORDS.has(word) || KAZAKH_WORDS.has(word) || ENGLISH_WORDS.has(word) || TRANSLIT_WORDS.has(word) || KAZAKH_LATIN_WORDS.has(word)
  );
}

/** Kazakh in Latin letters writes қ as q, which English only writes before u and Russian never. */
const KAZAKH_LATIN_SPELLING = /q(?!u)/;

/**
 * A Kazakh verb's ending in Latin letters for "I" or "we" ("jazamyn", "baramyz", "bilemin") or for
 * "does not" ("kelmeidi", "bolmaidy", "tuspeidi": -мейді, -майды, -пейді, the form of every
 * complaint that something does not come or work): no Russian or English word ends so
 * (test/language/kazakh-latin.test.ts). As sure as a frequent Kazakh word: counted as less, it was
 * tied by a name the FAQ's English texts use ("egov ashylmaidy" was answered in English).
 */
export const KAZAKH_LATIN_VERB_ENDING = /.{2}(amyn|ymyn|emin|imin|amyz|ymyz|emiz|imiz)$|.[mbp][ae][iy]d[iy]$/;

/**
 * Spellings English has and Russian in Latin letters does not (it writes в, х, к, ф as v, h/kh, k,
 * f): they outweigh a letter pair the two share ("check", "watch", "phone").
 */
const ENGLISH_ONLY_SPELLING = /(th|w|ck|ph|q|tion|ight)/;
/**
 * English spellings Russian in Latin letters also produces now and then ("bolee", "poedu"); a
 * doubled last consonant ("smell", "bill", "useless", "stuff") only in a loanword ("klass").
 */
const ENGLISH_SPELLING = /(ing$|ed$|ee|oo|ea|ll$|ss$|ff$|ful$)/;

/** What a word with a Kazakh letter counts, Cyrillic or (wordsWithKazakhLatinMarks) Latin. */
const KAZAKH_LETTER_CUE = 2;
/**
 * What a frequent word of a language counts, and as much a word no other language spells so: an
 * ending only Kazakh has, a Kazakh verb ending in Latin letters.
 */
const FREQUENT_WORD_CUE = 1.5;

interface Cues {
  kazakh: number;
  russian: number;
  english: number;
  translit: number;
  /** Kazakh typed in Latin letters. */
  kazakhLatin: number;
  /**
   * Whether a Latin word is Kazakh for sure (a frequent Kazakh word, a Kazakh verb ending or an
   * ending only Kazakh has): as a Kazakh letter does in Cyrillic, it makes the Russian terms beside
   * it loanwords (addVocabularyCues). A q is not sure enough: "QR kod" is Russian.
   */
  kazakhLatinSure: boolean;
  cyrillicWords: number;
  latinWords: number;
}

function collectCues(words: readonly string[]): Cues {
  const cues: Cues = { kazakh: 0, russian: 0, english: 0, translit: 0, kazakhLatin: 0, kazakhLatinSure: false, cyrillicWords: 0, latinWords: 0 };
  for (const word of words) {
    if (isKeyboardRun(word)) continue;
    if (CYRILLIC.test(word) || KAZAKH_LETTERS.test(word)) {
      cues.cyrillicWords += 1;
      if (KAZAKH_LETTERS.test(word)) cues.kazakh += KAZAKH_LETTER_CUE;
      else if (KAZAKH_WORDS.has(word)) cues.kazakh += FREQUENT_WORD_CUE;
      else if (RUSSIAN_WORDS.has(word)) cues.russian += FREQUENT_WORD_CUE;
      else if (SOFT_SIGN.test(word)) cues.russian += SOFT_SIGN_CUE;
      else {
        const cue = endingCue(word, [word]);
        if (cue?.lang === 'kk') cues.kazakh += cue.weight;
        else if (cue) cues.russian += cue.weight;
      }
    } else if (LATIN.test(word)) {
      cues.latinWords += 1;
      const en = ENGLISH_WORDS.has(word);
      const tr = TRANSLIT_WORDS.has(word);
      if (!en && !tr && KAZAKH_LATIN_WORDS.has(word)) {
        cues.kazakhLatin += FREQUENT_WORD_CUE;
        cues.kazakhLatinSure = true;
      } else if (en && KAZAKH_LATIN_PARTICLES.has(word)) {
        cues.english += 0.5;
        cues.kazakhLatin += 0.5;
      } else if (!en && KAZAKH_LATIN_VERB_ENDING.test(word)) {
        cues.kazakhLatin += FREQUENT_WORD_CUE;
        cues.kazakhLatinSure = true;
      } else if (!en && (KAZAKH_LATIN_SPELLING.test(word) || KAZAKH_LATIN_PARTICLES.has(word))) cues.kazakhLatin += 1;
      else if (en && !tr) cues.english += FREQUENT_WORD_CUE;
      else if (tr && !en) cues.translit += FREQUENT_WORD_CUE;
      else if (en && tr) {
        cues.english += 0.5;
        cues.translit += 0.5;
      } else if (isCommonEnglishWord(word) && !ANY_KAZAKH_LATIN_WORDS.has(word)) cues.english += 1;
      else if (ENGLISH_ONLY_SPELLING.test(word)) cues.english += 1;
      else if (TRANSLIT_PATTERN.test(word)) cues.translit += 1;
      else if (ENGLISH_SPELLING.test(word)) cues.english += 1;
      else {
        // No list or spelling places it: its endings, read as the Cyrillic words it spells
        // ("toltyru" толтыру, "tusiniksiz"; "platnye" платные, "rabotayut").
        const cue = endingCue(kazakhLatinReading(word), russianReadings(word));
        if (cue?.lang === 'kk') {
          cues.kazakhLatin += cue.weight;
          if (cue.sure) cues.kazakhLatinSure = true;
        } else if (cue) cues.translit += cue.weight;
      }
    }
  }
  return cues;
}

/**
 * What a word's ending tells, for a Cyrillic word and a Latin one alike: `kazakh` is the word as
 * Kazakh spells it without its letters, `russian` the spellings Russian may give it (a Cyrillic
 * word: itself). An ending only Kazakh has weighs as a frequent Kazakh word and is `sure`, the
 * others half a cue; null when the ending tells nothing.
 */
function endingCue(kazakh: string, russian: readonly string[]): { lang: 'kk' | 'ru'; weight: number; sure?: true } | null {
  if (kazakh.length > 4 && KAZAKH_ONLY_ENDINGS.test(kazakh)) return { lang: 'kk', weight: FREQUENT_WORD_CUE, sure: true };
  if (russian.some((reading) => reading.length > 4 && RUSSIAN_ENDINGS.test(reading))) return { lang: 'ru', weight: 0.5 };
  if (kazakh.length > 4 && KAZAKH_ENDINGS.test(kazakh) && !DISAGREEING_ENDING.test(kazakh)) return { lang: 'kk', weight: 0.5 };
  if (KAZAKH_LETTER_PAIRS.test(kazakh)) return { lang: 'kk', weight: 0.5 };
  return null;
}

/**
 * Where a word is used in the FAQ the bot serves (see src/matcher/vocabulary.ts): the languages
 * whose texts have it; a Latin word counts for Russian when its Cyrillic spelling is Russian.
 */
export interface WordEvidence {
  languagesOf(word: string): readonly Lang[];
}

/** A word only one language of the FAQ uses counts this much (a Kazakh letter counts 2). */
const VOCABULARY_CUE = 1;

/**
 * Adds the FAQ's evidence: a word used by one language only is a cue for that language. A message
 * with Kazakh letters in it often carries Russian terms ("справка с места работы қайдан аламын": a
 * document's Russian name, then the Kazakh question), so there a word only the Russian texts use
 * is no cue: Kazakh letters and Russian function words decide. Typed in Latin letters, a word that
 * is Kazakh for sure does the same ("kvitantsiya tusiniksiz": the Russian term and its "ya" had
 * outweighed the Kazakh ending). A word with the soft sign has counted for Russian already
 * (collectCues): the FAQ saying so too is the same evidence, and counted twice, one Russian term
 * outweighed a Kazakh word ("инвалидность алу").
 */
function addVocabularyCues(cues: Cues, words: readonly string[], evidence: WordEvidence): void {
  const kazakhLetters = words.some((w) => KAZAKH_LETTERS.test(w));
  for (const word of words) {
    const langs = evidence.languagesOf(word);
    if (langs.length !== 1) continue;
    const latin = LATIN.test(word) && !CYRILLIC.test(word);
    if (langs[0] === 'kk' && latin) cues.kazakhLatin += VOCABULARY_CUE;
    else if (langs[0] === 'kk') cues.kazakh += VOCABULARY_CUE;
    else if (langs[0] === 'en') cues.english += VOCABULARY_CUE;
    else if (latin) cues.translit += cues.kazakhLatinSure ? 0 : VOCABULARY_CUE;
    else if (!kazakhLetters && !SOFT_SIGN.test(word)) cues.russian += VOCABULARY_CUE;
  }
}

/**
 * Letters of the Kazakh Latin alphabets (2018: á ǵ ń ó ú ý; 2021: ä ğ ñ ö ū ü ş ı) that neither
 * English nor Russian typed in Latin letters has: as sure a cue as a Kazakh Cyrillic letter.
 */
const KAZAKH_LATIN_MARK = /[äáǵğńñöóūúüýşı]/iu;
const KAZAKH_LATIN_MARKED_WORD = /[a-zäáǵğńñöóūúüýşı]*[äáǵğńñöóūúüýşı][a-zäáǵğńñöóūúüýşı]*/giu;

function wordsWithKazakhLatinMarks(text: string): number {
  return text.match(KAZAKH_LATIN_MARKED_WORD)?.length ?? 0;
}

/** 'ru-RU' → 'ru'; Telegram also reports 'kz' for some Kazakh clients. */
export function langFromHint(hint: string | undefined): Lang | null {
  if (!hint) return null;
  const base = hint.toLowerCase().split(/[-_]/)[0];
  if (base === 'kz') return 'kk';
  return isLang(base) ? base : null;
}

/**
 * @param hint the client's language setting or what the conversation used so far
 * @param evidence the FAQ's own vocabulary, when a FAQ is loaded
 */
export function detectLanguage(text: string, hint?: string, evidence?: WordEvidence): DetectedLanguage {
  const said = typeof text === 'string' ? text.slice(0, 2000) : '';
  const words = listSpelling(said)
    .replace(APOSTROPHES, '')
    .match(/[a-zа-яәғқңөұүһі]+/g) ?? [];
  const cues = collectCues(words);
  // The spelling drops the marks, which only Kazakh's Latin alphabets put on these letters.
  if (KAZAKH_LATIN_MARK.test(said)) cues.kazakhLatin += KAZAKH_LETTER_CUE * wordsWithKazakhLatinMarks(said);
  if (evidence) addVocabularyCues(cues, words, evidence);
  const fallback: DetectedLanguage = { lang: langFromHint(hint) ?? FALLBACK_LANG, confident: false };

  if (cues.cyrillicWords >= cues.latinWords && cues.cyrillicWords > 0) {
    const weak = Math.abs(cues.kazakh - cues.russian) < WEAK_MARGIN ? { weak: true as const } : {};
    if (cues.kazakh > cues.russian) return { lang: 'kk', confident: true, ...weak };
    if (cues.kazakh < cues.russian) return { lang: 'ru', confident: true, ...weak };
    // No cue either way ("интернет", "ЦОН") or a tie: Cyrillic defaults to Russian, but a
    // Kazakh-speaking client keeps Kazakh.
    const kazakhHint = langFromHint(hint) === 'kk';
    return { lang: kazakhHint ? 'kk' : 'ru', confident: !kazakhHint && cues.cyrillicWords >= 3 };
  }
  if (cues.latinWords > 0) {
    if (cues.kazakhLatin > Math.max(cues.translit, cues.english)) return { lang: 'kk', confident: true };
    if (cues.translit > cues.english) return { lang: 'ru', confident: true };
    if (cues.english > cues.translit) return { lang: 'en', confident: true };
    // "ok", "wifi": Latin but nothing tells English from transliterated Russian.
    const hinted = langFromHint(hint);
    return { lang: hinted ?? 'en', confident: false };
  }
  return fallback;
}
