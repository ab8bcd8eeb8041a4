/**
 * What makes a sentence a question, and whether it names anything: the question words and
 * particles of Russian (also typed in Latin letters), Kazakh (also without its letters) and
 * English, the pronouns that point back at a story, and the greetings that only look like
 * questions. General grammar, not any FAQ's vocabulary; what kind of answer a question asks for is
 * question-kinds.ts's business.
 */
import type { Lang } from '../../i18n/languages';
import { foldKazakh } from '../normalize';
import { asksNothing, isAskingWord } from '../question-kinds';
import { isStopword } from '../stopwords';

/**
 * Words that make a sentence a question. A need ("надо", "нужно", "керек") is none: a story says
 * what someone was told to do ("врач сказал, надо оформлять группу", "жазу керек дейді") as often
 * as a question asks it, and one that asks has a question word or a particle beside it.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  `
  как когда где куда откуда кто кому кого чем что почему зачем сколько скольки какой какая какое какие
  каким какого ли можно разве чей
  kak kogda gde kuda kto komu chto pochemu zachem skolko kakoy kakaya kakie li mozhno
  қашан кашан қайда кайда қайдан кайдан қалай калай кім ким кімге кимге қанша канша неше нешеде
  нешеге нешінші нешинши не неге неліктен неликтен қандай кандай қай кай ма ме ба бе па пе бола болама
  how when where who whom whose what why which can could should would will is are do does did may
  hows whens wheres whos whats wen wat wot wats hw
  `
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** English auxiliaries count only at the start of a sentence ("is the bank open"). */
export const LEADING_ONLY: ReadonlySet<string> = new Set(['can', 'could', 'should', 'would', 'will', 'is', 'are', 'do', 'does', 'did', 'may']);

/** The Kazakh question particles (standing alone, glued to the word before, or in an announcement). */
export const KAZAKH_PARTICLES: readonly string[] = ['ма', 'ме', 'ба', 'бе', 'па', 'пе'];

/** Kazakh question particles are often glued to the word before them ("барма", "ашықпа"). */
const GLUED_PARTICLE = new RegExp(`^[а-яәғқңөұүһі]{3,}(?:${KAZAKH_PARTICLES.join('|')})$`);

/**
 * Whether a sentence (its words, as tokenize reads them) asks something. One that says what the
 * resident does not know asks nothing without its question mark (saysNotKnowing).
 */
export function readsAsQuestion(words: readonly string[], endsWithQuestionMark: boolean, lang?: Lang): boolean {
  if (endsWithQuestionMark) return true;
  const asks = words.some(
    (w, i) => (QUESTION_WORDS.has(w) && asksWhereItStands(words, i, lang)) || (i === words.length - 1 && mayBeKazakh(lang) && hasGluedParticle(w)),
  );
  return asks && !saysNotKnowing(words);
}

/**
 * Whether a sentence says what the resident does not know or understand ("Уже не знаю, что и
 * думать", "Понятия не имею, как быть дальше", "I'm not sure what to do next", "Неге бұлай
 * болғанын түсінбеймін"): its question word is reported, not asked of the helpline. Said after
 * the matter ("ямы на Кутузова. Уже не знаю, что и думать."), it made the matter weigh as context
 * of a question that names nothing an entry answers. A negation with a verb of knowing,
 * understanding or being sure after it, in Russian (also in Latin letters) and English; in Kazakh
 * the negative forms of білу and түсіну, and the words for "unclear" and "unknown" of all three.
 */
function saysNotKnowing(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      (NOT_KNOWN.test(w) && !ASKING_YOU.test(w)) ||
      (NEGATIONS.has(w) && (knowing(words[i + 1]) || knowing(words[i + 2]))) ||
      // "Понятия не имею": the noun before its negation.
      (IDEA.has(w) && NEGATIONS.has(words[i + 1] ?? '')) ||
      // "түсіне алмай жүрмін", "біле алмадым": cannot understand, cannot find out.
      (KAZAKH_KNOWING.has(w) && CANNOT.test(words[i + 1] ?? '')),
  );
}

/** A verb of knowing said of oneself, not to the reader (ASKING_YOU); a function of the module, as it runs for many sentences. */
function knowing(word: string | undefined): boolean {
  return word !== undefined && KNOWING.test(word) && !ASKING_YOU.test(word);
}

