/**
 * One contract, both drivers: real HTTP from grammY / Telegraf to a fake Bot API, the real
 * engine and the real SQLite store. Waits are on the fake server's records, with deadlines.
 */
import net from 'node:net';
import { createTranslator } from '../../../src/i18n';
import type { SentMessage } from '../../support/bot-api-server';
import { resident } from '../../support/bot-api-server';
import { createRig, DRIVERS, LONG_ANSWER, type Rig } from './helpers';

const tr = createTranslator();
const CURFEW_RU = 'Комендантский час: с 23:00 до 07:00.';
const CURFEW_EN = 'Curfew: from 23:00 to 07:00.';
const POST_RU = 'Почта работает с 09:00 до 18:00 <по будням> & в субботу до 14:00.';

const buttons = (m: SentMessage | undefined) => m?.keyboard?.map((row) => row.map((b) => b.callback_data));

describe.each(DRIVERS)('Telegram channel contract (%s)', (driver) => {
  let rig: Rig;
  const me = { id: 555000111 };

  beforeEach(async () => {
    rig = await createRig(driver);
  });
  afterEach(async () => {
    await rig.close();
  });

  it('starts with getMe, registers commands in ru/kk/en, and answers a question with a keyboard', async () => {
    const { api, channel } = rig;
    await channel.start();
    expect(api.calls[0].method).toBe('getMe');
    const langs = api.callsOf('setMyCommands').map((c) => c.payload.language_code ?? 'default');
    expect(langs).toEqual(['default', 'ru', 'kk', 'en']);
    expect(api.callsOf('setChatMenuButton')).toHaveLength(1);

    api.push(api.text(me, 'Когда начинается комендантский час?'));
    const [answer, ask] = await api.waitForMessages(me.id, 2);
    expect(answer.text).toBe(CURFEW_RU);
    expect(answer.keyboard).toBeUndefined();
    expect(answer.parseMode).toBe('HTML');
    expect(ask.text).toBe(tr.t('ru', 'answer.ask'));
    expect(ask.keyboard).toEqual([
      [{ text: tr.t('ru', 'answer.yes'), callback_data: 'fb:yes' }],
      [{ text: tr.t('ru', 'answer.no'), callback_data: 'fb:no' }],
    ]);
  });

  it('answers menu buttons, answers every callback query and removes the pressed keyboard', async () => {
    const { api, channel } = rig;
    await channel.start();
    api.push(api.text(me, '/menu'));
    const [menu] = await api.waitForMessages(me.id, 1);
    expect(buttons(menu)?.flat()).toEqual(expect.arrayContaining(['topic:curfew', 'op']));
    // One button per row.
    expect(menu.keyboard?.every((row) => row.length === 1)).toBe(true);

    const press = api.push(api.press(me, 'topic:curfew', menu.messageId));
    const [, topic] = await api.waitForMessages(me.id, 2);
    expect(buttons(topic)?.flat()).toEqual(['faq:curfew-time', 'menu']);
    await api.waitFor('the callback answered', () =>
      api.callsOf('answerCallbackQuery').find((c) => c.payload.callback_query_id === idOf(press)),
    );
    await api.waitFor('the keyboard removed', () =>
      api.callsOf('editMessageReplyMarkup').find((c) => c.payload.message_id === menu.messageId),
    );

    api.push(api.press(me, 'faq:curfew-time', topic.messageId));
    const sent = await api.waitForMessages(me.id, 4);
    expect(sent[2].text).toBe(CURFEW_RU);
  });

  it('switches language with /lang and a button, and keeps it across a restart of bot and store', async () => {
    const { api, channel, harness } = rig;
    await channel.start();
    api.push(api.text(me, '/lang'));
    const [prompt] = await api.waitForMessages(me.id, 1);
    expect(buttons(prompt)).toEqual([['lang:ru'], ['lang:kk'], ['lang:en']]);
    api.push(api.press(me, 'lang:en', prompt.messageId));
    const [, set] = await api.waitForMessages(me.id, 2);
    expect(set.text).toBe(tr.t('en', 'lang.set'));

    await channel.stop();
    await harness.restart();
    const again = rig.makeChannel();
    await again.start();
    // A question in Russian still gets English: the choice was stored, not kept in memory.
    api.push(api.text(me, 'Когда начинается комендантский час?'));
    const sent = await api.waitForMessages(me.id, 4);
    expect(sent[2].text).toBe(CURFEW_EN);
  });

  it('hands /operator to a person and says so once, with the ticket number', async () => {
    const { api, channel, harness } = rig;
    await channel.start();
    api.push(api.text(me, '/operator'));
    const [queued] = await api.waitForMessages(me.id, 1);
    const [ticket] = await harness.store.tickets.list();
    expect(ticket.chatId).toBe(String(me.id));
    expect(ticket.channel).toBe('telegram');
    expect(queued.text).toBe(tr.t('ru', 'escalation.queued', { ticket: ticket.id }));

    api.push(api.text(me, 'у меня нет света'));
    const [, appended] = await api.waitForMessages(me.id, 2);
    expect(appended.text).toBe(tr.t('ru', 'escalation.appended', { ticket: ticket.id }));
  });

  it('answers a forged or stale callback politely and still answers the query', async () => {
    const { api, channel } = rig;
    await channel.start();
    const forged = api.push(api.press(me, 'faq:../../etc/passwd<script>', 42));
    const [reply] = await api.waitForMessages(me.id, 1);
    expect(reply.text).toBe(tr.t('ru', 'input.staleChoice'));
    expect(api.callsOf('answerCallbackQuery').map((c) => c.payload.callback_query_id)).toContain(idOf(forged));
  });

  it('splits a long answer into parts of at most 4096 characters, losing nothing, exactly as written', async () => {
    const { api, channel } = rig;
    await channel.start();
    api.push(api.press(me, 'faq:evacuation', 42));
    // The answer, then "did it help?".
    const sent = await api.waitFor('the long answer and the question', () => {
      const list = api.sentTo(me.id);
      return list.some((m) => m.keyboard) ? list : undefined;
    });
    const parts = sent.slice(0, -1);
    expect(parts.length).toBe(Math.ceil(LONG_ANSWER.length / 4096));
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(4096);
      expect(part.text).toMatch(/\.$/); // cut after a sentence
    }
    expect(parts.map((p) => p.text).join(' ')).toBe(LONG_ANSWER);
  });

  it('delivers <, &, *, _ exactly as written (answers and operator messages)', async () => {
    const { api, channel } = rig;
    await channel.start();
    api.push(api.press(me, 'faq:post-hours', 42));
    const [answer] = await api.waitForMessages(me.id, 1);
    expect(answer.text).toBe(POST_RU);
    expect(answer.raw).toContain('&lt;по будням&gt; &amp;');

    const tricky = 'a<b && c>d *bold* _under_ `code` [link](x) &amp; <b>not bold</b>';
    await channel.send(String(me.id), [{ text: tricky }]);
    const sent = await api.waitForMessages(me.id, 3);
    expect(sent[2].text).toBe(tricky);
  });

  it('in a group, reacts only when addressed: mention, /command@bot, or a reply to the bot', async () => {
    const { api, channel } = rig;
    await channel.start();
    const group = { id: -100777, type: 'supergroup' };
    const neighbour = resident(31337);
    api.push(api.text(group, 'Когда начинается комендантский час?', { from: neighbour }));
    api.push(api.media(group, { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] }, neighbour));
    api.push(api.text(group, '/menu', { from: neighbour })); // a bare command may be for another bot
    const mention = api.push(api.text(group, '@helpline_test_bot когда начинается комендантский час?', { from: neighbour }));
    const answered = await api.waitForMessages(group.id, 2);
    expect(answered.map((m) => m.text)).toEqual([CURFEW_RU, tr.t('ru', 'answer.ask')]);
    expect(answered[0].replyTo).toBe(messageIdOf(mention));

    api.push(api.text(group, '/menu@helpline_test_bot', { from: neighbour }));
    const [, , menu] = await api.waitForMessages(group.id, 3);
    expect(buttons(menu)?.flat()).toContain('op');
    api.push(api.text(group, 'а когда дадут горячую воду?', { from: neighbour, replyToMessage: menu.messageId }));
    const sent = await api.waitForMessages(group.id, 4);
    // Replies come in update order per chat, so an answer to any ignored message would show up here.
    expect(sent.slice(0, 4).map((m) => m.text)).toEqual([CURFEW_RU, tr.t('ru', 'answer.ask'), menu.text, 'Воду подадут до вечера.']);
  });

  it('answers media in a private chat politely; edited messages and channel posts are not asked for', async () => {
    const { api, channel } = rig;
    await channel.start();
    api.push({ edited_message: { ...api.text(me, 'edited').message as object, edit_date: 1 } });
    api.push({ channel_post: { message_id: 1, date: 1, chat: { id: -100999, type: 'channel', title: 'News' }, text: 'hi' } });
    api.push(api.media(me, { voice: { file_id: 'v', file_unique_id: 'v', duration: 2 } }));
    api.push(api.media(me, { sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }));
    const sent = await api.waitForMessages(me.id, 2);
    expect(sent.map((m) => m.text)).toEqual([tr.t('ru', 'input.voice'), tr.t('ru', 'input.unsupported')]);
    expect(api.sentTo(-100999)).toHaveLength(0);
    // Telegram keeps back what the bot does not ask for (mapUpdate ignores them in a centre's own bot).
    expect(api.allowedUpdates).not.toContain('edited_message');
    expect(api.allowedUpdates).not.toContain('channel_post');
  });

  it('processes an update delivered twice only once', async () => {
    const { api, channel } = rig;
    await channel.start();
    const first = api.push(api.text(me, '/operator'));
    api.push({ ...first });
    api.push(api.text(me, '/help'));
    const sent = await api.waitFor('the /help answer', () => {
      const list = api.sentTo(me.id);
      return list.some((m) => m.text === tr.t('ru', 'help')) ? list : undefined;
    });
    expect(sent).toHaveLength(2);
  });

  it('a 👍 reaction on the answer is "it helped": Telegram is asked for reactions, and one taken back or on nothing open gets no reply', async () => {
    const { api, channel } = rig;
    await channel.start();
    api.push(api.text(me, 'во сколько начинается комендантский час'));
    const [answer] = await api.waitForMessages(me.id, 2);
    // Changed from 🤔 (no answer to anything) to 👍: the 👍 is what was just set.
    api.push(api.reaction(me, answer.messageId, '🤔'));
    api.push(api.reaction(me, answer.messageId, '👍', { old: ['🤔'] }));
    const thanked = await api.waitForMessages(me.id, 3);
    expect(thanked[2].text).toBe(tr.t('ru', 'feedback.thanks'));
    expect(api.allowedUpdates).toEqual(['message', 'callback_query', 'message_reaction']);
    expect(await rig.harness.store.learning.list()).toEqual([expect.objectContaining({ text: 'во сколько начинается комендантский час', helpful: 1 })]);
    // Taken back, then set again with nothing open: nothing to answer.
    api.push(api.reaction(me, answer.messageId, '', { old: ['👍'] }));
    api.push(api.reaction(me, answer.messageId, '👍'));
    api.push(api.text(me, '/help'));
    const sent = await api.waitForMessages(me.id, 4);
    expect(sent.map((m) => m.text).slice(2)).toEqual([tr.t('ru', 'feedback.thanks'), tr.t('ru', 'help')]);
  });

  it('webhook mode: sets the webhook with the secret, takes updates with it, refuses others with 401', async () => {
    const { api } = rig;
    const url = 'https://helpline.example.org/telegram/hook';
    const channel = rig.makeChannel({ webhookUrl: url, webhookSecret: 'right-secret_42' });
    await channel.start();
    expect(api.webhook).toEqual({ url, secret: 'right-secret_42', allowedUpdates: ['message', 'callback_query', 'message_reaction'] });
    expect(api.callsOf('getUpdates')).toHaveLength(0);
    const hook = `http://127.0.0.1:${channel.webhookPort}/telegram/hook`;
    const post = (body: object, secret?: string) =>
      fetch(hook, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(body),
      });

    expect((await fetch(hook)).status).toBe(405);
    expect((await fetch(hook.replace('/hook', '/other'), { method: 'POST', body: '{}' })).status).toBe(404);
    const wrong = await post({ update_id: 1, ...api.text(me, '/operator') }, 'wrong-secret');
    expect(wrong.status).toBe(401);
    const missing = await post({ update_id: 2, ...api.text(me, '/operator') });
    expect(missing.status).toBe(401);

    const update = { update_id: 3, ...api.text(me, 'Когда начинается комендантский час?') };
    expect((await post(update, 'right-secret_42')).status).toBe(200);
    // Telegram retries a delivery it thinks failed: the same update again.
    expect((await post(update, 'right-secret_42')).status).toBe(200);
    await api.waitForMessages(me.id, 2);
    expect((await post({ update_id: 4, ...api.text(me, '/help') }, 'right-secret_42')).status).toBe(200);
    const sent = await api.waitForMessages(me.id, 3);
    expect(sent.map((m) => m.text)).toEqual([CURFEW_RU, tr.t('ru', 'answer.ask'), tr.t('ru', 'help')]);
    expect(await rig.harness.store.tickets.list()).toHaveLength(0); // the refused /operator never ran
  });

  it('fails start-up with one clear line on a wrong token, and on an unreachable API root', async () => {
    const wrongToken = rig.makeChannel({ token: '999999:wrong-token-abcdefghijklmnopq' });
    await expect(wrongToken.start()).rejects.toThrow(
      /^Telegram rejected the bot token \(401 Unauthorized\): check TELEGRAM_BOT_TOKEN$/,
    );
    const closed = new (await import('../../support/bot-api-server')).FakeBotApi();
    await closed.start();
    const deadRoot = closed.url;
    await closed.stop();
    const unreachable = rig.makeChannel({ apiRoot: deadRoot });
    const error = await unreachable.start().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(new RegExp(`^cannot reach the Telegram Bot API at ${deadRoot}: .*ECONNREFUSED`));
    expect(error?.message).not.toContain(rig.api.token);
    expect(error?.message.split('\n')).toHaveLength(1);
  });

  it('calls an API root that accepts connections but never answers unreachable after the start timeout', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const root = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    try {
      const channel = rig.makeChannel({ apiRoot: root }, { startTimeoutMs: 300 });
      await expect(channel.start()).rejects.toThrow(`cannot reach the Telegram Bot API at ${root}: no answer within 300 ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('carries on with a warning when setMyCommands and setChatMenuButton fail', async () => {
    const { api, channel, logs } = rig;
    api.fail('setMyCommands', { error_code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' }, 4);
    api.fail('setChatMenuButton', { error_code: 500, description: 'Internal Server Error' });
    await channel.start();
    expect(logs.atLeast(40).map((l) => l.msg)).toEqual(
      expect.arrayContaining(['setMyCommands failed; carrying on without it', 'setChatMenuButton failed; carrying on without it']),
    );
    api.push(api.text(me, '/help'));
    const [help] = await api.waitForMessages(me.id, 1);
    expect(help.text).toBe(tr.t('ru', 'help'));
  });

  it('honours a 429 retry_after and delivers the message afterwards', async () => {
    const { api, channel } = rig;
    api.fail('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    await channel.start();
    api.push(api.text(me, '/help'));
    const [help] = await api.waitForMessages(me.id, 1);
    expect(help.text).toBe(tr.t('ru', 'help'));
    const [refused, delivered] = api.callsOf('sendMessage');
    expect(refused.status).toBe(429);
    expect(delivered.status).toBe(200);
    expect(delivered.at - refused.at).toBeGreaterThanOrEqual(950);
  });

  it('stops gracefully: finishes the update in hand, then stops polling', async () => {
    const { api } = rig;
    // A slow per-chat pace keeps the second reply of the answer in hand when stop() is called.
    const channel = rig.makeChannel({}, { flood: { perChatIntervalMs: 400, globalPerSecond: 1000 } });
    await channel.start();
    api.push(api.text(me, 'Когда начинается комендантский час?'));
    await api.waitForMessages(me.id, 1);
    await channel.stop();
    const [first, second] = api.sentTo(me.id);
    expect(second).toBeDefined();
    // The per-chat pace held: the second part waited for its slot.
    expect(second.at - first.at).toBeGreaterThanOrEqual(380);
    await api.waitFor('no long poll left open', () => api.openPolls === 0);
    const polls = api.callsOf('getUpdates').length;
    api.push(api.text(me, '/help'));
    expect(api.openPolls).toBe(0);
    expect(api.callsOf('getUpdates').length).toBe(polls);
  });

  it('never logs a raw chat id', async () => {
    const { api, channel, logs } = rig;
    await channel.start();
    api.push(api.text(me, '/operator'));
    api.push(api.press(me, 'nonsense', 1));
    await api.waitForMessages(me.id, 2);
    await channel.stop();
    expect(logs.text).not.toContain(String(me.id));
    expect(logs.text).not.toContain(api.token.split(':')[1]);
  });
});

function idOf(update: Record<string, unknown>): string | undefined {
  const query = update.callback_query;
  return typeof query === 'object' && query !== null && 'id' in query && typeof query.id === 'string' ? query.id : undefined;
}

function messageIdOf(update: Record<string, unknown>): number | undefined {
  const message = update.message;
  return typeof message === 'object' && message !== null && 'message_id' in message && typeof message.message_id === 'number'
    ? message.message_id
    : undefined;
}
