/**
 * Long messages carry context ("Mum lives alone across town… can I drive to her after 23:00?"):
 * the question is usually one sentence among several. A message is split into sentences and
 * clauses; when some of them read as a question, the others weigh less, so the narrative neither
 * drowns the question nor counts as words the FAQ cannot explain.
 */
import type { Lang } from '../i18n/languages';
import { foldKazakh, scriptOf, tokenize } from './normalize';
import { russianReadings } from './translit';
import { asksNothing, isAskingWord } from './question-kinds';
import { isStopword } from './stopwords';

/** A part of a message and how much its words count (1 = the question itself). */
export interface Segment {
  readonly text: string;
  readonly weight: number;
}

/**
 * How much a context sentence counts when the message also has a question sentence. The story
 * often names the subject ("the bins in our yard…", "my gas meter is ten years old…") while the
 * question only asks what to do: 0.4 left it too little to find the entry by. Anywhere from 0.6 to
 * 0.8 did better on both shared FAQs, their unseen messages and two FAQs written apart from them.
 */
export const CONTEXT_WEIGHT = 0.7;

/**
 * Words that make a sentence a question in Russian (also typed in Latin letters), Kazakh (also
 * without its letters) and English. General grammar, not any FAQ's vocabulary. What kind of answer
 * they ask for is question-kinds.ts's business. A need ("надо", "нужно", "керек") is none: a story
 * says what someone was told to do ("врач сказал, надо оформлять группу", "жазу керек дейді") as
 * often as a question asks it, and one that asks has a question word or a particle beside it.
 */
