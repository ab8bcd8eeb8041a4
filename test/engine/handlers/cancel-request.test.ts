import path from 'node:path';
import Database from 'better-sqlite3';
import type { DeskEvent } from '../../../src/escalation/operator-desk';
import { collectUnanswered } from '../../../src/stats/unanswered';
import { createHarness, type Harness } from '../../support/engine';

/** A resident who no longer needs the operator withdraws the request (/cancel, or typed). */
describe('cancelling a request to an operator', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  async function handOff(): Promise<string> {
    const result = await h.say('/operator');
    if (result.outcome.kind !== 'escalate') throw new Error(`expected a hand-off, got ${result.outcome.kind}`);
    return result.outcome.ticketId;
  }

  test('/cancel closes the queued ticket, tells the resident and the desk, and the bot answers again', async () => {
    const ticketId = await handOff();
    const events: DeskEvent[] = [];
    h.handoff.events.on('change', (e) => events.push(e));
    const cancelled = await h.say('/cancel');
    expect(cancelled.outcome).toEqual({ kind: 'command', name: 'cancel' });
    expect(cancelled.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'escalation.cancelled', { ticket: ticketId })]);
    const ticket = await h.store.tickets.get(ticketId);
    expect(ticket?.status).toBe('closed');
    // Not a line for the operator: the ticket is closed, and says why in the audit log.
    expect(ticket?.messages.map((l) => l.text)).not.toContain('/cancel');
    expect(events).toContainEqual(expect.objectContaining({ kind: 'closed', withdrawn: true, ticket: expect.objectContaining({ id: ticketId }) }));
    const audit = (await h.store.audit.list()).filter((r) => r.action === 'ticket.withdraw');
    expect(audit).toMatchObject([{ target: ticketId, detail: { why: 'cancelled' } }]);
    await h.engine.drain();
    const conversation = await h.store.conversations.get('test', 'chat-1');
    expect(conversation).toMatchObject({ mode: 'bot' });
    expect(conversation?.ticketId).toBeUndefined();
    // Back with the bot: the next question is matched, not added to a ticket.
    const next = await h.say('Когда дадут горячую воду?');
    expect(next.outcome).toMatchObject({ kind: 'answer', faqId: 'water-outage' });
  });

  test.each(['отменить обращение', 'өтінішті болдырмау', 'Cancel my request', 'отмените', 'вопрос решён', 'енді керек емес', 'never mind'])('typed "%s" cancels it too', async (text) => {
    const ticketId = await handOff();
    const cancelled = await h.say(text);
    expect(cancelled.outcome).toEqual({ kind: 'command', name: 'cancel' });
    expect((await h.store.tickets.get(ticketId))?.status).toBe('closed');
  });

  test('a request an operator already has can be cancelled as well', async () => {
    const ticketId = await handOff();
    await h.store.tickets.setStatus(ticketId, 'assigned', 'operator-1');
    await h.say('/cancel');
    expect((await h.store.tickets.get(ticketId))?.status).toBe('closed');
  });

  test('while the store refuses writes the request stays open, and the resident is told it could not be done', async () => {
    await h.close();
    h = await createHarness({ busyTimeoutMs: 20 });
    const ticketId = await handOff();
    await h.engine.drain();
    // Another connection holds the write lock, as a long import or a stuck process would.
    const other = new Database(path.join(h.dir, 'bot.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const refused = await h.say('/cancel');
      expect(refused.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'escalation.unavailable')]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await h.store.tickets.get(ticketId))?.status).toBe('queued');
    // Still the operator's: a second try, with the store back, cancels it.
    const cancelled = await h.say('/cancel');
    expect(cancelled.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'escalation.cancelled', { ticket: ticketId })]);
  });

  test('with no request open the resident is told so, and nothing is opened', async () => {
    const result = await h.say('/cancel');
    expect(result.outcome).toEqual({ kind: 'command', name: 'cancel' });
    expect(result.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'escalation.nothingToCancel')]);
    expect(await h.store.tickets.list()).toEqual([]);
  });

  test('a cancelled request was not answered: its question stays among the unanswered ones', async () => {
    const asked = await h.say('Сколько стоит аренда лодки на озере?');
    expect(asked.outcome).toMatchObject({ kind: 'escalate', reason: 'no-match' });
    await h.say('/cancel');
    const unanswered = collectUnanswered(await h.store.tickets.list(), await h.store.audit.list());
    expect(unanswered.map((q) => q.text)).toEqual(['Сколько стоит аренда лодки на озере?']);
  });
});
