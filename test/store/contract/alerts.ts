/** Alert subscriptions, alerts and their recipients. */
import type { Store } from '../../../src/store/types';
import { eachTest, type StoreUnderTest } from './index';

export function alertsContract(open: StoreUnderTest): void {
  describe('alerts', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    const sub = (chatId: string, topics: string[], district?: string, channel = 'telegram') =>
      store.alerts.saveSubscription({ channel, chatId, topics, lang: 'kk', ...(district ? { district } : {}) });
    const alertInput = { text: { ru: 'Комендантский час', en: 'Curfew' }, runAt: new Date('2026-01-01T10:00:00Z'), createdBy: 'ed' };

    it('keeps one subscription per chat, replaced on save, removed on delete', async () => {
      await sub('1', ['curfew'], 'Aksu');
      const again = await sub('1', ['internet', 'internet']);
      expect(again).toMatchObject({ channel: 'telegram', chatId: '1', topics: ['internet'], lang: 'kk' });
      expect(again.district).toBeUndefined();
      expect(await store.alerts.getSubscription('telegram', '1')).toEqual(again);
      expect(await store.alerts.deleteSubscription('telegram', '1')).toBe(true);
      expect(await store.alerts.deleteSubscription('telegram', '1')).toBe(false);
      expect(await store.alerts.getSubscription('telegram', '1')).toBeNull();
    });

    it('matches by a common topic and by district (none on either side means all)', async () => {
      await sub('1', ['curfew'], 'Aksu');
      await sub('2', ['curfew', 'loans'], 'Pavlodar');
      await sub('3', ['curfew']);
      await sub('4', ['loans']);
      const ids = async (topics: string[], districts: string[]) =>
        (await store.alerts.matchingSubscriptions(topics, districts)).map((s) => s.chatId).sort();
      expect(await ids(['curfew'], [])).toEqual(['1', '2', '3']);
      expect(await ids(['curfew'], ['Aksu'])).toEqual(['1', '3']);
      expect(await ids(['loans', 'transport'], ['Pavlodar'])).toEqual(['2', '4']);
    });

    it('starts an alert once, with one pending recipient per match, and tracks outcomes', async () => {
      await sub('1', ['curfew']);
      await sub('2', ['curfew'], undefined, 'whatsapp');
      await sub('3', ['loans']);
      const alert = await store.alerts.create({ ...alertInput, topics: ['curfew'], districts: [] });
      expect(alert.status).toBe('scheduled');
      expect(await store.alerts.get(alert.id)).toEqual(alert);
      expect(await store.alerts.start(alert.id)).toBe(true);
      expect(await store.alerts.start(alert.id)).toBe(false);
      expect((await store.alerts.get(alert.id))?.status).toBe('sending');
      const pending = await store.alerts.pendingRecipients(alert.id, 10);
      expect(pending.map((r) => [r.channel, r.chatId, r.lang, r.status])).toEqual([
        ['telegram', '1', 'kk', 'pending'],
        ['whatsapp', '2', 'kk', 'pending'],
      ]);
      expect((await store.alerts.pendingRecipients(alert.id, 10, 'whatsapp')).map((r) => r.chatId)).toEqual(['2']);
      expect(await store.alerts.markRecipient(alert.id, 'telegram', '1', 'sent')).toBe(true);
      expect(await store.alerts.markRecipient(alert.id, 'telegram', '1', 'failed', 'late')).toBe(false);
      expect(await store.alerts.markRecipient(alert.id, 'whatsapp', '2', 'blocked', 'bot was blocked')).toBe(true);
      expect(await store.alerts.pendingRecipients(alert.id, 10)).toEqual([]);
      const progress = await store.alerts.progress(alert.id);
      expect(progress.telegram).toMatchObject({ sent: 1, pending: 0 });
      expect(progress.whatsapp).toMatchObject({ blocked: 1 });
      expect((await store.alerts.recipients(alert.id, ['blocked']))[0]).toMatchObject({ chatId: '2', reason: 'bot was blocked' });
      expect(await store.alerts.finish(alert.id, 'done')).toBe(true);
      expect(await store.alerts.finish(alert.id, 'cancelled')).toBe(false);
      expect((await store.alerts.list({ status: ['done'] })).map((a) => a.id)).toEqual([alert.id]);
    });

    it('skips pending deliveries on unsubscribe and on cancel', async () => {
      await sub('1', ['curfew']);
      await sub('2', ['curfew']);
      await sub('3', ['curfew']);
      const alert = await store.alerts.create({ ...alertInput, topics: ['curfew'], districts: [] });
      await store.alerts.start(alert.id);
      await store.alerts.deleteSubscription('telegram', '1');
      expect((await store.alerts.pendingRecipients(alert.id, 10)).map((r) => r.chatId)).toEqual(['2', '3']);
      await store.alerts.markRecipient(alert.id, 'telegram', '2', 'sent');
      expect(await store.alerts.finish(alert.id, 'cancelled')).toBe(true);
      expect(await store.alerts.pendingRecipients(alert.id, 10)).toEqual([]);
      expect((await store.alerts.progress(alert.id)).telegram).toMatchObject({ sent: 1, skipped: 2, pending: 0 });
      // A send under way when the cancel came did reach the resident: 'sent' replaces 'skipped'.
      expect(await store.alerts.markRecipient(alert.id, 'telegram', '3', 'sent')).toBe(true);
      expect(await store.alerts.markRecipient(alert.id, 'telegram', '1', 'failed', 'x')).toBe(false);
      expect((await store.alerts.recipients(alert.id, ['sent'])).map((r) => [r.chatId, r.reason])).toEqual([
        ['2', undefined],
        ['3', undefined],
      ]);
    });

    it('is never seen sending with a recipient missing', async () => {
      for (let i = 0; i < 30; i++) await sub(`r${i}`, ['curfew']);
      const alert = await store.alerts.create({ ...alertInput, topics: ['curfew'], districts: [] });
      const seen: number[] = [];
      let started = false;
      const watch = (async () => {
        while (!started) {
          if ((await store.alerts.get(alert.id))?.status === 'sending') seen.push((await store.alerts.recipients(alert.id)).length);
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      await store.alerts.start(alert.id);
      started = true;
      await watch;
      expect(seen.every((n) => n === 30)).toBe(true);
      expect(await store.alerts.recipients(alert.id)).toHaveLength(30);
    });

    it('leaves no pending delivery for a chat that unsubscribes while the alert starts', async () => {
      for (let round = 0; round < 8; round++) {
        await sub(`gone-${round}`, ['curfew']);
        await sub(`kept-${round}`, ['curfew']);
        const alert = await store.alerts.create({ ...alertInput, topics: ['curfew'], districts: [] });
        await Promise.all([store.alerts.start(alert.id), store.alerts.deleteSubscription('telegram', `gone-${round}`)]);
        const pending = (await store.alerts.pendingRecipients(alert.id, 100)).map((r) => r.chatId);
        expect(pending).not.toContain(`gone-${round}`);
        expect(pending).toContain(`kept-${round}`);
      }
    });

    it('leaves no pending delivery on an alert cancelled while it starts', async () => {
      await sub('1', ['curfew']);
      await sub('2', ['curfew']);
      for (let round = 0; round < 8; round++) {
        const alert = await store.alerts.create({ ...alertInput, topics: ['curfew'], districts: [] });
        const [, cancelled] = await Promise.all([store.alerts.start(alert.id), store.alerts.finish(alert.id, 'cancelled')]);
        expect(cancelled).toBe(true);
        expect((await store.alerts.get(alert.id))?.status).toBe('cancelled');
        expect(await store.alerts.pendingRecipients(alert.id, 10)).toEqual([]);
      }
    });
  });
}