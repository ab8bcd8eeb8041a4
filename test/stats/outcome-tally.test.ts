/**
 * What became of each message is counted by the engine's outcome counter into the tally, and
 * reaches the store's hourly counts in one write per flush — never on the answering path.
 */
import { createEngine } from '../../src/app';
import { CHOICE } from '../../src/engine/choices';
import type { ConversationEngine } from '../../src/engine/engine';
import { FaqCatalog } from '../../src/faq/catalog';
import { createTranslator } from '../../src/i18n';
import { createMatcher, DEFAULT_THRESHOLDS } from '../../src/matcher';
import { OutcomeTally } from '../../src/stats/outcome-tally';
import { SqliteStore } from '../../src/store/sqlite';
import type { OutcomeCount, OutcomeStore } from '../../src/store/types';
import { TestClock } from '../support/engine';
import { seededStore } from '../support/fixtures';

const DAY = { from: new Date('2022-01-10T00:00:00Z'), to: new Date('2022-01-11T00:00:00Z') };
const summary = (counts: OutcomeCount[]) => counts.map((c) => `${c.hour.toISOString().slice(11, 16)} ${c.channel} ${c.lang} ${c.outcome}${c.detail ? `:${c.detail}` : ''} ×${c.count}`).sort();

describe('counting message outcomes', () => {
  let seeded: Awaited<ReturnType<typeof seededStore>>;
  let store: SqliteStore;
  let engine: ConversationEngine;
  let tally: OutcomeTally;
  let clock: TestClock;

  beforeEach(async () => {
    clock = new TestClock(new Date('2022-01-10T09:58:00Z'));
    seeded = await seededStore('test', { now: clock.now });
    store = seeded.store;
    const catalog = new FaqCatalog(createMatcher());
    await catalog.refresh(store.faq);
    // A long delay: the test decides when the tally writes.
    tally = new OutcomeTally(store.outcomes, { flushMs: 60_000 });
    ({ engine } = createEngine({ store, catalog, translator: createTranslator(), thresholds: DEFAULT_THRESHOLDS, clock: clock.now, outcomes: tally }));
  });
  afterEach(async () => {
    await engine.drain();
    await tally.stop();
    await seeded.close();
  });

  const say = (chatId: string, text: string, extra: { choiceId?: string; channel?: string } = {}) =>
    engine.handle({ channel: extra.channel ?? 'telegram', chatId, kind: 'text', text, choiceId: extra.choiceId });

  it('counts each message by hour, channel, language and outcome, written in one batch at the flush', async () => {
    const add = jest.spyOn(store.outcomes, 'add');
    expect((await say('1', 'Когда начинается комендантский час?')).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
    expect((await say('1', '', { choiceId: CHOICE.helpful })).outcome).toMatchObject({ kind: 'feedback', helpful: true });
    await say('2', '/menu', { channel: 'whatsapp' });
    expect((await say('2', '', { choiceId: 'faq:water-outage', channel: 'whatsapp' })).outcome).toMatchObject({ kind: 'answer', faqId: 'water-outage' });
    clock.advance(5 * 60_000); // into the next hour
    expect((await say('3', 'Как оформить субсидию на уголь для частного дома?')).outcome).toMatchObject({ kind: 'escalate', reason: 'no-match' });
    expect((await say('3', 'Я жду ответа')).outcome.kind).toBe('queued');
    // Nothing has been written while answering.
    expect(add).not.toHaveBeenCalled();
    expect(await store.outcomes.between(DAY.from, DAY.to)).toEqual([]);

    await tally.flush();
    expect(add).toHaveBeenCalledTimes(1);
    expect(summary(await store.outcomes.between(DAY.from, DAY.to))).toEqual(
      [
        '09:00 telegram ru answer:curfew-time ×1',
        '09:00 telegram ru feedback:helpful ×1',
        '09:00 whatsapp ru command:menu ×1',
        // Picked from a list: not a typed question answered.
        '09:00 whatsapp ru picked:water-outage ×1',
        '10:00 telegram ru escalate:no-match ×1',
        '10:00 telegram ru queued ×1',
      ].sort(),
    );
  });

  it('adds repeated outcomes up, across flushes', async () => {
    for (const chat of ['a', 'b', 'c']) await say(chat, 'When does the curfew start?');
    await tally.flush();
    await say('d', 'When does the curfew start?');
    await tally.flush();
    expect(summary(await store.outcomes.between(DAY.from, DAY.to))).toEqual(['09:00 telegram en answer:curfew-time ×4']);
  });

  it('keeps counts whose write failed and writes them with the next batch', async () => {
    let failures = 1;
    const flaky: Pick<OutcomeStore, 'add'> = {
      add: (counts) => (failures-- > 0 ? Promise.reject(new Error('database is locked')) : store.outcomes.add(counts)),
    };
    const own = new OutcomeTally(flaky, { flushMs: 60_000 });
    const at = new Date('2022-01-10T09:30:00Z');
    own.count({ channel: 'telegram', lang: 'kk', outcome: 'suggest', at });
    await own.flush();
    expect(await store.outcomes.between(DAY.from, DAY.to)).toEqual([]);
    own.count({ channel: 'telegram', lang: 'kk', outcome: 'suggest', at });
    await own.stop();
    expect(summary(await store.outcomes.between(DAY.from, DAY.to))).toEqual(['09:00 telegram kk suggest ×2']);
  });
});
