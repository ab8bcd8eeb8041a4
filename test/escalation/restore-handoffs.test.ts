/**
 * A hand-off's conversation state is written behind; its ticket is stored before the resident is
 * told. A process that died in between left an open ticket whose conversation still says "bot"
 * (or no conversation at all): start-up gives it back to the operator.
 */
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createTranslator } from '../../src/i18n';
import { restoreHandoffs } from '../../src/escalation/restore-handoffs';
import { SqliteStore } from '../../src/store/sqlite';
import type { TicketInput } from '../../src/store/types';
import { createHarness, type Harness } from '../support/engine';
import { tempDir } from '../support/fixtures';

const tr = createTranslator();
const ticketInput = (chatId: string): TicketInput => ({ channel: 'test', chatId, lang: 'kk', question: '/operator', reason: 'requested', excerpt: [] });

describe('restoring hand-offs at start-up', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  /** A hand-off whose conversation state was lost: the stored conversation is the one from before it. */
  const lostHandoff = async (): Promise<string> => {
    await h.say('здравствуйте');
    await h.engine.drain();
    const before = await h.store.conversations.get('test', 'chat-1');
    const escalated = await h.say('/operator');
    if (escalated.outcome.kind !== 'escalate' || !before) throw new Error('no hand-off');
    await h.restart();
    await h.store.conversations.save(before);
    return escalated.outcome.ticketId;
  };

  test('without it the next line would reach the bot; with it the line goes on the ticket', async () => {
    const ticketId = await lostHandoff();
    expect(await h.store.conversations.get('test', 'chat-1')).toMatchObject({ mode: 'bot' });

    expect(await restoreHandoffs(h.store, h.clock.now())).toBe(1);
    expect(await h.store.conversations.get('test', 'chat-1')).toMatchObject({ mode: 'operator', ticketId });
    await h.restart();
    const next = await h.say('у меня нет света');
    expect(next.outcome).toEqual({ kind: 'queued', ticketId });
    expect(next.replies.map((r) => r.text)).toEqual([tr.t('ru', 'escalation.appended', { ticket: ticketId })]);
    expect((await h.store.tickets.get(ticketId))?.messages.map((m) => m.text)).toEqual(['у меня нет света']);
    // Done once: a second start finds nothing to restore.
    expect(await restoreHandoffs(h.store, h.clock.now())).toBe(0);
  });

  test('a chat with no stored conversation gets one, in the ticket language; closed tickets and chats with an operator are left alone', async () => {
    const missing = await h.store.tickets.create(ticketInput('no-state'));
    const closed = await h.store.tickets.create(ticketInput('closed'));
    await h.store.tickets.setStatus(closed.id, 'closed');
    const older = await h.store.tickets.create(ticketInput('two-tickets'));
    const newer = await h.store.tickets.create(ticketInput('two-tickets'));
    const other = await h.store.tickets.create(ticketInput('with-operator'));
    await h.store.tickets.create(ticketInput('with-operator'));
    await h.store.conversations.restoreHandoff(other, h.clock.now());

    expect(await restoreHandoffs(h.store, h.clock.now())).toBe(2);
    expect(await h.store.conversations.get('test', 'no-state')).toMatchObject({ mode: 'operator', ticketId: missing.id, lang: 'kk', langChosen: false, recent: [] });
    expect(await h.store.conversations.get('test', 'closed')).toBeNull();
    expect(await h.store.conversations.get('test', 'two-tickets')).toMatchObject({ mode: 'operator', ticketId: newer.id });
    expect(newer.id).not.toBe(older.id);
    expect(await h.store.conversations.get('test', 'with-operator')).toMatchObject({ mode: 'operator', ticketId: other.id });
  });
});

describe('the app restores them before it handles anything', () => {
  test('a ticket left by a killed run: the next message goes on it', async () => {
    const tmp = tempDir();
    try {
      const before = new SqliteStore(tmp.dir);
      const ticket = await before.tickets.create({ channel: 'telegram', chatId: '4242', lang: 'ru', question: 'нет света', reason: 'no-match', excerpt: [] });
      await before.close();

      const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: tmp.dir }));
      try {
        const result = await app.engine.handle({ channel: 'telegram', chatId: '4242', kind: 'text', text: 'уже третий час' });
        expect(result.outcome).toEqual({ kind: 'queued', ticketId: ticket.id });
        expect((await app.store.tickets.get(ticket.id))?.messages.map((m) => m.text)).toEqual(['уже третий час']);
      } finally {
        await app.close();
      }
    } finally {
      tmp.cleanup();
    }
  });
});
