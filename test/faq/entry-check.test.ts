import { FaqCatalog } from '../../src/faq/catalog';
import { checkEntry, checkFaq, fewVariantLanguages, needsAttention, OutdatedCheck, outcomeOf, takenFor, weakestFirst } from '../../src/faq/entry-check';
import type { FaqEntryInput } from '../../src/faq/types';
import { createMatcher, DEFAULT_THRESHOLDS } from '../../src/matcher';
import { LexicalMatcher } from '../../src/matcher/matcher';
import type { MatchResult, VariantTrial } from '../../src/matcher/types';
import { SqliteStore } from '../../src/store/sqlite';
import { tempDir } from '../support/fixtures';
import { HeldMatcher } from '../support/held-matcher';

/**
 * A pool entry whose Russian questions share their words but for one ("до работы поплавать"), and
 * whose only price question uses the words of the price entry; a price entry asked many ways.
 */
const POOL: FaqEntryInput = {
  id: 'pool-hours',
  topic: 'sport',
  questions: {
    ru: [
      'Во сколько открывается бассейн?',
      'Когда открывается городской бассейн?',
      'Бассейн открывается рано утром?',
      'Можно ли поплавать до работы?',
      'Сколько стоит абонемент?',
    ],
    kk: ['Бассейн нешеде ашылады?'],
  },
  answer: { ru: 'Бассейн открыт с 7:00 до 22:00.', kk: 'Бассейн 7:00-ден 22:00-ге дейін ашық.', en: 'The pool is open 7:00 to 22:00.' },
};
const PRICES: FaqEntryInput = {
  id: 'ticket-prices',
  topic: 'sport',
  questions: {
    ru: ['Сколько стоит абонемент на месяц?', 'Какая цена абонемента?', 'Сколько стоит разовое посещение?'],
    en: ['How much is a monthly pass?', 'What does a single visit cost?'],
  },
  answer: { ru: 'Абонемент на месяц стоит 12 000 тенге.', en: 'A monthly pass costs 12,000 tenge.' },
};
const LIBRARY: FaqEntryInput = {
  id: 'library-hours',
  topic: 'culture',
  questions: { ru: ['Во сколько открывается библиотека?', 'Библиотека работает в воскресенье?'], en: ['When does the library open?'] },
  answer: { ru: 'Библиотека открыта с 10:00 до 18:00.', en: 'The library is open 10:00 to 18:00.' },
};
const FAQ = [POOL, PRICES, LIBRARY];

function loaded() {
  const matcher = createMatcher();
  matcher.load(FAQ);
  return matcher;
}

describe('asking each question variant as a new question', () => {
  it('ranks every variant with itself left out, in the order and languages of the entry', () => {
    const trials = loaded().askEachVariant('pool-hours');
    expect(trials?.map((t) => [t.text, t.lang])).toEqual([
      ...(POOL.questions.ru ?? []).map((q) => [q, 'ru']),
      ['Бассейн нешеде ашылады?', 'kk'],
    ]);
    const top = trials?.map((t) => t.result.candidates[0]?.id);
    // The shared words carry the first three; the price question is taken for the price entry.
    expect(top?.slice(0, 3)).toEqual(['pool-hours', 'pool-hours', 'pool-hours']);
    expect(top?.[4]).toBe('ticket-prices');
  });

  it("names the words only that wording has: none of the entry's other questions, its answer or topic", () => {
    const trials = loaded().askEachVariant('pool-hours');
    // "поплавать" and "работы" are nowhere else in the entry; "бассейн" and "открывается" are.
    expect(trials?.[3].ownWords).toStrictEqual(['поплавать', 'работы']);
    expect(trials?.[0].ownWords).toStrictEqual([]);
    // "абонемент" is in the price entry, not in this one's other questions or answer.
    expect(trials?.[4].ownWords).toStrictEqual(['стоит', 'абонемент']);
    // The Kazakh answer says "ашық" (open), not "ашылады" (opens): another word to the index.
    expect(trials?.[5].ownWords).toStrictEqual(['ашылады']);
  });

  it('leaves the index as it was: a variant is found again once asked normally', () => {
    const matcher = loaded();
    matcher.askEachVariant('pool-hours');
    expect(matcher.match('Можно ли поплавать до работы?', 'ru').candidates[0]?.id).toBe('pool-hours');
  });

  it('has nothing for an entry the matcher does not have', () => {
    expect(loaded().askEachVariant('no-such-entry')).toBeUndefined();
  });
});

