/**
 * A short message soon after an answer often goes on from it: "в субботу работает?" after a clinic's
 * hours, "and the fine?" after the curfew hours. Alone it matches several entries ("fine": the
 * curfew fine, a late loan payment, unpaid bills), or too weakly to answer, and the bot would offer
 * choices or hand it to an operator. The entry answered last tells which one is meant:
 * - it is among the message's candidates: the resident asks more of it, and its answer again is
 *   the answer (the clinic's hours, Saturdays included), also when a sibling on its topic (the
 *   banks on Saturdays) matches the few words as well;
 * - another candidate is the only one on its topic, and the entry's own question finds that one
 *   too (a neighbour on the same subject: the curfew fine after the curfew hours), or the message
 *   names it ("а банки?" after the post office's hours, whose question finds the pensions paid at
 *   the post office first).
 * Two candidates on the topic, neither of them the entry answered, are a real choice.
 * A few words that point back to the answer ("how long will it take?") or say little of another
 * entry's question ("а для детей?") are not answered outright with an entry that is not the answer's
 * neighbour (answersPastContext).
 *
 * The context only picks among the entries the message itself may mean (offered, or hinted with a
 * hand-off), never adds one; a message that names nothing at all ("а где?", "а в субботу?") asks
 * about the answer itself. A few words right after "did you mean" choices pick among those choices
 * the same way (offeredEntryMeant).
 */
import type { FaqCatalog } from '../../faq/catalog';
import { questionLabel } from '../../faq/entry-text';
import { isLive, type FaqEntryInput } from '../../faq/types';
import type { Lang } from '../../i18n/languages';
import { decide } from '../../matcher';
import { indexedWordsOf, indexKeyOf, questionWords } from '../../matcher/analyze';
import { tokenize } from '../../matcher/normalize';
import { kindQuestionWord } from '../../matcher/question-kinds';
import type { MatchCandidate, MatchResult, Thresholds } from '../../matcher/types';
import type { Conversation } from '../../store/types';
import { CHOICE } from '../choices';

/** A message this long after the last turn starts afresh. */
export const FOLLOW_UP_WINDOW_MS = 30 * 60_000;

/** A follow-up is a few words ("а штраф какой?"); a longer message says what it is about itself. */
export const FOLLOW_UP_MAX_WORDS = 5;

/**
 * How many of the entries the last answered entry's question finds best count as its neighbours.
 * Ten let "what about the fine?" after "When does the curfew start?" find the curfew's fine (fourth
 * there), but on the city FAQ's broad topics they also let "who do I contact?" after the lift find
 * the street lights, and "это бесплатно?" the children's sports clubs: a choice is better than that.
 */
const NEIGHBOURS = 3;

/** Whether a message now comes soon enough after the conversation's last turn to go on from it. */
function soonAfter(conversation: Pick<Conversation, 'updatedAt'>, now: Date): boolean {
  return now.getTime() - conversation.updatedAt.getTime() <= FOLLOW_UP_WINDOW_MS;
}

/** Whether `text` comes soon enough after the conversation's last turn, and is short enough, to go on from it. */
function goesOnFrom(conversation: Pick<Conversation, 'updatedAt'>, text: string, now: Date): boolean {
  return soonAfter(conversation, now) && tokenize(text).length <= FOLLOW_UP_MAX_WORDS;
}

/** The entry answered last, when `text` goes on from it (goesOnFrom). */
function answeredBefore(
  conversation: Pick<Conversation, 'lastFaqId' | 'updatedAt'>,
  text: string,
  catalog: Pick<FaqCatalog, 'get'>,
  now: Date,
): FaqEntryInput | undefined {
  const last = conversation.lastFaqId ? catalog.get(conversation.lastFaqId) : undefined;
  return last && goesOnFrom(conversation, text, now) ? last : undefined;
}

/**
 * The entry a short message means in the light of the entry answered last, if one: `ids` are the
 * message's own candidates (offered, or hinted with a hand-off).
 */
