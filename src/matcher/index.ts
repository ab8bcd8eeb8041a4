/**
 * The FAQ matcher: `createMatcher()` builds the in-memory retrieval stage, `decide()` turns its
 * calibrated scores into answer / suggest / escalate with the configured bands.
 *
 * @example
 *   const matcher = createMatcher();
 *   matcher.load(entries);
 *   const decision = decide(matcher.match('до скольки работает библиотека', 'ru'), DEFAULT_THRESHOLDS);
 */
import type { Decision, FaqMatcher, MatchCandidate, MatchResult, Thresholds } from './types';
import { LexicalMatcher, type MatcherOptions } from './matcher';

export { DEFAULT_MATCHER_OPTIONS, type MatcherOptions } from './matcher';

export type { Decision, FaqMatcher, MatchCandidate, MatchExplanation, MatchResult, Thresholds, VariantTrial } from './types';

/**
 * Probability bands, the same for every FAQ (the matcher calibrates its probabilities on each FAQ);
 * chosen on both shared evaluation suites together. Below `suggest` a question goes to an operator
 * whatever happens, so entries offered with it (down to `hint`: one chance in five that one of them
 * answers it) cost the resident nothing and may spare the wait; `suggest` can then be strict enough
 * that out-of-scope questions reach a person without a detour through "did you mean".
 */
export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.65, suggest: 0.55, hint: 0.2 };

/** Suggestions must be at least this share of the top score to be worth showing. */
const SUGGEST_RELATIVE_FLOOR = 0.6;
const MAX_SUGGESTIONS = 3;

/**
 * A lone candidate (no other entry worth offering beside it) is right about as often as the right
 * entry is among the first three, the probability the FAQ's own model of the first three gives.
 * That far above the answer band, it is answered rather than asked about ("Did you mean this?").
 * It matters where the first-entry model is too cautious: a FAQ of one question per entry in one
 * language gives its simulated residents no question of an entry left to meet, so that model stays
 * the prior's, while the model of the first three is fitted. From 0.15 to 0.3 above the band, the
 * shared FAQs so cut answered 7 to 17 more messages and at most two more wrongly, and the four
 * other FAQs, so cut, none more wrongly: 0.2 is inside both.
 */
const LONE_CANDIDATE_MARGIN = 0.2;

/** The in-memory matcher; `options` overrides its knobs (tests, tuning). */
export function createMatcher(options: Partial<MatcherOptions> = {}): FaqMatcher {
  return new LexicalMatcher(options);
}

/**
 * Answer when the first candidate is likely right and nothing casts doubt on it, or when it is the
 * only one worth offering and the right one is very likely among the first three
 * (LONE_CANDIDATE_MARGIN); otherwise offer up to three when the right one is likely among them;
 * otherwise hand the message to an operator, with the candidates to read meanwhile when the right
 * one may well be among them. A first candidate the message meets only in its answer's prose
 * (doubt 'answer-only') is at most read meanwhile.
 */
export function decide(result: MatchResult, t: Thresholds): Decision {
  if (result.doubt === 'no-subject') return { kind: 'clarify' };
  if (result.doubt === 'nothing-asked') return { kind: 'clarify', asksNothing: true };
  const top = result.candidates[0];
  if (!top) return { kind: 'none', score: 0 };
  if (top.score >= t.answer && !result.doubt) return { kind: 'answer', id: top.id, score: top.score };
  // Only words several entries ask about: offer them rather than a guess or a hand-off.
  const suggestScore = result.suggestScore ?? top.score;
  if (!result.doubt && suggestScore >= t.answer + LONE_CANDIDATE_MARGIN && worthOffering(result).length === 1) {
    return { kind: 'answer', id: top.id, score: top.score };
  }
  // An entry met only in its answer is never "did you mean": at most read while an operator takes over.
  const suggestable = result.doubt !== 'answer-only';
  if (suggestable && (result.doubt === 'topic-word' || suggestScore >= t.suggest)) return { kind: 'suggest', ids: worthOffering(result), score: top.score };
  if (suggestScore >= t.hint) return { kind: 'none', score: top.score, ids: worthOffering(result) };
  return { kind: 'none', score: top.score };
}

/** The candidates worth showing a resident: up to three, none far below the first. */
export function worthOffering(result: MatchResult): string[] {
  const [first] = result.candidates;
  if (!first) return [];
  return result.candidates
    .filter((c) => relevanceTo(first, c) >= SUGGEST_RELATIVE_FLOOR)
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => c.id);
}

/**
 * A candidate's relevance relative to the first offered: the matcher's own first may be gone (an
 * entry out of its validity window).
 */
function relevanceTo(first: MatchCandidate, c: MatchCandidate): number {
  return c.relevance !== undefined && first.relevance ? c.relevance / first.relevance : first.score > 0 ? c.score / first.score : 1;
}
