/**
 * Counts what became of every resident's message — answered, suggestions offered, handed to an
 * operator, a command… — for the staff's figures. It runs first and looks at the turn once the
 * other handlers have settled it; the count goes to memory (`OutcomePort`), never to the store on
 * the answering path.
 */
import type { OutcomeEntry, OutcomePort } from '../ports';
import type { Handler, Turn } from '../turn';
import type { Outcome } from '../types';

/** The outcome and its detail as counted; an entry picked from a list is not a typed question answered. */
export function describeOutcome(outcome: Outcome, picked: boolean): Pick<OutcomeEntry, 'outcome' | 'detail'> {
  switch (outcome.kind) {
    case 'answer':
      return { outcome: picked ? 'picked' : 'answer', detail: outcome.faqId };
    case 'escalate':
      return { outcome: outcome.kind, detail: outcome.reason };
    case 'command':
      return { outcome: outcome.kind, detail: outcome.name };
    case 'feedback':
      return { outcome: outcome.kind, detail: outcome.helpful ? 'helpful' : 'not-helpful' };
    case 'rating':
      return { outcome: outcome.kind, detail: String(outcome.score) };
    case 'small-talk':
      return { outcome: outcome.kind, detail: outcome.said };
    default:
      return { outcome: outcome.kind };
  }
}

function entryOf(turn: Turn, outcome: Outcome): OutcomeEntry {
  const { channel } = turn.message;
  return { channel, lang: turn.lang, at: turn.now, ...describeOutcome(outcome, turn.input.choiceId !== undefined) };
}

/** Register first: it wraps the whole chain. */
export function outcomeCounter(port: OutcomePort): Handler {
  return async (turn, next) => {
    await next();
    if (turn.outcome) port.count(entryOf(turn, turn.outcome));
  };
}
