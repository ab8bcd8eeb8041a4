import { createHarness, type Harness } from '../../support/engine';

/**
 * A resident whose request waits in the queue asks something else: what the FAQ answers outright is
 * answered at once, and still goes on the ticket with the bot's answer, for the operator to see.
 */
describe('a new question while the request waits in the queue', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  const QUESTION = 'Когда дадут горячую воду?';

  /** A question the FAQ has no answer for: the bot hands it over. */
  async function handOff(text = 'Сколько стоит аренда лодки на озере?'): Promise<string> {
    const result = await h.say(text);
    if (result.outcome.kind !== 'escalate') throw new Error(`expected a hand-off, got ${result.outcome.kind}`);
    return result.outcome.ticketId;
  }

  test('is answered, the resident hears the request stays queued, and the ticket shows both', async () => {
    const ticketId = await handOff();
    const reply = await h.say(QUESTION, { id: 'u-2' });
    expect(reply.outcome).toMatchObject({ kind: 'answer', faqId: 'water-outage' });
    expect(reply.replies.map((r) => r.text)).toEqual(['Воду подадут до вечера.', h.translator.t('ru', 'escalation.answeredMeanwhile', { ticket: ticketId })]);
    const ticket = await h.store.tickets.get(ticketId);
    expect(ticket?.status).toBe('queued');
    expect(ticket?.messages.map((l) => [l.from, l.text])).toEqual([
      ['resident', QUESTION],
      ['bot', 'Воду подадут до вечера.'],
    ]);
    // The same update handled again (a restart before it was marked handled) adds nothing.
    await h.say(QUESTION, { id: 'u-2' });
    expect((await h.store.tickets.get(ticketId))?.messages).toHaveLength(2);
  });

  test('once an operator has the request, the question only goes on the ticket', async () => {
    const ticketId = await handOff();
    await h.store.tickets.setStatus(ticketId, 'assigned', 'operator-1');
    const reply = await h.say(QUESTION);
    expect(reply.outcome).toEqual({ kind: 'queued', ticketId });
    expect(reply.replies.map((r) => r.text)).not.toContain('Воду подадут до вечера.');
    expect((await h.store.tickets.get(ticketId))?.messages.map((l) => l.from)).toEqual(['resident']);
  });

  test('a resident who asked for a person is telling the operator more: nothing is answered', async () => {
    const ticketId = await handOff('/operator');
    const reply = await h.say(QUESTION);
    expect(reply.outcome).toEqual({ kind: 'queued', ticketId });
    expect((await h.store.tickets.get(ticketId))?.messages.map((l) => l.from)).toEqual(['resident']);
  });

  test('a question the FAQ is not sure of is left to the operator', async () => {
    const ticketId = await handOff();
    const reply = await h.say('А лодку с мотором можно взять?');
    expect(reply.outcome).toEqual({ kind: 'queued', ticketId });
    expect(reply.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'escalation.appended', { ticket: ticketId })]);
  });

  test('after an answer meanwhile, the next line for the operator is acknowledged again, then not', async () => {
    const ticketId = await handOff();
    const appended = h.translator.t('ru', 'escalation.appended', { ticket: ticketId });
    expect((await h.say('А лодку с мотором можно взять?')).replies.map((r) => r.text)).toEqual([appended]);
    expect((await h.say('А весла свои брать?')).replies).toEqual([]);
    expect((await h.say(QUESTION)).outcome).toMatchObject({ kind: 'answer', faqId: 'water-outage' });
    // Silence now would read as the bot working on it: the resident hears it went to the operator.
    expect((await h.say('А лодки большие?')).replies.map((r) => r.text)).toEqual([appended]);
    expect((await h.say('Или только маленькие?')).replies).toEqual([]);
  });

  test('thanks or goodbye while it waits hears the request stays open and how to cancel it; it stays queued', async () => {
    const ticketId = await handOff();
    await h.say(QUESTION);
    const reply = await h.say('Спасибо большое!');
    expect(reply.outcome).toEqual({ kind: 'queued', ticketId });
    expect(reply.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'escalation.thanksQueued', { ticket: ticketId })]);
    const ticket = await h.store.tickets.get(ticketId);
    expect(ticket?.status).toBe('queued');
    expect(ticket?.messages.map((l) => [l.from, l.text]).at(-1)).toEqual(['resident', 'Спасибо большое!']);
    const bye = await h.say('До свидания');
    expect(bye.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'escalation.byeQueued', { ticket: ticketId })]);
    expect((await h.store.tickets.get(ticketId))?.status).toBe('queued');
  });

  test('thanks to an operator who has the request is theirs: the bot does not answer it', async () => {
    const ticketId = await handOff();
    await h.store.tickets.setStatus(ticketId, 'assigned', 'operator-1');
    await h.say('Вот подробности: озеро Жасыбай.');
    const reply = await h.say('Спасибо!');
    expect(reply.outcome).toEqual({ kind: 'queued', ticketId });
    expect(reply.replies).toEqual([]);
    expect((await h.store.tickets.get(ticketId))?.messages.map((l) => l.text)).toContain('Спасибо!');
  });
});
