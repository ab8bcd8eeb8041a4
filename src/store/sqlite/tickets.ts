/** Tickets and their messages (SQLite). */
import { withPresent } from '../records';
import { ticketNumber } from '../ticket-id';
import type { Ticket, TicketInput, TicketStatus, TicketStore, TranscriptLine } from '../types';
import { dateOrNull, linesFromJson, linesToJson, type SqliteDb } from './db';

interface TicketRow {
  id: number;
  channel: string;
  chat_id: string;
  lang: TicketInput['lang'];
  question: string;
  reason: TicketInput['reason'];
  topic: string | null;
  excerpt: string;
  status: TicketStatus;
  assignee: string | null;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

interface MessageRow {
  from_role: TranscriptLine['from'];
  text: string;
  at: number;
}

function ticketFromRow(row: TicketRow, messages: readonly MessageRow[]): Ticket {
  const t: Ticket = {
    id: String(row.id),
    channel: row.channel,
    chatId: row.chat_id,
    lang: row.lang,
    question: row.question,
    reason: row.reason,
    excerpt: linesFromJson(row.excerpt),
    status: row.status,
    messages: messages.map((m) => ({ from: m.from_role, text: m.text, at: new Date(m.at) })),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
  return withPresent(t, { topic: row.topic, assignee: row.assignee, closedAt: dateOrNull(row.closed_at) });
}

export class SqliteTickets implements TicketStore {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    const { db } = s;
    this.sql = {
      insert: db.prepare<[Omit<TicketRow, 'id' | 'assignee' | 'closed_at' | 'status'>]>(
        `INSERT INTO tickets (channel, chat_id, lang, question, reason, topic, excerpt, status, created_at, updated_at)
         VALUES (@channel, @chat_id, @lang, @question, @reason, @topic, @excerpt, 'queued', @created_at, @updated_at)`,
      ),
      get: db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?'),
      all: db.prepare<[], TicketRow>('SELECT * FROM tickets ORDER BY created_at, id'),
      byStatus: db.prepare<[string], TicketRow>(
        'SELECT * FROM tickets WHERE status IN (SELECT value FROM json_each(?)) ORDER BY created_at, id',
      ),
      latestClosed: db.prepare<[string, string], TicketRow>(
        `SELECT * FROM tickets WHERE channel = ? AND chat_id = ? AND status = 'closed'
         ORDER BY created_at DESC, id DESC LIMIT 1`,
      ),
      touch: db.prepare<[number, number]>('UPDATE tickets SET updated_at = ? WHERE id = ?'),
      status: db.prepare<{ id: number; status: TicketStatus; assignee: string | null; at: number }>(
        `UPDATE tickets SET status = @status, assignee = COALESCE(@assignee, assignee), updated_at = @at,
           closed_at = CASE WHEN @status = 'closed' THEN COALESCE(closed_at, @at) ELSE NULL END
         WHERE id = @id`,
      ),
      claim: db.prepare<{ id: number; assignee: string; at: number }>(
        `UPDATE tickets SET status = 'assigned', assignee = @assignee, updated_at = @at
         WHERE id = @id AND status = 'queued'`,
      ),
      messageInsert: db.prepare<[number, string, string, number]>(
        'INSERT INTO ticket_messages (ticket_id, from_role, text, at) VALUES (?, ?, ?, ?)',
      ),
      messagesOf: db.prepare<[number], MessageRow>('SELECT from_role, text, at FROM ticket_messages WHERE ticket_id = ? ORDER BY seq'),
    };
  }

  async create(ticket: TicketInput): Promise<Ticket> {
    const at = this.s.now().getTime();
    const { lastInsertRowid } = this.sql.insert.run({
      channel: ticket.channel,
      chat_id: ticket.chatId,
      lang: ticket.lang,
      question: ticket.question,
      reason: ticket.reason,
      topic: ticket.topic ?? null,
      excerpt: linesToJson(ticket.excerpt),
      created_at: at,
      updated_at: at,
    });
    return this.read(Number(lastInsertRowid)) as Ticket;
  }

  async get(id: string): Promise<Ticket | null> {
    const rowId = ticketNumber(id);
    return rowId === undefined ? null : this.read(rowId);
  }

  async append(id: string, line: TranscriptLine): Promise<void> {
    const rowId = ticketNumber(id);
    this.s.write(() => {
      if (rowId === undefined || this.sql.touch.run(this.s.now().getTime(), rowId).changes === 0) {
        throw new Error(`No ticket with id "${id}"`);
      }
      this.sql.messageInsert.run(rowId, line.from, line.text, line.at.getTime());
    });
  }

  async list(filter: { status?: TicketStatus[] } = {}): Promise<Ticket[]> {
    const rows = filter.status ? this.sql.byStatus.all(JSON.stringify(filter.status)) : this.sql.all.all();
    return rows.map((row) => this.withMessages(row));
  }

  async latestClosed(channel: string, chatId: string): Promise<Ticket | null> {
    const row = this.sql.latestClosed.get(channel, chatId);
    return row ? this.withMessages(row) : null;
  }

  async setStatus(id: string, status: TicketStatus, assignee?: string): Promise<Ticket | null> {
    const rowId = ticketNumber(id);
    if (rowId === undefined) return null;
    const { changes } = this.sql.status.run({ id: rowId, status, assignee: assignee ?? null, at: this.s.now().getTime() });
    return changes === 0 ? null : this.read(rowId);
  }

  async claim(id: string, operator: string): Promise<Ticket | null> {
    const rowId = ticketNumber(id);
    if (rowId === undefined) return null;
    // The status condition in the WHERE clause is the lock: only one UPDATE can see 'queued'.
    const { changes } = this.sql.claim.run({ id: rowId, assignee: operator, at: this.s.now().getTime() });
    return changes === 0 ? null : this.read(rowId);
  }

  private read(rowId: number): Ticket | null {
    const row = this.sql.get.get(rowId);
    return row ? this.withMessages(row) : null;
  }

  private withMessages(row: TicketRow): Ticket {
    return ticketFromRow(row, this.sql.messagesOf.all(row.id));
  }
}
