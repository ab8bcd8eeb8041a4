/** Tickets and their messages (MongoDB). */
import { pick, withPresent } from '../records';
import { ticketNumber } from '../ticket-id';
import type { Ticket, TicketInput, TicketStatus, TicketStore, TicketSummary, TranscriptLine } from '../types';
import { lineFromDoc } from './conversations';
import type { MongoDb } from './db';
import type { TicketDoc } from './schemas';

function summaryFromDoc(doc: Omit<TicketDoc, 'excerpt' | 'messages'>): TicketSummary {
  const t: TicketSummary = { id: String(doc._id), ...pick(doc, ['channel', 'chatId', 'lang', 'question', 'reason', 'status', 'createdAt', 'updatedAt']) };
  return withPresent(t, pick(doc, ['topic', 'assignee', 'closedAt']));
}

function ticketFromDoc(doc: TicketDoc): Ticket {
  return { ...summaryFromDoc(doc), excerpt: (doc.excerpt ?? []).map(lineFromDoc), messages: (doc.messages ?? []).map(lineFromDoc) };
}

export class MongoTickets implements TicketStore {
  constructor(private readonly d: MongoDb) {}

  async create(input: TicketInput): Promise<Ticket> {
    const at = this.d.now();
    const doc: TicketDoc = {
      _id: await this.d.next('ticket'),
      ...input,
      excerpt: input.excerpt.map(lineFromDoc),
      status: 'queued',
      messages: [],
      createdAt: at,
      updatedAt: at,
    };
    await this.d.m.tickets.create([doc]);
    return ticketFromDoc(doc);
  }

  async get(id: string): Promise<Ticket | null> {
    const n = ticketNumber(id);
    if (n === undefined) return null;
    const doc = await this.d.m.tickets.findById(n).lean<TicketDoc>();
    return doc ? ticketFromDoc(doc) : null;
  }

  async append(id: string, line: TranscriptLine): Promise<void> {
    const n = ticketNumber(id);
    const result =
      n === undefined
        ? undefined
        : await this.d.m.tickets.updateOne({ _id: n }, { $push: { messages: lineFromDoc(line) }, $set: { updatedAt: this.d.now() } }, { runValidators: true });
    if (!result || result.matchedCount === 0) throw new Error(`No ticket with id "${id}"`);
  }

  async list(filter: { status?: TicketStatus[] } = {}): Promise<Ticket[]> {
    const query = filter.status ? { status: { $in: filter.status } } : {};
    const docs = await this.d.m.tickets.find(query).sort({ createdAt: 1, _id: 1 }).lean<TicketDoc[]>();
    return docs.map(ticketFromDoc);
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
    return doc ? ticketFromDoc(doc) : null;
  }

  async setStatus(id: string, status: TicketStatus, assignee?: string): Promise<Ticket | null> {
    const at = this.d.now();
    const $set: Record<string, unknown> = { status, updatedAt: at };
    if (assignee !== undefined) $set.assignee = assignee;
    // Closing keeps the first closing time ($min sets it when absent); any other status clears it.
    return this.update(id, {}, status === 'closed' ? { $set, $min: { closedAt: at } } : { $set, $unset: { closedAt: '' } });
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
    return doc ? ticketFromDoc(doc) : null;
  }
}