const NEGATIONS: ReadonlySet<string> = new Set(['не', 'ne', 'без', 'bez', 'dont', 'doesnt', 'didnt', 'cant', 'cannot', 'not', 'no', 'never']);
/** Verbs of knowing, understanding and being sure (the nouns of "no idea" too), by their beginnings. */
const KNOWING = /^(?:зна[юеял]|понима|пойм|поня[тлв]|представля|уверен|разбер|разобра|znay|znae|ponima|know|knew|understand|sure|figure|idea|clue)/u;
/** "Понятия" (idea) of "понятия не имею", also typed in Latin letters. */
const IDEA: ReadonlySet<string> = new Set(['понятия', 'ponyatiya', 'ponyatia']);
/** The Kazakh verbs of knowing and understanding before "алмау" (cannot), as typed with and without the Kazakh letters. */
const KAZAKH_KNOWING: ReadonlySet<string> = new Set(inBothSpellings(['біле', 'түсіне']));
const CANNOT = /^алма/u;
/**
 * The same verbs said to the reader: "Не знаете, когда дадут свет", "Білмейсіз бе, ХҚКО қашан
 * ашылады" ask politely, as "Не подскажете" does.
 */
const ASKING_YOU = /^(?:знаете|знаешь|понимаете|понимаешь|представляете|представляешь|znaete|znaesh|білмейсі|билмейси)/u;
/** Said without a negation before them: "непонятно", "неизвестно", the Kazakh "білмеймін", "түсінбедім", "белгісіз". */
const NOT_KNOWN = /^(?:непонятн|неясн|неизвестн|unclear|білме|билме|түсінбе|тусинбе|түсініксіз|тусиниксиз|белгісіз|белгисиз)/u;

/**
 * Whether the question word `words[i]` asks something where it stands. A story's sentences have
 * question words that ask nothing: "не", Kazakh for "what", is Russian for "not" ("насос не
 * работает"); the particle of a Kazakh greeting ("Сәлеметсіз бе"); an English auxiliary past the
 * sentence's start ("the bank is open"); an indefinite or a conjunction (question-kinds.ts,
 * asksNothing: "где-то", "потому что", "написали что…").
 */
function asksWhereItStands(words: readonly string[], i: number, lang?: Lang): boolean {
  const word = words[i];
  const before = words[i - 1];
  if (i > 0 && LEADING_ONLY.has(word)) return false;
  if (word === 'не') return mayBeKazakh(lang);
  if (before !== undefined && GREETINGS_ASKING.has(before)) return false;
  return !asksNothing(words, i);
}

/** A word with a Kazakh question particle glued to it ("ашықпа"); a greeting's is none ("сәлеметсізбе"). */
function hasGluedParticle(word: string): boolean {
  return GLUED_PARTICLE.test(word) && !GREETINGS_ASKING.has(word.slice(0, -2));
}

/** Whether a message in `lang` may be Kazakh: it is, or its language is not known. */
export function mayBeKazakh(lang?: Lang): boolean {
  return lang === undefined || lang === 'kk';
}

/** Words as written and as typed without the Kazakh letters ("сәлеметсіз", "салеметсиз"). */
export function inBothSpellings(words: readonly string[]): string[] {
  return words.flatMap((w) => [w, foldKazakh(w)]);
}

/**
 * Kazakh greetings that ask after one's health, with the question particle after them ("Сәлеметсіз
 * бе", "Саламатсыз ба", also typed without the Kazakh letters): a greeting, not a question.
 */
const GREETINGS_ASKING: ReadonlySet<string> = new Set(
  inBothSpellings(['сәлеметсіз', 'сәлеметсіздер', 'саламатсыз', 'саламатсыздар', 'амансыз', 'амансыздар']),
);

/**
 * A word beyond question words, stop words and the words that only ask what to do with an answer:
 * "как быть?", "what can we do?", "куда обращаться?", "what documents do I need and where do I go?"
 * have none.
 */
export function namesSomething(words: readonly string[]): boolean {
  return words.some((w) => !QUESTION_WORDS.has(w) && !isStopword(w) && !isAskingWord(w));
}

/**
 * Pronouns that stand for something said before them ("it", "его", "оны"), in the object and
 * oblique forms a question uses for its subject; the subject forms ("they", "они", "олар") more
 * often name the authorities asked about ("will they fine me?"), and "this", "that", "бұл" a word
 * after them ("this month"), but for the last word of a question (CLOSING_REFERENCES: "how do I
 * fight this?").
 */
const BACK_REFERENCES: ReadonlySet<string> = new Set(
  `it them
   это этим этого этому его её ее их него неё нее них ним нему
   ego eto ikh
   оны оған одан онымен бұны мұны соны осыны оларды`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** English demonstratives that stand for what was said before them when they end the question. */
const CLOSING_REFERENCES: ReadonlySet<string> = new Set(['this', 'that']);

/** Whether a sentence names something by a pronoun that stands for what was said before it. */
export function refersBack(words: readonly string[]): boolean {
  return words.some((w) => BACK_REFERENCES.has(w)) || CLOSING_REFERENCES.has(words[words.length - 1]);
}
