/** Conversation state (MongoDB). */
import { handedOverConversation, pick, withPresent } from '../records';
import type { Conversation, ConversationStore, Ticket, TranscriptLine } from '../types';
import { setAndUnset, type MongoDb } from './db';

export function lineFromDoc(l: TranscriptLine): TranscriptLine {
  return { from: l.from, text: l.text, at: l.at };
}

function conversationFromDoc(doc: Conversation): Conversation {
  const c: Conversation = {
    ...pick(doc, ['channel', 'chatId', 'langChosen', 'mode', 'createdAt', 'updatedAt']),
    offered: (doc.offered ?? []).map((o) => ({ id: o.id, label: o.label })),
    recent: (doc.recent ?? []).map(lineFromDoc),
  };
  return withPresent(c, pick(doc, ['lang', 'ticketId', 'lastFaqId', 'lastQuestion']));
}

/** The update that makes the stored conversation equal to `c` (absent optionals are removed). */
function conversationUpdate(c: Conversation) {
  return setAndUnset(c, ['lang', 'ticketId', 'lastFaqId', 'lastQuestion']);
}

export class MongoConversations implements ConversationStore {
  constructor(private readonly d: MongoDb) {}

  async get(channel: string, chatId: string): Promise<Conversation | null> {
    const doc = await this.d.m.conversations.findOne({ channel, chatId }).lean<Conversation>();
    return doc ? conversationFromDoc(doc) : null;
  }

  async save(c: Conversation): Promise<void> {
    await this.d.m.conversations.findOneAndUpdate({ channel: c.channel, chatId: c.chatId }, conversationUpdate(c), {
      upsert: true,
      runValidators: true,
      projection: { _id: 1 },
    });
  }

  async restoreHandoff(ticket: Pick<Ticket, 'id' | 'channel' | 'chatId' | 'lang'>, at: Date): Promise<boolean> {
    const { channel, chatId } = ticket;
    const handedOver = await this.d.m.conversations.updateOne(
      { channel, chatId, mode: { $ne: 'operator' } },
      { $set: { mode: 'operator', ticketId: ticket.id, updatedAt: at }, $unset: { lastQuestion: '', lastFaqId: '' } },
    );
    if (handedOver.modifiedCount > 0) return true;
    // Missing altogether: created with an operator; one that exists (with an operator) is left alone.
    // The filter's channel and chat id go into the inserted document; the rest comes from here.
    const { channel: _channel, chatId: _chatId, ...fresh } = handedOverConversation(ticket, at);
    const created = await this.d.m.conversations.updateOne({ channel, chatId }, { $setOnInsert: fresh }, { upsert: true });
    return created.upsertedCount > 0;
  }

  async saveMany(conversations: Conversation[]): Promise<void> {
    if (conversations.length === 0) return;
    // Ordered: a later state of the same conversation in the batch lands after an earlier one.
    await this.d.m.conversations.bulkWrite(
      conversations.map((c) => ({ updateOne: { filter: { channel: c.channel, chatId: c.chatId }, update: conversationUpdate(c), upsert: true } })),
      { ordered: true },
    );
  }
}
