/** The shared pieces on their own: splitting, escaping, rendering, mapping, dedupe, flood control. */
import { escapeHtml } from '../../../bots/telegram/escape';
import { FloodControl } from '../../../src/delivery/flood-control';
import { RecentIds } from '../../../src/delivery/recent-ids';
import { mapUpdate, type ReactionView, type UpdateView } from '../../../bots/telegram/map-update';
import { renderReplies } from '../../../bots/telegram/render';
import { splitText } from '../../../bots/telegram/split';
import { isUpdate } from '../../../bots/telegram/webhook';
import { redact } from '../../../bots/shared/errors';
import { LogLines } from './helpers';
import { ManualTimers, runUntil } from '../whatsapp/manual-timers';

const me = { id: 99, username: 'helpline_bot' };
const squash = (s: string) => s.replace(/\s+/g, '');

describe('splitText', () => {
  it('keeps short texts whole', () => {
    expect(splitText('Hello. World.', 4096)).toEqual(['Hello. World.']);
  });

  it('cuts at sentence ends and loses nothing but whitespace at the cuts', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} is here!`).join(' ');
    const parts = splitText(text, 100);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(100);
      expect(part).toMatch(/!$/);
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('prefers paragraph breaks, then words; cuts hard only inside an endless word', () => {
    expect(splitText(`${'a '.repeat(30)}\n\n${'b '.repeat(30)}`, 80)).toEqual([squashSpaces('a ', 30), squashSpaces('b ', 30)]);
    const word = 'x'.repeat(250);
    const parts = splitText(word, 100);
    expect(parts.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(parts.join('')).toBe(word);
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(60); // 120 UTF-16 units, no spaces
    const parts = splitText(text, 51);
    for (const part of parts) expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(parts.join('')).toBe(text);
  });

  it('handles a Russian text of 10,000 characters in a few parts', () => {
    const text = 'Комендантский час действует с 23:00 до 07:00. '.repeat(220).trim();
    const parts = splitText(text);
    expect(parts.length).toBe(3);
    expect(squash(parts.join(''))).toBe(squash(text));
  });
});

function squashSpaces(unit: string, n: number): string {
  return unit.repeat(n).trim();
}

describe('escapeHtml and renderReplies', () => {
  it('escapes only & < > and leaves * _ ` as written', () => {
    expect(escapeHtml('a<b & c>d *x* _y_ `z` "q"')).toBe('a&lt;b &amp; c&gt;d *x* _y_ `z` "q"');
  });

  it('puts one button per row on the last part, and refuses callback data over 64 bytes with a warning', () => {
    const logs = new LogLines();
    const long = `faq:${'ж'.repeat(31)}`; // 4 + 62 bytes
    const messages = renderReplies(
      [{ text: 'Pick one. '.repeat(3), choices: [{ id: 'faq:a', label: 'A' }, { id: long, label: 'Long' }, { id: 'op', label: 'Op' }] }],
      logs.logger,
      12,
    );
    expect(messages.map((m) => m.html)).toEqual(['Pick one.', 'Pick one.', 'Pick one.']);
    expect(messages[0].keyboard).toBeUndefined();
    expect(messages[2].keyboard).toEqual({
      inline_keyboard: [[{ text: 'A', callback_data: 'faq:a' }], [{ text: 'Op', callback_data: 'op' }]],
    });
    expect(logs.atLeast(40).map((l) => l.msg)).toEqual(['choice id exceeds 64 bytes of callback data; button left out']);
  });

  it('accepts callback data of exactly 64 bytes', () => {
    const id = `faq:${'a'.repeat(60)}`;
    const [message] = renderReplies([{ text: 'x', choices: [{ id, label: 'L' }] }], new LogLines().logger);
    expect(message.keyboard?.inline_keyboard[0][0].callback_data).toBe(id);
  });
});

