import { replyWithEntry } from '../../src/escalation/faq-reply';
import { OperatorDesk, DeskError } from '../../src/escalation/operator-desk';
import { ReplyRelay } from '../../src/escalation/reply-relay';
import { createHarness, type Harness } from '../support/engine';
import { QueueChannel } from '../support/queue-channel';

/** The desk over a channel whose delivery can be switched off (`QueueChannel` records what reached each chat). */
async function deskFor(h: Harness): Promise<{ desk: OperatorDesk; channel: QueueChannel }> {
  const channel = new QueueChannel(h.store, h.clock);
  await channel.start();
  const relay = new ReplyRelay({ store: h.store, channels: (name) => (name === 'test' ? channel : undefined) });
  const desk = new OperatorDesk({
    store: h.store,
    handoff: h.handoff,
    relay,
    afterClose: h.handBack,
    clock: h.clock.now,
  });
  return { desk, channel };
}

async function escalate(h: Harness, chatId = 'chat-1'): Promise<string> {
  const result = await h.say('у меня потерялась кошка, кто поможет найти', { chatId });
  if (result.outcome.kind !== 'escalate') throw new Error(`expected an escalation, got ${result.outcome.kind}`);
  return result.outcome.ticketId;
}

describe('OperatorDesk', () => {
  let h: Harness;
  let channel: QueueChannel;
  let desk: OperatorDesk;

  beforeEach(async () => {
    h = await createHarness();
    ({ desk, channel } = await deskFor(h));
  });
  afterEach(async () => {
    await channel.stop();
    await h.close();
  });

  test('claim, reply, resident answer, close, rating, then the bot answers again', async () => {
    const events: string[] = [];
    desk.on('change', (e) => events.push(e.kind));
    const id = await escalate(h);
    expect((await desk.list({ lang: 'ru' })).map((t) => t.id)).toEqual([id]);
    expect(await desk.list({ lang: 'en' })).toEqual([]);

    await desk.claim(id, 'op-a');
    await desk.reply(id, 'op-a', 'Горячую воду дадут завтра.');
    await channel.delivered();
    expect(channel.sent.map((s) => s.reply.text)).toEqual(['Горячую воду дадут завтра.']);
    expect((await desk.get(id))?.status).toBe('waiting');

    const answer = await h.say('спасибо, а во сколько?');
    expect(answer.outcome).toEqual({ kind: 'queued', ticketId: id });
    const afterAnswer = await desk.get(id);
    expect(afterAnswer?.status).toBe('assigned');
    expect(afterAnswer?.messages.map((m) => m.from)).toEqual(['operator', 'resident']);

    await desk.close(id, 'op-a');
    await channel.delivered();
    const prompt = channel.sent[1].reply;
    expect(prompt.choices?.map((c) => c.id)).toEqual(['rate:1', 'rate:2', 'rate:3', 'rate:4', 'rate:5']);

    // WhatsApp-style: the typed number picks the offered rating.
    const rated = await h.say('5');
    expect(rated.outcome).toEqual({ kind: 'rating', score: 5 });
    const audit = (await h.store.audit.list()).filter((r) => r.action === 'ticket.rating');
    expect(audit[0]).toMatchObject({ target: id, detail: { score: 5, operator: 'op-a' } });

    expect((await h.say('Когда начинается комендантский час?')).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
    expect(events).toEqual(expect.arrayContaining(['opened', 'claimed', 'replied', 'message', 'closed']));
  });

  test('a FAQ answer handled again with the same ref is neither sent nor learnt twice', async () => {
    const id = await escalate(h);
    const ticket = await h.store.tickets.get(id);
    if (!ticket) throw new Error('no ticket');
    const deps = { desk, catalog: h.catalog, learning: h.store.learning, translator: h.translator };
    for (let i = 0; i < 2; i += 1) await replyWithEntry(deps, ticket, 'telegram:op', 'water-outage', h.clock.now(), 'telegram:1001');
    await channel.delivered();
    expect(channel.sent.map((s) => s.reply.text)).toEqual(['Воду подадут до вечера.']);
    expect(await h.store.learning.list({ entryId: 'water-outage' })).toMatchObject([{ text: 'у меня потерялась кошка, кто поможет найти', picked: 1 }]);
    // Another request (another ref) is another answer, and counts again.
    await replyWithEntry(deps, ticket, 'telegram:op', 'water-outage', h.clock.now(), 'telegram:1002');
    expect(await h.store.learning.list({ entryId: 'water-outage' })).toMatchObject([{ picked: 2 }]);
  });

  test('two operators claim at once: exactly one wins', async () => {
    const id = await escalate(h);
    const results = await Promise.allSettled([desk.claim(id, 'op-a'), desk.claim(id, 'op-b')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(DeskError);
  });

  test('transfer hands a ticket on or back to the queue; a closed ticket refuses replies', async () => {
    const id = await escalate(h);
    await desk.claim(id, 'op-a');
    expect(await desk.transfer(id, 'op-a', 'op-b')).toMatchObject({ status: 'assigned', assignee: 'op-b' });
    expect((await desk.transfer(id, 'op-b')).status).toBe('queued');
    await desk.claim(id, 'op-c');
    await desk.close(id, 'op-c');
    await expect(desk.reply(id, 'op-c', 'late')).rejects.toMatchObject({ code: 'closed' });
  });

  test('an undeliverable reply stays queued, shows its error, and goes out once the channel recovers', async () => {
    const id = await escalate(h);
    channel.down = true;
    await desk.reply(id, 'op-a', 'Ответ оператора');
    await channel.delivered();
    const view = await desk.get(id);
    expect(view?.undelivered).toEqual([expect.objectContaining({ text: 'Ответ оператора', attempts: 1, lastError: 'channel unreachable' })]);

    channel.down = false;
    await channel.delivered();
    expect(channel.sent).toEqual([]); // not before its retry time
    h.clock.advance(1000);
    await channel.delivered();
    expect(channel.sent.map((s) => s.reply.text)).toEqual(['Ответ оператора']);
    expect((await desk.get(id))?.undelivered).toEqual([]);
  });

  test('a restart with open tickets loses nothing', async () => {
    const first = await escalate(h, 'chat-1');
    const second = await escalate(h, 'chat-2');
    await h.say('ещё подробности', { chatId: 'chat-1' });
    channel.down = true;
    await desk.reply(second, 'op-a', 'Ответ до перезапуска');
    await channel.delivered();

    await channel.stop();
    await h.restart();
    ({ desk, channel } = await deskFor(h));
    const open = await desk.list();
    expect(open.map((t) => t.id)).toEqual([first, second]);
    expect(open[0].messages.map((m) => m.text)).toEqual(['ещё подробности']);
    h.clock.advance(60_000);
    await channel.delivered();
    expect(channel.sent).toEqual([{ chatId: 'chat-2', reply: { text: 'Ответ до перезапуска' } }]);
    // The conversation is still the operator's after the restart.
    expect((await h.say('ау?', { chatId: 'chat-1' })).outcome).toEqual({ kind: 'queued', ticketId: first });
  });
});
