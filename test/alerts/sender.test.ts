import { AlertLoop } from '../../src/alerts/alert-loop';
import { AlertSender, type AlertTransport, type DeliveryOutcome } from '../../src/alerts/sender';
import { SqliteStore } from '../../src/store/sqlite';

/** Records sends; answers with whatever `next` says (sent by default), after a short pause. */
class FakeTransport implements AlertTransport {
  readonly sent: { chatId: string; text: string }[] = [];
  next: (chatId: string) => DeliveryOutcome = () => ({ status: 'sent' });
  async deliver(chatId: string, text: string): Promise<DeliveryOutcome> {
    await new Promise((r) => setTimeout(r, 1));
    const outcome = this.next(chatId);
    if (outcome.status === 'sent') this.sent.push({ chatId, text });
    return outcome;
  }
}

describe('AlertSender', () => {
  let store: SqliteStore;
  let transport: FakeTransport;
  let sender: AlertSender;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    transport = new FakeTransport();
    sender = new AlertSender({ store, holder: 'p1', transports: new Map([['telegram', transport]]) });
    for (let i = 0; i < 30; i++) await store.alerts.saveSubscription({ channel: 'telegram', chatId: String(i).padStart(2, '0'), topics: ['internet'], lang: 'en' });
  });
  afterEach(() => store.close());

  const create = () => store.alerts.create({ text: { ru: 'Интернет отключат' }, topics: ['internet'], districts: [], runAt: new Date(0), createdBy: 'ed' });

  it('refuses a second delivery of the same alert in one process (the lease alone would let it through)', async () => {
    const alert = await create();
    await store.alerts.start(alert.id);
    const [a, b] = await Promise.all([sender.deliver(alert.id), sender.deliver(alert.id)]);
    expect([a, b]).toEqual(['done', 'busy']);
    expect(new Set(transport.sent.map((s) => s.chatId)).size).toBe(30);
    expect(transport.sent).toHaveLength(30);
    // No English text: the Russian one is sent.
    expect(transport.sent[0].text).toBe('Интернет отключат');
  });

  it('leaves the rest pending when the platform is unreachable, and finishes on a later run', async () => {
    const alert = await create();
    transport.next = (chatId) => (chatId === '10' ? { status: 'retry', reason: 'ECONNREFUSED' } : { status: 'sent' });
    await sender.runDue();
    expect((await store.alerts.progress(alert.id)).telegram).toMatchObject({ sent: 10, pending: 20 });
    expect((await store.alerts.get(alert.id))?.status).toBe('sending');
    transport.next = () => ({ status: 'sent' });
    const loop = new AlertLoop(sender);
    loop.kick();
    await new Promise<void>((resolve) => {
      const check = () => void store.alerts.get(alert.id).then((a) => (a?.status === 'done' ? resolve() : setTimeout(check, 10)));
      check();
    });
    await loop.stop();
    expect(transport.sent).toHaveLength(30);
  });
});
