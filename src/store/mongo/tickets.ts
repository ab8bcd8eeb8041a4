/** Tickets and their messages (MongoDB). */
import { pick, withPresent } from '../records';
import { ticketNumber } from '../ticket-id';
import type { Ticket, TicketInput, TicketStatus, TicketStore, TranscriptLine } from '../types';
import { lineFromDoc } from './conversations';
import type { MongoDb } from './db';
import type { TicketDoc } from './schemas';

function ticketFromDoc(doc: TicketDoc): Ticket {
  const t: Ticket = {
    id: String(doc._id),
    ...pick(doc, ['channel', 'chatId', 'lang', 'question', 'reason', 'status', 'createdAt', 'updatedAt']),
    excerpt: (doc.excerpt ?? []).map(lineFromDoc),
    messages: (doc.messages ?? []).map(lineFromDoc),
  };
  return withPresent(t, pick(doc, ['topic', 'assignee', 'closedAt', 'source']));
}

export class MongoTickets implements TicketStore {
  constructor(private readonly d: MongoDb) {}

  async create(input: TicketInput): Promise<Ticket> {
    if (input.source !== undefined) {
      const known = await this.d.m.tickets.findOne({ source: input.source }).lean<TicketDoc>();
      if (known) return ticketFromDoc(known);
    }
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

  async append(id: string, line: TranscriptLine, ref?: string): Promise<boolean> {
    const n = ticketNumber(id);
    if (n === undefined) throw new Error(`No ticket with id "${id}"`);
    // With a ref, the condition makes the push happen once: a second append of that ref matches nothing.
    const condition = ref === undefined ? { _id: n } : { _id: n, messageRefs: { $ne: ref } };
    const push = ref === undefined ? { messages: lineFromDoc(line) } : { messages: lineFromDoc(line), messageRefs: ref };
    const result = await this.d.m.tickets.updateOne(condition, { $push: push, $set: { updatedAt: this.d.now() } }, { runValidators: true });
    if (result.matchedCount > 0) return true;
    if (ref !== undefined && (await this.d.m.tickets.exists({ _id: n }))) return false;
    throw new Error(`No ticket with id "${id}"`);
  }

  async list(filter: { status?: TicketStatus[] } = {}): Promise<Ticket[]> {
    const query = filter.status ? { status: { $in: filter.status } } : {};
    const docs = await this.d.m.tickets.find(query).sort({ createdAt: 1, _id: 1 }).lean<TicketDoc[]>();
    return docs.map(ticketFromDoc);
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
