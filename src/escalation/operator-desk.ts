/**
 * What an operator can do with tickets, whichever tool they use: the console inbox and the Telegram
 * operator group both call this desk, so the rules (atomic claim, replies through the outbox,
 * the bot's rating question on close) live in one place. No HTTP or Telegram types here.
 */
import { EventEmitter } from 'node:events';
import type { Reply } from '../engine/types';
import type { Lang } from '../i18n/languages';
import { OPEN_TICKET_STATUSES, type Store, type Ticket, type TicketStatus } from '../store/types';
import type { HandoffDesk } from './index';
import type { PendingDelivery, ReplyRelay } from './reply-relay';
import type { DeskEvent, TicketEventMap, TicketEvents } from './ticket-events';

export type { DeskEvent } from './ticket-events';

export interface TicketFilter {
  status?: readonly TicketStatus[];
  lang?: Lang;
  topic?: string;
}

/**
 * Whether a ticket waits for an operator although someone may be in danger (Ticket.urgent): what
 * the inbox puts first and the dashboard counts. Once taken, it is urgent no more than any other.
 */
export function waitsUrgently(ticket: Pick<Ticket, 'urgent' | 'status'>): boolean {
  return ticket.urgent === true && ticket.status === 'queued';
}

/** A ticket with the replies that have not reached the resident yet. */
export interface TicketView extends Ticket {
  undelivered: PendingDelivery[];
}

/** Why an operator's action was refused, in words the console and the group can show. */
export class DeskError extends Error {
  constructor(
    readonly code: 'not-found' | 'closed' | 'taken' | 'empty',
    message: string,
  ) {
    super(message);
  }
}

export interface OperatorDeskOptions {
  store: Pick<Store, 'tickets' | 'audit'>;
  handoff: HandoffDesk;
  relay: ReplyRelay;
  /** What the bot says when a ticket closes (the rating question); it also gives the conversation back. */
  afterClose?: (ticket: Ticket) => Promise<Reply[]>;
  clock?: () => Date;
}

/**
 * Emits 'change' for every ticket event of this process and of the other processes on the store
 * (the console's event stream and the operator group listen).
 */
export class OperatorDesk extends EventEmitter<TicketEventMap> {
  private readonly store: OperatorDeskOptions['store'];
  private readonly relay: ReplyRelay;
  private readonly clock: () => Date;
  private readonly events: TicketEvents;

  constructor(private readonly options: OperatorDeskOptions) {
    super();
    this.store = options.store;
    this.relay = options.relay;
    this.clock = options.clock ?? (() => new Date());
    this.events = options.handoff.events;
    this.events.on('change', (event) => this.emit('change', event));
  }

  /** Tickets oldest first; open ones (not closed) unless a status is asked for. */
  async list(filter: TicketFilter = {}): Promise<Ticket[]> {
    const status = filter.status ?? OPEN_TICKET_STATUSES;
    const tickets = await this.store.tickets.list({ status });
    return tickets.filter(
      (t) => (!filter.lang || t.lang === filter.lang) && (!filter.topic || t.topic === filter.topic),
    );
  }

  async get(id: string): Promise<TicketView | null> {
    const ticket = await this.store.tickets.get(id);
    if (!ticket) return null;
    return { ...ticket, undelivered: await this.relay.pendingFor(ticket.channel, ticket.chatId, ticket.createdAt) };
  }

  /** Takes a queued ticket; throws 'taken' when someone else was first. */
  async claim(id: string, operator: string): Promise<Ticket> {
    const ticket = await this.store.tickets.claim(id, operator);
    if (!ticket) {
      const current = await this.open(id);
      throw new DeskError('taken', `Ticket ${id} is already ${current.status}${current.assignee ? ` (${current.assignee})` : ''}`);
    }
    await this.store.audit.record({ actor: operator, action: 'ticket.claim', target: id });
    await this.announce({ kind: 'claimed', ticket });
    return ticket;
  }

  /**
   * Puts the operator's text on the ticket and queues it for the resident's channel; the ticket
   * then waits for the resident. Replying to a queued ticket claims it first; a reply by someone
   * else (an admin stepping in, a colleague in the Telegram group) leaves it with its holder.
   * `ref` names where the reply came from (a group update), so the same reply is never sent twice.
   */
  async reply(id: string, operator: string, text: string, ref?: string): Promise<Ticket> {
    return (await this.replyOnce(id, operator, text, ref)).ticket;
  }

  /** `reply`, saying whether this call sent it (false: the same `ref` had sent it already). */
  async replyOnce(id: string, operator: string, text: string, ref?: string): Promise<{ ticket: Ticket; sent: boolean }> {
    const body = text.trim();
    if (!body) throw new DeskError('empty', 'The reply is empty');
    const ticket = await this.open(id);
    if (ticket.status === 'queued') await this.claim(id, operator);
    // A reply with a ref on the ticket already (the group's update handled again) is not sent twice.
    if (!(await this.store.tickets.append(id, { from: 'operator', text: body, at: this.clock() }, ref))) return { ticket, sent: false };
    const updated = (await this.store.tickets.setStatus(id, 'waiting')) as Ticket;
    await this.relay.queue(ticket.channel, ticket.chatId, [{ text: body }]);
    await this.announce({ kind: 'replied', ticket: updated, operator, text: body });
    return { ticket: updated, sent: true };
  }

  /** Hands the ticket to another operator, or back to the queue when `to` is absent. */
  async transfer(id: string, operator: string, to?: string): Promise<Ticket> {
    await this.open(id);
    const updated = (await this.store.tickets.setStatus(id, to ? 'assigned' : 'queued', to)) as Ticket;
    await this.store.audit.record({ actor: operator, action: 'ticket.transfer', target: id, detail: { to: to ?? null } });
    await this.announce({ kind: 'transferred', ticket: updated });
    return updated;
  }

  /** Closes the ticket; the bot takes the conversation back and asks the resident for a rating. */
  async close(id: string, operator: string): Promise<Ticket> {
    await this.open(id);
    const closed = (await this.store.tickets.setStatus(id, 'closed', operator)) as Ticket;
    await this.store.audit.record({ actor: operator, action: 'ticket.close', target: id });
    const farewell = (await this.options.afterClose?.(closed)) ?? [];
    await this.relay.queue(closed.channel, closed.chatId, farewell);
    await this.announce({ kind: 'closed', ticket: closed });
    return closed;
  }

  /** Tells live views a ticket waited too long (the SLA check calls it). */
  announceOverdue(ticket: Ticket): Promise<void> {
    return this.announce({ kind: 'overdue', ticket });
  }

  /** To every listener, in this process and the others. */
  private announce(event: DeskEvent): Promise<void> {
    return this.events.publish(event);
  }

  private async open(id: string): Promise<Ticket> {
    const ticket = await this.store.tickets.get(id);
    if (!ticket) throw new DeskError('not-found', `No ticket ${id}`);
    if (ticket.status === 'closed') throw new DeskError('closed', `Ticket ${id} is closed`);
    return ticket;
  }
}