describe('what the bot would do with it, under the bands', () => {
  const trial = (result: MatchResult): VariantTrial => ({ text: 'q', lang: 'ru', result, ownWords: ['w'] });
  const t = DEFAULT_THRESHOLDS;
  const candidates = (top: number, ...ids: string[]) => ids.map((id, i) => ({ id, score: i === 0 ? top : top * 0.9 }));

  it.each<[string, MatchResult, ReturnType<typeof outcomeOf>['outcome'], string | undefined]>([
    ['answered with the entry', { candidates: candidates(0.9, 'a', 'b') }, 'answered', undefined],
    ['answered with another entry', { candidates: candidates(0.9, 'b', 'a') }, 'other', 'b'],
    ['the entry among "did you mean"', { candidates: candidates(0.6, 'b', 'a'), suggestScore: 0.8 }, 'offered', undefined],
    ['only other entries offered', { candidates: candidates(0.6, 'b', 'c'), suggestScore: 0.8 }, 'other', 'b'],
    ['the entry offered with a hand-off', { candidates: candidates(0.1, 'b', 'a'), suggestScore: 0.3 }, 'offered', undefined],
    ['a hand-off with nothing to offer', { candidates: candidates(0.05, 'a'), suggestScore: 0.1 }, 'handed-over', undefined],
    ['nothing found', { candidates: [] }, 'handed-over', undefined],
    ['a close runner-up: offered, not answered', { candidates: [{ id: 'a', score: 0.9 }, { id: 'b', score: 0.88 }], doubt: 'ambiguous', suggestScore: 0.95 }, 'offered', undefined],
  ])('%s', (_name, result, outcome, instead) => {
    expect(outcomeOf('a', trial(result), t)).toEqual({ text: 'q', lang: 'ru', ownWords: ['w'], outcome, ...(instead ? { instead } : {}) });
  });
});

