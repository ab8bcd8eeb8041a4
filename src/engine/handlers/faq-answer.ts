/**
 * Answering from the FAQ: a question goes to the live catalog's matcher and the confidence bands
 * decide — answer (then "did this help?"), suggest up to three entries ("did you mean…"), or pass
 * the question on as unanswered (the escalation handler opens a ticket), with the entries that may
 * answer it after all when the matcher has any. A question that names nothing ("где?", "how?") is
 * asked what it is about, with the topics. Picking a suggested or listed entry answers it. A message
 * of several questions ("Когда комендантский час? И работают ли банки?", or one sentence with them
 * joined by "и": "когда начинается комендантский час и работают ли банки", "банки и почта
 * работают?") gets the answer of each one the FAQ answers outright on its own, when there are two,
 * or one besides the whole's answer. A few words soon after an answer are read in its light when
 * they could mean several entries (follow-up.ts), in a message of their own or after a question of
 * the same message ("Is the post office open tomorrow? And the banks?").
 */
import { answerText } from '../../faq/entry-text';
import type { FaqCatalog } from '../../faq/catalog';
import type { Conversation } from '../../store/types';
import { isLive, type FaqEntryInput } from '../../faq/types';
import type { Translator } from '../../i18n';
import type { Lang } from '../../i18n/languages';
import { decide, worthOffering } from '../../matcher';
import { segmentMessage } from '../../matcher/sentences/segments';
import { joinedQuestions, questionSentences } from '../../matcher/sentences/several-questions';
import type { Decision, MatchResult, Thresholds } from '../../matcher/types';
import { CHOICE } from '../choices';
import type { LearningPort } from '../ports';
import type { Handler, Turn } from '../turn';
import type { Reply } from '../types';
import { entriesOf, entryChoices } from './entry-choices';
import { answersPastContext, askedLikeBefore, entryAskedAbout, followUpEntry, followUpQuestion, goesOnFromLastQuestion, offeredEntryMeant, stillAboutAnswer } from './follow-up';
import { menuReply } from './menu';

export interface FaqAnswerOptions {
  catalog: FaqCatalog;
  thresholds: Thresholds;
  translator: Translator;
  /** Told which entry a resident picked from "did you mean" for their question. */
  learning?: LearningPort;
}

/**
 * True when the entry was offered for the resident's last question: "did you mean" (entries and the
 * operator), or the entries offered with a hand-off (the only entries offered while an operator has
 * the conversation); not a topic list.
 */
function offeredForQuestion(conv: Conversation, id: string): boolean {
  const { offered } = conv;
  return offered.some((c) => c.id === CHOICE.faq(id)) && (conv.mode === 'operator' || offered.some((c) => c.id === CHOICE.operator));
}