const QUESTION_WORDS = new Set(
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
const LEADING_ONLY = new Set(['can', 'could', 'should', 'would', 'will', 'is', 'are', 'do', 'does', 'did', 'may']);

/** The Kazakh question particles (standing alone, glued to the word before, or in an announcement). */
const KAZAKH_PARTICLES = ['ма', 'ме', 'ба', 'бе', 'па', 'пе'];

/** Kazakh question particles are often glued to the word before them ("барма", "ашықпа"). */
const GLUED_PARTICLE = new RegExp(`^[а-яәғқңөұүһі]{3,}(?:${KAZAKH_PARTICLES.join('|')})$`);

/** Whether a sentence (its words, as tokenize reads them) asks something. */
function readsAsQuestion(words: readonly string[], endsWithQuestionMark: boolean, lang?: Lang): boolean {
  if (endsWithQuestionMark) return true;
  return words.some(
    (w, i) => (QUESTION_WORDS.has(w) && asksWhereItStands(words, i, lang)) || (i === words.length - 1 && mayBeKazakh(lang) && hasGluedParticle(w)),
  );
}

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
function mayBeKazakh(lang?: Lang): boolean {
  return lang === undefined || lang === 'kk';
}

/** Words as written and as typed without the Kazakh letters ("сәлеметсіз", "салеметсиз"). */
function inBothSpellings(words: readonly string[]): string[] {
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
 * The full stop of an abbreviation in an address or a date ("ул. Абая", "д. 5, кв. 12", "2022 г.",
 * "мкр. Самал", "St. Mary"), which ends no sentence: stood in for by HELD_DOT while the text is
 * split, and given back in the sentences' text (an editor reads "ул. Абая", not "ул Абая").
 */
const ABBREVIATION_DOT = /(?<=^|[\s(,])(ул|г|гг|д|кв|пр|просп|пер|мкр|мкрн|обл|р-н|им|тел|көш|st|ave|apt)\.(?=\s|$)/giu;
/** A character no resident types, which SPLIT does not split at and tokenize reads as a space. */
const HELD_DOT = '\u2024';
const HELD_DOTS = /\u2024/g;

/**
 * Sentence ends and clause breaks that start a new thought: a colon ("Подскажите такой момент: …")
 * and a dash between spaces too; a point or a colon between digits is none ("38.7", "8.30", "23:00").
 */
const SPLIT = /((?:[!?…;\n]|(?<!\d)\.|\.(?!\d))+|:(?!\d)|\s[-–—]\s|,\s*(?:но|а|однако|хотя|бірақ|алайда|but|though)\s)/;
/**
 * A Kazakh question particle standing alone with more words after it ("бола ма Соңғы кезде…"): the
 * question ends there, typed without its question mark.
 */
const PARTICLE_INSIDE = new RegExp(`(^|\\s)(${KAZAKH_PARTICLES.join('|')})\\s+(?=[^\\s,.!?…;:])`, 'giu');
/**
 * A capitalised function word or question word after a word in lower case, with no punctuation
 * between ("…диск погнул Она там уже полгода", "…сымдарға жақын Кім кесіп береді"): a sentence
 * typed without its full stop. A name is capitalised too, but is no function word. Not the
 * English "I", capitalised anywhere, nor the auxiliaries, which are also names and months ("Will",
 * "May"): "…it was 35 degrees outside An elderly lady nearly fainted" starts one, "…open in May"
 * does not.
 */
const CAPITAL_START = /(^|\s)([\p{Ll}\d-]*\p{Ll})\s+(\p{Lu}\p{Ll}*)(?=[\s,]|$)/gu;
/**
 * An emoji (with its skin tone and joined parts) and a capitalised word after it: the emoji stands
 * for the full stop ("Добрый день 😔 На Ломова яма 🙏 Она там уже полгода"). Before a word in lower
 * case it is only a feeling inside the sentence ("ямы 😢 на Кутузова").
 */
const EMOJI_THEN_CAPITAL = /(\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)*)\s+(\p{Lu}\p{Ll}*)(?=[\s,]|$)/gu;

function emojiEnds(whole: string, emoji: string, word: string): string {
  return POLITE_YOU.has(word.toLowerCase()) ? whole : `${emoji}\n${word}`;
}

/**
 * The closing brackets of a smile typed after a word ("Добрый день)) На Ломова яма",
 * "машину не выгнать) кто должен чистить"), as Russian and Kazakh chats end a sentence; only in a
 * text with no opening bracket, where one may close a remark "(…)".
 */
const SMILE_END = /(?<=\p{L})\)+(?=\s|$)/gu;

/** A capital letter inside the text: most messages have none, and need no closer look. */
const INNER_CAPITAL = /\s\p{Lu}/u;

/**
 * The text with the sentence ends that chat typing leaves unmarked made full stops, line breaks or
 * question marks: a smile's brackets (SMILE_END), a capitalised function word (CAPITAL_START), an
 * emoji before a capital (EMOJI_THEN_CAPITAL), a lone Kazakh particle (PARTICLE_INSIDE).
 */
function withUnmarkedEnds(typed: string, lang?: Lang): string {
  const text = typed.includes(')') && !typed.includes('(') ? typed.replace(SMILE_END, '.') : typed;
  const capitals = INNER_CAPITAL.test(text) ? text.replace(CAPITAL_START, startsSentence).replace(EMOJI_THEN_CAPITAL, emojiEnds) : text;
  return mayBeKazakh(lang) ? capitals.replace(PARTICLE_INSIDE, '$1$2? ') : capitals;
}

/**
 * The polite "you" of Russian and Kazakh, capitalised inside a sentence out of respect ("хочу
 * спросить у Вас", "Сізге қалай жүгінуге болады"): no sentence starts there.
 */
const POLITE_YOU: ReadonlySet<string> = new Set(
  inBothSpellings(
    `вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим вашими ваших вашу
     сіз сізге сізді сіздің сізден сізбен сізде сіздер сіздерге сіздерді сіздердің`
      .split(/\s+/)
      .filter((w) => w.length > 0),
  ),
);

function startsSentence(whole: string, space: string, before: string, word: string): string {
  const lower = word.toLowerCase();
  if (POLITE_YOU.has(lower)) return whole;
  const mayStart = scriptOf(word) === 'cyrillic' || (lower !== 'i' && !LEADING_ONLY.has(lower));
  return mayStart && (isStopword(lower) || QUESTION_WORDS.has(lower)) ? `${space}${before}\n${word}` : whole;
}

/** Sentence ends (and spaces) at the very end of a text. */
const TRAILING_ENDS = /[.!?…;\s]+$/;

interface Sentence {
  text: string;
  /** Its words, as tokenize reads them: read once, for every question asked of the sentence. */
  words: readonly string[];
  /** The punctuation that ended it ("?", "!", "."), if any. */
  end: string;
  question: boolean;
}

function sentencesOf(text: string, lang?: Lang): Sentence[] {
  const parts = withUnmarkedEnds(text.replace(ABBREVIATION_DOT, `$1${HELD_DOT}`), lang).split(SPLIT);
  const sentences: Sentence[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const body = parts[i];
    const delimiter = parts[i + 1] ?? '';
    const words = tokenize(body);
    if (words.length === 0) continue;
    const end = /^[.!?…]+/.exec(delimiter)?.[0] ?? '';
    sentences.push({ text: body.trim().replace(HELD_DOTS, '.'), words, end, question: readsAsQuestion(words, delimiter.includes('?'), lang) });
  }
  return sentences;
}

/**
 * Whether the question sentences stand out from context sentences (otherwise all weigh the same).
 * Question sentences that name nothing ("…the lift has stood since Monday. What can we do?") or
 * name their subject by a pronoun ("…someone told me the state pays poor families. How does it
 * work?", "…Как его оспорить?") leave the subject to the story, which then counts in full.
 */
function hasContext(sentences: readonly Sentence[]): boolean {
  return (
    sentences.length > 1 &&
    sentences.some((s) => s.question && namesSomething(s.words) && !refersBack(s.words)) &&
    !sentences.every((s) => s.question)
  );
}

/**
 * Pronouns that stand for something said before them ("it", "его", "оны"), in the object and
 * oblique forms a question uses for its subject; the subject forms ("they", "они", "олар") more
 * often name the authorities asked about ("will they fine me?"), and "this", "that", "бұл" a word
 * after them ("this month"), but for the last word of a question (CLOSING_REFERENCES: "how do I
 * fight this?"). Grammar of the three languages, not any FAQ's words.
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
function refersBack(words: readonly string[]): boolean {
  return words.some((w) => BACK_REFERENCES.has(w)) || CLOSING_REFERENCES.has(words[words.length - 1]);
}

/**
 * A word beyond question words, stop words and the words that only ask what to do with an answer:
 * "как быть?", "what can we do?", "куда обращаться?", "what documents do I need and where do I go?"
 * have none.
 */
function namesSomething(words: readonly string[]): boolean {
  return words.some((w) => !QUESTION_WORDS.has(w) && !isStopword(w) && !isAskingWord(w));
}

/**
 * Splits a message into weighted segments. A message of one sentence is one segment of weight 1.
 * Of several: the question sentences weigh fully and the others as context (hasContext); when none
 * reads as a question, the first names the matter and the rest is what the resident adds about it
 * ("ямы на Кутузова. Живу одна, помочь некому.", "cant get into egov. I live alone and have no one
 * to ask."), which weighs as context too: at full weight its words no entry knows made the matter
 * look unexplained, and its words some entry knows ("помочь", "ask") outweighed it.
 */
export function segmentMessage(text: string, lang?: Lang): Segment[] {
  const sentences = withoutClosingPlea(sentencesOf(withoutAnnouncement(text, lang), lang), lang);
  if (hasContext(sentences)) return sentences.map((s) => ({ text: s.text, weight: s.question ? 1 : CONTEXT_WEIGHT }));
  if (sentences.length < 2 || sentences.some((s) => s.question)) return sentences.map((s) => ({ text: s.text, weight: 1 }));
  // The matter is the first statement that is not an address ("Уважаемый аким!", "Добрый день,
  // уважаемые сотрудники!", "Dear staff,").
  let matter = 0;
  while (matter < sentences.length - 1 && sentences[matter].words.slice(0, ADDRESS_REACH).some((w) => ADDRESSING.has(w))) matter += 1;
  return sentences.map((s, i) => ({ text: s.text, weight: i > matter ? CONTEXT_WEIGHT : 1 }));
}

/**
 * The sentences without those at the end that only ask for help or an answer ("… Помогите,
 * пожалуйста.", "… Хочу понять.", "… Түсіндіріп беріңізші.", "… Please explain."): the words of
 * announcing (see withoutAnnouncement) said after the question instead of before it. Left in, some
 * entry knows "help" or "помощь" and drew the message towards it. Only while something named is left.
 */
function withoutClosingPlea(sentences: Sentence[], lang?: Lang): Sentence[] {
  const pleads = (s: Sentence) => s.words.every((word) => announces(word, lang));
  let end = sentences.length;
  while (end > 1 && pleads(sentences[end - 1]) && sentences.slice(0, end - 1).some((s) => namesSomething(s.words))) end -= 1;
  return end === sentences.length ? sentences : sentences.slice(0, end);
}

/**
 * The message without its opening words when they only announce the question ("Хотелось бы понять,
 * ямы на Кутузова", "Түсіндіріп беріңізші, …", "Wondering if you can help: …"): words of asking,
 * telling, knowing, finding out, explaining and helping, a want or a hope, "a question", "a
 * moment", and stop words, up to a comma, a colon, a question mark or a dash, with the question
 * after them. Such words vary too much for the lead-in phrases of the locales to list them all, and
 * left in they are the question's words: some entry knows "help" or "узнать", and the rest are
 * words no entry knows, which make the message look out of scope. An opening with a question word
 * is the question's own ("Как узнать, к какой поликлинике я прикреплён?"), and one followed by no
 * subject stays ("Подскажите, пожалуйста, куда обращаться?").
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
 * and hoping, and the nouns a question is announced with, in Russian and Kazakh (as typed without
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
      // Kazakh: түсіндіру, сұрау, айту, білу, көмектесу, кеңес, ақпарат, тыңдау, қызық; and the
      // auxiliaries they go with: беріңізші, жіберіңізші, деп едім, келіп еді.
      'тусиндир', 'сура', 'айт', 'билг', 'билей', 'билу', 'билмей', 'комек', 'кенес', 'акпарат',
      'тында', 'кызык', 'берин', 'берип', 'жиберин', 'жиберип',
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
   вопрос вопросик момент дело ситуация тема
   мәселе деп еді едім келеді келіп болып тұр`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(foldKazakh),
);

/** An address opens with these within its first words ("уважаемые сотрудники", "Здравствуйте, уважаемые…", "құрметті әкім"). */
const ADDRESS_REACH = 3;
/** The words that open an address to the reader rather than the matter. */
const ADDRESSING: ReadonlySet<string> = new Set(
  inBothSpellings(['уважаемый', 'уважаемая', 'уважаемые', 'дорогой', 'дорогая', 'дорогие', 'құрметті', 'қадірлі', 'dear']),
);

/**
 * The questions of a message that asks several, when there are at least two: its numbered items
 * ("1) когда комендантский час 2) работают ли банки"), its lines that each ask something
 * (questionLines), or its sentences that end with a question mark ("Когда начинается комендантский
 * час? И работают ли банки?"), one that names nothing or names it by a pronoun with the sentences
 * told before it ("Лифт стоит с понедельника. Куда звонить?"); otherwise none: a message of one
 * question is answered as a whole.
 * Between sentences only the mark makes one a question: a clause with "не" or "можно" in it is
 * often the story, not a second question.
 */
export function questionSentences(text: string): string[] {
  const items = numberedItems(text);
  if (items.length >= 2) return items;
  const lines = questionLines(text);
  if (lines.length >= 2) return lines;
  // Most messages have at most one mark: nothing to split.
  if (text.indexOf('?') === text.lastIndexOf('?')) return [];
  const questions: string[] = [];
  // The sentences since the last question: what a question that names nothing asks about.
  let story: string[] = [];
  for (const sentence of sentencesOf(text)) {
    const said = sentence.text + sentence.end;
    if (!sentence.end.includes('?')) {
      story.push(said);
      continue;
    }
    // "…не вывозят мусор, контейнеры переполнены. Куда жаловаться? И кто убирает снег?": alone,
    // "Куда жаловаться?" asks nothing the FAQ could answer, and the rubbish went unanswered.
    const leansOnStory = !namesSomething(sentence.words) || refersBack(sentence.words);
    questions.push(leansOnStory && story.length > 0 ? [...story, said].join(' ') : said);
    story = [];
  }
  return questions.length < 2 ? [] : questions;
}

/** A list's bullet at the start of a line. */
const BULLET = /^[\s\-–—•*·]+/;

/**
 * The lines of a message that each read as a question and name something, when there are at least
 * two: chats put each question on a line of its own, often without a mark ("когда комендантский
 * час⏎работают ли банки"). A greeting's or a story's line is not one of them.
 */
function questionLines(text: string): string[] {
  if (!text.includes('\n')) return [];
  return text
    .split(/\n+/)
    .map((line) => line.replace(BULLET, '').trim())
    .filter((line) => {
      const words = tokenize(line);
      return readsAsQuestion(words, line.endsWith('?')) && namesSomething(words);
    });
}

/** An item's number at the start or after a space: "1)", or "1." before a space ("1.5" is a number). */
const ITEM_NUMBER = /(?:^|\s)(\d{1,2})(?:\)\s*|\.\s+)/g;
const HAS_ITEM_NUMBER = /(?:^|\s)\d{1,2}(?:\)|\.\s)/;

