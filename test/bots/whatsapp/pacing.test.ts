/**
 * The outgoing pacing queue: order per chat, one message a second per chat, the global rate, and
 * messages queued before a restart delivered after it, none twice. Time is a manual clock.
 */
import { open } from '../../../src/delivery/envelope';
import { createRig, OTHER, RESIDENT, startLinked, type Rig } from './helpers';
import { runUntil, settle } from './manual-timers';
import type { SentMessage } from './fake-client';

const texts = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ text: `${prefix}${i + 1}` }));

function gaps(sent: SentMessage[]): number[] {
  return sent.slice(1).map((m, i) => m.at - sent[i].at);
}

describe('WhatsApp pacing queue', () => {
  let rig: Rig;
  afterEach(() => rig.close());

  it('keeps each chat in order, one message per second per chat, within the global rate', async () => {
    // 600 a minute: at least 100 ms between any two messages.
    rig = await createRig();
    await startLinked(rig);
    await Promise.all([rig.channel.send(RESIDENT, texts('a', 4)), rig.channel.send(OTHER, texts('b', 3))]);
    await runUntil(rig.timers, () => rig.phone.sent.length === 7, 'all seven messages');

    expect(rig.phone.sentTo(RESIDENT)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(rig.phone.sentTo(OTHER)).toEqual(['b1', 'b2', 'b3']);
    for (const chat of [RESIDENT, OTHER]) {
      for (const gap of gaps(rig.phone.sent.filter((m) => m.chatId === chat))) expect(gap).toBeGreaterThanOrEqual(1000);
    }
    for (const gap of gaps(rig.phone.sent)) expect(gap).toBeGreaterThanOrEqual(100);
    // Two chats share the seconds: the second chat does not wait for the first one's queue.
    const firstOther = rig.phone.sent.find((m) => m.chatId === OTHER)!;
    expect(firstOther.at - rig.phone.sent[0].at).toBeLessThan(1000);
    expect(await rig.app.store.outbox.pending('whatsapp')).toEqual([]);
  });

  it('applies WHATSAPP_GLOBAL_RATE_PER_MIN across chats', async () => {
    rig = await createRig({}, { WHATSAPP_GLOBAL_RATE_PER_MIN: '6' });
    await startLinked(rig);
    const chats = ['1@c.us', '2@c.us', '3@c.us'];
    for (const chat of chats) await rig.channel.send(chat, [{ text: 'hello' }]);
    await runUntil(rig.timers, () => rig.phone.sent.length === 3, 'three messages');
    expect(rig.phone.sent.map((m) => m.chatId)).toEqual(chats);
    expect(gaps(rig.phone.sent)).toEqual([10_000, 10_000]);
  });

  it('delivers after a restart what was queued before it, in order and none twice', async () => {
    rig = await createRig();
    await startLinked(rig);
    await rig.channel.send(RESIDENT, texts('m', 5));
    // Let two go out, then stop while the rest wait for their second.
    await runUntil(rig.timers, () => rig.phone.sentTo(RESIDENT).length === 2, 'two messages');
    await rig.restart();
    expect((await rig.app.store.outbox.pending('whatsapp')).map((m) => open(m.text).reply.text)).toEqual(['m3', 'm4', 'm5']);

    await startLinked(rig);
    await runUntil(rig.timers, () => rig.phone.sentTo(RESIDENT).length >= 5, 'the rest after the restart');
    // Give a duplicate every chance to show up before checking there is none.
    for (let i = 0; i < 5; i++) {
      rig.timers.advance(2000);
      await settle();
    }
    expect(rig.phone.sentTo(RESIDENT)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(await rig.app.store.outbox.pending('whatsapp')).toEqual([]);
  });

  it('keeps replies queued while the number is not linked, and sends them once it is', async () => {
    rig = await createRig();
    await rig.channel.start();
    expect(rig.channel.status().state).toBe('qr');
    await rig.channel.send(RESIDENT, texts('q', 2));
    await settle();
    expect(rig.phone.sent).toEqual([]);
    await rig.restart();
    await startLinked(rig);
    expect(await rig.replies(RESIDENT, 2)).toEqual(['q1', 'q2']);
  });

  it('retries a failed send later without letting the chat\'s next message overtake it', async () => {
    rig = await createRig({ pacing: { retryBaseMs: 5000 } });
    await startLinked(rig);
    let failures = 1;
    rig.phone.failSend = (_chat, text) => (text === 'r1' && failures-- > 0 ? new Error('socket hang up') : undefined);
    await rig.channel.send(RESIDENT, texts('r', 3));
    await runUntil(rig.timers, () => rig.phone.sentTo(RESIDENT).length === 3, 'three messages');
    expect(rig.phone.sentTo(RESIDENT)).toEqual(['r1', 'r2', 'r3']);
    const [first, second] = rig.phone.sent;
    expect(second.at - first.at).toBeGreaterThanOrEqual(1000);
  });

  it('gives a message up after repeated failures, keeps it listed as failed, and carries on', async () => {
    rig = await createRig({ pacing: { maxAttempts: 3, retryBaseMs: 1000 } });
    await startLinked(rig);
    const refusal = `invalid wid ${RESIDENT}`;
    rig.phone.failSend = (_chat, text) => (text === 'bad' ? new Error(refusal) : undefined);
    await rig.channel.send(RESIDENT, [{ text: 'bad' }, { text: 'good' }]);
    await runUntil(rig.timers, () => rig.phone.sentTo(RESIDENT).length === 1, 'the good message');
    expect(rig.phone.sentTo(RESIDENT)).toEqual(['good']);
    const [failed] = await rig.app.store.outbox.failed('whatsapp');
    expect({ ...failed, text: open(failed.text).reply.text }).toMatchObject({ text: 'bad', attempts: 3, lastError: refusal });
    // The error quoted the number: the logs carry it masked.
    expect(rig.logs.some((l) => l.includes('invalid wid 770•••••567@c.us'))).toBe(true);
    expect(rig.logs.join('\n')).not.toContain('77011234567');
  });

  it('works through a queue longer than one store read, in order', async () => {
    rig = await createRig({ pacing: { batchSize: 2 } });
    await startLinked(rig);
    await rig.channel.send(RESIDENT, texts('a', 5));
    await rig.channel.send(OTHER, texts('b', 3));
    await runUntil(rig.timers, () => rig.phone.sent.length === 8, 'all eight messages');
    expect(rig.phone.sentTo(RESIDENT)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(rig.phone.sentTo(OTHER)).toEqual(['b1', 'b2', 'b3']);
  });

  it('reads the outbox again after the store failed to answer', async () => {
    // No polling in between: the read after the failure is the retry's.
    rig = await createRig({ pacing: { retryBaseMs: 3000, pollMs: 0 } });
    await startLinked(rig);
    const read = jest.spyOn(rig.app.store.outbox, 'pending').mockRejectedValueOnce(new Error('database is locked'));
    const t0 = rig.timers.now();
    await rig.channel.send(RESIDENT, texts('s', 1));
    expect(await rig.replies(RESIDENT, 1)).toEqual(['s1']);
    expect(rig.phone.sent[0].at - t0).toBe(3000);
    expect(rig.logs.some((l) => /reading the whatsapp outbox failed/i.test(l))).toBe(true);
    read.mockRestore();
  });
});
