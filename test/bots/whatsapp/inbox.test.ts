/**
 * A resident's WhatsApp message is stored (by its id) before it is handled: one the process could
 * not finish is answered after the restart, a message delivered twice is answered once, and what
 * residents wrote while the bot was away (whatsapp-web.js emits nothing for it) is read back from
 * the unread chats and answered once.
 */
import { createRig, RESIDENT, startLinked, type Rig } from './helpers';
import { runUntil, settle } from './manual-timers';

const CURFEW_RU = 'Комендантский час: с 23:00 до 07:00.';

describe('WhatsApp inbox', () => {
  let rig: Rig;
  afterEach(() => rig.close());

  it('answers after a restart a message stored and not finished before it, once', async () => {
    rig = await createRig();
    await startLinked(rig);
    // The process could not finish the message (its answer and "handled" are one write, and it failed).
    const complete = jest.spyOn(rig.app.store.inbox, 'complete').mockRejectedValueOnce(new Error('disk I/O error'));
    rig.phone.write(RESIDENT, 'Когда начинается комендантский час?');
    await runUntil(rig.timers, () => complete.mock.calls.length > 0, 'the attempt to finish it');
    await settle();
    complete.mockRestore();
    expect(rig.phone.sentTo(RESIDENT)).toEqual([]);
    expect((await rig.app.store.inbox.unhandled('whatsapp')).map((u) => JSON.parse(u.payload).text)).toEqual(['Когда начинается комендантский час?']);

    await rig.restart();
    await startLinked(rig);
    const replies = await rig.replies(RESIDENT, 2);
    expect(replies[0]).toBe(CURFEW_RU);
    for (let i = 0; i < 5; i++) {
      rig.timers.advance(2000);
      await settle();
    }
    expect(rig.phone.sentTo(RESIDENT)).toHaveLength(2);
    expect(await rig.app.store.inbox.unhandled('whatsapp')).toEqual([]);
  });

  it('answers a message delivered twice once, also across a restart', async () => {
    rig = await createRig();
    await startLinked(rig);
    const message = rig.phone.message(RESIDENT, '/operator');
    rig.phone.client.emit('message', message);
    rig.phone.client.emit('message', message);
    await rig.replies(RESIDENT, 1);
    await rig.restart();
    await startLinked(rig);
    rig.phone.client.emit('message', message);
    rig.phone.write(RESIDENT, '/help');
    await rig.replies(RESIDENT, 2);
    for (let i = 0; i < 5; i++) {
      rig.timers.advance(2000);
      await settle();
    }
    expect(rig.phone.sentTo(RESIDENT)).toHaveLength(2);
    expect(await rig.app.store.tickets.list()).toHaveLength(1);
  });

  it('answers what residents wrote while the bot was away, once, oldest first, and nothing it had answered', async () => {
    rig = await createRig();
    await startLinked(rig);
    // Answered before the stop, but left unread on the phone (the answer never marked it seen).
    const answered = rig.phone.message(RESIDENT, '/help');
    rig.phone.client.emit('message', answered);
    await rig.replies(RESIDENT, 1);
    await rig.restart();

    // While the bot is down: two questions from one resident, one from another, and the old one still unread.
    const other = '77019998877@c.us';
    rig.phone.unread.set(RESIDENT, [answered]);
    rig.phone.writeWhileAway(RESIDENT, 'Когда начинается комендантский час?');
    rig.phone.writeWhileAway(RESIDENT, '/operator');
    rig.phone.writeWhileAway(other, 'Когда начинается комендантский час?');
    await startLinked(rig);

    const replies = await rig.replies(RESIDENT, 4);
    expect(replies[1]).toBe(CURFEW_RU);
    expect((await rig.replies(other, 1))[0]).toBe(CURFEW_RU);
    for (let i = 0; i < 5; i++) {
      rig.timers.advance(2000);
      await settle();
    }
    // The /help answered before the stop is not answered again; the hand-off opened one ticket.
    expect(rig.phone.sentTo(RESIDENT)).toHaveLength(4);
    expect((await rig.app.store.tickets.list()).map((t) => t.chatId)).toEqual([RESIDENT]);
    expect(rig.phone.unread.size).toBe(0);
  });
});
