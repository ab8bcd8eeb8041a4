import { FaqScheduler } from '../../src/schedule/scheduler';
import { SqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/types';
import { SMALL_FAQ, tempDir } from '../support/fixtures';
import { waitFor } from '../support/wait';

const curfew = SMALL_FAQ[0];
const at = (iso: string) => new Date(iso);

describe('FaqScheduler', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(async () => {
    tmp = tempDir();
    store = new SqliteStore(tmp.dir);
    await store.faq.import(SMALL_FAQ, 'seed');
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('applies a new answer text at its time, not before, and only once', async () => {
    const entry = { ...curfew, answer: { ...curfew.answer, en: 'Curfew: from 21:00 to 07:00.' } };
    const change = await store.schedule.add({ faqId: curfew.id, action: 'save', entry, runAt: at('2022-01-18T00:00:00Z'), createdBy: 'ed@x.kz' });
    const scheduler = new FaqScheduler({ store });

    expect(await scheduler.tick(at('2022-01-17T23:59:00Z'))).toEqual({ leader: true, applied: [], failed: [] });
    expect((await store.faq.get(curfew.id))?.answer.en).toBe(curfew.answer.en);

    expect((await scheduler.tick(at('2022-01-18T00:00:00Z'))).applied).toEqual([change.id]);
    const saved = await store.faq.get(curfew.id);
    expect(saved).toMatchObject({ version: 2, updatedBy: 'schedule:ed@x.kz', answer: { en: 'Curfew: from 21:00 to 07:00.' } });

    expect((await scheduler.tick(at('2022-01-18T00:01:00Z'))).applied).toEqual([]);
    expect((await store.faq.get(curfew.id))?.version).toBe(2);
    expect((await store.schedule.list())[0]).toMatchObject({ status: 'done', finishedAt: at('2022-01-18T00:00:00Z') });
  });

  it('deletes an entry at its time and records a failing change with its error', async () => {
    await store.schedule.add({ faqId: 'water-outage', action: 'delete', runAt: at('2022-01-18T00:00:00Z'), createdBy: 'ed' });
    const broken = await store.schedule.add({
      faqId: 'x',
      action: 'save',
      entry: { ...curfew, id: 'x' },
      runAt: at('2022-01-18T00:00:00Z'),
      createdBy: 'ed',
    });
    // A store failure while applying (full disk, lost connection) must be recorded, not thrown.
    const save = jest.spyOn(store.faq, 'save').mockRejectedValueOnce(new Error('disk full'));
    const result = await new FaqScheduler({ store }).tick(at('2022-01-18T00:00:30Z'));
    save.mockRestore();
    expect(await store.faq.get('water-outage')).toBeNull();
    expect(result.failed).toEqual([broken.id]);
    expect((await store.schedule.list({ status: ['failed'] }))[0]).toMatchObject({ id: broken.id, error: 'disk full' });
  });

  it('survives a restart: a change due while no process ran is applied at the next tick', async () => {
    await store.schedule.add({ faqId: 'water-outage', action: 'delete', runAt: at('2022-01-18T00:00:00Z'), createdBy: 'ed' });
    await store.close();
    store = new SqliteStore(tmp.dir);
    const result = await new FaqScheduler({ store }).tick(at('2022-01-19T09:00:00Z'));
    expect(result.applied).toHaveLength(1);
    expect(await store.faq.get('water-outage')).toBeNull();
  });

  it('with two schedulers on one database, only the lease holder applies; the other takes over after expiry', async () => {
    const other = new SqliteStore(tmp.dir);
    try {
      const a = new FaqScheduler({ store, holder: 'a', leaseMs: 60_000 });
      const b = new FaqScheduler({ store: other, holder: 'b', leaseMs: 60_000 });
      await store.schedule.add({ faqId: 'water-outage', action: 'delete', runAt: at('2022-01-18T00:00:00Z'), createdBy: 'ed' });
      const [ra, rb] = await Promise.all([a.tick(at('2022-01-18T00:00:00Z')), b.tick(at('2022-01-18T00:00:00Z'))]);
      expect([ra.leader, rb.leader].filter(Boolean)).toHaveLength(1);
      expect([...ra.applied, ...rb.applied]).toHaveLength(1);
      expect((await store.audit.list()).filter((r) => r.action === 'faq.delete')).toHaveLength(1);

      // a stops (crash: no release); b leads once a's lease has run out.
      expect((await b.tick(at('2022-01-18T00:00:30Z'))).leader).toBe(ra.leader ? false : true);
      expect((await b.tick(at('2022-01-18T00:01:01Z'))).leader).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('starts with node-cron, catching up at once, and stops cleanly', async () => {
    await store.schedule.add({ faqId: 'water-outage', action: 'delete', runAt: new Date(Date.now() - 1000), createdBy: 'ed' });
    const scheduler = new FaqScheduler({ store });
    scheduler.start();
    await waitFor(async () => (await store.faq.get('water-outage')) === null, 'the catch-up tick', 2000);
    await scheduler.stop();
  });
});
