/** Tickets and their messages (SQLite). */
import { ticketNumber } from '../ticket-id';
import type { Ticket, TicketInput, TicketStatus, TicketStore, TicketSummary, TranscriptLine } from '../types';
import type { SqliteDb } from './db';
import { rowCodec, type Row } from './rows';

type TicketRecord = Omit<Ticket, 'messages'>;
type TicketRow = Row<TicketRecord, 'id'>;
/** What a new ticket's row is written from (the table numbers it). */
type NewTicket = TicketInput & Pick<Ticket, 'createdAt' | 'updatedAt'>;
type MessageRow = Row<TranscriptLine>;

const FIELDS = { excerpt: 'lines', createdAt: 'date', updatedAt: 'date', closedAt: 'date', urgent: 'flag' } as const;
const ticketRows = rowCodec<TicketRecord, 'id'>({ fields: { id: 'id', ...FIELDS }, optional: ['topic', 'assignee', 'closedAt', 'source', 'urgent'] });
const newTicketRows = rowCodec<NewTicket>({ fields: FIELDS, optional: ['topic', 'source', 'urgent'] });
const messageRows = rowCodec<TranscriptLine>({ fields: { at: 'date' } });
const summaryRows = rowCodec<TicketSummary, 'id'>({
  fields: { id: 'id', createdAt: 'date', updatedAt: 'date', closedAt: 'date', urgent: 'flag' },
  optional: ['topic', 'assignee', 'closedAt', 'urgent'],
});
/** The columns of a summary: a ticket's row without its excerpt. */
const SUMMARY_COLUMNS = 'id, channel, chat_id, lang, question, reason, topic, status, assignee, urgent, created_at, updated_at, closed_at';

export class SqliteTickets implements TicketStore {
  private readonly sql;

  constructor(private readonly s: SqliteDb) {
    const { db } = s;
    this.sql = {
      insert: db.prepare<[Row<NewTicket>]>(
        `INSERT INTO tickets (channel, chat_id, lang, question, reason, topic, excerpt, source, urgent, status, created_at, updated_at)
         VALUES (@channel, @chat_id, @lang, @question, @reason, @topic, @excerpt, @source, @urgent, 'queued', @created_at, @updated_at)`,
      ),
      get: db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?'),
      bySource: db.prepare<[string], { id: number }>('SELECT id FROM tickets WHERE source = ?'),
      all: db.prepare<[], TicketRow>('SELECT * FROM tickets ORDER BY created_at, id'),
      openedBetween: db.prepare<[number, number], Row<TicketSummary, 'id'>>(
        `SELECT ${SUMMARY_COLUMNS} FROM tickets WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id`,
      ),
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
      markUrgent: db.prepare<[number, number]>(`UPDATE tickets SET urgent = 1, updated_at = ? WHERE id = ? AND status != 'closed' AND urgent IS NULL`),
      // OR IGNORE: a line whose ref is on the ticket already is not added again.
      messageInsert: db.prepare<[number, string, string, number, string | null]>(
        'INSERT OR IGNORE INTO ticket_messages (ticket_id, from_role, text, at, ref) VALUES (?, ?, ?, ?, ?)',
      ),
      messagesOf: db.prepare<[number], MessageRow>('SELECT from_role AS "from", text, at FROM ticket_messages WHERE ticket_id = ? ORDER BY seq'),
    };
  }

  async create(ticket: TicketInput): Promise<Ticket> {
    const at = this.s.now();
    const row = newTicketRows.toRow({ ...ticket, createdAt: at, updatedAt: at });
    // Unsynced: a ticket is opened while an update is handled, and the update's completion syncs it.
    const made = this.s.writeUnsynced(() => {
      const known = ticket.source === undefined ? undefined : this.sql.bySource.get(ticket.source);
      if (known) return { rowId: known.id, opened: false };
      return { rowId: Number(this.sql.insert.run(row).lastInsertRowid), opened: true };
    });
    if (!made.opened) return this.read(made.rowId) as Ticket;
    // A new ticket is the row just written, queued and without lines: no need to read it back (two
    // reads, each taking the file's read lock, on every hand-off).
    const stored: TicketRow = { ...row, id: made.rowId, status: 'queued', assignee: null, closed_at: null };
    return { ...ticketRows.fromRow(stored), messages: [] };
  }

  async get(id: string): Promise<Ticket | null> {
    const rowId = ticketNumber(id);
    return rowId === undefined ? null : this.read(rowId);
  }

  async append(id: string, line: TranscriptLine, ref?: string): Promise<boolean> {
    const rowId = ticketNumber(id);
    // Unsynced as `create`: an operator's line is followed by its synced status change.
    return this.s.writeUnsynced(() => {
      if (rowId === undefined || this.sql.touch.run(this.s.now().getTime(), rowId).changes === 0) {
        throw new Error(`No ticket with id "${id}"`);
      }
      return this.sql.messageInsert.run(rowId, line.from, line.text, line.at.getTime(), ref ?? null).changes > 0;
    });
  }

  async list(filter: { status?: readonly TicketStatus[] } = {}): Promise<Ticket[]> {
    const rows = filter.status ? this.sql.byStatus.all(JSON.stringify(filter.status)) : this.sql.all.all();
    return rows.map((row) => this.withMessages(row));
  }

  async openedBetween(from: Date, to: Date): Promise<TicketSummary[]> {
    return this.sql.openedBetween.all(from.getTime(), to.getTime()).map(summaryRows.fromRow);
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

  async markUrgent(id: string): Promise<Ticket | null> {
    const rowId = ticketNumber(id);
    if (rowId === undefined) return null;
    const { changes } = this.sql.markUrgent.run(this.s.now().getTime(), rowId);
    return changes === 0 ? null : this.read(rowId);
  }

  private read(rowId: number): Ticket | null {
    const row = this.sql.get.get(rowId);
    return row ? this.withMessages(row) : null;
  }

  private withMessages(row: TicketRow): Ticket {
    return { ...ticketRows.fromRow(row), messages: this.sql.messagesOf.all(row.id).map(messageRows.fromRow) };
  }
}