export function faqAnswerHandler(options: FaqAnswerOptions): Handler {
  const { catalog, translator: tr, learning } = options;
  return async (turn, next) => {
    // The FAQ is asked the question without its courtesy; the resident's whole text goes on.
    const { choice, choiceId, command, kind, text, question: asked } = turn.input;
    const conv = turn.conversation;
    if (choice?.kind === 'faq') {
      const entry = catalog.get(choice.id);
      // An entry deleted or expired since it was offered: a stale choice.
      if (!entry || !isLive(entry, turn.now)) return next();
      if (conv.lastQuestion && offeredForQuestion(conv, entry.id)) {
        await learning?.note({ entryId: entry.id, lang: turn.lang, text: conv.lastQuestion, source: 'picked' });
      } else {
        // Browsing the topics: the last question is not what this answer answers.
        conv.lastQuestion = undefined;
      }
      return answer(turn, tr, [entry], 1);
    }
    if (choiceId || command || kind !== 'question') return next();

    const lang = turn.lang;
    const read = decideInContext(options, asked, turn);
    const { decision } = read;
    const earlier = conv.lastQuestion;
    if (decision.kind === 'clarify') {
      // "А где?" soon after an answer asks about that answer: it is given again ("did this help?"
      // then leads to an operator). Alone, it is asked what it is about.
      const again = followUpOf(read, options, asked, turn, earlier);
      if (again) return answerFollowUp(turn, tr, again, earlier);
      // Nothing to hand over either: an operator would have to ask the same.
      turn.conversation.lastQuestion = undefined;
      return turn.answer({ kind: 'clarify' }, menuReply(turn, { catalog, translator: tr }, 'input.noSubject'));
    }
    turn.conversation.lastQuestion = text;
    // Several questions, each answered outright on its own: all of them, in the order asked (as a
    // whole, "When does the curfew start? Are banks open?" may look like neither).
    const each = answeredEach(turn, options);
    // A question of the message the FAQ knows no word of has no part to answer or offer, so partLeft
    // cannot see it: the whole's doubt tells it, and it is said after answers or before choices.
    const unknownPartLeft = read.doubt === 'unknown-question';
    if (each.entries.length >= 2) {
      // "Did this help?" is about the first answer: its question is the first part, not the rest,
      // for the operator if it did not help and for the variants learnt if it did.
      turn.conversation.lastQuestion = each.parts[0];
      return answer(turn, tr, each.entries, each.score, partLeft(each, each.entries) || unknownPartLeft);
    }
    const entry = decision.kind === 'answer' ? catalog.get(decision.id) : undefined;
    if (decision.kind === 'answer' && entry) {
      // The whole answered by one entry and another question by a second: both, in the order asked,
      // "did this help?" about the first one's part (the whole message when it is the whole's entry).
      const entries = inOrderAsked(entry, each);
      if (entries.length > 1) turn.conversation.lastQuestion = each.parts[each.entries.findIndex((e) => e.id === entries[0].id)] ?? text;
      return answer(turn, tr, entries, decision.score, partLeft(each, entries));
    }
    // A few words soon after an answer, which alone could mean several entries: the one the answer
    // points to, when only one does ("and the fine?" after the curfew hours).
    const context = followUpOf(read, options, asked, turn, earlier);
    if (context) return answerFollowUp(turn, tr, context, earlier);
    if (decision.kind === 'suggest') {
      const entries = entriesOf(catalog, decision.ids);
      const choices = entryChoices(entries, lang, catalog.closestQuestions(asked, lang, decision.ids));
      // One entry is asked about as one ("Did you mean this?"), and a typed yes picks it (choiceSaid).
      const one = entries.length === 1;
      choices.push({ id: CHOICE.operator, label: tr.t(lang, one ? 'suggest.noneOne' : 'suggest.none') });
      const outcome = { kind: 'suggest', faqIds: entries.map((e) => e.id), score: decision.score } as const;
      const offer = { text: tr.t(lang, one ? 'suggest.titleOne' : 'suggest.title'), choices };
      // Said first, so the resident does not take the question left for one of the choices.
      if (unknownPartLeft) return turn.answer(outcome, { text: tr.t(lang, 'answer.partLeft') }, offer);
      return turn.answer(outcome, offer);
    }
    // "Алло?", "есть кто?" with the bot ask for a person, not a question the FAQ has no answer to:
    // not told "I could not find an answer to this question".
    if (turn.input.smallTalk === 'waiting') {
      turn.unanswered = { question: text, reason: 'requested' };
      return next();
    }
    // A few words soon after an answer or choices ("а онлайн?", "а если я ИП?") go to the operator,
    // and to the queue's list, with the question they go on from, as a follow-up answered is kept.
    const question = goesOnFromLastQuestion(turn.conversation, text, catalog, turn.now) ? followUpQuestion(earlier, text) : text;
    turn.conversation.lastQuestion = question;
    // A few words naming a person ("хочу оператора", "оператор нужен срочно") ask for one too, with
    // whatever entries the FAQ found offered beside ("мобильный оператор" may mean the network).
    turn.unanswered = turn.input.namesPerson ? { question, reason: 'requested' } : { question, reason: 'no-match', leadKey: 'escalation.noMatch' };
    if (decision.kind === 'none' && decision.ids?.length) turn.unanswered.hints = decision.ids;
    return next();
  };
}

/** At most this many answers to a message of several questions. */
const MAX_ANSWERS = 3;

