/**
 * Tickets on MongoDB as the server sees them (defect 4 and the unbounded messages array): every
 * sort is one an index serves, and messages live in their own collection, read for a whole list in
 * one query.
 */
import { indexServes, eachStubbedStore, type Call } from './driver-stub';

const findOptions = (call: Call) => call.args[1] as { sort?: Record<string, number>; projection?: unknown };

describe('MongoDB tickets', () => {
  const t = eachStubbedStore();

  const ticketDoc = (id: number, extra: object = {}) => ({
    _id: id,
    channel: 'telegram',
    chatId: '1001',
    lang: 'ru',
    question: `q${id}`,
    reason: 'no-match',
    excerpt: [],
    status: 'queued',
    messageCount: 2,
    createdAt: new Date(`2026-01-0${id}T00:00:00Z`),
    updatedAt: new Date(`2026-01-0${id}T00:00:00Z`),
    ...extra,
  });
  const message = (ticketId: number, seq: number) => ({ ticketId, seq, from: 'resident', text: `m${ticketId}.${seq}`, at: new Date('2026-01-10T00:00:00Z') });

  it('lists tickets in an order an index serves, and their messages with one query the (ticketId, seq) index serves', async () => {
    t.driver.on('tickets', 'find', () => [ticketDoc(1), ticketDoc(2)]);
    t.driver.on('ticket_messages', 'find', () => [message(1, 1), message(1, 2), message(2, 1)]);
    const tickets = await t.store.tickets.list({ status: ['queued', 'assigned'] });
    expect(tickets.map((t) => [t.id, t.messages.map((m) => m.text)])).toEqual([
      ['1', ['m1.1', 'm1.2']],
      ['2', ['m2.1']],
    ]);

    const [ticketsQuery] = t.driver.callsTo('tickets', 'find');
    expect(ticketsQuery.args[0]).toEqual({ status: { $in: ['queued', 'assigned'] } });
    expect(findOptions(ticketsQuery).sort).toEqual({ createdAt: 1, _id: 1 });
    expect(indexServes(t.driver.conn, 'tickets', ['status'], { createdAt: 1, _id: 1 })).toBe(true);
    expect(indexServes(t.driver.conn, 'tickets', [], { createdAt: 1, _id: 1 })).toBe(true);

    const messageQueries = t.driver.callsTo('ticket_messages', 'find');
    expect(messageQueries).toHaveLength(1);
    expect(messageQueries[0].args[0]).toEqual({ ticketId: { $in: [1, 2] } });
    expect(messageQueries[0].cursor).toEqual([{ method: 'sort', args: [{ ticketId: 1, seq: 1 }] }]);
    expect(indexServes(t.driver.conn, 'ticket_messages', [], { ticketId: 1, seq: 1 })).toBe(true);
  });

  it("finds a chat's latest closed ticket with the sort of an index, never by listing", async () => {
    t.driver.on('tickets', 'findOne', () => ticketDoc(2, { status: 'closed' }));
    expect(await t.store.tickets.latestClosed('telegram', '1001')).toMatchObject({ id: '2', status: 'closed' });
    const [query] = t.driver.callsTo('tickets', 'findOne');
    expect(query.args[0]).toEqual({ channel: 'telegram', chatId: '1001', status: 'closed' });
    expect(findOptions(query).sort).toEqual({ createdAt: -1, _id: -1 });
    expect(indexServes(t.driver.conn, 'tickets', ['channel', 'chatId', 'status'], { createdAt: -1, _id: -1 })).toBe(true);
    expect(t.driver.callsTo('tickets', 'find')).toEqual([]);
  });

  it('appends a message as a document of its own, numbered by the ticket, never by growing the ticket', async () => {
    t.driver.on('tickets', 'findOneAndUpdate', () => ({ _id: 7, messageCount: 3 }));
    const at = new Date('2026-01-15T09:00:00Z');
    await t.store.tickets.append('7', { from: 'operator', text: 'hello', at });
    const [take] = t.driver.callsTo('tickets', 'findOneAndUpdate');
    expect(take.args[0]).toEqual({ _id: 7 });
    expect(take.args[1]).toEqual({ $inc: { messageCount: 1 }, $set: { updatedAt: new Date('2026-01-15T10:00:00Z') } });
    expect(JSON.stringify(take.args[1])).not.toContain('$push');
    expect(t.driver.callsTo('ticket_messages', 'insertOne').map((c) => c.args[0])).toEqual([{ ticketId: 7, seq: 3, from: 'operator', text: 'hello', at }]);
  });

  it('refuses an append to an unknown ticket without writing a message', async () => {
    await expect(t.store.tickets.append('7', { from: 'operator', text: 'hello', at: new Date() })).rejects.toThrow(/No ticket with id "7"/);
    await expect(t.store.tickets.append('nope', { from: 'operator', text: 'hello', at: new Date() })).rejects.toThrow(/No ticket/);
    expect(t.driver.callsTo('ticket_messages', 'insertOne')).toEqual([]);
  });

  it('reads the messages a ticket written before the move kept in its document, first', async () => {
    const earlier = { from: 'resident', text: 'kept in the ticket', at: new Date('2026-01-09T00:00:00Z') };
    t.driver.on('tickets', 'findOne', () => ticketDoc(1, { messages: [earlier] }));
    t.driver.on('ticket_messages', 'find', () => [message(1, 1)]);
    expect((await t.store.tickets.get('1'))?.messages.map((m) => m.text)).toEqual(['kept in the ticket', 'm1.1']);
  });

  it('lists the audit log newest first in the order of an index', async () => {
    await t.store.audit.list(10);
    const [query] = t.driver.callsTo('audit', 'find');
    expect(findOptions(query).sort).toEqual({ at: -1, _id: -1 });
    expect(indexServes(t.driver.conn, 'audit', [], { at: -1, _id: -1 })).toBe(true);
  });
});
