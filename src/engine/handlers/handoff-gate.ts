/**
 * While an operator has the conversation, every message goes on the ticket and the bot keeps quiet
 * after telling the resident once that it was added (once more after an answer meanwhile); only a
 * pick of the entries offered with the hand-off (and "did this help?" after one) still goes on to
 * the bot; /start, /menu or a request for an operator is told where the ticket stands (queued, or
 * with an operator), and so is "алло?", "есть новости?" or a greeting, which also go on the ticket;
 * thanks or goodbye while it is queued hears that it stays open and how to cancel it. /cancel
 * ("отменить обращение") withdraws the ticket and gives the conversation back to the bot. While no
 * operator has taken a ticket opened because the FAQ had no answer, a new question the FAQ answers
 * outright is answered too, and so is a follow-up of such an answer (follow-up.ts); both go on the
 * ticket with what the bot said: a resident with several questions need not wait in the queue for
 * the ones the bot knows. A message saying someone is in danger now (urgency.ts) marks the ticket
 * urgent, so operators take it first, and the resident is told to call 112 right now. When the
 * operator closed the ticket elsewhere, the bot has the conversation again and the turn goes on.
 * The update that opened the ticket, handled again after a restart (the process died before it
 * was marked handled), is told its ticket number again (with the entries offered with it, if the
 * conversation kept them) rather than added to the ticket as a new line.
 * Register it after the handlers that work whoever has the conversation (language, help, alert
 * subscriptions) and before the bot's own.
 */
import { answerText } from '../../faq/entry-text';
import type { Translator } from '../../i18n';
import { LANGS } from '../../i18n/languages';
import { parseChoice } from '../choices';
import type { TicketStatus } from '../../store/types';
import { HandoffUnavailable, type HandoffPort } from '../ports';
import type { Handler, Turn } from '../turn';
import { UrgencyReader } from '../urgency';
import { answerOrFollowUp, type FaqAnswerOptions } from './faq-answer';

export interface HandoffGateOptions {
  handoff: Pick<HandoffPort, 'append' | 'markUrgent' | 'openTicket' | 'withdraw'>;
  translator: Translator;
  /** The FAQ that answers a new question outright while the ticket waits; without it, none is. */
  faq?: Pick<FaqAnswerOptions, 'catalog' | 'thresholds'>;
}

/**
 * The resident picked an offered entry, or said whether it helped (a choice offered last, not a
 * stale button): how the ticket shows it ("[How do I …?]", "[Did this answer help? Yes]").
 */
function readsOfferedAnswer(turn: Turn, tr: Translator): string | undefined {
  const { choice, choiceId } = turn.input;
  if (choice?.kind !== 'faq' && choice?.kind !== 'feedback') return undefined;
  const picked = turn.conversation.offered.find((c) => c.id === choiceId);
  if (!picked) return undefined;
  return choice.kind === 'feedback' ? `${tr.t(turn.lang, 'answer.ask')} ${picked.label}` : picked.label;
}

/** Where the ticket stands: still queued, or with an operator. */
function standing(turn: Turn, tr: Translator, ticketId: string, status: TicketStatus): { text: string } {
  const key = status === 'queued' ? 'escalation.stillQueued' : 'escalation.withOperator';
  return { text: tr.t(turn.lang, key, { ticket: ticketId }) };
}

