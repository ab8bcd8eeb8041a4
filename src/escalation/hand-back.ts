/**
 * An operator closed the ticket: the bot has the conversation again and asks the resident for a
 * 1–5 rating. The conversation is updated in its own queue, like a message, and stored before the
 * question is returned for the caller to deliver (the resident sent nothing to answer).
 */
import { CHOICE, RATING_SCORES } from '../engine/choices';
import type { ConversationEngine } from '../engine/engine';
import type { Reply } from '../engine/types';
import type { Translator } from '../i18n';
import type { Ticket } from '../store/types';

export function handBack(engine: Pick<ConversationEngine, 'speak'>, tr: Translator): (ticket: Ticket) => Promise<Reply[]> {
  return (ticket) =>
    engine.speak(ticket.channel, ticket.chatId, (conv) => {
      if (conv.ticketId === ticket.id) {
        conv.mode = 'bot';
        conv.ticketId = undefined;
      }
      const choices = RATING_SCORES.map((score) => ({ id: CHOICE.rating(score), label: String(score) }));
      return [{ text: tr.t(conv.lang ?? ticket.lang, 'escalation.closed', { ticket: ticket.id }), choices }];
    });
}
