/**
 * Tickets and their messages (MongoDB). A ticket's messages are documents of their own in
 * `ticket_messages` (as SQLite has a `ticket_messages` table), numbered per ticket by a counter
 * in the ticket: a busy ticket never nears the 16 MB document limit, and a list reads the
 * messages of all its tickets in one indexed query.
 */
import type { mongo } from 'mongoose';
import { pick, withPresent } from '../records';
import { ticketNumber } from '../ticket-id';
import type { Ticket, TicketInput, TicketStatus, TicketStore, TicketSummary, TranscriptLine } from '../types';
import { lineFromDoc } from './conversations';
import { isDuplicateKey, type MongoDb } from './db';
import type { CollectionIndexes } from './indexes';
import type { TicketDoc } from './schemas';

const MESSAGES = 'ticket_messages';

interface MessageDoc extends TranscriptLine {
  ticketId: number;
  /** 1, 2, … per ticket, in append order (a ref already appended leaves a gap). */
  seq: number;
  /** The update the line came from: appended once per ticket. */
  ref?: string;
}

export const TICKET_INDEXES: CollectionIndexes[] = [
  {
    collection: MESSAGES,
    indexes: [
      { key: { ticketId: 1, seq: 1 }, unique: true },
      // A line from one update is kept once, however often the update is handled.
      { key: { ticketId: 1, ref: 1 }, unique: true, partialFilterExpression: { ref: { $type: 'string' } } },
    ],
  },
];

function summaryFromDoc(doc: Omit<TicketDoc, 'excerpt' | 'messages'>): TicketSummary {
  const t: TicketSummary = { id: String(doc._id), ...pick(doc, ['channel', 'chatId', 'lang', 'question', 'reason', 'status', 'createdAt', 'updatedAt']) };
  return withPresent(t, pick(doc, ['topic', 'assignee', 'closedAt', 'source', 'urgent']));
}

function ticketFromDoc(doc: TicketDoc, messages: TranscriptLine[]): Ticket {
  return {
    ...summaryFromDoc(doc),
    excerpt: (doc.excerpt ?? []).map(lineFromDoc),
    // Tickets from before messages moved out keep their earlier ones in the document.
    messages: [...(doc.messages ?? []).map(lineFromDoc), ...messages],
  };
}

export class MongoTickets implements TicketStore {
  private readonly messages: mongo.Collection<MessageDoc>;

  constructor(private readonly d: MongoDb) {
    this.messages = d.db.collection<MessageDoc>(MESSAGES);
  }

  async create(input: TicketInput): Promise<Ticket> {
    if (input.source !== undefined) {
      const known = await this.bySource(input.source);
      if (known) return known;
    }
    const at = this.d.now();
    const doc: TicketDoc = {
      _id: await this.d.next('ticket'),
      ...input,
      excerpt: input.excerpt.map(lineFromDoc),
      status: 'queued',
      messageCount: 0,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await this.d.m.tickets.create([doc]);
    } catch (error) {
      // The same update handled by another process in between: its ticket stands.
      const known = input.source !== undefined && isDuplicateKey(error) ? await this.bySource(input.source) : null;
      if (known) return known;
      throw error;
    }
    return ticketFromDoc(doc, []);
  }

  private async bySource(source: string): Promise<Ticket | null> {
    const doc = await this.d.m.tickets.findOne({ source }).lean<TicketDoc>();
    return doc ? this.withMessages(doc) : null;
  }

  async get(id: string): Promise<Ticket | null> {
    const n = ticketNumber(id);
    if (n === undefined) return null;
    const doc = await this.d.m.tickets.findById(n).lean<TicketDoc>();
    return doc ? this.withMessages(doc) : null;
  }