describe('the check of an entry', () => {
  it('counts per language and names the languages with fewer than two questions', () => {
    const check = checkEntry(loaded(), POOL, DEFAULT_THRESHOLDS);
    expect(check?.variants).toHaveLength(6);
    expect(check?.languages.map((l) => [l.lang, l.variants])).toEqual([
      ['ru', 5],
      ['kk', 1],
      ['en', 0],
    ]);
    expect(check && fewVariantLanguages(check)).toEqual(['kk', 'en']);
    // The price question is taken for the price entry, whatever the bands make of the rest.
    expect(check?.variants[4]).toMatchObject({ outcome: 'other', instead: 'ticket-prices' });
    expect(check?.variants[3].outcome).not.toBe('answered');
    expect(check?.answered).toBe(check?.variants.filter((v) => v.outcome === 'answered').length);
    expect(check?.offered).toBe(check?.variants.filter((v) => v.outcome === 'offered').length);
    expect(check?.handedOver).toBe(check?.variants.filter((v) => v.outcome === 'handed-over').length);
  });

  it('adds up the whole FAQ and reports progress entry by entry', async () => {
    const seen: number[] = [];
    const result = await checkFaq(loaded(), FAQ, DEFAULT_THRESHOLDS, {
      progress: (done, total) => {
        expect(total).toBe(3);
        seen.push(done);
      },
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(result.entries.map((c) => c.id)).toEqual(['pool-hours', 'ticket-prices', 'library-hours']);
    const questions = FAQ.reduce((n, e) => n + Object.values(e.questions).reduce((m, qs) => m + (qs?.length ?? 0), 0), 0);
    expect(Object.values(result.totals).reduce((a, b) => a + b, 0)).toBe(questions);
  });

  it('is run on the catalog the bot answers from, with the version it has', async () => {
    const tmp = tempDir();
    const store = new SqliteStore(tmp.dir);
    try {
      await store.faq.import(FAQ, 'test');
      const catalog = new FaqCatalog(createMatcher());
      await catalog.refresh(store.faq);
      const found = catalog.checkEntry('pool-hours', DEFAULT_THRESHOLDS);
      expect(found?.version).toBe(1);
      expect(found?.check.variants[4]).toMatchObject({ outcome: 'other', instead: 'ticket-prices' });
      expect(catalog.checkEntry('no-such-entry', DEFAULT_THRESHOLDS)).toBeUndefined();
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });
});

describe('the whole FAQ, as the console asks for it', () => {
  it('is the same in slices, and lets the event loop run between them', async () => {
    const matcher = loaded();
    let ranBetween = false;
    const told: number[] = [];
    const sliced = checkFaq(matcher, FAQ, DEFAULT_THRESHOLDS, { sliceMs: 0, progress: (done) => told.push(done) });
    setImmediate(() => {
      ranBetween = true;
    });
    const result = await sliced;
    expect(ranBetween).toBe(true);
    expect(told).toEqual([1, 2, 3]);
    // The same as in one slice.
    expect(result).toEqual(await checkFaq(matcher, FAQ, DEFAULT_THRESHOLDS, { sliceMs: Infinity }));
  });

  it('stops before the next entry once the FAQ changed under it', async () => {
    const matcher = loaded();
    let changed = false;
    const checking = checkFaq(matcher, FAQ, DEFAULT_THRESHOLDS, {
      sliceMs: Infinity,
      progress: (done) => (changed = done === 1),
      outdated: () => changed,
    });
    await expect(checking).rejects.toBeInstanceOf(OutdatedCheck);
  });

  it('lists what needs attention, the least carried first, with what its questions are taken for', async () => {
    const checks = (await checkFaq(loaded(), FAQ, DEFAULT_THRESHOLDS)).entries;
    const pool = checks.find((c) => c.id === 'pool-hours');
    expect(pool && needsAttention(pool)).toBe(true);
    expect(pool && takenFor(pool)).toContainEqual(['ticket-prices', 1]);
    const ordered = weakestFirst(checks);
    const shares = ordered.map((c) => c.answered / c.variants.length);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });

  it('starts again on the new FAQ when the FAQ changes under a running check; whoever waits gets that one', async () => {
    /** A real matcher that changes the catalog's FAQ while the first question is being asked. */
    class ChangingMatcher extends LexicalMatcher {
      readonly asked: string[] = [];
      change?: () => void;
      override askEachVariant(id: string): VariantTrial[] | undefined {
        this.asked.push(id);
        const change = this.change;
        this.change = undefined;
        change?.();
        return super.askEachVariant(id);
      }
    }
    const matcher = new ChangingMatcher({ refitDebounceMs: 0 });
    const catalog = new FaqCatalog(matcher);
    catalog.load(FAQ);
    const GYM: FaqEntryInput = { id: 'gym-hours', topic: 'sport', questions: { ru: ['Когда открывается спортзал?'] }, answer: { ru: 'Спортзал открыт с 8:00.' } };
    matcher.change = () => catalog.load([...FAQ, GYM]);
    const check = await catalog.checkAll(DEFAULT_THRESHOLDS);
    expect(check.entries.map((c) => c.id)).toEqual(['pool-hours', 'ticket-prices', 'library-hours', 'gym-hours']);
    // The first pass stopped after the entry it was asking: the old FAQ's other entries were not asked.
    expect(matcher.asked).toEqual(['pool-hours', 'pool-hours', 'ticket-prices', 'library-hours', 'gym-hours']);
    expect(catalog.checkProgress).toEqual({ done: 4, total: 4 });
  });

  it("starts again when an editor's change comes in while it waits for the confidence, and keeps the new check", async () => {
    const tmp = tempDir();
    const store = new SqliteStore(tmp.dir);
    try {
      await store.faq.import(FAQ, 'test');
      const matcher = new HeldMatcher({ refitDebounceMs: 0 });
      const catalog = new FaqCatalog(matcher);
      await catalog.refresh(store.faq);
      const checking = catalog.checkAll(DEFAULT_THRESHOLDS);
      await store.faq.save({ ...LIBRARY, questions: { ...LIBRARY.questions, ru: [...(LIBRARY.questions.ru ?? []), 'Библиотека открыта вечером?'] } }, 'test');
      await catalog.refresh(store.faq);
      matcher.release();
      const check = await checking;
      expect(check.entries.find((c) => c.id === 'library-hours')?.variants).toHaveLength(4);
      expect(catalog.checkAll(DEFAULT_THRESHOLDS)).toBe(catalog.checkAll(DEFAULT_THRESHOLDS));
      await expect(catalog.checkAll(DEFAULT_THRESHOLDS)).resolves.toBe(check);
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });

  it('is kept by the catalog until the FAQ changes', async () => {
    const tmp = tempDir();
    const store = new SqliteStore(tmp.dir);
    try {
      await store.faq.import(FAQ, 'test');
      const catalog = new FaqCatalog(createMatcher({ refitDebounceMs: 0 }));
      await catalog.refresh(store.faq);
      const first = catalog.checkAll(DEFAULT_THRESHOLDS);
      expect(catalog.checkAll(DEFAULT_THRESHOLDS)).toBe(first);
      expect(catalog.checkAll({ ...DEFAULT_THRESHOLDS, answer: 0.9 })).not.toBe(first);
      const before = await catalog.checkAll(DEFAULT_THRESHOLDS);
      expect(before.entries.map((c) => c.id).sort()).toEqual(['library-hours', 'pool-hours', 'ticket-prices']);

      await store.faq.save({ ...LIBRARY, questions: { ...LIBRARY.questions, ru: [...(LIBRARY.questions.ru ?? []), 'Библиотека открыта вечером?'] } }, 'test');
      await catalog.refresh(store.faq);
      const after = await catalog.checkAll(DEFAULT_THRESHOLDS);
      expect(after).not.toBe(before);
      expect(after.entries.find((c) => c.id === 'library-hours')?.variants).toHaveLength(4);
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });
});