export function followUpEntry(
  conversation: Pick<Conversation, 'lastFaqId' | 'updatedAt'>,
  text: string,
  ids: readonly string[],
  catalog: Pick<FaqCatalog, 'get' | 'match'>,
  lang: Lang,
  now: Date,
): FaqEntryInput | undefined {
  const last = answeredBefore(conversation, text, catalog, now);
  if (!last || ids.length === 0) return undefined;
  // More of what was just answered ("а в воскресенье работает?" after the post office's hours),
  // even when a sibling on its topic (the banks on Sundays) matches the few words as well.
  if (ids.includes(last.id)) return last;
  if (!last.topic) return undefined;
  const onTopic = ids.map((id) => catalog.get(id)).filter((e): e is FaqEntryInput => e?.topic === last.topic);
  if (onTopic.length !== 1) return undefined;
  const [entry] = onTopic;
  return isNeighbour(last, entry, catalog, lang, now) || namesSubjectOf(text, entry, catalog, lang, now) ? entry : undefined;
}

/**
 * The entry answered last, when a few words soon after it say nothing it does not ask about: every
 * word of them the FAQ knows (the kind of answer asked aside) is in its questions or topic, as
 * `candidates` (the message's own) show (MatchCandidate.asksAll), and it asks about them as
 * closely as the first of them does (MatchCandidate.askedShare). "когда починят?" after a broken
 * lift's answer asks about that lift, however well a road repair's "Когда отремонтируют дорогу?"
 * fits the words alone; "а банки?" after the post office names what the post office's questions
 * do not, and is the banks.
 */
export function stillAboutAnswer(
  conversation: Pick<Conversation, 'lastFaqId' | 'updatedAt'>,
  text: string,
  candidates: readonly MatchCandidate[],
  catalog: Pick<FaqCatalog, 'get'>,
  now: Date,
): FaqEntryInput | undefined {
  const last = answeredBefore(conversation, text, catalog, now);
  const asked = last && candidates.find((c) => c.id === last.id);
  if (!asked?.asksAll) return undefined;
  // As closely as the first candidate, too: "а мобильная связь работает?" is the very question of
  // the mobile calls' entry, which the internet's questions only meet through a related word.
  const first = candidates[0];
  return (asked.askedShare ?? 0) >= (first.askedShare ?? 0) - 1e-9 ? last : undefined;
}

/**
 * The entry a follow-up that names another subject asks the question before of: "а комендантский
 * час?" right after "когда закончится ЧП?" asks when the curfew ends, where alone it could be any
 * of the curfew's entries (its hours, its fine, its pass). The message says that it goes on ("а …",
 * "and …", "… ше"), names a subject several entries ask about, alone undecided between them (the
 * matcher's 'topic-word' or 'ambiguous' doubt), and asks no kind of answer of its own; the kind
 * the question before asked ("когда": a time) is asked of the message's subject, and the entry the
 * FAQ answers that with outright is meant, when it is one of the message's own candidates (`ids`).
 * A message that asks its own kind ("а сколько стоит пропуск?") is its own question. `doubt`: the
 * matcher's of the message alone.
 */
export function askedLikeBefore(
  conversation: Pick<Conversation, 'lastFaqId' | 'updatedAt'>,
  earlier: string | undefined,
  { text, ids, doubt }: { text: string; ids: readonly string[]; doubt: MatchResult['doubt'] },
  catalog: Pick<FaqCatalog, 'get' | 'match'>,
  thresholds: Thresholds,
  lang: Lang,
  now: Date,
): FaqEntryInput | undefined {
  if (!earlier || ids.length === 0 || !saysItGoesOn(text) || !answeredBefore(conversation, text, catalog, now)) return undefined;
  // Only a subject several entries share, alone undecided between them: "а для пенсионеров?" names
  // whom the answer before is for, and the one entry that asks about pensioners (a transport
  // card's) is not meant.
  if (doubt !== 'topic-word' && doubt !== 'ambiguous') return undefined;
  const kinds = questionWords(tokenize(earlier), lang).kinds;
  if (kinds.length === 0 || questionWords(tokenize(text), lang).kinds.length > 0) return undefined;
  const asked = `${kinds.map((kind) => kindQuestionWord(kind, lang)).join(' ')} ${text}`;
  const decision = decide(catalog.match(asked, lang, now, 3), thresholds);
  return decision.kind === 'answer' && ids.includes(decision.id) ? catalog.get(decision.id) : undefined;
}

/**
 * Whether the message's first entry is `entry` and the message says enough of its question to name
 * what it is about (MIN_COVERED_ELSEWHERE), pointing back to nothing: "а банки?" names the banks'
 * hours, which the post office's question does not find among its best (it finds the pensions paid
 * at the post office first), where "who do I contact?" only says a frame of the street lights'
 * question, and "can I do it online?" asks "it" of the answer before.
 */
