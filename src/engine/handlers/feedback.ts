/**
 * What residents say about the help they got: "did this answer help?" after a FAQ answer (recorded
 * for the staff's "unanswered questions"; "no" offers an operator), and the 1–5 rating asked for when
 * an operator closes a hand-off.
 */
import type { Translator } from '../../i18n';
import { CHOICE } from '../choices';
import type { AuditPort, HandoffPort, LearningPort } from '../ports';
import type { Handler } from '../turn';

export interface FeedbackOptions {
  audit: AuditPort;
  handoff: Pick<HandoffPort, 'rate'>;
  translator: Translator;
  /** Told that a resident's question was answered by an entry to their satisfaction. */
  learning?: LearningPort;
}

export function feedbackHandler({ audit, handoff, translator: tr, learning }: FeedbackOptions): Handler {
  return async (turn, next) => {
    const { choice } = turn.input;
    const conv = turn.conversation;
    const lang = turn.lang;
    if (choice?.kind === 'rating') {
      // No finished hand-off to rate: a stale or forged button, answered as one.
      if (!(await handoff.rate(conv.channel, conv.chatId, choice.score))) return next();
      return turn.answer({ kind: 'rating', score: choice.score }, { text: tr.t(lang, 'escalation.rated') });
    }
    if (choice?.kind !== 'feedback') return next();
    const { helpful } = choice;
    // Feedback feeds the staff's "unanswered questions" view; the resident's id is not kept.
    await audit.record({
      actor: `resident:${conv.channel}`,
      action: helpful ? 'feedback.helpful' : 'feedback.not-helpful',
      target: conv.lastFaqId,
      detail: { question: conv.lastQuestion ?? null, lang },
    });
    if (helpful) {
      if (conv.lastQuestion && conv.lastFaqId) await learning?.note({ entryId: conv.lastFaqId, lang, text: conv.lastQuestion, source: 'helpful' });
      return turn.answer({ kind: 'feedback', helpful }, { text: tr.t(lang, 'feedback.thanks') });
    }
    const choices = [
      { id: CHOICE.operatorNotHelpful, label: tr.t(lang, 'feedback.operator') },
      { id: CHOICE.menu, label: tr.t(lang, 'feedback.menu') },
    ];
    turn.answer({ kind: 'feedback', helpful }, { text: tr.t(lang, 'feedback.sorry'), choices });
  };
}