  /**
   * Takes the next number from the ticket (which also proves it exists) and inserts the message
   * under it. Concurrent appends each get their own number; between the two writes a reader may
   * briefly see a later message before an earlier one, never one out of place once both are in.
   * With `ref`, a line already appended from that update is not appended again (resolves false).
   */
  async append(id: string, line: TranscriptLine, ref?: string): Promise<boolean> {
    const n = ticketNumber(id);
    if (n !== undefined && ref !== undefined && (await this.messages.findOne({ ticketId: n, ref }, { projection: { _id: 1 } }))) return false;
    const ticket =
      n === undefined
        ? null
        : await this.d.m.tickets
            .findOneAndUpdate({ _id: n }, { $inc: { messageCount: 1 }, $set: { updatedAt: this.d.now() } }, { returnDocument: 'after', projection: { messageCount: 1 } })
            .lean<Pick<TicketDoc, '_id' | 'messageCount'>>();
    if (!ticket) throw new Error(`No ticket with id "${id}"`);
    try {
      await this.messages.insertOne(withPresent<MessageDoc>({ ticketId: ticket._id, seq: ticket.messageCount, ...lineFromDoc(line) }, { ref }));
    } catch (error) {
      // The same update appended by another handler in between: that copy stands.
      if (ref !== undefined && isDuplicateKey(error)) return false;
      throw error;
    }
    return true;
  }

  async list(filter: { status?: readonly TicketStatus[] } = {}): Promise<Ticket[]> {
    const query = filter.status ? { status: { $in: filter.status } } : {};
    const docs = await this.d.m.tickets.find(query).sort({ createdAt: 1, _id: 1 }).lean<TicketDoc[]>();
    const byTicket = await this.messagesOf(docs.map((doc) => doc._id));
    return docs.map((doc) => ticketFromDoc(doc, byTicket.get(doc._id) ?? []));
  }

  async openedBetween(from: Date, to: Date): Promise<TicketSummary[]> {
    const docs = await this.d.m.tickets
      .find({ createdAt: { $gte: from, $lt: to } }, { excerpt: 0, messages: 0 })
      .sort({ createdAt: 1, _id: 1 })
      .lean<Omit<TicketDoc, 'excerpt' | 'messages'>[]>();
    return docs.map(summaryFromDoc);
  }

  async latestClosed(channel: string, chatId: string): Promise<Ticket | null> {
    const doc = await this.d.m.tickets.findOne({ channel, chatId, status: 'closed' }).sort({ createdAt: -1, _id: -1 }).lean<TicketDoc>();
    return doc ? this.withMessages(doc) : null;
  }

  async setStatus(id: string, status: TicketStatus, assignee?: string): Promise<Ticket | null> {
    const at = this.d.now();
    const $set: Record<string, unknown> = { status, updatedAt: at };
    if (assignee !== undefined) $set.assignee = assignee;
    // Closing keeps the first closing time ($min sets it when absent); any other status clears it.
    return this.update(id, {}, status === 'closed' ? { $set, $min: { closedAt: at } } : { $set, $unset: { closedAt: '' } });
  }

  async markUrgent(id: string): Promise<Ticket | null> {
    // The conditions make it a conditional write, as claim's status does.
    return this.update(id, { status: { $ne: 'closed' }, urgent: { $exists: false } }, { $set: { urgent: true, updatedAt: this.d.now() } });
  }

  async claim(id: string, operator: string): Promise<Ticket | null> {
    // The status filter makes the update conditional: only one findOneAndUpdate matches 'queued'.
    return this.update(id, { status: 'queued' }, { $set: { status: 'assigned', assignee: operator, updatedAt: this.d.now() } });
  }

  private async update(id: string, condition: Record<string, unknown>, update: Record<string, unknown>): Promise<Ticket | null> {
    const n = ticketNumber(id);
    if (n === undefined) return null;
    const doc = await this.d.m.tickets
      .findOneAndUpdate({ _id: n, ...condition }, update, { returnDocument: 'after', runValidators: true })
      .lean<TicketDoc>();
    return doc ? this.withMessages(doc) : null;
  }

  private async withMessages(doc: TicketDoc): Promise<Ticket> {
    return ticketFromDoc(doc, (await this.messagesOf([doc._id])).get(doc._id) ?? []);
  }

  /** The messages of the given tickets, in order, from one query the (ticketId, seq) index serves. */
  private async messagesOf(ids: number[]): Promise<Map<number, TranscriptLine[]>> {
    const byTicket = new Map<number, TranscriptLine[]>();
    if (ids.length === 0) return byTicket;
    const filter: mongo.Filter<MessageDoc> = ids.length === 1 ? { ticketId: ids[0] } : { ticketId: { $in: ids } };
    for await (const m of this.messages.find(filter).sort({ ticketId: 1, seq: 1 })) {
      const lines = byTicket.get(m.ticketId) ?? [];
      lines.push(lineFromDoc(m));
      byTicket.set(m.ticketId, lines);
    }
    return byTicket;
  }
}