/**
 * The items of a numbered list in a message ("У меня два вопроса: 1) … 2) …", "1. … 2. …"), what
 * comes before the first being its preamble; none unless the numbers run 1, 2, 3… in order, as a
 * date ("до 20. января"), a time or an address never does.
 */
function numberedItems(text: string): string[] {
  if (!HAS_ITEM_NUMBER.test(text)) return [];
  const marks = [...text.matchAll(ITEM_NUMBER)];
  if (marks.length < 2 || !marks.every((m, i) => Number(m[1]) === i + 1)) return [];
  return marks
    .map((m, i) => text.slice((m.index ?? 0) + m[0].length, marks[i + 1]?.index ?? text.length).trim())
    .filter((item) => tokenize(item).length > 0);
}

/** A word that joins two questions, or two things asked about, in one sentence. */
const JOINING = /\s*,?\s+(?:и|а также|а ещё|а еще|және|әрі|мен|бен|пен|and|and also)\s+/iu;
/** More joined parts than this is a list ("хлеб, молоко и яйца"), not questions. */
const MAX_JOINED = 3;
/**
 * Two things asked about in one question are taken one by one only in a message this short, and
 * when one side of the joining word is at most SHARING_SIDE words: the thing and perhaps the
 * question word ("банки и аптеки работают?"), not two clauses.
 */
