import { CHOICE } from '../../../src/engine/choices';
import type { DeskEvent } from '../../../src/escalation/operator-desk';
import { collectUnanswered } from '../../../src/stats/unanswered';
import { createHarness, HINT_ONLY_BANDS, type Harness } from '../../support/engine';


describe('entries offered with a hand-off', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ thresholds: HINT_ONLY_BANDS });
  });
  afterEach(() => h.close());

  async function handOffWithHints(text = 'Когда дадут горячую воду в доме?') {
    const result = await h.say(text);
    if (result.outcome.kind !== 'escalate') throw new Error(`expected a hand-off, got ${result.outcome.kind}`);
    return { result, ticketId: result.outcome.ticketId, offered: result.outcome.faqIds ?? [] };
  }

  test('the ticket is opened and the likely entries are offered, without an operator button', async () => {
    const { result, ticketId, offered } = await handOffWithHints();
    expect(offered[0]).toBe('water-outage');
    expect(await h.store.tickets.get(ticketId)).toMatchObject({ status: 'queued', question: 'Когда дадут горячую воду в доме?' });
    const [queued, hints] = result.replies;
    expect(queued.text).toContain(ticketId);
    expect(hints.text).toBe(h.translator.t('ru', 'escalation.hints'));
    expect(hints.choices?.map((c) => c.id)).toEqual(offered.map((id) => CHOICE.faq(id)));
    expect(hints.choices?.[0].label).toBe('Когда дадут горячую воду?');
  });

  test('reading one answers it while the ticket stays open; the ticket shows what was read', async () => {
    const { ticketId } = await handOffWithHints();
    const read = await h.say('', { choiceId: CHOICE.faq('water-outage') });
    expect(read.outcome).toMatchObject({ kind: 'answer', faqId: 'water-outage' });
    expect(read.replies[0].text).toBe('Воду подадут до вечера.');
    const ticket = await h.store.tickets.get(ticketId);
    expect(ticket?.status).toBe('queued');
    expect(ticket?.messages.map((l) => l.text)).toContain('[Когда дадут горячую воду?]');
    // What the resident picked teaches the matcher, as a pick from "did you mean" does.
    expect(await h.store.learning.list({ entryId: 'water-outage' })).toMatchObject([{ text: 'Когда дадут горячую воду в доме?' }]);
  });

  test('"it helped" withdraws the ticket: closed without a rating question, announced, and the bot answers again', async () => {
    const { ticketId } = await handOffWithHints();
    const events: DeskEvent[] = [];
    h.handoff.events.on('change', (e) => events.push(e));
    await h.say('', { choiceId: CHOICE.faq('water-outage') });
    const helped = await h.say('', { choiceId: CHOICE.helpful });
    expect(helped.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'escalation.withdrawn', { ticket: ticketId })]);
    expect(helped.replies[0].choices).toBeUndefined();
    expect(await h.store.tickets.get(ticketId)).toMatchObject({ status: 'closed' });
    expect(events).toContainEqual(expect.objectContaining({ kind: 'closed', ticket: expect.objectContaining({ id: ticketId }) }));
    const audit = (await h.store.audit.list()).filter((r) => r.action === 'ticket.withdraw');
    expect(audit).toMatchObject([{ actor: 'resident:test', target: ticketId }]);
    // Back with the bot: the next question is matched, not added to the closed ticket.
    const next = await h.say('Когда начинается комендантский час?');
    expect(next.outcome.kind).toBe('escalate');
    expect(next.outcome.kind === 'escalate' && next.outcome.ticketId).not.toBe(ticketId);
    // The FAQ answered the withdrawn one: it is not among the staff's unanswered questions.
    const unanswered = collectUnanswered(await h.store.tickets.list(), await h.store.audit.list()).map((q) => q.text);
    expect(unanswered).toEqual(['Когда начинается комендантский час?']);
  });

  test('on a channel without buttons the typed number picks an offered entry', async () => {
    const { ticketId } = await handOffWithHints();
    const read = await h.say('1');
    expect(read.outcome).toMatchObject({ kind: 'answer', faqId: 'water-outage' });
    expect((await h.store.tickets.get(ticketId))?.status).toBe('queued');
  });

  test('the update that opened the ticket, handled again after a restart, offers the same entries again', async () => {
    const first = await h.say('Когда дадут горячую воду в доме?', { id: 'u-1' });
    if (first.outcome.kind !== 'escalate') throw new Error(`expected a hand-off, got ${first.outcome.kind}`);
    await h.restart();
    const again = await h.say('Когда дадут горячую воду в доме?', { id: 'u-1' });
    expect(again.outcome).toEqual(first.outcome);
    expect(again.replies[1]).toEqual(first.replies[1]);
    expect((await h.say('', { choiceId: CHOICE.faq('water-outage') })).outcome).toMatchObject({ kind: 'answer', faqId: 'water-outage' });
  });

  test('"it did not help" leaves the question with the operator', async () => {
    const { ticketId } = await handOffWithHints();
    await h.say('', { choiceId: CHOICE.faq('water-outage') });
    const notHelped = await h.say('', { choiceId: CHOICE.notHelpful });
    expect(notHelped.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'escalation.stillQueued', { ticket: ticketId })]);
    expect(await h.store.tickets.get(ticketId)).toMatchObject({ status: 'queued' });
    const more = await h.say('И ещё: в подъезде холодно');
    expect(more.outcome).toEqual({ kind: 'queued', ticketId });
  });

  test('an entry not offered, or a stale "it helped", goes on the ticket like any message', async () => {
    const { ticketId, offered } = await handOffWithHints();
    expect(offered).not.toContain('curfew-time');
    const other = await h.say('', { choiceId: CHOICE.faq('curfew-time') });
    expect(other.outcome).toEqual({ kind: 'queued', ticketId });
    const stale = await h.say('', { choiceId: CHOICE.helpful });
    expect(stale.outcome).toEqual({ kind: 'queued', ticketId });
    expect(await h.store.tickets.get(ticketId)).toMatchObject({ status: 'queued' });
  });

  test('a ticket an operator closed meanwhile is not withdrawn again', async () => {
    const { ticketId } = await handOffWithHints();
    await h.say('', { choiceId: CHOICE.faq('water-outage') });
    await h.store.tickets.setStatus(ticketId, 'closed', 'op-1');
    const helped = await h.say('', { choiceId: CHOICE.helpful });
    expect(helped.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'feedback.thanks')]);
    expect((await h.store.audit.list()).filter((r) => r.action === 'ticket.withdraw')).toEqual([]);
  });
});

describe('the hint band', () => {
  test('below it a question is handed over without entries', async () => {
    const h = await createHarness({ thresholds: { answer: 1.01, suggest: 1.01, hint: 1.01 } });
    try {
      const result = await h.say('Когда дадут горячую воду в доме?');
      expect(result.outcome).toMatchObject({ kind: 'escalate', reason: 'no-match' });
      expect(result.outcome.kind === 'escalate' && result.outcome.faqIds).toBeUndefined();
      expect(result.replies).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});
