/**
 * While an operator has the conversation, every message goes on the ticket and the bot keeps quiet
 * after telling the resident once that it was added. When the operator closed the ticket elsewhere,
 * the bot has the conversation again and the turn goes on. The update that opened the ticket,
 * handled again after a restart (the process died before it was marked handled), is told its
 * ticket number again rather than added to the ticket as a new line. Register it after the
 * handlers that work whoever has the conversation (language, help, unsubscribing) and before the
 * bot's own.
 */
import type { Translator } from '../../i18n';
import { LANGS } from '../../i18n/languages';
import { HandoffUnavailable, type HandoffPort } from '../ports';
import type { Handler } from '../turn';

export interface HandoffGateOptions {
  handoff: Pick<HandoffPort, 'append' | 'openTicket'>;
  translator: Translator;
}

export function handoffGate({ handoff, translator: tr }: HandoffGateOptions): Handler {
  return async (turn, next) => {
    const conv = turn.conversation;
    if (conv.mode !== 'operator' || !conv.ticketId) return next();
    const ticketId = conv.ticketId;
    const ticket = await handoff.openTicket(ticketId);
    if (!ticket) {
      conv.mode = 'bot';
      conv.ticketId = undefined;
      return next();
    }
    if (ticket.source !== undefined && ticket.source === turn.ref) {
      return turn.answer({ kind: 'escalate', ticketId, reason: ticket.reason }, { text: tr.t(turn.lang, 'escalation.queued', { ticket: ticketId }) });
    }
    try {
      await handoff.append(ticketId, { from: 'resident', text: turn.input.residentLine, at: turn.now }, turn.ref);
    } catch (error) {
      if (!(error instanceof HandoffUnavailable)) throw error;
      // Not kept anywhere: the resident hears so instead of "added to your request".
      return turn.answer({ kind: 'queued', ticketId }, { text: tr.t(turn.lang, 'escalation.unavailable') });
    }
    // Said once, whatever language it was said in (a language switch does not make it news).
    const said = new Set(LANGS.map((lang) => tr.t(lang, 'escalation.appended', { ticket: ticketId })));
    const acknowledged = conv.recent.some((l) => l.from === 'bot' && said.has(l.text));
    if (acknowledged) turn.answer({ kind: 'queued', ticketId });
    else turn.answer({ kind: 'queued', ticketId }, { text: tr.t(turn.lang, 'escalation.appended', { ticket: ticketId }) });
  };
}
