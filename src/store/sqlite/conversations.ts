/** Conversation state (SQLite). */
import type { Conversation, ConversationStore } from '../types';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type ConversationRow = Row<Conversation>;

const rows = rowCodec<Conversation>({
  fields: { langChosen: 'flag', offered: 'json', recent: 'lines', createdAt: 'date', updatedAt: 'date' },
  optional: ['lang', 'ticketId', 'lastFaqId', 'lastQuestion'],
});

export class SqliteConversations implements ConversationStore {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    this.sql = {
      get: s.db.prepare<[string, string], ConversationRow>('SELECT * FROM conversations WHERE channel = ? AND chat_id = ?'),
      put: s.db.prepare<[ConversationRow]>(
        `INSERT OR REPLACE INTO conversations (channel, chat_id, lang, lang_chosen, mode, ticket_id, offered,
           last_faq_id, last_question, recent, created_at, updated_at)
         VALUES (@channel, @chat_id, @lang, @lang_chosen, @mode, @ticket_id, @offered,
           @last_faq_id, @last_question, @recent, @created_at, @updated_at)`,
      ),
    };
  }

  async get(channel: string, chatId: string): Promise<Conversation | null> {
    const row = this.sql.get.get(channel, chatId);
    return row ? rows.fromRow(row) : null;
  }

  async save(conversation: Conversation): Promise<void> {
    this.sql.put.run(rows.toRow(conversation));
  }

  async saveMany(conversations: Conversation[]): Promise<void> {
    // One transaction: one WAL sync for the whole batch instead of one per conversation.
    this.s.write(() => {
      for (const c of conversations) this.sql.put.run(rows.toRow(c));
    });
  }
}
