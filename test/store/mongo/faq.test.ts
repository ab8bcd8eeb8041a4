/**
 * FAQ writes on MongoDB as the server sees them (defect 5): two processes creating the same entry
 * at once on a standalone server — seeding an empty database with one file — both succeed; only
 * a different entry under the same id is a lost race, planned again.
 */
import type { MongoStore } from '../../../src/store/mongo';
import { faq } from '../contract/fixtures';
import { duplicateKeyError, StubbedDriver, type Call } from './driver-stub';

describe('MongoDB FAQ: a create racing another process', () => {
  let driver: StubbedDriver;
  let store: MongoStore;
  afterEach(() => driver.restore());

  const entry = faq('bank-hours');
  /** The entry as the other process stored it: same content, its own author and time. */
  const theirs = { ...entry, version: 1, updatedBy: 'seed', updatedAt: new Date('2026-01-15T09:59:59Z') };
  const inserted = (collection: string) => driver.callsTo(collection, 'insertOne').map((c: Call) => (c.args[0] as { id: string }).id);

  async function open() {
    driver = new StubbedDriver();
    store = await driver.openStore();
    let reads = 0;
    // Absent when planned; there (the other process's) once the create is refused.
    driver.on('faq', 'findOne', () => (++reads === 1 ? null : theirs));
    driver.on('faq', 'insertOne', () => {
      throw duplicateKeyError('faq', 'id_1');
    });
  }

  it('takes an identical entry the other process created as created, and completes the change', async () => {
    await open();
    driver.on('faq_versions', 'insertOne', () => {
      throw duplicateKeyError('faq_versions', 'id_1_version_1');
    });
    driver.on('faq_versions', 'findOne', () => theirs);
    const saved = await store.faq.save(entry, 'seed');
    expect(saved).toMatchObject({ id: 'bank-hours', version: 1 });
    expect(inserted('faq_versions')).toEqual(['bank-hours']);
    expect(driver.callsTo('counters', 'updateOne').map((c) => c.args[0])).toEqual([{ _id: 'faq_revision' }]);
    expect(driver.callsTo('audit', 'insertOne')).toHaveLength(1);
  });

  it('plans again when the entry the other process created differs', async () => {
    await open();
    driver.on('faq', 'findOne', () => ({ ...theirs, topic: 'other' }));
    // Planned again from what is stored now: a new version of their entry.
    driver.on('faq', 'updateOne', () => ({ acknowledged: true, matchedCount: 1, modifiedCount: 1 }));
    const saved = await store.faq.save(entry, 'seed');
    expect(saved).toMatchObject({ version: 2, topic: entry.topic });
    expect(driver.callsTo('faq', 'updateOne')[0].args[0]).toEqual({ id: 'bank-hours', version: 1 });
  });

  it('never passes E11000 on to the caller', async () => {
    await open();
    driver.on('faq', 'findOne', () => null);
    // The other process's entry is gone again by the time it is read: lost races, until the planner gives up clearly.
    await expect(store.faq.save(entry, 'seed')).rejects.toThrow(/edited by others at the same time/);
  });
});

describe('MongoDB FAQ: what changed, without reading the whole FAQ', () => {
  let driver: StubbedDriver;
  afterEach(() => driver.restore());

  it("reads every entry's id and version alone, and the chosen entries by id, both in the order entries were created", async () => {
    driver = new StubbedDriver();
    const store = await driver.openStore();
    driver.on('faq', 'find', (call) =>
      Object.keys(call.args[0] as object).length === 0
        ? [{ id: 'b', version: 3 }, { id: 'a', version: 1 }]
        : [{ ...faq('b'), version: 3, updatedBy: 'alice', updatedAt: new Date('2026-01-15T10:00:00Z') }],
    );
    expect([...(await store.faq.versions())]).toEqual([
      ['b', 3],
      ['a', 1],
    ]);
    expect((await store.faq.getMany(['b', 'gone'])).map((e) => [e.id, e.version])).toEqual([['b', 3]]);
    const [versions, chosen] = driver.callsTo('faq', 'find');
    // Only the two fields travel: an entry's texts in three languages are a kilobyte or more.
    expect(versions.args[1]).toMatchObject({ projection: { id: 1, version: 1 }, sort: { _id: 1 } });
    expect(chosen.args[0]).toEqual({ id: { $in: ['b', 'gone'] } });
    expect(chosen.args[1]).toMatchObject({ sort: { _id: 1 } });
  });

  it('lists again with the versions alone when nothing changed', async () => {
    driver = new StubbedDriver();
    const store = await driver.openStore();
    const stored = { ...faq('a'), version: 1, updatedBy: 'alice', updatedAt: new Date('2026-01-15T10:00:00Z') };
    driver.on('faq', 'find', (call) => ((call.args[1] as { projection?: object } | undefined)?.projection ? [{ id: 'a', version: 1 }] : [stored]));
    const first = await store.faq.list();
    expect(driver.callsTo('faq', 'find')).toHaveLength(2);
    expect(await store.faq.list()).toEqual(first);
    expect(driver.callsTo('faq', 'find')).toHaveLength(3);
  });
});