describe('mapUpdate', () => {
  const privateChat = { id: 42, type: 'private' };
  const from = { id: 42, is_bot: false, language_code: 'kk' };

  it('maps a private text with sender and language hint', () => {
    const mapped = mapUpdate({ update_id: 1, message: { message_id: 5, chat: privateChat, from, text: 'Сәлем' } }, me);
    expect(mapped).toEqual({
      kind: 'message',
      chatId: 42,
      message: { channel: 'telegram', chatId: '42', userId: '42', kind: 'text', text: 'Сәлем', langHint: 'kk' },
    });
  });

  it.each([
    ['photo', { photo: [{}], caption: 'мой паспорт' }, 'photo', 'мой паспорт'],
    ['voice', { voice: {} }, 'voice', undefined],
    ['audio', { audio: {} }, 'audio', undefined],
    ['video note', { video_note: {} }, 'video', undefined],
    ['sticker', { sticker: {} }, 'sticker', undefined],
    ['venue', { venue: {}, location: {} }, 'location', undefined],
    ['contact', { contact: {} }, 'contact', undefined],
    ['document', { document: {}, caption: 'справка' }, 'document', 'справка'],
    ['poll', { poll: {} }, 'other', undefined],
  ])('maps a %s', (_name, fields, kind, text) => {
    const mapped = mapUpdate({ update_id: 1, message: { message_id: 5, chat: privateChat, from, ...fields } }, me);
    expect(mapped.kind === 'message' && mapped.message.kind).toBe(kind);
    expect(mapped.kind === 'message' && mapped.message.text).toBe(text);
  });

  it('maps a button press to a choice, with the pressed message', () => {
    const update: UpdateView = {
      update_id: 2,
      callback_query: { id: 'q1', from, data: 'topic:curfew', message: { message_id: 77, chat: privateChat } },
    };
    expect(mapUpdate(update, me)).toEqual({
      kind: 'message',
      chatId: 42,
      message: { channel: 'telegram', chatId: '42', userId: '42', kind: 'text', choiceId: 'topic:curfew', langHint: 'kk' },
      callback: { id: 'q1', messageId: 77 },
    });
    expect(mapUpdate({ update_id: 3, callback_query: { id: 'q2', from, data: 'x' } }, me)).toMatchObject({ kind: 'answer-only' });
  });

  it('ignores edits, channel posts, other bots and unaddressed group messages', () => {
    const group = { id: -5, type: 'group' };
    expect(mapUpdate({ update_id: 1, edited_message: {} }, me).kind).toBe('ignore');
    expect(mapUpdate({ update_id: 1, channel_post: {} }, me).kind).toBe('ignore');
    expect(mapUpdate({ update_id: 1, my_chat_member: {} } as UpdateView, me).kind).toBe('ignore');
    expect(mapUpdate({ update_id: 1, message: { message_id: 1, chat: privateChat, from: { id: 8, is_bot: true }, text: 'hi' } }, me).kind).toBe('ignore');
    expect(mapUpdate({ update_id: 1, message: { message_id: 1, chat: group, from, text: 'hi @other_bot' , entities: [{ type: 'mention', offset: 3, length: 10 }] } }, me).kind).toBe('ignore');
  });

  it('maps the emoji a resident just set as a reaction in a private chat; ignores the rest', () => {
    const reaction = (fields: Partial<ReactionView>): UpdateView => ({
      update_id: 1,
      message_reaction: { chat: privateChat, message_id: 9, user: from, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }], ...fields },
    });
    expect(mapUpdate(reaction({}), me)).toMatchObject({ kind: 'message', chatId: privateChat.id, message: { kind: 'text', text: '👍', reaction: true } });
    expect(mapUpdate(reaction({ old_reaction: [{ type: 'emoji', emoji: '🔥' }], new_reaction: [{ type: 'emoji', emoji: '🔥' }, { type: 'emoji', emoji: '👎' }] }), me)).toMatchObject({ message: { text: '👎' } });
    for (const ignored of [
      reaction({ chat: { id: -5, type: 'supergroup' } }),
      reaction({ user: undefined }),
      reaction({ user: { id: 8, is_bot: true } }),
      reaction({ old_reaction: [{ type: 'emoji', emoji: '👍' }], new_reaction: [] }),
      reaction({ new_reaction: [{ type: 'custom_emoji' }] }),
    ]) {
      expect(mapUpdate(ignored, me).kind).toBe('ignore');
    }
  });

  it('takes group messages that mention the bot (text stripped of it), command it, or reply to it', () => {
    const group = { id: -5, type: 'supergroup' };
    const mention = mapUpdate(
      { update_id: 1, message: { message_id: 9, chat: group, from, text: '@Helpline_Bot когда комендантский час?', entities: [{ type: 'mention', offset: 0, length: 13 }] } },
      me,
    );
    expect(mention).toMatchObject({ kind: 'message', replyTo: 9, message: { text: 'когда комендантский час?', chatId: '-5' } });
    const command = mapUpdate(
      { update_id: 1, message: { message_id: 9, chat: group, from, text: '/menu@helpline_bot', entities: [{ type: 'bot_command', offset: 0, length: 18 }] } },
      me,
    );
    expect(command).toMatchObject({ kind: 'message', message: { text: '/menu@helpline_bot' } });
    const reply = mapUpdate(
      { update_id: 1, message: { message_id: 9, chat: group, from, photo: [], reply_to_message: { from: { id: 99, is_bot: true } } } },
      me,
    );
    expect(reply).toMatchObject({ kind: 'message', message: { kind: 'photo' } });
  });
});