/**
 * A part of a message is answered on its own only when the entry accounts for this much of its
 * known words (MatchResult.explained): a short part has little to go on, and "сколько стоит
 * проезд", cut from "сколько стоит проезд и как пополнить карту", would otherwise be answered by
 * an entry that only shares "сколько стоит". A part told with its story (questionSentences) is
 * decided as the message it would be on its own.
 */
const PART_EXPLAINED = 0.8;

/**
 * The entries that answer the message's question sentences (or its joined questions, when it is
 * one sentence) outright, each on its own, in the order asked, the parts they answer, and the
 * least sure of them; none when the message is one question.
 */
function answeredEach(turn: Turn, faq: FaqAnswerOptions): AnsweredParts {
  const entries: FaqEntryInput[] = [];
  const parts: string[] = [];
  const firsts: Array<string | undefined> = [];
  let score = 1;
  for (const sentence of questionsAsked(turn.input.question, turn.lang)) {
    const answered = outrightAnswer(faq, sentence, turn);
    // A few words after a part answered go on from its answer as they would in a message of their
    // own ("Is the post office open tomorrow? And the banks?").
    const previous = entries[entries.length - 1];
    const followed = !answered.entry && previous ? followUpEntry({ lastFaqId: previous.id, updatedAt: turn.now }, sentence, answered.ids, faq.catalog, turn.lang, turn.now) : undefined;
    // A question told with its story has the story's words to go on, which other entries explain
    // ("во дворе": the snow in the yard), as a message of its own would: its answer is as sure.
    const sureEnough = answered.explained >= PART_EXPLAINED || segmentMessage(sentence, turn.lang).length > 1;
    const entry = followed ?? (sureEnough ? answered.entry : undefined);
    // Past the most answers a message gets, a part is still looked at: one left is said to be.
    firsts.push(followed?.id ?? answered.first);
    if (entries.length >= MAX_ANSWERS || !entry || entries.some((e) => e.id === entry.id)) continue;
    entries.push(entry);
    parts.push(sentence);
    score = Math.min(score, answered.score);
  }
  return { entries, parts, score, firsts };
}

/**
 * The questions a message asks, when it asks several: its question sentences, each of them perhaps
 * two joined by "и" or "and" ("До скольки комендантский час и работают ли аптеки? Когда включат
 * интернет?" asks three), or the joined questions of its one sentence.
 */
function questionsAsked(text: string, lang: Lang): string[] {
  const sentences = questionSentences(text);
  if (sentences.length === 0) return joinedQuestions(text, lang);
  return sentences.flatMap((sentence) => {
    const joined = joinedQuestions(sentence, lang);
    return joined.length >= 2 ? joined : [sentence];
  });
}

interface AnsweredParts {
  /** The entries that answer parts outright, in the order asked, and the parts they answer. */
  entries: FaqEntryInput[];
  parts: string[];
  /** The least sure of those answers. */
  score: number;
  /** Each part's first candidate, answered or offered, in the order asked (none for a part handed over). */
  firsts: Array<string | undefined>;
}

/**
 * Whether a question of the message goes unanswered by `given`: a part the FAQ would answer or offer
 * an entry for (so a question, not "как дела?" or "куда обращаться?") that is none of them
 * ("когда заканчивается режим ЧП и будут ли штрафы по кредитам": the loan fines alone are only
 * offered, the whole is the end date). The resident is told, not left to think it was missed. On
 * the eight evaluation suites' 840 single messages it is said 5 times: four times after a right
 * answer with an aside asked beside it ("…Это из-за ЧП задержка? Куда обращаться?"), once after an
 * out-of-scope question answered; counting any part with candidates, 19 times.
 */
function partLeft(each: AnsweredParts, given: readonly FaqEntryInput[]): boolean {
  return each.firsts.some((first) => first !== undefined && !given.some((e) => e.id === first));
}

/**
 * The entry that answers the whole message, with the entries that answer its parts, in the order
 * the parts were asked: the whole's entry goes where the first part it comes first for stands ("What
 * is the curfew fine? And can I get a pass?": the pass, which the second part alone only offers,
 * after the fine), or first when no part has it first.
 */