export function handoffGate({ handoff, translator: tr, faq }: HandoffGateOptions): Handler {
  const urgency = new UrgencyReader(tr);
  /**
   * A question (not a pick, a command or small talk) the FAQ answers outright while no operator has
   * the ticket: answered, and what the bot said goes on the ticket for the operator. False when the
   * FAQ is not sure, which leaves the question to the operator alone.
   */
  const answerMeanwhile = async (turn: Turn, ticketId: string): Promise<boolean> => {
    const { input } = turn;
    if (!faq || input.kind !== 'question' || input.choiceId || input.command || input.smallTalk) return false;
    // Outright, or a follow-up of an answer given meanwhile ("а штраф?" after the curfew hours).
    const answered = answerOrFollowUp(faq, input.question, turn);
    if (!answered) return false;
    const { entry, score } = answered;
    const text = answerText(entry, turn.lang, tr);
    try {
      await handoff.append(ticketId, { from: 'bot', text, at: turn.now }, turn.ref === undefined ? undefined : `${turn.ref}:answer`);
    } catch (error) {
      // The resident's question is on the ticket already; only the note of the answer is missing.
      if (!(error instanceof HandoffUnavailable)) throw error;
    }
    turn.conversation.lastFaqId = entry.id;
    turn.answer(
      { kind: 'answer', faqId: entry.id, score },
      { text },
      { text: tr.t(turn.lang, 'escalation.answeredMeanwhile', { ticket: ticketId }) },
    );
    return true;
  };

  /**
   * A line that says someone is in danger now, on the ticket already: the ticket is marked urgent
   * and the resident told to call 112 now, with the ticket number (every time: it is no news).
   */
  const urgentLine = async (turn: Turn, ticketId: string): Promise<void> => {
    const appended = tr.t(turn.lang, 'escalation.appended', { ticket: ticketId });
    try {
      await handoff.markUrgent(ticketId);
    } catch (error) {
      if (!(error instanceof HandoffUnavailable)) throw error;
      // The line is on the ticket; only the mark is missing. 112 matters more than the mark.
    }
    turn.answer({ kind: 'queued', ticketId }, { text: `${tr.t(turn.lang, 'escalation.urgent')} ${appended}` });
  };

  /** /cancel with no request open: said so, and nothing is opened. */
  const nothingToCancel = (turn: Turn): void => turn.answer({ kind: 'command', name: 'cancel' }, { text: tr.t(turn.lang, 'escalation.nothingToCancel') });

  /** The resident no longer needs the operator: the ticket is closed as theirs to close. */
  const cancel = async (turn: Turn, ticketId: string): Promise<void> => {
    const conv = turn.conversation;
    const outcome = { kind: 'command', name: 'cancel' } as const;
    try {
      await handoff.withdraw(ticketId, 'cancelled');
    } catch (error) {
      if (!(error instanceof HandoffUnavailable)) throw error;
      // The ticket stays open: the resident must not be told it is gone.
      return turn.answer(outcome, { text: tr.t(turn.lang, 'escalation.unavailable') });
    }
    conv.mode = 'bot';
    conv.ticketId = undefined;
    turn.answer(outcome, { text: tr.t(turn.lang, 'escalation.cancelled', { ticket: ticketId }) });
  };

  return async (turn, next) => {
    const conv = turn.conversation;
    const command = turn.input.command?.name;
    if (conv.mode !== 'operator' || !conv.ticketId) return command === 'cancel' ? nothingToCancel(turn) : next();
    const ticketId = conv.ticketId;
    const ticket = await handoff.openTicket(ticketId);
    if (!ticket) {
      conv.mode = 'bot';
      conv.ticketId = undefined;
      return command === 'cancel' ? nothingToCancel(turn) : next();
    }
    if (ticket.source !== undefined && ticket.source === turn.ref) {
      const queued = { text: tr.t(turn.lang, 'escalation.queued', { ticket: ticketId }) };
      // The entries offered with it, when the conversation kept them, are offered again, not dropped.
      const hints = conv.offered.flatMap((c) => {
        const choice = parseChoice(c.id);
        return choice?.kind === 'faq' ? [{ offered: c, id: choice.id }] : [];
      });
      if (hints.length === 0) return turn.answer({ kind: 'escalate', ticketId, reason: ticket.reason }, queued);
      const outcome = { kind: 'escalate', ticketId, reason: ticket.reason, faqIds: hints.map((h) => h.id) } as const;
      return turn.answer(outcome, queued, { text: tr.t(turn.lang, 'escalation.hints'), choices: hints.map((h) => h.offered) });
    }
    if (command === 'cancel') return cancel(turn, ticketId);
    // Asking for the menu, a restart or an operator again is not news for the operator: the resident
    // hears where the request stands instead of silence.
    if (command === 'start' || command === 'menu' || command === 'operator') {
      return turn.answer({ kind: 'queued', ticketId }, standing(turn, tr, ticketId, ticket.status));
    }
    const reading = readsOfferedAnswer(turn, tr);
    const text = reading ? `[${reading}]` : turn.input.residentLine;
    try {
      await handoff.append(ticketId, { from: 'resident', text, at: turn.now }, turn.ref);
    } catch (error) {
      if (!(error instanceof HandoffUnavailable)) throw error;
      // Not kept anywhere: the resident hears so instead of "added to your request".
      return turn.answer({ kind: 'queued', ticketId }, { text: tr.t(turn.lang, 'escalation.unavailable') });
    }
    // An entry offered with the hand-off, and "did this help?" after it: the bot answers them while
    // the ticket stays open (the operator sees the taps on it).
    if (reading) return next();
    // Someone in danger now: the queue's first, and 112 for the resident whatever else was said.
    if (urgency.says(turn.input.text)) return urgentLine(turn, ticketId);
    // "Алло?", "есть новости?", a greeting: on the ticket, and the resident hears where it stands.
    const talk = turn.input.smallTalk;
    if (talk === 'waiting' || talk === 'greeting') return turn.answer({ kind: 'queued', ticketId }, standing(turn, tr, ticketId, ticket.status));
    // Thanks or goodbye while still queued (often for an answer given meanwhile) does not close the
    // request: the resident hears that it stays open, and how to drop it. With an operator, they are
    // the operator's.
    if ((talk === 'thanks' || talk === 'bye') && ticket.status === 'queued') {
      const key = talk === 'thanks' ? 'escalation.thanksQueued' : 'escalation.byeQueued';
      return turn.answer({ kind: 'queued', ticketId }, { text: tr.t(turn.lang, key, { ticket: ticketId }) });
    }
    // Only for a ticket the bot opened because it had no answer: who asked for a person, or said an
    // answer did not help, is telling the operator more, not asking the bot.
    if (ticket.status === 'queued' && ticket.reason === 'no-match' && (await answerMeanwhile(turn, ticketId))) return;
    // Said once, whatever language it was said in (a language switch does not make it news), and
    // once more after the bot answered a question meanwhile: silence then would leave the resident
    // taking this message for one the bot is answering.
    const said = new Set(LANGS.map((lang) => tr.t(lang, 'escalation.appended', { ticket: ticketId })));
    const answered = new Set(LANGS.flatMap((lang) => [tr.t(lang, 'escalation.answeredMeanwhile', { ticket: ticketId }), tr.t(lang, 'answer.ask')]));
    let acknowledged = false;
    for (const line of conv.recent) {
      if (line.from !== 'bot') continue;
      if (said.has(line.text)) acknowledged = true;
      else if (answered.has(line.text)) acknowledged = false;
    }
    if (acknowledged) turn.answer({ kind: 'queued', ticketId });
    else turn.answer({ kind: 'queued', ticketId }, { text: tr.t(turn.lang, 'escalation.appended', { ticket: ticketId }) });
  };
}
