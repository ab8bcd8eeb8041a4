/**
 * What happens to tickets, for live views (the console inbox's event stream) and the operator
 * group — in this process and in every other process on the same store. An event is told to this
 * process's listeners at once, with everything the desk knows, and appended to the store's feed
 * (ids and states only) for the other processes, which read the ticket itself from the store.
 */
import { EventEmitter } from 'node:events';
import type { EventBus } from '../events/bus';
import type { FeedEvent, Ticket, TicketStore } from '../store/types';

/** What changed on a ticket. */
export type DeskEvent =
  | { kind: 'opened'; ticket: Ticket }
  | { kind: 'message'; ticketId: string; text: string }
  | { kind: 'claimed'; ticket: Ticket }
  | { kind: 'replied'; ticket: Ticket; operator: string; text: string }
  | { kind: 'transferred'; ticket: Ticket }
  /** `withdrawn`: the resident closed it (an entry offered with the hand-off answered them). */
  | { kind: 'closed'; ticket: Ticket; withdrawn?: boolean }
  | { kind: 'overdue'; ticket: Ticket }
  /** Marked urgent after it opened (a ticket opened urgent says so in 'opened'). */
  | { kind: 'urgent'; ticket: Ticket };

export interface TicketEventMap {
  change: [event: DeskEvent];
}

const WITH_TICKET = new Set(['opened', 'claimed', 'transferred', 'closed', 'overdue', 'urgent'] as const);

export class TicketEvents extends EventEmitter<TicketEventMap> {
  /** @param bus the feed between processes; without one, events stay in this process. */
  constructor(
    private readonly tickets: Pick<TicketStore, 'get'>,
    private readonly bus?: EventBus,
  ) {
    super();
    bus?.on('ticket', (event) => this.fromOtherProcess(event));
  }

  /** Tells this process's listeners at once, and the other processes through the feed. */
  async publish(event: DeskEvent): Promise<void> {
    this.emit('change', event);
    const subject = event.kind === 'message' ? event.ticketId : event.ticket.id;
    let data: Record<string, string> | undefined;
    if (event.kind === 'replied') data = { operator: event.operator };
    if (event.kind === 'closed' && event.withdrawn) data = { withdrawn: 'yes' };
    await this.bus?.publish({ topic: 'ticket', kind: event.kind, subject, ...(data ? { data } : {}) });
  }

  private async fromOtherProcess(event: FeedEvent): Promise<void> {
    const ticket = await this.tickets.get(event.subject);
    if (!ticket) return;
    const last = (from: 'resident' | 'operator') => ticket.messages.filter((m) => m.from === from).at(-1)?.text ?? '';
    const kind = event.kind as DeskEvent['kind'];
    if (kind === 'message') this.emit('change', { kind, ticketId: ticket.id, text: last('resident') });
    else if (kind === 'replied') this.emit('change', { kind, ticket, operator: event.data?.operator ?? ticket.assignee ?? '', text: last('operator') });
    else if (kind === 'closed' && event.data?.withdrawn === 'yes') this.emit('change', { kind, ticket, withdrawn: true });
    else if (WITH_TICKET.has(kind)) this.emit('change', { kind, ticket });
  }
}
