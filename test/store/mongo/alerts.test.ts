/** Alerts on MongoDB as the server sees them: the queries, and the order of the writes that must not race. */
import type { MongoStore } from '../../../src/store/mongo';
import { indexServes, StubbedDriver } from './driver-stub';

describe('MongoDB alerts', () => {
  let driver: StubbedDriver;
  let store: MongoStore;
  beforeEach(async () => {
    driver = new StubbedDriver();
    store = await driver.openStore();
  });
  afterEach(() => driver.restore());

  it('finds the subscriptions an alert reaches through the multikey index on topics', async () => {
    await store.alerts.matchingSubscriptions(['curfew', 'loans'], ['Aksu']);
    const [query] = driver.callsTo('subscriptions', 'find');
    expect(query.args[0]).toEqual({ topics: { $in: ['curfew', 'loans'] } });
    expect(indexServes(driver.conn, 'subscriptions', ['topics'], {})).toBe(true);
  });
});
