import type { Lang } from '../i18n/languages';
import type { FaqEntryInput } from '../faq/types';
import type { WordEvidence } from '../language/detect';
import type { FeatureName } from './calibration';

/**
 * One FAQ entry the matcher considers relevant. The first candidate's score is the probability
 * that it answers the message; the others' scores are that probability scaled by their relevance
 * relative to the first, so the list stays sorted.
 */
export interface MatchCandidate {
  id: string;
  score: number;
  /**
   * Its ranking score as a share of the first candidate's (1 for the first): how close a second it
   * is, also when the probabilities say nothing (an entry met only in its answer has 0).
   */
  relevance?: number;
  /**
   * Whether the entry asks about a word of the message in a question or its topic, rather than
   * only mentioning it in its answer ("банки" in a loan deferral's "apply to your bank").
   */
  asked?: boolean;
  /**
   * Whether it asks about every word of the message the FAQ knows, the kind of answer asked aside:
   * "когда починят?" says nothing a broken lift's questions ("Лифт долго не ремонтируют…") do not ask.
   */
  asksAll?: boolean;
  /**
   * How closely it asks about those words: the share (by idf, and by how well each matches) of
   * their weight its questions and topic account for; 1 when it says each of them as it is.
   */
  askedShare?: number;
}

export interface MatchResult {
  /** Best first; at most `limit` candidates. Empty when nothing is relevant. */
  candidates: MatchCandidate[];
  /** Probability that the right entry is among the candidates (defaults to the first's score). */
  suggestScore?: number;
  /**
   * Set when the first candidate must not be answered outright whatever its score: the message is
   * one word, or only words, several entries ask about ('topic-word': always offer them), the first
   * is not clearly ahead of the next ('ambiguous': let the resident choose), or most of the message
   * is words the FAQ does not know, or every word it knows is only taken for a typo of a FAQ word
   * ('unclear'), or it asks beside a question the FAQ knows another the FAQ knows no word of
   * ('unknown-question': the resident is told that part is left), or its one known word (the kind
   * of answer asked aside) is one the first entry only mentions ('passing-word': "нет света"
   * against "где заплатить за свет и воду?").
   * 'no-subject' (no candidates): the message only asks what kind of answer it wants ("где?",
   * "how?") or says a day ("а завтра?"), and names nothing to look up; 'nothing-asked' (no
   * candidates): not even that, every word is a stop word or an interjection ("хм", "и что?",
   * "помогите"), or there is no word, only numbers the FAQ does not have ("123", a phone number),
   * so an operator could only ask what it is about. 'answer-only': no word of the
   * message is in the first candidate's questions or topic, only in its answer's prose (or the
   * kind of answer asked is, and no word of it at all); it is neither answered nor offered as "did
   * you mean", only, when likely, to read while an operator takes the message.
   */
  doubt?: 'topic-word' | 'ambiguous' | 'unclear' | 'unknown-question' | 'no-subject' | 'nothing-asked' | 'passing-word' | 'answer-only';
  /**
   * Share of the weight (by idf) of the message's words the FAQ knows that the first candidate's
   * questions and topic ask about, in [0, 1]: 1 when no known word points elsewhere. Words no entry
   * knows are left out: the confidence weighs them already.
   */
  explained?: number;
  /**
   * Share (by idf) of the first candidate's best-covered question that the message says, in
   * [0, 1]: "куда обращаться?" says little of "Куда обращаться за адресной помощью?".
   */
  covered?: number;
  /**
   * The entries an editor taught the message's very words for (a learned wording remembered as
   * said, TaughtWordings), first among the candidates: why they lead, for an editor to check.
   */
  taught?: string[];
}

/**
 * Why the bot is as sure as it is of a message's first entry (FaqMatcher.explain): the calibrated
 * model's log-odds, its bias plus each feature's part (its weight times its value), of which the
 * probability is the logistic function. For whoever asks why a message was answered, offered or
 * handed over (`npm run eval -- … --misses`).
 */
