/** Tickets: ids, appends, status, claims, listing. */
import type { Store } from '../../../src/store/types';
import { line, ticketInput } from './fixtures';
import { eachTest, type StoreUnderTest } from './index';

export function ticketsContract(open: StoreUnderTest): void {
  describe('tickets', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    it('creates a queued ticket with an id and round-trips it', async () => {
      const input = ticketInput({ topic: 'curfew' });
      const t = await store.tickets.create(input);
      expect(t).toMatchObject({ ...input, status: 'queued', messages: [] });
      expect(typeof t.id).toBe('string');
      expect(t.createdAt).toBeInstanceOf(Date);
      expect(t.closedAt).toBeUndefined();
      expect(await store.tickets.get(t.id)).toEqual(t);
      expect((await store.tickets.get(t.id))?.excerpt[0].at).toEqual(input.excerpt[0].at);
    });

    it('lists the tickets opened in a time range, oldest first, without their lines', async () => {
      const a = await store.tickets.create(ticketInput({ topic: 'curfew' }));
      const b = await store.tickets.create(ticketInput({ chatId: '2', lang: 'kk', reason: 'requested' }));
      await store.tickets.append(b.id, line('later'));
      await store.tickets.setStatus(b.id, 'closed', 'op@x.kz');
      const after = (d: Date, ms = 1) => new Date(d.getTime() + ms);
      const both = await store.tickets.openedBetween(a.createdAt, after(b.createdAt));
      expect(both.map((t) => t.id)).toEqual([a.id, b.id]);
      const { excerpt: _excerpt, messages: _messages, ...summary } = a;
      expect(both[0]).toEqual(summary);
      expect(both[1]).toMatchObject({ lang: 'kk', reason: 'requested', status: 'closed', assignee: 'op@x.kz' });
      expect(both[1].closedAt).toBeInstanceOf(Date);
      expect(both[1]).not.toHaveProperty('messages');
      expect(both[1]).not.toHaveProperty('excerpt');
      // `from` is inside the range, `to` is not.
      expect(await store.tickets.openedBetween(new Date(0), a.createdAt)).toEqual([]);
      expect((await store.tickets.openedBetween(after(a.createdAt, -1), after(a.createdAt))).map((t) => t.id)).toContain(a.id);
      expect(await store.tickets.openedBetween(after(b.createdAt), after(b.createdAt, 3600_000))).toEqual([]);
    });

    it('gives each ticket its own id; unknown ids are null', async () => {
      const a = await store.tickets.create(ticketInput());
      const b = await store.tickets.create(ticketInput());
      expect(a.id).not.toBe(b.id);
      expect(await store.tickets.get('no-such-ticket')).toBeNull();
      expect(await store.tickets.setStatus('no-such-ticket', 'closed')).toBeNull();
    });

    it('keeps every one of 50 concurrent appends', async () => {
      const t = await store.tickets.create(ticketInput());
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => store.tickets.append(t.id, line(`message ${i}`))),
      );
      const got = await store.tickets.get(t.id);
      expect(got?.messages).toHaveLength(50);
      expect(new Set(got?.messages.map((m) => m.text)).size).toBe(50);
      expect(got?.messages[0].at).toBeInstanceOf(Date);
    });

    it('opens one ticket per source and appends a line with a ref once', async () => {
      const first = await store.tickets.create(ticketInput({ source: 'telegram:77' }));
      const again = await store.tickets.create(ticketInput({ source: 'telegram:77', question: 'asked again' }));
      expect(again).toEqual(first);
      expect(first.source).toBe('telegram:77');
      expect((await store.tickets.create(ticketInput())).id).not.toBe(first.id);
      expect(await store.tickets.append(first.id, line('once'), 'telegram:78')).toBe(true);
      expect(await store.tickets.append(first.id, line('once'), 'telegram:78')).toBe(false);
      expect(await store.tickets.append(first.id, line('no ref'))).toBe(true);
      expect(await store.tickets.append(first.id, line('no ref'))).toBe(true);
      expect((await store.tickets.get(first.id))?.messages.map((m) => m.text)).toEqual(['once', 'no ref', 'no ref']);
      await expect(store.tickets.append('424242', line('hello'), 'telegram:79')).rejects.toThrow();
    });

    it("returns each ticket with its own messages in append order, from get, list, claim, setStatus and latestClosed", async () => {
      const a = await store.tickets.create(ticketInput({ question: 'a' }));
      const b = await store.tickets.create(ticketInput({ question: 'b' }));
      for (const text of ['a1', 'a2', 'a3']) await store.tickets.append(a.id, line(text));
      await store.tickets.append(b.id, line('b1'));
      const texts = (t: { messages: { text: string }[] } | null | undefined) => t?.messages.map((m) => m.text);
      expect(texts(await store.tickets.get(a.id))).toEqual(['a1', 'a2', 'a3']);
      expect((await store.tickets.list()).map(texts)).toEqual([['a1', 'a2', 'a3'], ['b1']]);
      expect(texts(await store.tickets.claim(b.id, 'op'))).toEqual(['b1']);
      expect(texts(await store.tickets.setStatus(a.id, 'closed'))).toEqual(['a1', 'a2', 'a3']);
      expect(texts(await store.tickets.latestClosed('telegram', '1001'))).toEqual(['a1', 'a2', 'a3']);
    });

    it('refuses an append to an unknown ticket', async () => {
      await expect(store.tickets.append('424242', line('hello'))).rejects.toThrow();
    });

    it('updates status and assignee; closing sets closedAt, reopening clears it', async () => {
      const t = await store.tickets.create(ticketInput());
      const assigned = await store.tickets.setStatus(t.id, 'assigned', 'operator-1');
      expect(assigned).toMatchObject({ status: 'assigned', assignee: 'operator-1' });
      expect(assigned?.closedAt).toBeUndefined();
      const closed = await store.tickets.setStatus(t.id, 'closed');
      expect(closed).toMatchObject({ status: 'closed', assignee: 'operator-1' });
      expect(closed?.closedAt).toBeInstanceOf(Date);
      const reopened = await store.tickets.setStatus(t.id, 'waiting');
      expect(reopened?.closedAt).toBeUndefined();
    });

    it('lets exactly one of two concurrent claims win, and only on a queued ticket', async () => {
      const t = await store.tickets.create(ticketInput());
      const results = await Promise.all([store.tickets.claim(t.id, 'op-a'), store.tickets.claim(t.id, 'op-b')]);
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ status: 'assigned' });
      expect(['op-a', 'op-b']).toContain(winners[0]?.assignee);
      expect(await store.tickets.claim(t.id, 'op-c')).toBeNull();
      expect(await store.tickets.claim('no-such-ticket', 'op-c')).toBeNull();
      await store.tickets.setStatus(t.id, 'queued');
      expect(await store.tickets.claim(t.id, 'op-c')).toMatchObject({ assignee: 'op-c' });
    });

    it('lists tickets oldest first, filtered by status', async () => {
      const a = await store.tickets.create(ticketInput({ question: 'a' }));
      const b = await store.tickets.create(ticketInput({ question: 'b' }));
      const c = await store.tickets.create(ticketInput({ question: 'c' }));
      await store.tickets.setStatus(b.id, 'closed');
      await store.tickets.setStatus(c.id, 'assigned', 'op');
      await store.tickets.append(a.id, line('hi'));
      expect((await store.tickets.list()).map((t) => t.question)).toEqual(['a', 'b', 'c']);
      const open = await store.tickets.list({ status: ['queued', 'assigned'] });
      expect(open.map((t) => t.id)).toEqual([a.id, c.id]);
      expect(open[0].messages.map((m) => m.text)).toEqual(['hi']);
      expect(await store.tickets.list({ status: ['waiting'] })).toEqual([]);
    });

    it('keeps a ticket urgent from its opening or once marked while open, and says whether marking changed it', async () => {
      const born = await store.tickets.create(ticketInput({ urgent: true }));
      expect(born.urgent).toBe(true);
      expect((await store.tickets.get(born.id))?.urgent).toBe(true);
      expect(await store.tickets.markUrgent(born.id)).toBeNull();

      const plain = await store.tickets.create(ticketInput({ question: 'plain' }));
      expect(plain).not.toHaveProperty('urgent');
      expect(await store.tickets.get(plain.id)).not.toHaveProperty('urgent');
      const marked = await store.tickets.markUrgent(plain.id);
      expect(marked).toMatchObject({ id: plain.id, urgent: true, status: 'queued' });
      expect(await store.tickets.get(plain.id)).toEqual(marked);
      expect(await store.tickets.markUrgent(plain.id)).toBeNull();
      const [listed] = await store.tickets.list({ status: ['queued'] }).then((all) => all.filter((t) => t.id === plain.id));
      expect(listed.urgent).toBe(true);
      const summary = (await store.tickets.openedBetween(plain.createdAt, new Date(plain.createdAt.getTime() + 1))).find((t) => t.id === plain.id);
      expect(summary?.urgent).toBe(true);

      const closed = await store.tickets.create(ticketInput({ question: 'closed' }));
      await store.tickets.setStatus(closed.id, 'closed');
      expect(await store.tickets.markUrgent(closed.id)).toBeNull();
      expect(await store.tickets.get(closed.id)).not.toHaveProperty('urgent');
      expect(await store.tickets.markUrgent('no-such-ticket')).toBeNull();
    });

    it("finds a chat's latest closed ticket, and nothing for a chat without one", async () => {
      const first = await store.tickets.create(ticketInput({ question: 'first' }));
      const other = await store.tickets.create(ticketInput({ chatId: '2002', question: 'other chat' }));
      const second = await store.tickets.create(ticketInput({ question: 'second' }));
      await store.tickets.create(ticketInput({ question: 'still open' }));
      expect(await store.tickets.latestClosed('telegram', '1001')).toBeNull();
      await store.tickets.setStatus(first.id, 'closed', 'op-a');
      await store.tickets.setStatus(other.id, 'closed', 'op-b');
      expect(await store.tickets.latestClosed('telegram', '1001')).toMatchObject({ id: first.id, assignee: 'op-a' });
      await store.tickets.setStatus(second.id, 'closed', 'op-c');
      expect(await store.tickets.latestClosed('telegram', '1001')).toMatchObject({ id: second.id, assignee: 'op-c' });
      expect(await store.tickets.latestClosed('whatsapp', '1001')).toBeNull();
    });
  });
}
