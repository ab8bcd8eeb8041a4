/**
 * What the MongoDB store does at start, as the server would see it: the collections it creates and
 * the indexes its queries use (see indexes.ts for how existing ones are migrated).
 */
import { MongoStore } from '../../../src/store/mongo';
import { LogLines } from '../../support/logs';
import { StubbedDriver } from './driver-stub';

describe('MongoStore.open', () => {
  let driver: StubbedDriver;
  beforeEach(() => (driver = new StubbedDriver()));
  afterEach(() => driver.restore());

  const created = () =>
    driver
      .calls.filter((c) => c.method === 'createIndex')
      .map((c) => `${c.collection} ${JSON.stringify(c.args[0])}${(c.args[1] as { unique?: boolean }).unique ? ' unique' : ''}${(c.args[1] as { expireAfterSeconds?: number }).expireAfterSeconds !== undefined ? ' ttl' : ''}${partial(c.args[1])}`);
  const partial = (options: unknown) => {
    const filter = (options as { partialFilterExpression?: unknown }).partialFilterExpression;
    return filter === undefined ? '' : ` where ${JSON.stringify(filter)}`;
  };

  it('creates every collection with the indexes its queries use', async () => {
    driver.on('$cmd', 'command', () => ({ isWritablePrimary: true, setName: 'rs0' }));
    const store = await MongoStore.open(driver.conn);
    expect(store.description).toBe('mongodb://127.0.0.1:9/helpline-stub');
    expect(created().sort()).toEqual(
      [
        'faq {"id":1} unique',
        'faq_versions {"id":1,"version":1} unique',
        'conversations {"channel":1,"chatId":1} unique',
        'tickets {"status":1,"createdAt":1,"_id":1}',
        'tickets {"channel":1,"chatId":1,"status":1,"createdAt":-1,"_id":-1}',
        'tickets {"createdAt":1,"_id":1}',
        'ticket_messages {"ticketId":1,"seq":1} unique',
        // Handling an update again adds nothing: one ticket per source update, one line per update.
        'tickets {"source":1} unique where {"source":{"$type":"string"}}',
        'ticket_messages {"ticketId":1,"ref":1} unique where {"ref":{"$type":"string"}}',
        'outbox {"dedupeKey":1} unique where {"dedupeKey":{"$type":"string"}}',
        'inbox {"channel":1,"updateId":1} unique',
        'inbox {"channel":1,"handledAt":1,"seq":1}',
        'audit {"at":-1,"_id":-1}',
        'audit {"action":1,"at":1}',
        'outbox {"channel":1,"status":1,"_id":1}',
        'staff {"email":1} unique',
        'staff_sessions {"idHash":1} unique',
        'staff_sessions {"email":1}',
        'staff_sessions {"expiresAt":1}',
        'scheduled_changes {"status":1,"runAt":1}',
        'subscriptions {"topics":1}',
        'alerts {"status":1,"runAt":1}',
        'alert_recipients {"alertId":1,"channel":1,"chatId":1} unique',
        'alert_recipients {"alertId":1,"status":1,"seq":1}',
        'alert_recipients {"channel":1,"chatId":1,"status":1}',
        'events {"at":1}',
        'learned_variants {"entryId":1,"lang":1,"key":1} unique',
        'learned_variants {"status":1,"entryId":1}',
        'outcome_hours {"hour":1,"channel":1,"lang":1,"outcome":1,"detail":1} unique',
      ].sort(),
    );
    const collections = driver.calls.filter((c) => c.method === 'createCollection').map((c) => c.collection);
    expect(collections.sort()).toEqual(
      ['faq', 'faq_versions', 'counters', 'conversations', 'tickets', 'ticket_messages', 'audit', 'outbox', 'staff', 'staff_sessions', 'scheduled_changes', 'leases', 'subscriptions', 'alerts', 'alert_recipients', 'events', 'learned_variants', 'outcome_hours', 'inbox'].sort(),
    );
  });

  it('says so when the server has no transactions', async () => {
    driver.on('$cmd', 'command', () => ({ isWritablePrimary: true }));
    const logs = new LogLines();
    const store = await MongoStore.open(driver.conn, { logger: logs.logger });
    expect(store.description).toMatch(/\(standalone\)$/);
    expect(logs.atLeast(40).map((l) => l.msg)).toEqual([expect.stringMatching(/no transactions/)]);
  });
});