describe('RecentIds', () => {
  it('reports repeats and forgets the oldest beyond its capacity', () => {
    const ids = new RecentIds(3);
    expect([1, 2, 3, 1].map((id) => ids.seen(id))).toEqual([false, false, false, true]);
    ids.seen(4); // forgets 1
    expect(ids.seen(1)).toBe(false);
    expect(ids.seen(4)).toBe(true);
  });
});

describe('FloodControl', () => {
  /** A virtual clock: sleeping moves time, so pacing is checked without waiting. */
  const virtual = () => {
    let now = 0;
    return { now: () => now, sleep: async (ms: number) => void (now += ms), at: () => now };
  };
  const never = () => undefined;

  it('spaces messages to one chat, groups more, and all chats within the global rate', async () => {
    const clock = virtual();
    const flood = new FloodControl({ perChatIntervalMs: 1000, perGroupIntervalMs: 3000, globalPerSecond: 10, ...clock });
    const times: Record<string, number[]> = {};
    const send = (chat: string) => flood.run(async () => void (times[chat] ??= []).push(clock.at()), never, chat);
    for (const chat of ['1', '1', '2', '1', '-7', '-7']) await send(chat);
    expect(times['1']).toEqual([0, 1000, 2000]);
    expect(times['2']).toEqual([1100]);
    expect(times['-7'][1] - times['-7'][0]).toBe(3000);
  });

  it('retries after retry_after, up to the cap, and gives up on other errors', async () => {
    const clock = virtual();
    const flood = new FloodControl({ maxRetries: 2, ...clock, perChatIntervalMs: 0 });
    const tooMany = Object.assign(new Error('429'), { retryAfter: 3 });
    const retryAfterOf = (e: unknown) => (e === tooMany ? 3 : undefined);
    let attempts = 0;
    await expect(flood.run(async () => (++attempts < 3 ? Promise.reject(tooMany) : 'ok'), retryAfterOf, '1')).resolves.toBe('ok');
    expect(attempts).toBe(3);
    expect(clock.at()).toBeGreaterThanOrEqual(6000);

    attempts = 0;
    await expect(flood.run(() => (++attempts, Promise.reject(tooMany)), retryAfterOf, '1')).rejects.toBe(tooMany);
    expect(attempts).toBe(3);
    const other = new Error('403 blocked');
    await expect(flood.run(() => Promise.reject(other), retryAfterOf, '1')).rejects.toBe(other);
  });

  it('makes a chat wait for its second without holding a global slot, counting from when the last call ended', async () => {
    const timers = new ManualTimers(0);
    const flood = new FloodControl({ perChatIntervalMs: 1000, globalPerSecond: 10, now: timers.now, sleep: timers.sleep });
    const times: Record<string, number[]> = {};
    const send = (chat: string, takes = 0) =>
      flood.run(async () => {
        (times[chat] ??= []).push(timers.now());
        if (takes > 0) await timers.sleep(takes);
      }, never, chat);
    const calls = [send('a', 50), send('a'), send('b'), send('c')];
    await runUntil(timers, () => (times.a?.length ?? 0) === 2 && !!times.b && !!times.c, 'every call');
    await Promise.all(calls);
    // b and c take the next global slots while a waits out its second from the end of its first call.
    expect(times.b).toEqual([100]);
    expect(times.c).toEqual([200]);
    expect(times.a).toEqual([0, 1050]);
  });

  it('gives alerts (low priority) only the slots replies leave, and holds everything during a 429 pause', async () => {
    const timers = new ManualTimers(0);
    const flood = new FloodControl({ perChatIntervalMs: 0, globalPerSecond: 10, now: timers.now, sleep: timers.sleep });
    const order: string[] = [];
    const send = (name: string, priority: 'high' | 'low') => flood.run(async () => void order.push(name), never, name, priority);
    const calls = [send('reply1', 'high'), send('reply2', 'high'), send('alert1', 'low'), send('alert2', 'low'), send('reply3', 'high')];
    await runUntil(timers, () => order.length === 4, 'four calls');
    // A reply that comes while an alert waits still goes first.
    calls.push(send('reply4', 'high'));
    await runUntil(timers, () => order.length === 6, 'every call');
    await Promise.all(calls);
    expect(order).toEqual(['reply1', 'reply2', 'reply3', 'alert1', 'reply4', 'alert2']);

    flood.pause(5000);
    const paused = timers.now();
    const late: number[] = [];
    const waiting = [flood.run(async () => void late.push(timers.now()), never, 'x'), flood.run(async () => void late.push(timers.now()), never, undefined, 'low')];
    await runUntil(timers, () => late.length === 2, 'the calls after the pause');
    await Promise.all(waiting);
    expect(Math.min(...late) - paused).toBeGreaterThanOrEqual(5000);
  });

  it('keeps to the rate in every second even when a busy event loop fires a timer late', async () => {
    const timers = new ManualTimers(0);
    // The third wait ends 300 ms late, as a timer does behind a long synchronous task.
    let sleeps = 0;
    const lateSleep = (ms: number) => timers.sleep(ms + (++sleeps === 3 ? 300 : 0));
    const flood = new FloodControl({ perChatIntervalMs: 0, globalPerSecond: 10, now: timers.now, sleep: lateSleep });
    const starts: number[] = [];
    const calls = Array.from({ length: 30 }, (_, i) => flood.run(async () => void starts.push(timers.now()), never, `chat-${i}`));
    await runUntil(timers, () => starts.length === 30, 'every call');
    await Promise.all(calls);
    starts.sort((a, b) => a - b);
    for (let i = 0; i < starts.length; i++) {
      expect(starts.filter((t) => t >= starts[i] && t < starts[i] + 1000).length).toBeLessThanOrEqual(10);
      if (i > 0) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(50);
    }
  });

  it('does not retry when Telegram asks to wait longer than allowed', async () => {
    const flood = new FloodControl({ maxRetryAfterSeconds: 10, ...virtual() });
    let attempts = 0;
    await expect(flood.run(() => (++attempts, Promise.reject(new Error('x'))), () => 600, '1')).rejects.toThrow('x');
    expect(attempts).toBe(1);
  });
});

describe('webhook body check and redaction', () => {
  it('accepts update-shaped bodies only', () => {
    expect(isUpdate({ update_id: 1, message: { chat: { id: 1, type: 'private' } } })).toBe(true);
    expect(isUpdate({ update_id: 1 })).toBe(true);
    expect(isUpdate({ update_id: '1' })).toBe(false);
    expect(isUpdate({ update_id: 1, message: { chat: 'x' } })).toBe(false);
    expect(isUpdate({ update_id: 1, callback_query: { id: 5, from: {} } })).toBe(false);
    const reaction = { chat: { id: 1, type: 'private' }, message_id: 2, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] };
    expect(isUpdate({ update_id: 1, message_reaction: reaction })).toBe(true);
    expect(isUpdate({ update_id: 1, message_reaction: { ...reaction, new_reaction: '👍' } })).toBe(false);
    expect(isUpdate({ update_id: 1, message_reaction: { ...reaction, chat: { id: '1' } } })).toBe(false);
    expect(isUpdate([1])).toBe(false);
  });

  it('removes bot tokens from error texts', () => {
    expect(redact('request to http://x/bot123456:AAH-abc_def/getMe failed')).toBe('request to http://x/bot<token>/getMe failed');
  });
});
