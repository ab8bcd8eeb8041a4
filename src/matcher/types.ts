import type { Lang } from '../i18n/languages';
import type { FaqEntryInput } from '../faq/types';

/** One FAQ entry the matcher considers relevant, with a calibrated score in [0, 1]. */
export interface MatchCandidate {
  id: string;
  score: number;
}

export interface MatchResult {
  /** Best first; at most `limit` candidates. Empty when nothing is relevant. */
  candidates: MatchCandidate[];
}

/** Score bands; configurable (MATCH_ANSWER_THRESHOLD, MATCH_SUGGEST_THRESHOLD). */
export interface Thresholds {
  /** At or above: answer outright. */
  answer: number;
  /** At or above (and below `answer`): offer "did you mean…" choices. Below: escalate. */
  suggest: number;
}

/** What to do with a question, given a match result and the bands. */
export type Decision =
  | { kind: 'answer'; id: string; score: number }
  | { kind: 'suggest'; ids: string[]; score: number }
  | { kind: 'none'; score: number };

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
}