function inOrderAsked(whole: FaqEntryInput, each: AnsweredParts): FaqEntryInput[] {
  const others = each.entries.filter((e) => e.id !== whole.id);
  const at = each.firsts.indexOf(whole.id);
  if (at < 0) return [whole, ...others];
  // The parts before it that were answered on their own.
  const before = new Set(each.firsts.slice(0, at));
  return [...others.filter((e) => before.has(e.id)), whole, ...others.filter((e) => !before.has(e.id))];
}

/**
 * The entry the FAQ answers `text` with outright (none when it would not answer), how sure it is,
 * how much of the text it accounts for (MatchResult.explained), and the first candidate when it
 * would answer or offer it.
 */
function outrightAnswer(
  { catalog, thresholds }: Pick<FaqAnswerOptions, 'catalog' | 'thresholds'>,
  text: string,
  turn: Turn,
): { entry?: FaqEntryInput; first?: string; ids: readonly string[]; score: number; explained: number } {
  const result = catalog.match(text, turn.lang, turn.now, 3);
  const decision = decide(result, thresholds);
  // A part asks for an entry only when the FAQ would answer it or offer it: a frame or an aside
  // ("куда обращаться?", "это нормально?") finds entries it would hand over with.
  const first = decision.kind === 'answer' || decision.kind === 'suggest' ? result.candidates[0]?.id : undefined;
  const explained = result.explained ?? 0;
  if (decision.kind === 'answer') return { entry: catalog.get(decision.id), first, ids: [decision.id], score: decision.score, explained };
  const ids = decision.kind === 'suggest' || decision.kind === 'none' ? (decision.ids ?? []) : [];
  return { first, ids, score: 'score' in decision ? decision.score : 0, explained };
}

/**
 * The entry the FAQ answers `text` with outright, or, when it would offer choices or hand it over,
 * the one a few words soon after an answer mean (follow-up.ts); undefined otherwise. One match.
 */
export function answerOrFollowUp(
  faq: Pick<FaqAnswerOptions, 'catalog' | 'thresholds'>,
  text: string,
  turn: Turn,
): { entry: FaqEntryInput; score: number } | undefined {
  const read = decideInContext(faq, text, turn);
  const { decision } = read;
  if (decision.kind !== 'answer') return followUpOf(read, faq, text, turn, turn.conversation.lastQuestion);
  const entry = faq.catalog.get(decision.id);
  return entry && { entry, score: decision.score };
}

/**
 * The FAQ's decision on `text`, in the light of the answer before it: an outright answer, with an
 * entry other than that answer or a neighbour of it, to a few words that point back to it
 * ("how long will it take?") or say little of the entry's question ("а для детей?") is taken as no
 * answer, with the entries found as hints (answersPastContext): the follow-up rules may still
 * find the answer before among them (never that entry: it is no neighbour of it), or an operator
 * takes the message up. With it, what the matcher doubted of the message alone, for the follow-up
 * rules (followUpOf), which need not ask the FAQ again.
 */
function decideInContext({ catalog, thresholds }: Pick<FaqAnswerOptions, 'catalog' | 'thresholds'>, text: string, turn: Turn): InContext {
  // Five, not three: the answer before may be further down for a few words that fit others better.
  const result = catalog.match(text, turn.lang, turn.now, 5);
  const { doubt } = result;
  const decision = decide(result, thresholds);
  // A few words that say nothing the answer before does not ask about go on from it, whatever else
  // they fit: no answer of their own, with that answer as their one candidate, which the
  // follow-up rules take (followUpEntry).
  const still = decision.kind === 'clarify' ? undefined : stillAboutAnswer(turn.conversation, text, result.candidates, catalog, turn.now);
  if (still && (decision.kind !== 'answer' || decision.id !== still.id)) return { decision: { kind: 'none', score: 'score' in decision ? decision.score : 0, ids: [still.id] }, doubt };
  if (decision.kind !== 'answer') return { decision, doubt };
  const answered = { id: decision.id, covered: result.covered ?? 1 };
  if (!answersPastContext(turn.conversation, text, answered, catalog, turn.lang, turn.now)) return { decision, doubt };
  return { decision: { kind: 'none', score: decision.score, ids: worthOffering(result) }, doubt };
}

