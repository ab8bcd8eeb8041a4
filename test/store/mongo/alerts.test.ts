/**
 * Alerts on MongoDB as the server sees them: the queries, and the order of the writes that must
 * not race (defects 1 and 7). Starting an alert writes every recipient before the status flips to
 * sending; an unsubscribe deletes before it skips; a cancel flips before it skips; a start checks
 * the subscriptions again after writing, and skips its own recipients when its flip finds the
 * alert cancelled.
 */
import { mongo } from 'mongoose';
import { indexServes, eachStubbedStore, type Call } from './driver-stub';

describe('MongoDB alerts', () => {
  const t = eachStubbedStore();

  it('finds the subscriptions an alert reaches through the multikey index on topics', async () => {
    await t.store.alerts.matchingSubscriptions(['curfew', 'loans'], ['Aksu']);
    const [query] = t.driver.callsTo('subscriptions', 'find');
    expect(query.args[0]).toEqual({ topics: { $in: ['curfew', 'loans'] } });
    expect(indexServes(t.driver.conn, 'subscriptions', ['topics'], {})).toBe(true);
  });

  const alertDoc = (extra: object = {}) => ({
    _id: 5,
    text: { ru: 'Комендантский час' },
    topics: ['curfew'],
    districts: [],
    runAt: new Date('2026-01-15T10:00:00Z'),
    createdBy: 'ed',
    createdAt: new Date('2026-01-15T09:00:00Z'),
    status: 'scheduled',
    ...extra,
  });
  const sub = (chatId: string) => ({ _id: `telegram:${chatId}`, channel: 'telegram', chatId, topics: ['curfew'], lang: 'ru', createdAt: new Date(), updatedAt: new Date() });
  /** The writes and reads of a start, in order, as "collection.method". */
  const steps = () =>
    t.driver.calls.filter((c) => ['alerts', 'subscriptions', 'alert_recipients'].includes(c.collection)).map((c) => `${c.collection}.${c.method}`);
  const flip = (modified: number) => t.driver.on('alerts', 'updateOne', () => ({ acknowledged: true, matchedCount: modified, modifiedCount: modified }));
  const updates = (collection: string) => t.driver.callsTo(collection, 'updateMany').map((c: Call) => [c.args[0], c.args[1]]);

  it('writes every recipient while the alert is still scheduled, and flips it to sending last', async () => {
    t.driver.on('alerts', 'findOneAndUpdate', () => alertDoc());
    t.driver.on('subscriptions', 'find', () => [sub('1'), sub('2')]);
    flip(1);
    expect(await t.store.alerts.start('5')).toBe(true);
    expect(steps()).toEqual(['alerts.findOneAndUpdate', 'subscriptions.find', 'alert_recipients.insertMany', 'subscriptions.find', 'alerts.updateOne']);
    const [claim] = t.driver.callsTo('alerts', 'findOneAndUpdate');
    expect(claim.args[0]).toEqual({ _id: 5, status: 'scheduled', $or: [{ preparingUntil: { $exists: false } }, { preparingUntil: { $lte: new Date('2026-01-15T10:00:00Z') } }] });
    expect(claim.args[1]).toEqual({ $set: { preparingUntil: new Date('2026-01-15T10:05:00Z') } });
    const [insert] = t.driver.callsTo('alert_recipients', 'insertMany');
    expect((insert.args[0] as { chatId: string; status: string }[]).map((r) => [r.chatId, r.status])).toEqual([
      ['1', 'pending'],
      ['2', 'pending'],
    ]);
    const [flipCall] = t.driver.callsTo('alerts', 'updateOne');
    expect(flipCall.args.slice(0, 2)).toEqual([{ _id: 5, status: 'scheduled' }, { $set: { status: 'sending' }, $unset: { preparingUntil: '' } }]);
  });

  it('leaves an alert another process is preparing to that process', async () => {
    expect(await t.store.alerts.start('5')).toBe(false);
    expect(steps()).toEqual(['alerts.findOneAndUpdate']);
  });

  it('skips the recipients whose subscription went while they were written', async () => {
    t.driver.on('alerts', 'findOneAndUpdate', () => alertDoc());
    let reads = 0;
    t.driver.on('subscriptions', 'find', () => (++reads === 1 ? [sub('1'), sub('2'), sub('3')] : [sub('2')]));
    flip(1);
    expect(await t.store.alerts.start('5')).toBe(true);
    expect(updates('alert_recipients')).toEqual([
      [
        { alertId: 5, status: 'pending', $or: [{ channel: 'telegram', chatId: '1' }, { channel: 'telegram', chatId: '3' }] },
        { $set: { status: 'skipped', reason: 'unsubscribed', updatedAt: new Date('2026-01-15T10:00:00Z') } },
      ],
    ]);
    expect(steps().indexOf('alert_recipients.updateMany')).toBeLessThan(steps().indexOf('alerts.updateOne'));
  });

  it('skips every recipient it wrote when a cancel came first, and says it did not start', async () => {
    t.driver.on('alerts', 'findOneAndUpdate', () => alertDoc());
    t.driver.on('subscriptions', 'find', () => [sub('1')]);
    t.driver.on('alerts', 'findOne', () => ({ _id: 5, status: 'cancelled' }));
    flip(0);
    expect(await t.store.alerts.start('5')).toBe(false);
    expect(updates('alert_recipients')).toEqual([[{ alertId: 5, status: 'pending' }, { $set: { status: 'skipped', reason: 'cancelled', updatedAt: new Date('2026-01-15T10:00:00Z') } }]]);
  });

  it('leaves the recipients alone when another process started the alert after its claim ran out', async () => {
    t.driver.on('alerts', 'findOneAndUpdate', () => alertDoc());
    t.driver.on('subscriptions', 'find', () => [sub('1')]);
    t.driver.on('alerts', 'findOne', () => ({ _id: 5, status: 'sending' }));
    flip(0);
    expect(await t.store.alerts.start('5')).toBe(false);
    expect(updates('alert_recipients')).toEqual([]);
  });

  it('completes a start that was interrupted: recipients written before are kept, and checked again', async () => {
    t.driver.on('alerts', 'findOneAndUpdate', () => alertDoc({ preparingUntil: new Date('2026-01-15T09:58:00Z') }));
    t.driver.on('subscriptions', 'find', () => [sub('1')]);
    t.driver.on('alert_recipients', 'insertMany', () => {
      // The driver's WriteError is not exported; its shape is { code, index, errmsg }.
      const writeErrors = [{ code: 11000, index: 0, errmsg: 'E11000 duplicate key error' }] as unknown as mongo.WriteError[];
      throw new mongo.MongoBulkWriteError({ message: 'E11000 duplicate key error', code: 11000, writeErrors }, {} as mongo.BulkWriteResult);
    });
    // The interrupted start also wrote chat 9, whose subscription is gone since.
    t.driver.on('alert_recipients', 'find', () => [{ channel: 'telegram', chatId: '1' }, { channel: 'telegram', chatId: '9' }]);
    flip(1);
    expect(await t.store.alerts.start('5')).toBe(true);
    expect(updates('alert_recipients').map(([filter]) => filter)).toEqual([{ alertId: 5, status: 'pending', $or: [{ channel: 'telegram', chatId: '9' }] }]);
  });

  it('passes on a failed recipient write other than a double, and leaves the alert scheduled', async () => {
    t.driver.on('alerts', 'findOneAndUpdate', () => alertDoc());
    t.driver.on('subscriptions', 'find', () => [sub('1')]);
    t.driver.on('alert_recipients', 'insertMany', () => {
      throw new mongo.MongoServerError({ message: 'not primary', code: 10107 });
    });
    await expect(t.store.alerts.start('5')).rejects.toThrow(/not primary/);
    expect(t.driver.callsTo('alerts', 'updateOne')).toEqual([]);
  });

  it('unsubscribes by deleting the subscription first, then skipping — also when it was already gone', async () => {
    t.driver.on('subscriptions', 'deleteOne', () => ({ acknowledged: true, deletedCount: 1 }));
    expect(await t.store.alerts.deleteSubscription('telegram', '1')).toBe(true);
    t.driver.on('subscriptions', 'deleteOne', () => ({ acknowledged: true, deletedCount: 0 }));
    expect(await t.store.alerts.deleteSubscription('telegram', '1')).toBe(false);
    expect(steps()).toEqual(['subscriptions.deleteOne', 'alert_recipients.updateMany', 'subscriptions.deleteOne', 'alert_recipients.updateMany']);
    expect(updates('alert_recipients')[1][0]).toEqual({ channel: 'telegram', chatId: '1', status: 'pending' });
  });

  it('cancels by flipping the status first, then skipping — also when it was cancelled before', async () => {
    flip(1);
    expect(await t.store.alerts.finish('5', 'cancelled')).toBe(true);
    flip(0);
    expect(await t.store.alerts.finish('5', 'cancelled')).toBe(false);
    expect(steps()).toEqual(['alerts.updateOne', 'alert_recipients.updateMany', 'alerts.updateOne', 'alert_recipients.updateMany']);
    expect(await t.store.alerts.finish('5', 'done')).toBe(false);
    expect(t.driver.callsTo('alert_recipients', 'updateMany')).toHaveLength(2);
  });
});