export interface MatchExplanation {
  /** The entry ranked first. */
  first: string;
  /** That it is right: the first candidate's score as `match` gives it (0 for an entry met only in its answer). */
  probability: number;
  bias: number;
  /** In the calibration's feature order (calibration.ts, FEATURE_NAMES). */
  features: Array<{ name: FeatureName; value: number; part: number }>;
  doubt?: MatchResult['doubt'];
}

/**
 * One of an entry's question variants asked as a new question: ranked with that variant left out of
 * the index, as if a resident had asked in those words and the FAQ did not have them.
 */
export interface VariantTrial {
  text: string;
  lang: Lang;
  result: MatchResult;
  /** Its words nothing else in the entry has (lowercase, as written): what only this wording carries. */
  ownWords: string[];
}

/** Probability bands; configurable (MATCH_ANSWER_THRESHOLD, MATCH_SUGGEST_THRESHOLD, MATCH_HINT_THRESHOLD). */
export interface Thresholds {
  /** The first candidate is right with at least this probability (and not ambiguous): answer. */
  answer: number;
  /** Otherwise, the right one is among the candidates with at least this probability: offer them. Below: escalate. */
  suggest: number;
  /**
   * Below `suggest`, the right one is among the candidates with at least this probability: escalate,
   * and offer them to read while the resident waits for the operator.
   */
  hint: number;
}

/** What to do with a question, given a match result and the bands. */
export type Decision =
  | { kind: 'answer'; id: string; score: number }
  | { kind: 'suggest'; ids: string[]; score: number }
  /** Hand to an operator; `ids` are entries worth reading meanwhile (the hint band), if any. */
  | { kind: 'none'; score: number; ids?: string[] }
  /**
   * The message names nothing to look up ("где?"): ask the resident what it is about. `asksNothing`:
   * it does not even ask a kind of answer or a day ("хм", "и что?"), so it cannot be about the
   * answer before either.
   */
  | { kind: 'clarify'; asksNothing?: true };

/** The retrieval stage. Kept in memory, fed by the store, updated entry by entry. */
export interface FaqMatcher {
  /** Replaces the whole index. */
  load(entries: readonly FaqEntryInput[]): void;
  /** Adds or replaces one entry (incremental rebuild). */
  upsert(entry: FaqEntryInput): void;
  remove(id: string): void;
  readonly size: number;
  /** Ranks entries for a question; `lang` is the conversation's language, a hint only. */
  match(text: string, lang?: Lang, limit?: number): MatchResult;
  /** The FAQ's words by language, as evidence for language detection. */
  readonly vocabulary: WordEvidence;
  /** Resolves once the confidence model has caught up with the latest change. */
  whenCalibrated(): Promise<void>;
  /**
   * Each question variant of entry `id` asked with itself left out (undefined: no such entry): what
   * the entry's other variants, topic and answer make of a resident asking in those words. The
   * calibration simulates residents the same way; editors see it per entry.
   */
  askEachVariant(id: string): VariantTrial[] | undefined;
  /**
   * For each entry of `ids`, its question in `lang` that holds more of the message's words than
   * its first one, if one does: the label a resident recognises ("did you mean: What should I do if
   * the rubbish was not collected?" for "а если не вывезли?", not "When is rubbish collected?").
   */
  closestQuestions(text: string, lang: Lang, ids: readonly string[]): Map<string, string>;
  /**
   * The words of `text` no entry knows, in the message's order, each once (in lower case, as
   * written; stop words and the kind of answer asked are none): a handed-over question is often one
   * the FAQ has in other words, and these say which words to add.
   */
  unknownWords(text: string, lang?: Lang): string[];
  /**
   * Why the first entry the FAQ ranks for `text` is as likely as it is (MatchExplanation); undefined
   * when no entry is found. It explains the ranking `match` calibrates, and so says nothing of
   * what `match` decides before ranking (a message naming no subject) or instead of it (a wording
   * an editor taught).
   */
  explain(text: string, lang?: Lang): MatchExplanation | undefined;
}
