/** Conversation state (SQLite). */
import { isLang } from '../../i18n/languages';
import { withPresent } from '../records';
import type { Conversation, ConversationStore, OfferedChoice } from '../types';
import { linesFromJson, linesToJson, type SqliteDb } from './db';

interface ConversationRow {
  channel: string;
  chat_id: string;
  lang: string | null;
  lang_chosen: number;
  mode: Conversation['mode'];
  ticket_id: string | null;
  offered: string;
  last_faq_id: string | null;
  last_question: string | null;
  recent: string;
  created_at: number;
  updated_at: number;
}

function conversationToRow(c: Conversation): ConversationRow {
  return {
    channel: c.channel,
    chat_id: c.chatId,
    lang: c.lang ?? null,
    lang_chosen: c.langChosen ? 1 : 0,
    mode: c.mode,
    ticket_id: c.ticketId ?? null,
    offered: JSON.stringify(c.offered),
    last_faq_id: c.lastFaqId ?? null,
    last_question: c.lastQuestion ?? null,
    recent: linesToJson(c.recent),
    created_at: c.createdAt.getTime(),
    updated_at: c.updatedAt.getTime(),
  };
}

function conversationFromRow(row: ConversationRow): Conversation {
  const c: Conversation = {
    channel: row.channel,
    chatId: row.chat_id,
    langChosen: row.lang_chosen === 1,
    mode: row.mode,
    offered: JSON.parse(row.offered) as OfferedChoice[],
    recent: linesFromJson(row.recent),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
  return withPresent(c, { lang: isLang(row.lang) ? row.lang : null, ticketId: row.ticket_id, lastFaqId: row.last_faq_id, lastQuestion: row.last_question });
}

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
    return row ? conversationFromRow(row) : null;
  }

  async save(conversation: Conversation): Promise<void> {
    this.sql.put.run(conversationToRow(conversation));
  }

  async saveMany(conversations: Conversation[]): Promise<void> {
    // One transaction: one WAL sync for the whole batch instead of one per conversation.
    this.s.write(() => {
      for (const c of conversations) this.sql.put.run(conversationToRow(c));
    });
  }
}
