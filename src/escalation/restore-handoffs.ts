/**
 * Start-up: every open ticket's conversation is given back to its operator. A hand-off is durable
 * once its ticket is stored (the hand-off port awaits that before the resident is told the ticket
 * number); the conversation's new mode is written behind with the rest of its state, a few
 * milliseconds later, to save a second disk flush per hand-off. A process killed in between leaves
 * an open ticket whose conversation still says "bot": restored here before any message is handled,
 * so the resident's next line reaches the operator instead of the bot.
 */
import { ticketNumber } from '../store/ticket-id';
import { OPEN_TICKET_STATUSES, type Store } from '../store/types';

/** Resolves how many conversations it gave back to their operator. */
export async function restoreHandoffs(store: Pick<Store, 'tickets' | 'conversations'>, at: Date): Promise<number> {
  const open = await store.tickets.list({ status: OPEN_TICKET_STATUSES });
  // Newest first: were a chat ever to have two open tickets, the latest one has it.
  const latestFirst = [...open].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (ticketNumber(b.id) ?? 0) - (ticketNumber(a.id) ?? 0));
  const chats = new Set<string>();
  let restored = 0;
  for (const ticket of latestFirst) {
    const chat = `${ticket.channel}\u0000${ticket.chatId}`;
    if (chats.has(chat)) continue;
    chats.add(chat);
    if (await store.conversations.restoreHandoff(ticket, at)) restored += 1;
  }
  return restored;
}
