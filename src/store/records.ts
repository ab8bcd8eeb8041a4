import type { Conversation, Ticket } from './types';

/**
 * Record helpers both backends share. A stored row says "absent" with null (SQLite) or by leaving a
 * field out (MongoDB, where lean documents may also carry null); a domain record leaves the field out.
 */

/** Sets on `record` the fields of `optional` whose value is neither null nor undefined, and returns it. */
export function withPresent<T extends object>(record: T, optional: { [K in keyof T]?: T[K] | null }): T {
  for (const [key, value] of Object.entries(optional)) {
    if (value !== null && value !== undefined) (record as Record<string, unknown>)[key] = value;
  }
  return record;
}


/** The named fields of a stored document, as they are (what a record takes over unchanged). */
export function pick<D extends object, K extends keyof D>(doc: D, keys: readonly K[]): Pick<D, K> {
  const out = {} as Pick<D, K>;
  for (const key of keys) out[key] = doc[key];
  return out;
}

/** The conversation of an open ticket's chat when none is stored: with the operator, in the ticket's language. */
export function handedOverConversation(ticket: Pick<Ticket, 'id' | 'channel' | 'chatId' | 'lang'>, at: Date): Conversation {
  const { channel, chatId, lang } = ticket;
  return { channel, chatId, lang, langChosen: false, mode: 'operator', ticketId: ticket.id, offered: [], recent: [], createdAt: at, updatedAt: at };
}
