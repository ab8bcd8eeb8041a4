/**
 * Empty objects in the MongoDB store's Mixed fields (defect 6): mongoose drops `{}` from a document
 * unless the schema says `minimize: false`, so an audit `detail: {}` or a scheduled entry's
 * `questions: {}` would vanish on the way to the server and come back absent (or crash the read).
 */
import type { MongoStore } from '../../../src/store/mongo';
import { faq } from '../contract/fixtures';
import { StubbedDriver } from './driver-stub';

describe('empty objects in Mixed fields', () => {
  let driver: StubbedDriver;
  let store: MongoStore;
  beforeEach(async () => {
    driver = new StubbedDriver();
    store = await driver.openStore();
  });
  afterEach(() => driver.restore());

  it('sends an audit detail of {} (and one nested) to the server as it is', async () => {
    await store.audit.record({ actor: 'ed', action: 'faq.import', detail: {} });
    await store.audit.record({ actor: 'ed', action: 'faq.import', detail: { changes: {} } });
    const [empty, nested] = driver.callsTo('audit', 'insertOne').map((c) => c.args[0] as { detail?: unknown });
    expect(empty.detail).toEqual({});
    expect(nested.detail).toEqual({ changes: {} });
  });

  it("sends a scheduled entry's questions: {} to the server, and reads it back", async () => {
    const entry = faq('answer-only', { questions: {} });
    await store.schedule.add({ faqId: 'answer-only', action: 'save', entry, runAt: new Date('2026-02-01T00:00:00Z'), createdBy: 'ed' });
    const [insert] = driver.callsTo('scheduled_changes', 'insertOne');
    const stored = insert.args[0] as { entry: { questions: unknown } };
    expect(stored.entry.questions).toEqual({});
    driver.on('scheduled_changes', 'find', () => [stored]);
    expect((await store.schedule.list())[0].entry).toEqual(entry);
  });
});
