/**
 * The words a resident wraps a question in that only announce it or plead for an answer: an
 * opening ("Хотелось бы понять, …", "Түсіндіріп беріңізші, …", "Wondering if you can help: …") and
 * closing sentences ("… Помогите, пожалуйста.", "… Please explain."). Left in, they are the
 * question's words: some entry knows "help" or "узнать", and the rest are words no entry knows,
 * which make the message look out of scope.
 */
import type { Lang } from '../../i18n/languages';
import { foldKazakh, scriptOf, tokenize } from '../normalize';
import { isStopword } from '../stopwords';
import { russianReadings } from '../translit';
import { KAZAKH_PARTICLES, LEADING_ONLY, namesSomething, QUESTION_WORDS } from './question-words';
import type { Sentence } from './split';

/**
 * The message without its opening words when they only announce the question: words of asking,
 * telling, knowing, finding out, explaining and helping, a want or a hope, "a question", "a
 * moment", and stop words, up to a comma, a colon, a question mark or a dash, with the question
 * after them. Such words vary too much for the lead-in phrases of the locales to list them all. An
 * opening with a question word is the question's own ("Как узнать, к какой поликлинике я
 * прикреплён?"), and one followed by no subject stays ("Подскажите, пожалуйста, куда обращаться?").
 */
export function withoutAnnouncement(text: string, lang?: Lang): string {
  let rest = text;
  for (let opening = ANNOUNCEMENT_BREAK.exec(rest); opening; opening = ANNOUNCEMENT_BREAK.exec(rest)) {
    const words = tokenize(opening[1]);
    const after = rest.slice(opening[0].length);
    if (words.length === 0 || words.length > MAX_ANNOUNCEMENT_WORDS || !words.every((word) => announces(word, lang)) || !namesSomething(tokenize(after))) break;
    rest = after;
  }
  return rest;
}

/**
 * The sentences without those at the end that only ask for help or an answer ("… Помогите,
 * пожалуйста.", "… Хочу понять.", "… Түсіндіріп беріңізші.", "… Please explain."): the words of
 * announcing said after the question instead of before it. Only while something named is left.
 */
export function withoutClosingPlea(sentences: Sentence[], lang?: Lang): Sentence[] {
  let end = sentences.length;
  while (end > 1 && pleads(sentences[end - 1], lang) && sentences.slice(0, end - 1).some((s) => namesSomething(s.words))) end -= 1;
  return end === sentences.length ? sentences : sentences.slice(0, end);
}

/** Whether a sentence only asks for help or an answer (a function of the module: every message asks, ARCHITECTURE.md, "Hot paths"). */
function pleads(sentence: Sentence, lang?: Lang): boolean {
  return sentence.words.every((word) => announces(word, lang));
}

/** Text up to the first comma, colon (not between digits), question mark, other sentence end, or dash between spaces. */
const ANNOUNCEMENT_BREAK = /^([^,:?!.;…\n]*?)(?:[,?!.;…\n]+|:(?!\d)|\s[-–—]\s)\s*/u;
const MAX_ANNOUNCEMENT_WORDS = 6;

/**
 * Whether a word of an opening may only announce a question: a stop word or ANNOUNCING, not a
 * question word; in a Russian message, a word in Latin letters also as the Russian it may be typed
 * for ("Podskazhite pozhaluysta,", "Khotela by uznat,"), not in an English one ("Hotels, …").
 */
function announces(word: string, lang?: Lang): boolean {
  if (QUESTION_WORDS.has(word) && !LEADING_ONLY.has(word) && !ANNOUNCING_QUESTION_WORDS.has(word)) return false;
  if (announcesAsWritten(foldKazakh(word))) return true;
  return lang === 'ru' && scriptOf(word) === 'latin' && russianReadings(word).some(announcesAsWritten);
}

function announcesAsWritten(word: string): boolean {
  return isStopword(word) || ANNOUNCING_WORDS.has(word) || ANNOUNCING_STARTS.test(word);
}

/**
 * Question words an announcement has: "можно спросить?", "сұрайын ба?", and the Russian "не" of a
 * polite request ("Не подскажете, …"), which QUESTION_WORDS has as Kazakh for "what".
 */
const ANNOUNCING_QUESTION_WORDS = new Set(['можно', 'ли', 'не', ...KAZAKH_PARTICLES]);

/**
 * The verbs of asking, telling, knowing, finding out, explaining, helping and advising, of wanting
 * and hoping, of answering and waiting for an answer, urgency, and the nouns a question is announced with, in Russian and Kazakh (as typed without
 * the Kazakh letters) by their stems' beginnings. General vocabulary of how people ask, not any
 * FAQ's.
 */
const ANNOUNCING_STARTS = new RegExp(
  '^(?:' +
    [
      // Russian: понять, узнать, спросить, уточнить, подсказать, объяснить, разобраться,
      // сориентировать, интересует, помогите, скажите, слушайте, хотелось, знаете, посоветуйте.
      'поня', 'поним', 'узна', 'спрос', 'спраш', 'уточн', 'подска', 'объ?ясн', 'разъ?ясн', 'разобра',
      'сориент', 'интерес', 'помо[гчщ]', 'скаж', 'сказа', 'слуша', 'хоте', 'хоч', 'зна[ею]', 'знать',
      'посовет', 'подел', 'информ',
      // Asking for an answer, and soon: ответьте, жду ответа, срочно.
      'ответ', 'жду', 'ждем', 'ждём', 'срочн',
      // Kazakh: түсіндіру, сұрау, айту, білу, көмектесу, кеңес, ақпарат, тыңдау, қызық; and the
      // auxiliaries they go with: беріңізші, жіберіңізші, деп едім, келіп еді.
      'тусиндир', 'сура', 'айт', 'билг', 'билей', 'билу', 'билмей', 'комек', 'кенес', 'акпарат',
      'тында', 'кызык', 'берин', 'берип', 'жиберин', 'жиберип',
      // жауап беріңіз, жауап күтемін, тезірек, шұғыл.
      'жауап', 'кутемин', 'кутемиз', 'тезирек', 'шугыл',
    ].join('|') +
    ')',
  'u',
);

/**
 * Whole words of the same kinds: the English ones, the Russian and Kazakh nouns of "a question", "a
 * moment", "a matter", and the Kazakh auxiliaries of "сұрайын деп едім", "білгім келіп еді".
 */
const ANNOUNCING_WORDS: ReadonlySet<string> = new Set(
  `wonder wondering wondered help tell know ask asking explain check checking question questions quick
   info information curious clarify understand advice advise need want wanted like hope hoping try
   trying find out got let something thing one another sure
   answer reply respond waiting wait urgent urgently asap soon quickly
   вопрос вопросик момент дело ситуация тема
   мәселе деп еді едім келеді келіп болып тұр`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(foldKazakh),
);
