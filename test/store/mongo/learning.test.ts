/**
 * The learning sub-store on MongoDB (the contract suite covers the behaviour with a server): one
 * upsert that adds to the counts, so notes from several processes all count; a lost insert race
 * is retried as an update.
 */
import { duplicateKeyError, eachStubbedStore } from './driver-stub';

describe('MongoDB learned variants', () => {
  const t = eachStubbedStore();

  it('notes with one upsert keyed by entry, language and normalised words, counts moved with $inc', async () => {
    await t.store.learning.note({ entryId: 'lift', lang: 'ru', text: 'Лифт  не работает!', source: 'picked' });
    const [call] = t.driver.callsTo('learned_variants', 'updateOne');
    const [filter, update, options] = call.args as [Record<string, unknown>, Record<string, Record<string, unknown>>, Record<string, unknown>];
    expect(filter).toEqual({ entryId: 'lift', lang: 'ru', key: 'лифт не работает' });
    expect(update.$inc).toEqual({ picked: 1, helpful: 0 });
    expect(update.$setOnInsert).toMatchObject({ text: 'Лифт не работает!', status: 'pending' });
    expect(options).toMatchObject({ upsert: true });
  });

  it('adds to the winner when another process inserted the same words at the same moment', async () => {
    let first = true;
    t.driver.on('learned_variants', 'updateOne', () => {
      if (!first) return { acknowledged: true, matchedCount: 1, modifiedCount: 1 };
      first = false;
      throw duplicateKeyError('learned_variants', 'entryId_1_lang_1_key_1');
    });
    await t.store.learning.note({ entryId: 'lift', lang: 'ru', text: 'лифт', source: 'helpful' });
    const calls = t.driver.callsTo('learned_variants', 'updateOne');
    expect(calls).toHaveLength(2);
    const [, retry, retryOptions] = calls[1].args as [unknown, Record<string, unknown>, Record<string, unknown> | undefined];
    expect(retry).toMatchObject({ $inc: { picked: 0, helpful: 1 } });
    expect(retry.$setOnInsert).toBeUndefined();
    expect(retryOptions?.upsert).toBeFalsy();
  });
});