function namesSubjectOf(text: string, entry: FaqEntryInput, catalog: Pick<FaqCatalog, 'match'>, lang: Lang, now: Date): boolean {
  if (pointsBack(text)) return false;
  const result = catalog.match(text, lang, now, 1);
  return result.candidates[0]?.id === entry.id && (result.covered ?? 0) >= MIN_COVERED_ELSEWHERE;
}

/**
 * The entry a few words right after "did you mean" choices point to: of the entries offered for the
 * question before (the choices with "none of these"), the only one among the message's own first
 * candidates that asks about its words (MatchCandidate.asked). The resident narrows the question
 * instead of tapping: "штрафы" after "кредит" was offered the late-payment fine and the deferral is
 * that fine, where alone it offered every fine of the FAQ again; "когда включат" after "интернет"
 * is the internet of the three offered. None when the candidates ask about none of the offered
 * entries ("а банки?" is another question, whatever a deferral's answer says of banks) or several.
 */
export function offeredEntryMeant(
  conversation: Pick<Conversation, 'offered' | 'updatedAt'>,
  text: string,
  catalog: Pick<FaqCatalog, 'match'>,
  lang: Lang,
  now: Date,
): FaqEntryInput | undefined {
  const { offered } = conversation;
  if (!offered.some((c) => c.id === CHOICE.operator) || !goesOnFrom(conversation, text, now)) return undefined;
  const meant = catalog.match(text, lang, now, 3).candidates.filter((c) => c.asked && offered.some((o) => o.id === CHOICE.faq(c.id)));
  return meant.length === 1 ? meant[0].entry : undefined;
}

/**
 * Words that point back to what was just said: "it", "это", "ол" and their forms (as tokenize
 * spells them: lower case, ё as е). General grammar of the three languages, not any FAQ's words.
 */
const POINTING_BACK = new Set([
  ...'it its this that these those they them their'.split(' '),
  ...'это этого этому этим этом эта эту эти этих он она оно они его ее ему ей им их нем ней них'.split(' '),
  ...'ол оны оның оған онда одан бұл бұны мұны бұның мұның бұған осы сол соны соның соған'.split(' '),
]);

/**
 * Soon after an answer, a few words that say less than this share (by idf) of another entry's
 * question ask something of that answer ("а для детей?", "where do I go?"), not about the other
 * entry: they say its frame, not its subject. On both shared evaluation suites
 * every message of at most five words answered right says at least 0.35 of its entry's question
 * (none under 0.3 on the holdouts either); such frames say 0.14–0.28.
 */
const MIN_COVERED_ELSEWHERE = 0.3;

/**
 * Whether answering `answered.id` outright would answer past the answer before: a short message soon
 * after it that points back to it ("how long will it take?", "а это надолго?"), or says little of
 * the entry's question ("а для детей?" against sports clubs for children), is about that answer;
 * an entry that is not its neighbour, found by such words ("take": an ID card's "how long does it
 * take"), answers something the resident did not ask, unless the message points back to the
 * answer's subject and the entry asks about that subject too ("what if I break it?"). Such a
 * message goes on as a follow-up, or to an operator, whose ticket shows the conversation.
 * `answered.covered`: MatchResult.covered.
 */
export function answersPastContext(
  conversation: Pick<Conversation, 'lastFaqId' | 'updatedAt'>,
  text: string,
  answered: { id: string; covered: number },
  catalog: Pick<FaqCatalog, 'get' | 'match'>,
  lang: Lang,
  now: Date,
): boolean {
  const last = answeredBefore(conversation, text, catalog, now);
  const entry = catalog.get(answered.id);
  if (!last || !entry || last.id === entry.id || isNeighbour(last, entry, catalog, lang, now)) return false;
  if (answered.covered < MIN_COVERED_ELSEWHERE) return true;
  // Pointing back to an answer whose subject the entry's questions name too, the message asks the
  // entry of that subject: "what if I break it?" after the curfew's start is its fine, however far
  // down the start's question finds the fine. A topic alone does not make a subject: "when will
  // they fix it?" after a transport card's top-up is no road repair's question.
  return pointsBack(text) && !sharesSubject(last, entry, lang);
}

/**
 * Whether `entry` is on `last`'s topic and a question of each in `lang` says a word of the same
 * index key (the subject "it" stands for: "curfew" in the curfew's start and its fine).
 */
