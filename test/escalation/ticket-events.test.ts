/** Ticket events of one process as another process on the same store hears them. */
import { HandoffDesk } from '../../src/escalation';
import { OperatorDesk, type DeskEvent } from '../../src/escalation/operator-desk';
import { ReplyRelay } from '../../src/escalation/reply-relay';
import { TicketEvents } from '../../src/escalation/ticket-events';
import { EventBus } from '../../src/events/bus';
import { SqliteStore } from '../../src/store/sqlite';
import { tempDir } from '../support/fixtures';
import { waitFor } from '../support/wait';

test('every kind of desk event reaches the other process, rebuilt from the store (a withdrawal too)', async () => {
  const tmp = tempDir();
  const here = new SqliteStore(tmp.dir);
  const there = new SqliteStore(tmp.dir);
  const hereBus = new EventBus(here.feed, { pollMs: 10 });
  const thereBus = new EventBus(there.feed, { pollMs: 10 });
  try {
    await hereBus.start();
    await thereBus.start();
    const handoff = new HandoffDesk(here, new TicketEvents(here.tickets, hereBus));
    const desk = new OperatorDesk({ store: here, handoff, relay: new ReplyRelay({ store: here, channels: () => undefined }) });
    const heard: DeskEvent[] = [];
    new TicketEvents(there.tickets, thereBus).on('change', (event) => heard.push(event));

    const ticket = await handoff.start({ channel: 'telegram', chatId: '1', lang: 'ru', question: 'Где пропуск?', reason: 'no-match', excerpt: [] });
    await desk.claim(ticket.id, 'op@x.kz');
    await desk.reply(ticket.id, 'op@x.kz', 'Пропуск в акимате.');
    await handoff.append(ticket.id, { from: 'resident', text: 'Спасибо', at: new Date() });
    await desk.transfer(ticket.id, 'op@x.kz');
    await desk.announceOverdue((await here.tickets.get(ticket.id))!);
    await desk.claim(ticket.id, 'op2@x.kz');
    await desk.close(ticket.id, 'op2@x.kz');
    // A second ticket, withdrawn by the resident: the other process hears that it was.
    const withdrawn = await handoff.start({ channel: 'telegram', chatId: '2', lang: 'ru', question: 'Когда дадут воду?', reason: 'no-match', excerpt: [] });
    await handoff.withdraw(withdrawn.id);

    await waitFor(() => heard.length === 10, 'ten events in the other process');
    expect(heard.map((e) => e.kind)).toEqual(['opened', 'claimed', 'replied', 'message', 'transferred', 'overdue', 'claimed', 'closed', 'opened', 'closed']);
    expect(heard[7]).not.toHaveProperty('withdrawn');
    expect(heard[9]).toMatchObject({ kind: 'closed', withdrawn: true, ticket: { id: withdrawn.id, status: 'closed' } });
    expect(heard[2]).toMatchObject({ kind: 'replied', operator: 'op@x.kz', text: 'Пропуск в акимате.', ticket: { id: ticket.id } });
    expect(heard[3]).toEqual({ kind: 'message', ticketId: ticket.id, text: 'Спасибо' });
    expect(heard.slice(0, 8).every((e) => (e.kind === 'message' ? e.ticketId : e.ticket.id) === ticket.id)).toBe(true);
  } finally {
    await hereBus.stop();
    await thereBus.stop();
    await here.close();
    await there.close();
    tmp.cleanup();
  }
});
