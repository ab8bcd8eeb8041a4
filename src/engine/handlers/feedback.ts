/**
 * What residents say about the help they got: "did this answer help?" after a FAQ answer (recorded
 * for the staff's "unanswered questions"; "no" offers an operator; after an entry offered with a
 * hand-off, "yes" withdraws the hand-off and "no" leaves it with the operator), and the 1–5 rating
 * asked for when an operator closes a hand-off.
 */
import type { Translator } from '../../i18n';
import { CHOICE } from '../choices';
import { HandoffUnavailable, type AuditPort, type HandoffPort, type LearningPort } from '../ports';
import type { Handler, Turn } from '../turn';

export interface FeedbackOptions {
  audit: AuditPort;
  handoff: Pick<HandoffPort, 'rate' | 'withdraw'>;
  translator: Translator;
  /** Told that a resident's question was answered by an entry to their satisfaction. */
  learning?: LearningPort;
}

export function feedbackHandler({ audit, handoff, translator: tr, learning }: FeedbackOptions): Handler {
  /** The answer read while waiting helped: the operator need not answer, and the bot has the chat again. */
  const withdraw = async (turn: Turn, ticketId: string): Promise<void> => {
    const conv = turn.conversation;
    const lang = turn.lang;
    let withdrawn: boolean;
    try {
      withdrawn = await handoff.withdraw(ticketId);
    } catch (error) {
      if (!(error instanceof HandoffUnavailable)) throw error;
      // The ticket stays open (its line says the answer helped): the operator will close it.
      return turn.answer({ kind: 'feedback', helpful: true }, { text: tr.t(lang, 'feedback.thanks') });
    }
    conv.mode = 'bot';
    conv.ticketId = undefined;
    const text = withdrawn ? tr.t(lang, 'escalation.withdrawn', { ticket: ticketId }) : tr.t(lang, 'feedback.thanks');
    turn.answer({ kind: 'feedback', helpful: true }, { text });
  };

  return async (turn, next) => {
    const { choice } = turn.input;
    const conv = turn.conversation;
    const lang = turn.lang;
    if (choice?.kind === 'rating') {
      // No finished hand-off to rate: a stale or forged button, answered as one.
      if (!(await handoff.rate(conv.channel, conv.chatId, choice.score))) return next();
      return turn.answer({ kind: 'rating', score: choice.score }, { text: tr.t(lang, 'escalation.rated') });
    }
    // Feedback feeds the staff's "unanswered questions" view; the resident's id is not kept.
    const record = (helpful: boolean) =>
      audit.record({
        actor: `resident:${conv.channel}`,
        action: helpful ? 'feedback.helpful' : 'feedback.not-helpful',
        target: conv.lastFaqId,
        detail: { question: conv.lastQuestion ?? null, lang },
      });
    // The operator taken right under an answer (one given again offers it at once) is a "no" to
    // that answer as well: recorded as one, then the escalation handler hands the question over.
    if (choice?.kind === 'operator' && choice.reason === 'not-helpful' && conv.offered.some((c) => c.id === CHOICE.helpful)) {
      await record(false);
      return next();
    }
    if (choice?.kind !== 'feedback') return next();
    const { helpful } = choice;
    await record(helpful);
    if (helpful) {
      if (conv.lastQuestion && conv.lastFaqId) await learning?.note({ entryId: conv.lastFaqId, lang, text: conv.lastQuestion, source: 'helpful' });
      if (conv.mode === 'operator' && conv.ticketId) return withdraw(turn, conv.ticketId);
      return turn.answer({ kind: 'feedback', helpful }, { text: tr.t(lang, 'feedback.thanks') });
    }
    // An entry offered with a hand-off did not help: the operator has the question already.
    if (conv.mode === 'operator' && conv.ticketId) {
      return turn.answer({ kind: 'feedback', helpful }, { text: tr.t(lang, 'escalation.stillQueued', { ticket: conv.ticketId }) });
    }
    const choices = [
      { id: CHOICE.operatorNotHelpful, label: tr.t(lang, 'feedback.operator') },
      { id: CHOICE.menu, label: tr.t(lang, 'feedback.menu') },
    ];
    turn.answer({ kind: 'feedback', helpful }, { text: tr.t(lang, 'feedback.sorry'), choices });
  };
}
