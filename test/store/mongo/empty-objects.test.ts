/**
 * Empty objects in the MongoDB store's Mixed fields (defect 6): mongoose drops `{}` from a document
 * unless the schema says `minimize: false`, so an audit `detail: {}` or a scheduled entry's
 * `questions: {}` would vanish on the way to the server and come back absent (or crash the read).
 */
import { faq } from '../contract/fixtures';
import { eachStubbedStore } from './driver-stub';

describe('empty objects in Mixed fields', () => {
  const t = eachStubbedStore();

  it('sends an audit detail of {} (and one nested) to the server as it is', async () => {
    await t.store.audit.record({ actor: 'ed', action: 'faq.import', detail: {} });
    await t.store.audit.record({ actor: 'ed', action: 'faq.import', detail: { changes: {} } });
    const [empty, nested] = t.driver.callsTo('audit', 'insertOne').map((c) => c.args[0] as { detail?: unknown });
    expect(empty.detail).toEqual({});
    expect(nested.detail).toEqual({ changes: {} });
  });

  it("sends a scheduled entry's questions: {} to the server, and reads it back", async () => {
    const entry = faq('answer-only', { questions: {} });
    await t.store.schedule.add({ faqId: 'answer-only', action: 'save', entry, runAt: new Date('2026-02-01T00:00:00Z'), createdBy: 'ed' });
    const [insert] = t.driver.callsTo('scheduled_changes', 'insertOne');
    const stored = insert.args[0] as { entry: { questions: unknown } };
    expect(stored.entry.questions).toEqual({});
    t.driver.on('scheduled_changes', 'find', () => [stored]);
    expect((await t.store.schedule.list())[0].entry).toEqual(entry);
  });
});
