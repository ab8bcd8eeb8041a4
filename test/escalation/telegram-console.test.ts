/**
 * The whole hand-off over real transports: a resident on Telegram (grammY against the fake Bot
 * API), the real engine and SQLite store, an operator working the console's HTTP API with a
 * logged-in session, and the reply relay delivering through the Telegram channel.
 */
import { OperatorDesk } from '../../src/escalation/operator-desk';
import { ReplyRelay } from '../../src/escalation/reply-relay';
import { createTranslator } from '../../src/i18n';
import type { Ticket } from '../../src/store/types';
import { consoleFixture, type ConsoleFixture } from '../console/helpers';
import { createRig, type Rig } from '../bots/telegram/helpers';
import { waitFor } from '../support/wait';

const tr = createTranslator();
const CURFEW_RU = 'Комендантский час: с 23:00 до 07:00.';

describe('hand-off: Telegram resident, console operator', () => {
  let rig: Rig;
  let relay: ReplyRelay;
  let desk: OperatorDesk;
  let f: ConsoleFixture;
  const me = { id: 777000111 };

  beforeEach(async () => {
    rig = await createRig('grammy');
    const { harness, channel } = rig;
    relay = new ReplyRelay({ store: harness.store, channels: (name) => (name === channel.name ? channel : undefined) });
    desk = new OperatorDesk({
      store: harness.store,
      handoff: harness.handoff,
      relay,
      afterClose: harness.handBack,
    });
    f = await consoleFixture({ store: harness.store, desk });
    await channel.start();
  });
  afterEach(async () => {
    await f.close();
    await rig.close();
  });

  it('question → ticket → claim and reply in the console → resident answers → close → rating → the bot answers again', async () => {
    const { api } = rig;
    const operator = await f.login('operator');

    api.push(api.text(me, 'у меня потерялась кошка, кто поможет найти'));
    const [queued] = await api.waitForMessages(me.id, 1);
    const tickets = await waitFor(async () => {
      const res = await f.call('GET', '/api/tickets?lang=ru', { session: operator });
      const list = res.json<{ tickets: Ticket[] }>().tickets;
      return list.length === 1 && list;
    }, 'the ticket in the inbox');
    const id = tickets[0].id;
    expect(queued.text).toContain(`${id}`);

    expect((await f.call('POST', `/api/tickets/${id}/claim`, { session: operator })).statusCode).toBe(200);
    const admin = await f.login('admin');
    const second = await f.call('POST', `/api/tickets/${id}/claim`, { session: admin });
    expect(second.statusCode).toBe(409);

    const detail = (await f.call('GET', `/api/tickets/${id}`, { session: operator })).json<{ canned: string[]; faqDraftUrl: string }>();
    expect(detail.canned).toContain(tr.t('ru', 'operator.canned.greeting'));
    expect(detail.faqDraftUrl).toMatch(/^\/faq\/new\?q=/);

    const sent = await f.call('POST', `/api/tickets/${id}/reply`, { session: operator, body: { text: 'Обратитесь к участковому: 102.' } });
    expect(sent.json<{ ticket: Ticket }>().ticket.status).toBe('waiting');
    const [, reply] = await api.waitForMessages(me.id, 2);
    expect(reply.text).toBe('Обратитесь к участковому: 102.');

    api.push(api.text(me, 'Спасибо, а если не поможет?'));
    await waitFor(async () => (await desk.get(id))?.status === 'assigned', 'the ticket back with the operator');

    expect((await f.call('POST', `/api/tickets/${id}/close`, { session: operator })).statusCode).toBe(200);
    const messages = await api.waitForMessages(me.id, 4);
    const rating = messages[messages.length - 1];
    expect(rating.text).toBe(tr.t('ru', 'escalation.closed', { ticket: id }));
    expect(rating.keyboard?.flat().map((b) => b.callback_data)).toEqual(['rate:1', 'rate:2', 'rate:3', 'rate:4', 'rate:5']);

    api.push(api.press(me, 'rate:4', rating.messageId));
    const [thanks] = (await api.waitForMessages(me.id, messages.length + 1)).slice(-1);
    expect(thanks.text).toBe(tr.t('ru', 'escalation.rated'));

    api.push(api.text(me, 'Когда начинается комендантский час?'));
    const answered = await api.waitForMessages(me.id, messages.length + 3);
    expect(answered[messages.length + 1].text).toBe(CURFEW_RU);
  });

  it('a reply sent while Telegram is down stays queued, is shown as undelivered, and arrives after recovery', async () => {
    const { api } = rig;
    const operator = await f.login('operator');
    api.push(api.text(me, 'у меня потерялась кошка, кто поможет найти'));
    await api.waitForMessages(me.id, 1);
    const [ticket] = await waitFor(async () => {
      const list = await desk.list();
      return list.length === 1 && list;
    }, 'the ticket');

    api.fail('sendMessage', { error_code: 502, description: 'Bad Gateway' }, 1000);
    await f.call('POST', `/api/tickets/${ticket.id}/reply`, { session: operator, body: { text: 'Ответ во время сбоя' } });
    const undelivered = await waitFor(async () => {
      const res = await f.call('GET', `/api/tickets/${ticket.id}`, { session: operator });
      const view = res.json<{ ticket: { undelivered: { attempts: number; lastError?: string }[] } }>().ticket;
      return view.undelivered.length === 1 && view.undelivered[0].attempts >= 1 && view.undelivered[0];
    }, 'the reply shown as undelivered');
    expect(undelivered.lastError).toBeTruthy();

    api.recover('sendMessage');
    await waitFor(() => api.sentTo(me.id).some((m) => m.text === 'Ответ во время сбоя'), 'the reply after recovery', 8000);
    await waitFor(async () => (await desk.get(ticket.id))?.undelivered.length === 0, 'the queue empty');
  });

  it('streams ticket events to a logged-in operator (Server-Sent Events)', async () => {
    const { api } = rig;
    const operator = await f.login('operator');
    const abort = new AbortController();
    const res = await fetch(`${f.url}/api/tickets/events`, { headers: { cookie: operator.cookie }, signal: abort.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let seen = '';
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 5000;
      while (!seen.includes(needle)) {
        if (Date.now() > deadline) throw new Error(`no "${needle}" in the event stream: ${seen}`);
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        seen += decoder.decode(value, { stream: true });
      }
    };
    try {
      api.push(api.text(me, 'у меня потерялась кошка, кто поможет найти'));
      await readUntil('event: opened');
      const [ticket] = await desk.list();
      await f.call('POST', `/api/tickets/${ticket.id}/claim`, { session: operator });
      await readUntil('event: claimed');
      expect(seen).toContain(`"ticketId":"${ticket.id}"`);
      // Someone in danger: the page hears it is urgent now (and sounds the operator's alert).
      api.push(api.text(me, 'у соседей пожар, дым в подъезде'));
      await readUntil('event: urgent');
      expect(seen).toContain(`{"kind":"urgent","ticketId":"${ticket.id}","status":"assigned","urgent":true}`);
      // Ids and states only: the resident's words stay out of the stream.
      expect(seen).not.toContain('кошка');
      expect(seen).not.toContain('пожар');
    } finally {
      abort.abort();
    }
  });
});
