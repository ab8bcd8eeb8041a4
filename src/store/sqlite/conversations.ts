/** Conversation state (SQLite). */
import type { Conversation, ConversationStore, Ticket } from '../types';
import { handedOverConversation } from '../records';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type ConversationRow = Row<Conversation>;

const rows = rowCodec<Conversation>({
  fields: { langChosen: 'flag', offered: 'json', recent: 'lines', createdAt: 'date', updatedAt: 'date' },
  optional: ['lang', 'ticketId', 'lastFaqId', 'lastQuestion'],
});

/** A whole conversation row; on a conflict with a stored one, replace it or keep the stored one. */
function insertRow(onConflict: 'REPLACE' | 'IGNORE'): string {
  return `INSERT OR ${onConflict} INTO conversations (channel, chat_id, lang, lang_chosen, mode, ticket_id, offered,
      last_faq_id, last_question, recent, created_at, updated_at)
    VALUES (@channel, @chat_id, @lang, @lang_chosen, @mode, @ticket_id, @offered,
      @last_faq_id, @last_question, @recent, @created_at, @updated_at)`;
}

export class SqliteConversations implements ConversationStore {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    this.sql = {
      get: s.db.prepare<[string, string], ConversationRow>('SELECT * FROM conversations WHERE channel = ? AND chat_id = ?'),
      put: s.db.prepare<[ConversationRow]>(insertRow('REPLACE')),
      handOver: s.db.prepare<{ channel: string; chat_id: string; ticket_id: string; at: number }>(
        `UPDATE conversations SET mode = 'operator', ticket_id = @ticket_id, last_question = NULL, last_faq_id = NULL, updated_at = @at
         WHERE channel = @channel AND chat_id = @chat_id AND mode <> 'operator'`,
      ),
      // OR IGNORE: a conversation that exists (with an operator already) is left as it is.
      insertHandedOver: s.db.prepare<[ConversationRow]>(insertRow('IGNORE')),
    };
  }

  async get(channel: string, chatId: string): Promise<Conversation | null> {
    const row = this.sql.get.get(channel, chatId);
    return row ? rows.fromRow(row) : null;
  }

  async save(conversation: Conversation): Promise<void> {
    this.sql.put.run(rows.toRow(conversation));
  }

  async restoreHandoff(ticket: Pick<Ticket, 'id' | 'channel' | 'chatId' | 'lang'>, at: Date): Promise<boolean> {
    return this.s.write(() => {
      const key = { channel: ticket.channel, chat_id: ticket.chatId, ticket_id: ticket.id, at: at.getTime() };
      if (this.sql.handOver.run(key).changes > 0) return true;
      return this.sql.insertHandedOver.run(rows.toRow(handedOverConversation(ticket, at))).changes > 0;
    });
  }

  async saveMany(conversations: Conversation[]): Promise<void> {
    // One transaction: one WAL sync for the whole batch instead of one per conversation.
    this.s.write(() => {
      for (const c of conversations) this.sql.put.run(rows.toRow(c));
    });
  }
}
