/**
 * Nothing a resident sends is lost, and nothing is answered twice: updates are stored before
 * Telegram is told they arrived, a redelivered update is recognised across a restart, and every
 * reply reaches the resident once through 429s, 5xx and refused connections. Real HTTP to the
 * local Bot API server, the real engine and SQLite store; waits are on events, with deadlines.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { createTranslator } from '../../../src/i18n';
import { waitFor } from '../../support/wait';
import { createRig, DRIVERS, type Rig } from './helpers';

const tr = createTranslator();
const CURFEW_RU = 'Комендантский час: с 23:00 до 07:00.';

/** A second, read-only connection to the rig's database: what is stored, seen from outside. */
function storedUpdates(rig: Rig): (updateId: number) => 'unhandled' | 'handled' | 'missing' {
  const db = new Database(path.join(rig.harness.dir, 'bot.db'), { readonly: true, fileMustExist: true });
  const row = db.prepare<[string], { handled_at: number | null }>("SELECT handled_at FROM inbox WHERE channel = 'telegram' AND update_id = ?");
  afterCleanups.push(() => db.close());
  return (updateId) => {
    const found = row.get(String(updateId));
    return found === undefined ? 'missing' : found.handled_at === null ? 'unhandled' : 'handled';
  };
}
const afterCleanups: (() => void)[] = [];

