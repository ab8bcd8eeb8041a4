/** The audit log. */
import type { Store } from '../../../src/store/types';
import { eachTest, type StoreUnderTest } from './index';

export function auditContract(open: StoreUnderTest): void {
  describe('audit', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    it('lists records newest first, with dates, up to a limit', async () => {
      await store.audit.record({ actor: 'op-1', action: 'ticket.close', target: '12', detail: { note: 'done', n: 2 } });
      await store.audit.record({ actor: 'op-2', action: 'login' });
      const all = await store.audit.list();
      expect(all.map((r) => r.action)).toEqual(['login', 'ticket.close']);
      expect(all[1]).toMatchObject({ actor: 'op-1', target: '12', detail: { note: 'done', n: 2 } });
      expect(all[1].at).toBeInstanceOf(Date);
      expect(all[0].target).toBeUndefined();
      expect(all[0].id).not.toBe(all[1].id);
      expect(await store.audit.list(1)).toHaveLength(1);
    });

    it('keeps an empty object in the detail, at the top and nested', async () => {
      await store.audit.record({ actor: 'ed', action: 'faq.import', detail: {} });
      await store.audit.record({ actor: 'ed', action: 'faq.import', detail: { changes: {}, n: 0 } });
      const [nested, empty] = await store.audit.list();
      expect(empty.detail).toEqual({});
      expect(nested.detail).toEqual({ changes: {}, n: 0 });
    });

    it('finds the records of some actions within a time range, oldest first', async () => {
      await store.audit.record({ actor: 'resident:telegram', action: 'ticket.rating', target: '1', detail: { score: 4 } });
      await store.audit.record({ actor: 'op-1', action: 'ticket.close', target: '1' });
      await store.audit.record({ actor: 'system', action: 'ticket.overdue', target: '2' });
      const [last, , first] = await store.audit.list();
      const end = new Date(last.at.getTime() + 1);
      const found = await store.audit.between(first.at, end, ['ticket.rating', 'ticket.overdue']);
      expect(found.map((r) => r.action)).toEqual(['ticket.rating', 'ticket.overdue']);
      expect(found[0]).toMatchObject({ actor: 'resident:telegram', target: '1', detail: { score: 4 } });
      expect(found[0].at).toBeInstanceOf(Date);
      // `from` is inside the range, `to` is not; no action asked for finds nothing.
      expect(await store.audit.between(new Date(0), first.at, ['ticket.rating'])).toEqual([]);
      expect(await store.audit.between(end, new Date(end.getTime() + 3600_000), ['ticket.overdue'])).toEqual([]);
      expect(await store.audit.between(first.at, end, [])).toEqual([]);
      expect(await store.audit.between(first.at, end, ['login.success'])).toEqual([]);
    });
  });
}