/** The FAQ's decision on a message in the light of the answer before (decideInContext), and its doubt alone (MatchResult.doubt). */
interface InContext {
  decision: Decision;
  doubt: MatchResult['doubt'];
}

/**
 * The follow-up `text` is, given the FAQ's decision on it (answerOrFollowUp); `earlier` is the
 * question the answer before was for.
 */
function followUpOf(
  { decision, doubt }: InContext,
  { catalog, thresholds }: Pick<FaqAnswerOptions, 'catalog' | 'thresholds'>,
  text: string,
  turn: Turn,
  earlier: string | undefined,
): { entry: FaqEntryInput; score: number } | undefined {
  if (decision.kind === 'clarify') {
    // "хм", "и что?": no kind or day to ask of the answer before, which would only be repeated.
    if (decision.asksNothing) return undefined;
    const entry = entryAskedAbout(turn.conversation, catalog, turn.now);
    return entry && { entry, score: 0 };
  }
  if (decision.kind !== 'suggest' && decision.kind !== 'none') return undefined;
  const ids = decision.ids ?? [];
  const entry =
    offeredEntryMeant(turn.conversation, text, catalog, turn.lang, turn.now) ??
    followUpEntry(turn.conversation, text, ids, catalog, turn.lang, turn.now) ??
    askedLikeBefore(turn.conversation, earlier, { text, ids, doubt }, catalog, thresholds, turn.lang, turn.now);
  return entry && { entry, score: decision.score };
}

/** A follow-up's answer, kept with the question before it (followUpQuestion). */
function answerFollowUp(turn: Turn, tr: Translator, { entry, score }: { entry: FaqEntryInput; score: number }, earlier: string | undefined): void {
  turn.conversation.lastQuestion = followUpQuestion(earlier, turn.input.text);
  answer(turn, tr, [entry], score);
}

/**
 * The entries' answers in the conversation's language (or the fallback, said so), then "did this
 * help?", which is about the first.
 */
function answer(turn: Turn, tr: Translator, entries: readonly FaqEntryInput[], score: number, partLeft = false): void {
  const lang = turn.lang;
  const [entry] = entries;
  const texts: Reply[] = entries.map((e) => ({ text: answerText(e, lang, tr) }));
  // A question of the message none of these answers: said, so the resident asks it again.
  if (partLeft) texts.push({ text: tr.t(lang, 'answer.partLeft') });
  const ask = askUnder(tr, lang, answeredAgain(turn.conversation, entries) ? 'again' : 'helped');
  turn.conversation.lastFaqId = entry.id;
  turn.answer({ kind: 'answer', faqId: entry.id, score }, ...texts, ask);
}

/**
 * Whether `entries` is the one answer just given, asked about again before the resident said whether
 * it helped: a follow-up read in its light ("а где?", "can I do it by phone?"), or the same question
 * in other words. The bot has nothing else to say on it.
 */
function answeredAgain(conv: Conversation, entries: readonly FaqEntryInput[]): boolean {
  return entries.length === 1 && entries[0].id === conv.lastFaqId && conv.offered.some((c) => c.id === CHOICE.helpful);
}

/**
 * The question under an answer, with its two choices: "did this answer help?" (yes, or no: then
 * the operator is offered), or, under an answer given again, the operator at once, where "did this
 * help?" asked again took a "no" and then a "yes, an operator" to reach one. The operator choice
 * there is a "no" to the answer as well (the feedback handler records it); "no" is "it helped".
 */
const ASKS = {
  helped: { text: 'answer.ask', choices: [[CHOICE.helpful, 'answer.yes'], [CHOICE.notHelpful, 'answer.no']] },
  again: { text: 'answer.again', choices: [[CHOICE.operatorNotHelpful, 'feedback.operator'], [CHOICE.helpful, 'answer.againHelped']] },
} as const;

function askUnder(tr: Translator, lang: Lang, which: keyof typeof ASKS): Reply {
  const { text, choices } = ASKS[which];
  return { text: tr.t(lang, text), choices: choices.map(([id, label]) => ({ id, label: tr.t(lang, label) })) };
}
