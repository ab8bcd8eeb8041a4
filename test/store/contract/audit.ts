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
  });
}