function sharesSubject(last: FaqEntryInput, entry: FaqEntryInput, lang: Lang): boolean {
  if (!last.topic || entry.topic !== last.topic) return false;
  const keysOf = (e: FaqEntryInput) => new Set((e.questions[lang] ?? []).flatMap((q) => indexedWordsOf(q, lang).map((w) => indexKeyOf(w, lang))));
  const said = keysOf(last);
  return [...keysOf(entry)].some((key) => said.has(key));
}

/** Whether the message has a word that points back to what was just said (POINTING_BACK). */
function pointsBack(text: string): boolean {
  return tokenize(text).some((word) => POINTING_BACK.has(word));
}

/**
 * Whether `entry` is on the topic of `last` and shares what it is about. A topic can be broad
 * ("utilities": bills, lifts, rubbish): an entry counts only when `last`'s own question finds it.
 */
function isNeighbour(last: FaqEntryInput, entry: FaqEntryInput, catalog: Pick<FaqCatalog, 'match'>, lang: Lang, now: Date): boolean {
  if (!last.topic || entry.topic !== last.topic) return false;
  return catalog.match(questionLabel(last, lang), lang, now, NEIGHBOURS).candidates.some((c) => c.id === entry.id);
}

/**
 * The entry a message that names nothing ("а где?", "how much?") asks about, soon after an answer:
 * that answer's entry, while it is live. Alone such a message is asked what it is about. However
 * many words it has: naming nothing, it has nothing else to be about ("can I do it by phone?",
 * six words, was asked what it was about right after the answer).
 */
export function entryAskedAbout(
  conversation: Pick<Conversation, 'lastFaqId' | 'updatedAt'>,
  catalog: Pick<FaqCatalog, 'get'>,
  now: Date,
): FaqEntryInput | undefined {
  const last = conversation.lastFaqId ? catalog.get(conversation.lastFaqId) : undefined;
  return last && soonAfter(conversation, now) && isLive(last, now) ? last : undefined;
}

/**
 * Words a message that goes on from the one before opens with ("а онлайн?", "and for an MRI?", "ал
 * Екібастұзда?"), and the Kazakh particle it may end with instead ("Екібастұзда ше?"). General
 * grammar of the three languages; "what about", "how about" are read as two words.
 */
const GOING_ON_FIRST = new Set(['а', 'и', 'ал', 'and']);
const GOING_ON_LAST = new Set(['ше']);
const ABOUT_AFTER = new Set(['what', 'how']);

/** Whether the message says in its words that it goes on from the one before. */
function saysItGoesOn(text: string): boolean {
  const words = tokenize(text);
  const [first, second] = words;
  return GOING_ON_FIRST.has(first) || GOING_ON_LAST.has(words[words.length - 1]) || (ABOUT_AFTER.has(first) && second === 'about');
}

/**
 * Whether a few words soon after an answer, or after "did you mean" choices, say they go on from the
 * question those were for ("а онлайн?", "а если я ИП?"): the operator a hand-off reaches, and the
 * queue's list, read them with it. A short question of its own ("у меня потерялась кошка") is not.
 */
export function goesOnFromLastQuestion(
  conversation: Pick<Conversation, 'lastFaqId' | 'updatedAt' | 'offered'>,
  text: string,
  catalog: Pick<FaqCatalog, 'get'>,
  now: Date,
): boolean {
  // Most hand-offs start a conversation: nothing before them to go on from, nothing to read.
  const afterChoices = conversation.offered.some((c) => c.id === CHOICE.operator);
  if (!conversation.lastFaqId && !afterChoices) return false;
  if (!saysItGoesOn(text) || !goesOnFrom(conversation, text, now)) return false;
  return afterChoices || entryAskedAbout(conversation, catalog, now) !== undefined;
}

/** A question kept longer than this does not take a follow-up on (a chain of them stops growing). */
const MAX_KEPT_QUESTION = 500;

/**
 * The question a follow-up was answered for, kept for the operator should the answer not help and
 * for what "yes, it helped" teaches: the question before it with the follow-up ("Когда начинается
 * комендантский час? а штраф?"). "а штраф?" alone would teach that a bare "штраф" is the curfew fine.
 */
export function followUpQuestion(earlier: string | undefined, text: string): string {
  return earlier && earlier.length <= MAX_KEPT_QUESTION ? `${earlier} ${text}` : text;
}
