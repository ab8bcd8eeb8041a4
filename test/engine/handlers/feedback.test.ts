import { CHOICE } from '../../../src/engine/choices';
import { createHarness, type Harness } from '../../support/engine';

describe('rating after a hand-off', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  test("goes against the resident's own latest closed ticket, read with one targeted query", async () => {
    // Closed tickets of other chats, before and after this resident's own.
    const other = await h.store.tickets.create({ channel: 'test', chatId: 'other', lang: 'ru', question: 'q', reason: 'requested', excerpt: [] });
    await h.store.tickets.setStatus(other.id, 'closed', 'op-x');
    const mine = await h.say('/operator');
    const id = mine.outcome.kind === 'escalate' ? mine.outcome.ticketId : '';
    await h.store.tickets.setStatus(id, 'closed', 'op-mine');
    const later = await h.store.tickets.create({ channel: 'test', chatId: 'later', lang: 'ru', question: 'q', reason: 'requested', excerpt: [] });
    await h.store.tickets.setStatus(later.id, 'closed', 'op-y');

    const list = jest.spyOn(h.store.tickets, 'list');
    const rated = await h.say('', { choiceId: CHOICE.rating(4) });
    expect(rated.outcome).toEqual({ kind: 'rating', score: 4 });
    expect(list).not.toHaveBeenCalled();
    const [record] = (await h.store.audit.list()).filter((r) => r.action === 'ticket.rating');
    expect(record).toMatchObject({ actor: 'resident:test', target: id, detail: { score: 4, operator: 'op-mine' } });
  });

  test('a rating written the way residents write one is the rating, never a new ticket', async () => {
    const written: Array<[string, number]> = [['5 баллов', 5], ['оценка 4', 4], ['4 из 5', 4], ['9/10', 5], ['⭐⭐⭐', 3], ['★★☆☆☆', 2], ['пять', 5], ['5-тен 4', 4]];
    for (const [typed, score] of written) {
      const chatId = `rates ${typed}`;
      const opened = await h.say('/operator', { chatId });
      const id = opened.outcome.kind === 'escalate' ? opened.outcome.ticketId : '';
      await h.handBack((await h.store.tickets.setStatus(id, 'closed', 'op-a'))!);
      expect([typed, (await h.say(typed, { chatId })).outcome]).toEqual([typed, { kind: 'rating', score }]);
    }
    expect(await h.store.tickets.list({ status: ['queued'] })).toEqual([]);
  });
});
