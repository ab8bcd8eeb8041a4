/**
 * Long messages carry context ("Mum lives alone across town… can I drive to her after 23:00?"):
 * the question is usually one sentence among several. A message is split into sentences and
 * clauses (split.ts); when some of them read as a question, the others weigh less, so the narrative
 * neither drowns the question nor counts as words the FAQ cannot explain.
 */
import type { Lang } from '../../i18n/languages';
import { introducesWriter, withoutContactDetails } from './about-the-writer';
import { withoutAnnouncement, withoutClosingPlea } from './announcements';
import { inBothSpellings, namesSomething, refersBack } from './question-words';
import { sentencesOf, type Sentence } from './split';
import { afterTopicShift } from './topic-shift';

/** A part of a message and how much its words count (1 = the question itself). */
export interface Segment {
  readonly text: string;
  readonly weight: number;
  /**
   * It ends with a question mark, as another sentence of the message does: between such sentences
   * only the mark tells a question (several-questions.ts), so one with words of its own is asked,
   * not a remark the ranking may leave out (ranker.ts, sentenceReading).
   */
  readonly markedQuestion: boolean;
}

/**
 * How much a context sentence counts when the message also has a question sentence. The story
 * often names the subject ("the bins in our yard…", "my gas meter is ten years old…") while the
 * question only asks what to do: 0.4 left it too little to find the entry by. Anywhere from 0.6 to
 * 0.8 did better on both shared FAQs, their unseen messages and two FAQs written apart from them.
 */
export const CONTEXT_WEIGHT = 0.7;

/**
 * Splits a message into weighted segments. A message of one sentence is one segment of weight 1.
 * Of several: the question sentences weigh fully and the others as context (hasContext); when none
 * reads as a question, the first names the matter and the rest is what the resident adds about it
 * ("ямы на Кутузова. Живу одна, помочь некому.", "cant get into egov. I live alone and have no one
 * to ask."), which weighs as context too: at full weight its words no entry knows made the matter
 * look unexplained, and its words some entry knows ("помочь", "ask") outweighed it. An address
 * before the matter is not it, nor who writes ("Меня зовут Айгуль, мне 67 лет. квитанция жкх
 * непонятная", "Пишу от имени своей мамы. …"), which weighs as context: taken for the matter, its
 * name and age were words no entry knows, and the matter after it weighed less. What precedes a
 * turn to another question ("…, спасибо. Но вопрос другой: …", topic-shift.ts) is no part of it.
 */
export function segmentMessage(text: string, lang?: Lang): Segment[] {
  const sentences = withoutContactDetails(withoutClosingPlea(sentencesOf(withoutAnnouncement(afterTopicShift(text), lang), lang), lang));
  const marked = sentences.filter((s) => s.end.includes('?')).length > 1;
  if (hasContext(sentences)) return sentences.map((s) => segmentOf(s, s.question ? 1 : CONTEXT_WEIGHT, marked));
  if (sentences.length < 2 || sentences.some((s) => s.question)) return sentences.map((s) => segmentOf(s, 1, marked));
  // The matter is the first statement that is neither an address ("Уважаемый аким!", "Добрый день,
  // уважаемые сотрудники!", "Dear staff,") nor who writes ("Меня зовут Айгуль, мне 67 лет.",
  // "Пишу от имени своей мамы.").
  let matter = 0;
  while (matter < sentences.length - 1 && (addresses(sentences[matter].words) || introducesWriter(sentences[matter].words))) matter += 1;
  // Who writes, before the matter, weighs as context: its words (a name, an age) are no entry's.
  return sentences.map((s, i) => segmentOf(s, i > matter || (i < matter && introducesWriter(s.words)) ? CONTEXT_WEIGHT : 1, marked));
}

/** A sentence as a segment; `marked`: more than one sentence of the message ends with a question mark. */
function segmentOf(s: Sentence, weight: number, marked: boolean): Segment {
  return { text: s.text, weight, markedQuestion: marked && s.end.includes('?') };
}

/**
 * The question sentences of a message without its context ("…the lift has stood since Monday.
 * How long must we wait?" → "How long must we wait?") or what precedes a turn to another question
 * (topic-shift.ts), without an opening that only announces it
 * and a closing that only asks for help (announcements.ts), without the writer's address or phone
 * number said on its own (about-the-writer.ts: no wording to teach, and personal data an editor
 * need not see), or the whole message when it has none of them to drop. Offered to editors as the words to learn from a resident's message: a story
 * taught as a question makes the bot trust the next story too much. `lang` is the message's
 * language, when known, read as matching reads it: an opening typed in Latin letters is Russian
 * only in a Russian message, a lone particle ends a question only in a Kazakh one.
 */
export function questionPart(message: string, lang?: Lang): string {
  const text = withoutAnnouncement(afterTopicShift(message.trim()), lang);
  const read = sentencesOf(text, lang);
  // One sentence has no context to drop.
  if (read.length < 2) return text;
  const sentences = withoutContactDetails(withoutClosingPlea(read, lang));
  const told = (kept: readonly Sentence[]) => kept.map((s) => s.text + s.end).join(' ');
  if (hasContext(sentences)) return told(sentences.filter((s) => s.question));
  return sentences.length === read.length ? text : told(sentences);
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

/** Whether a sentence opens with an address to the reader ("Уважаемый аким!", "Dear staff,"). */
function addresses(words: readonly string[]): boolean {
  return words.slice(0, ADDRESS_REACH).some((w) => ADDRESSING.has(w));
}

/** An address opens with these within its first words ("уважаемые сотрудники", "Здравствуйте, уважаемые…", "құрметті әкім"). */
const ADDRESS_REACH = 3;
/** The words that open an address to the reader rather than the matter. */
const ADDRESSING: ReadonlySet<string> = new Set(
  inBothSpellings(['уважаемый', 'уважаемая', 'уважаемые', 'дорогой', 'дорогая', 'дорогие', 'құрметті', 'қадірлі', 'dear']),
);