const MAX_SHARING_WORDS = 12;
const SHARING_SIDE = 2;

/**
 * The questions of a one-sentence message joined by "и", "және", "мен" or "and":
 * - parts that each ask on their own ("когда начинается комендантский час и работают ли банки"):
 *   a question word that asks where it stands in `lang` (a Russian "не" is a denial) and more
 *   than one word;
 * - or, in a short question about two things (one side of the joining word a word or two), each
 *   thing with the rest of the question: the word before the joining word and the word after it
 *   take turns ("работают ли банки и почта" → "работают ли банки", "работают ли почта"; "банки и
 *   аптеки работают?", "are banks and pharmacies open"). The matcher reads words, not grammar.
 * Otherwise none. Whether the parts are separate questions is the caller's to judge: "где
 * заплатить за свет и воду" gives two that the same entry answers.
 */
export function joinedQuestions(text: string, lang: Lang): string[] {
  // Most messages join nothing: a quick test before the sentences are read.
  if (text.indexOf('?') !== text.lastIndexOf('?') || !JOINING.test(text)) return [];
  const sentences = sentencesOf(text, lang);
  if (sentences.length !== 1) return [];
  const [sentence] = sentences;
  const parts = sentence.text.split(JOINING).map((part) => part.trim()).filter((part) => tokenize(part).length > 0);
  if (parts.length < 2 || parts.length > MAX_JOINED) return [];
  const asks = (part: string) => {
    const words = tokenize(part);
    return words.length >= 2 && readsAsQuestion(words, false, lang);
  };
  if (parts.every(asks)) return parts;
  if (parts.length !== 2 || !(sentence.end.includes('?') || asks(sentence.text))) return [];
  const [left, right] = parts.map((part) => part.split(/\s+/));
  if (left.length + right.length > MAX_SHARING_WORDS || Math.min(left.length, right.length) > SHARING_SIDE) return [];
  return [[...left, ...right.slice(1)].join(' '), [...left.slice(0, -1), ...right].join(' ')];
}