describe.each(DRIVERS)('Telegram delivery (%s)', (driver) => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await createRig(driver);
  });
  afterEach(async () => {
    for (const cleanup of afterCleanups.splice(0)) cleanup();
    rig.api.releaseAll();
    await rig.close();
  });

  it('confirms an update to Telegram (the next offset) only once it is stored', async () => {
    const { api, channel } = rig;
    const stored = storedUpdates(rig);
    const atConfirm: string[] = [];
    const seen = new Set<number>();
    await channel.start();
    const chats = Array.from({ length: 12 }, (_, i) => 910_000 + i);
    const pushed = chats.map((id) => api.push(api.text({ id }, 'Когда начинается комендантский час?')).update_id);
    // Checked at the moment the stub learns of each confirmation, from another connection.
    await api.waitFor('every update confirmed', () => {
      for (const id of api.confirmed.filter((confirmed) => !seen.has(confirmed))) {
        seen.add(id);
        atConfirm.push(stored(id));
      }
      return pushed.every((id) => seen.has(id));
    });
    expect(atConfirm.filter((state) => state === 'missing')).toEqual([]);
    for (const id of chats) expect((await api.waitForMessages(id, 2))[0].text).toBe(CURFEW_RU);
  });

  it('answers an update delivered again after a restart once: no second answer, no second ticket line', async () => {
    const { api, channel, harness } = rig;
    await channel.start();
    const asker = { id: 920_001 };
    const waiting = { id: 920_002 };
    const updates = [
      api.push(api.text(asker, 'Когда начинается комендантский час?')),
      api.push(api.text(waiting, '/operator')),
      api.push(api.text(waiting, 'у меня нет света')),
    ];
    await api.waitForMessages(asker.id, 2);
    await api.waitForMessages(waiting.id, 2);
    await channel.stop();
    await harness.restart();
    const again = rig.makeChannel();
    await again.start();
    // Telegram never got the confirmation: the same updates come again.
    for (const update of updates) api.push({ ...update });
    await api.waitFor('the repeated updates confirmed', () => updates.every((u) => api.confirmed.filter((id) => id === u.update_id).length >= 2));
    api.push(api.text(asker, '/help'));
    await api.waitFor('the next answer', () => api.sentTo(asker.id).some((m) => m.text === tr.t('ru', 'help')));
    await again.stop();
    expect(api.sentTo(asker.id).map((m) => m.text)).toEqual([CURFEW_RU, tr.t('ru', 'answer.ask'), tr.t('ru', 'help')]);
    expect(api.sentTo(waiting.id)).toHaveLength(2);
    const [ticket] = await rig.harness.store.tickets.list();
    expect(await rig.harness.store.tickets.list()).toHaveLength(1);
    expect(ticket.messages.map((m) => m.text)).toEqual(['у меня нет света']);
  });

  it("stores the hand-off's ticket and the chosen language before the reply that announces them reaches Telegram", async () => {
    const { api, channel } = rig;
    const db = new Database(path.join(rig.harness.dir, 'bot.db'), { readonly: true, fileMustExist: true });
    afterCleanups.push(() => db.close());
    const conversation = db.prepare<[string], { mode: string; ticket_id: string | null; lang: string | null; lang_chosen: number }>(
      "SELECT mode, ticket_id, lang, lang_chosen FROM conversations WHERE channel = 'telegram' AND chat_id = ?",
    );
    // The ticket is the hand-off's record; start-up restores the conversation's mode from it.
    const openTicket = db.prepare<[string], { id: number; status: string }>("SELECT id, status FROM tickets WHERE channel = 'telegram' AND chat_id = ?");
    const seenAtSend: Record<string, unknown> = {};
    // Looked at from outside at the moment each reply arrives: what a kill right then would leave.
    api.onSend = (message) => {
      if (message.text.startsWith(tr.t('ru', 'escalation.queued', { ticket: '' }).slice(0, 20))) seenAtSend.queued = openTicket.get(String(message.chatId));
      if (message.text === tr.t('en', 'lang.set')) seenAtSend.lang = conversation.get(String(message.chatId));
    };
    await channel.start();
    api.push(api.text({ id: 935_001 }, '/operator'));
    api.push(api.press({ id: 935_002 }, 'lang:en', 1));
    await api.waitForMessages(935_001, 1);
    await api.waitForMessages(935_002, 1);
    const [ticket] = await rig.harness.store.tickets.list();
    expect(seenAtSend.queued).toEqual({ id: Number(ticket.id), status: 'queued' });
    expect(seenAtSend.lang).toMatchObject({ lang: 'en', lang_chosen: 1 });
  });

  it('never lets one chat\'s wait for its second delay another chat\'s answer', async () => {
    const { api } = rig;
    const channel = rig.makeChannel({}, { flood: { perChatIntervalMs: 1000, globalPerSecond: 30 } });
    await channel.start();
    const first = { id: 930_001 };
    const second = { id: 930_002 };
    api.push(api.text(first, 'Когда начинается комендантский час?'));
    const [answer] = await api.waitForMessages(first.id, 1);
    api.push(api.text(second, '/help'));
    const [help] = await api.waitForMessages(second.id, 1);
    const [, ask] = await api.waitForMessages(first.id, 2);
    // The first chat's "did this help?" waits a second; the other resident is answered meanwhile.
    expect(ask.at - answer.at).toBeGreaterThanOrEqual(1000);
    expect(help.at).toBeLessThan(ask.at);
  });

  it('holds every send for a 429\'s retry_after, then delivers each reply once', async () => {
    const { api } = rig;
    const channel = rig.makeChannel({}, { flood: { perChatIntervalMs: 10, globalPerSecond: 1000, retryAfterUnitMs: 200 } });
    api.fail('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } }, 3);
    await channel.start();
    const chats = [940_001, 940_002, 940_003];
    for (const id of chats) api.push(api.text({ id }, '/help'));
    for (const id of chats) await api.waitForMessages(id, 1);
    const calls = api.callsOf('sendMessage');
    const refused = calls.filter((c) => c.status === 429);
    expect(refused).toHaveLength(3);
    // After the first 429 nothing is delivered until retry_after has passed. (Measured from the
    // first refusal: once the pause is over, the sends that go out together may meet the last
    // refusals and succeed within the same millisecond, as on a busy machine.)
    const firstSent = calls.find((c) => c.status === 200);
    expect(firstSent && firstSent.at - refused[0].at).toBeGreaterThanOrEqual(380);
    await channel.stop();
    for (const id of chats) expect(api.sentTo(id).map((m) => m.text)).toEqual([tr.t('ru', 'help')]);
  });

  it('retries through 5xx errors and delivers every reply once when Telegram recovers', async () => {
    const { api, channel, harness } = rig;
    api.fail('sendMessage', { error_code: 500, description: 'Internal Server Error' }, 1_000_000);
    await channel.start();
    const chats = [950_001, 950_002, 950_003, 950_004];
    for (const id of chats) api.push(api.text({ id }, '/help'));
    await api.waitFor('several failed attempts per reply', () => api.callsOf('sendMessage').length >= chats.length * 3);
    const queued = await harness.store.outbox.pending('telegram');
    expect(queued.every((m) => m.attempts >= 1 && m.lastError)).toBe(true);
    api.recover('sendMessage');
    for (const id of chats) await api.waitForMessages(id, 1);
    await channel.stop();
    for (const id of chats) expect(api.sentTo(id).map((m) => m.text)).toEqual([tr.t('ru', 'help')]);
    expect(await harness.store.outbox.pending('telegram')).toEqual([]);
  });

  it('keeps replies while Telegram refuses connections, and delivers each once afterwards', async () => {
    const { api, channel, harness } = rig;
    await channel.start();
    const chats = [960_001, 960_002, 960_003];
    // The answers reach Telegram, but the connection is cut before the bot hears back; then
    // nothing connects for a while.
    api.hold('sendMessage');
    for (const id of chats) api.push(api.text({ id }, '/help'));
    await api.waitFor('an answer on its way', () => api.held.length >= 1);
    await api.refuseConnections();
    api.releaseAll();
    const failedSends = async () => (await harness.store.outbox.pending('telegram')).filter((m) => m.attempts >= 1).length;
    await waitFor(async () => (await failedSends()) >= chats.length, 'every send refused and kept', 10_000);
    await api.acceptConnections();
    for (const id of chats) await api.waitForMessages(id, 1, 15_000);
    await channel.stop();
    // A send cut off after Telegram took it cannot be told from one that never arrived: only those may come twice.
    for (const id of chats) {
      const cutOff = api.held.filter((h) => h.sent?.chatId === id).length;
      expect(api.sentTo(id).length).toBeGreaterThanOrEqual(1);
      expect(api.sentTo(id).length).toBeLessThanOrEqual(1 + cutOff);
      expect(new Set(api.sentTo(id).map((m) => m.text))).toEqual(new Set([tr.t('ru', 'help')]));
    }
    expect(await harness.store.outbox.pending('telegram')).toEqual([]);
  });
});
