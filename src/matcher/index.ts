/**
 * The FAQ matcher: `createMatcher()` builds the in-memory retrieval stage, `decide()` turns its
 * calibrated scores into answer / suggest / escalate with the configured bands.
 *
 * @example
 *   const matcher = createMatcher();
 *   matcher.load(entries);
 *   const decision = decide(matcher.match('до скольки работает библиотека', 'ru'), DEFAULT_THRESHOLDS);
 */
import type { Decision, FaqMatcher, MatchResult, Thresholds } from './types';
import { LexicalMatcher, type ScoringOptions } from './matcher';

export { DEFAULT_SCORING, type ScoringOptions } from './matcher';

export type { Decision, FaqMatcher, MatchCandidate, MatchResult, Thresholds } from './types';

/** Bands calibrated on the demo FAQ's development questions. */
export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.4, suggest: 0.37 };

/** Suggestions must be at least this share of the top score to be worth showing. */
const SUGGEST_RELATIVE_FLOOR = 0.6;
const MAX_SUGGESTIONS = 3;

/** The in-memory matcher; `options` overrides scoring knobs (tests, tuning). */
export function createMatcher(options: Partial<ScoringOptions> = {}): FaqMatcher {
  return new LexicalMatcher(options);
}

/** answer when the top score reaches `answer`, suggest up to three when it reaches `suggest`. */
export function decide(result: MatchResult, t: Thresholds): Decision {
  const top = result.candidates[0];
  if (!top) return { kind: 'none', score: 0 };
  if (top.score >= t.answer) return { kind: 'answer', id: top.id, score: top.score };
  if (top.score >= t.suggest) {
    const floor = Math.max(t.suggest * 0.5, top.score * SUGGEST_RELATIVE_FLOOR);
    const ids = result.candidates
      .filter((c) => c.score >= floor)
      .slice(0, MAX_SUGGESTIONS)
      .map((c) => c.id);
    return { kind: 'suggest', ids, score: top.score };
  }
  return { kind: 'none', score: top.score };
}