/**
 * The question sentences of a message without its context ("…the lift has stood since Monday.
 * How long must we wait?" → "How long must we wait?"), without an opening that only announces it
 * (withoutAnnouncement) and a closing that only asks for help (withoutClosingPlea), or the whole
 * message when it has none of them to drop. Offered to editors as the words to learn from a
 * resident's message: a story taught as a question makes the bot trust the next story too much.
 * `lang` is the message's language, when known, read as matching reads it: an opening typed in
 * Latin letters is Russian only in a Russian message (see announces), a lone particle ends a
 * question only in a Kazakh one (PARTICLE_INSIDE).
 */
export function questionPart(message: string, lang?: Lang): string {
  const text = withoutAnnouncement(message.trim(), lang);
  // One sentence (nothing splits it before its end) has no context to drop: the common case, cheaply.
  if (!SPLIT.test(withUnmarkedEnds(text, lang).replace(TRAILING_ENDS, ''))) return text;
  const read = sentencesOf(text, lang);
  const sentences = withoutClosingPlea(read, lang);
  const told = (kept: readonly Sentence[]) => kept.map((s) => s.text + s.end).join(' ');
  if (hasContext(sentences)) return told(sentences.filter((s) => s.question));
  return sentences.length === read.length ? text : told(sentences);
}
