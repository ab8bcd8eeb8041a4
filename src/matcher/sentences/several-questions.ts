/**
 * A message that asks several questions at once, taken apart so each gets its own answer: numbered
 * items, lines that each ask something, sentences that each end with a question mark, and two
 * questions joined by "и", "және" or "and" in one sentence.
 */
import type { Lang } from '../../i18n/languages';
import { tokenize } from '../normalize';
import { namesSomething, readsAsQuestion, refersBack } from './question-words';
import { sentencesOf } from './split';

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
