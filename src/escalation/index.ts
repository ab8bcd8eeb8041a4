/**
 * The hand-off seam between the bot and human operators: the engine's hand-off port. The engine
 * only starts a hand-off, appends what the resident writes, asks whether it is still open,
 * withdraws it when the resident found the answer meanwhile and passes on the resident's rating;
 * who picks it up (the console inbox, a Telegram operator group) listens to the ticket events, from
 * this process and the others. Tickets live in the store, so nothing is lost on restart.
 *
 * While the store refuses writes, a resident's line on an open ticket and a rating are held and
 * written when it is back (`HeldWrites`); a new hand-off is refused (HandoffUnavailable), because
 * a ticket nobody can see must not be promised.
 */
import { holdable, HeldWritesFull, type HeldWrites } from '../delivery/held-writes';
import { isStoreUnavailable } from '../delivery/store-trouble';
import { HandoffUnavailable, type HandoffPort, type WithdrawReason } from '../engine/ports';
import type { AuditInput, Store, Ticket, TicketInput, TranscriptLine } from '../store/types';
import { TicketEvents } from './ticket-events';
import { withdrawalRecord } from './withdrawal';

export class HandoffDesk implements HandoffPort {
  /** What happens to tickets: a new one ('opened'), a resident's message ('message'), an operator's actions. */
  readonly events: TicketEvents;

  /**
   * @param events the ticket events; by default this process's only (no feed between processes).
   * @param held where writes wait while the store refuses them; without it such a write fails.
   */
  constructor(
    private readonly store: Pick<Store, 'tickets' | 'audit'>,
    events?: TicketEvents,
    private readonly held?: HeldWrites,
  ) {
    this.events = events ?? new TicketEvents(store.tickets);
  }

  /** Creates a queued ticket and announces it. */
  async start(input: TicketInput): Promise<Ticket> {
    let ticket: Ticket;
    try {
      ticket = await this.store.tickets.create(input);
    } catch (error) {
      throw isStoreUnavailable(error) ? new HandoffUnavailable(error) : error;
    }
    await this.events.publish({ kind: 'opened', ticket });
    return ticket;
  }

  /**
   * Adds a resident's message to an open ticket; an answer to an operator puts it back in their
   * hands. A line with a `ref` already on the ticket (an update handled again) changes nothing.
   */
  async append(ticketId: string, line: TranscriptLine, ref?: string): Promise<void> {
    const write = async () => {
      if (!(await this.store.tickets.append(ticketId, line, ref))) return;
      const ticket = await this.store.tickets.get(ticketId);
      if (ticket?.status === 'waiting') await this.store.tickets.setStatus(ticketId, 'assigned');
      await this.events.publish({ kind: 'message', ticketId, text: line.text });
    };
    try {
      await holdable(this.held, `ticket ${ticketId} line`, write);
    } catch (error) {
      throw error instanceof HeldWritesFull ? new HandoffUnavailable(error) : error;
    }
  }

  /** Marks an open ticket urgent and announces it; an urgent or closed one stays as it is. */
  async markUrgent(ticketId: string): Promise<void> {
    const write = async () => {
      const ticket = await this.store.tickets.markUrgent(ticketId);
      if (ticket) await this.events.publish({ kind: 'urgent', ticket });
    };
    try {
      await holdable(this.held, `ticket ${ticketId} urgent`, write);
    } catch (error) {
      throw error instanceof HeldWritesFull ? new HandoffUnavailable(error) : error;
    }
  }

  /** The ticket while it exists and is not closed (an operator may close it from elsewhere). */
  async openTicket(ticketId: string): Promise<Ticket | null> {
    const ticket = await this.store.tickets.get(ticketId);
    return ticket !== null && ticket.status !== 'closed' ? ticket : null;
  }

  /**
   * Closes the ticket at the resident's word, without the rating question (no operator helped) and
   * without a farewell (the bot has just told them). A ticket already closed stays as it was.
   */
  async withdraw(ticketId: string, why: WithdrawReason = 'answered'): Promise<boolean> {
    const ticket = await this.openTicket(ticketId);
    if (!ticket) return false;
    let closed: Ticket | null;
    try {
      closed = await this.store.tickets.setStatus(ticketId, 'closed');
      await this.store.audit.record(withdrawalRecord(ticket.channel, ticketId, why));
    } catch (error) {
      throw isStoreUnavailable(error) ? new HandoffUnavailable(error) : error;
    }
    if (closed) await this.events.publish({ kind: 'closed', ticket: closed, withdrawn: true });
    return closed !== null;
  }

  /** The rating goes to the audit log against the chat's latest closed ticket (one indexed read); none, nothing is written. */
  async rate(channel: string, chatId: string, score: number): Promise<boolean> {
    const ticket = await this.store.tickets.latestClosed(channel, chatId);
    if (!ticket) return false;
    const entry: AuditInput = { actor: `resident:${channel}`, action: 'ticket.rating', target: ticket.id, detail: { score, operator: ticket.assignee ?? null } };
    await holdable(this.held, 'audit ticket.rating', () => this.store.audit.record(entry));
    return true;
  }
}
