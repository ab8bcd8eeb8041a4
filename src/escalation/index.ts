/**
 * The hand-off seam between the bot and human operators: the engine's hand-off port. The engine
 * only starts a hand-off, appends what the resident writes, asks whether it is still open and
 * passes on the resident's rating; who picks it up (the console inbox, a Telegram operator group)
 * listens to the ticket events, from this process and the others. Tickets live in the store, so
 * nothing is lost on restart.
 */
import type { HandoffPort } from '../engine/ports';
import type { Store, Ticket, TicketInput, TranscriptLine } from '../store/types';
import { TicketEvents } from './ticket-events';

export class HandoffDesk implements HandoffPort {
  /** What happens to tickets: a new one ('opened'), a resident's message ('message'), an operator's actions. */
  readonly events: TicketEvents;

  /** @param events the ticket events; by default this process's only (no feed between processes). */
  constructor(
    private readonly store: Pick<Store, 'tickets' | 'audit'>,
    events?: TicketEvents,
  ) {
    this.events = events ?? new TicketEvents(store.tickets);
  }

  /** Creates a queued ticket and announces it. */
  async start(input: TicketInput): Promise<Ticket> {
    const ticket = await this.store.tickets.create(input);
    await this.events.publish({ kind: 'opened', ticket });
    return ticket;
  }

  /**
   * Adds a resident's message to an open ticket; an answer to an operator puts it back in their
   * hands. A line with a `ref` already on the ticket (an update handled again) changes nothing.
   */
  async append(ticketId: string, line: TranscriptLine, ref?: string): Promise<void> {
    if (!(await this.store.tickets.append(ticketId, line, ref))) return;
    const ticket = await this.store.tickets.get(ticketId);
    if (ticket?.status === 'waiting') await this.store.tickets.setStatus(ticketId, 'assigned');
    await this.events.publish({ kind: 'message', ticketId, text: line.text });
  }

  /** True while the ticket exists and is not closed (an operator may close it from elsewhere). */
  async isOpen(ticketId: string): Promise<boolean> {
    const ticket = await this.store.tickets.get(ticketId);
    return ticket !== null && ticket.status !== 'closed';
  }

  /** The rating goes to the audit log against the chat's latest closed ticket (one indexed read). */
  async rate(channel: string, chatId: string, score: number): Promise<void> {
    const ticket = await this.store.tickets.latestClosed(channel, chatId);
    await this.store.audit.record({
      actor: `resident:${channel}`,
      action: 'ticket.rating',
      target: ticket?.id,
      detail: { score, operator: ticket?.assignee ?? null },
    });
  }
}
