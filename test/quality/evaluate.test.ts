import { DEFAULT_THRESHOLDS, type MatchResult } from '../../src/matcher';
import { BAND_EDGE, evaluate, heldBackBy, isOnBandEdge, separationOf } from '../../src/quality/evaluate';
import { createOfflineEngine } from '../../src/quality/offline-engine';
import { runSuite, withMaxVariants, withOnlyLanguage } from '../../src/quality/suite';
import { FIXTURE_FAQ } from '../matcher/fixtures';
import { HINT_ONLY_BANDS } from '../support/engine';

describe('evaluate', () => {
  const suite = {
    name: 'fixture',
    entries: FIXTURE_FAQ,
    cases: [
      { text: 'Когда откроется библиотека в воскресенье?', lang: 'ru' as const, expect: 'library-hours' },
      { text: 'как оплатить штраф за парковку', lang: 'ru' as const, expect: 'parking-fine' },
      { text: 'какая погода будет завтра утром', lang: 'ru' as const, expect: null },
    ],
  };

  it('measures outcomes and leaves rates with nothing to measure empty, not 1', async () => {
    const { report } = await runSuite(suite);
    expect(report.overall.cases).toBe(3);
    expect(report.overall.top1_accuracy).toBe(1);
    expect(report.overall.oos_escalation_recall).toBe(1);
    expect(report.byLang.ru.in_scope).toBe(2);
    expect(report.byLang.en.cases).toBe(0);
    expect(report.byLang.en.top1_accuracy).toBeNull();
    expect(report.byLang.en.language_accuracy).toBeNull();
    expect(report.byLang.kk.oos_escalation_recall).toBeNull();
    // Every case's outcome, in order, for comparing runs (npm run eval -- --outcomes/--compare).
    expect(report.outcomes.map((o) => [o.expect, o.ok])).toEqual([['library-hours', true], ['parking-fine', true], [null, true]]);
    expect(report.outcomes[0].got).toBe('answer library-hours');
  });

  it("names a miss's words no entry knows", async () => {
    const { report } = await runSuite({ ...suite, cases: [{ text: 'какая погода будет завтра утром', lang: 'ru' as const, expect: 'library-hours' }] });
    expect(report.misses).toHaveLength(1);
    // None of the fixture's entries says the weather, tomorrow or the morning.
    expect(report.misses[0].unknown).toEqual(['погода', 'завтра', 'утром']);
  });

  it('tells where the ranking alone put the right entry, before the confidence decides', async () => {
    const { report } = await runSuite({
      ...suite,
      cases: [
        ...suite.cases,
        // Two topics in one message: both are offered (as choices or with the hand-off, as the
        // confidence decides), the library second.
        { text: 'библиотека штраф', lang: 'ru' as const, expect: 'library-hours' },
      ],
    });
    expect(report.misses).toHaveLength(1);
    expect(report.misses[0].got).toMatch(/^(suggest|escalate, offering) parking-fine,library-hours$/);
    expect(report.misses[0].unknown).toEqual([]);
    // Why: the entry the whole message ranks first, and how sure of it the confidence is.
    expect(report.misses[0].why?.first).toBe('parking-fine');
    expect(report.misses[0].why?.probability).toBeLessThan(DEFAULT_THRESHOLDS.answer);
    expect(report.overall.in_scope).toBe(3);
    expect(report.overall.ranked_first).toBe(0.6667);
    expect(report.overall.ranked_top3).toBe(1);
    // Plain BM25 ranks each case too, as the yardstick: it also puts the library second there.
    expect(report.overall.bm25_ranked_first).toBe(0.6667);
    expect(report.overall.bm25_ranked_top3).toBe(1);
    // Out-of-scope cases have no right entry to rank: a language without in-scope cases shows none.
    expect(report.byLang.en.ranked_first).toBeNull();
    expect(report.byLang.en.bm25_ranked_top3).toBeNull();
  });

  it('counts the in-scope cases only the bot, or only plain BM25 in its first three, gets right', async () => {
    const { report } = await runSuite({
      ...suite,
      cases: [
        ...suite.cases,
        // Kazakh in Latin letters: the bot reads it, plain BM25 reads Latin only as Russian.
        { text: 'kitaphana zheksenbi', lang: 'kk' as const, expect: 'library-hours' },
        // Put to an entry plain BM25's first three take in by chance (three of the fixture's five
        // entries) and the bot, sure of the library, neither answers nor offers.
        { text: 'книги взять почитать в воскресенье', lang: 'ru' as const, expect: 'parking-fine' },
      ],
    });
    expect(report.versusBm25Top3).toEqual({ ours: 1, bm25: 1 });
    // They are what the two figures differ by.
    const { answered_or_suggested: ours, bm25_ranked_top3: bm25, in_scope: inScope } = report.overall;
    expect(((ours ?? 0) - (bm25 ?? 0)) * inScope).toBeCloseTo(report.versusBm25Top3.ours - report.versusBm25Top3.bm25, 3);
    const { report: plain } = await runSuite(suite);
    expect(plain.versusBm25Top3).toEqual({ ours: 0, bm25: 0 });
  });

  it('tells what held back the answer of a case whose right entry was ranked first', async () => {
    const { report } = await runSuite(suite);
    // Every in-scope case answered: nothing held back.
    expect(report.heldBack).toEqual({});
    // The library ranked first, but most of the message is words the FAQ does not know.
    const story = { text: 'вчера с внуками гуляли долго-долго по парку, зашли в библиотеку', lang: 'ru' as const, expect: 'library-hours' };
    const held = await runSuite({ ...suite, cases: [...suite.cases, story] });
    expect(held.report.overall.ranked_first).toBe(1);
    expect(held.report.overall.top1_accuracy).toBe(0.6667);
    expect(held.report.heldBack).toEqual({ unclear: 1 });
    const sure = { id: 'library-hours', score: 0.95 };
    expect(heldBackBy({ candidates: [sure], doubt: 'unclear' }, DEFAULT_THRESHOLDS)).toBe('unclear');
    expect(heldBackBy({ candidates: [{ ...sure, score: 0.3 }] }, DEFAULT_THRESHOLDS)).toBe('below the bar');
    // The matcher would answer: the engine decided otherwise around it.
    expect(heldBackBy({ candidates: [sure] }, DEFAULT_THRESHOLDS)).toBe('engine');
  });

  it('reports calibration per decision band, every case in exactly one band', async () => {
    const { report } = await runSuite(suite);
    const bands = report.reliability.bands;
    expect(bands.map((b) => b.label)).toEqual(['answer', 'suggest', 'escalate+entries', 'escalate']);
    expect(bands.reduce((n, b) => n + b.cases, 0)).toBe(3);
    expect(bands[0].observed).toBe(1);
    for (const row of [...bands, ...report.reliability.bins]) {
      expect(row.predicted).toBeGreaterThanOrEqual(0);
      expect(row.predicted).toBeLessThanOrEqual(1);
    }
  });

  it('tells how well the probability orders right first entries above the others, whatever the bands', async () => {
    const right = (predicted: number) => ({ predicted, topRight: true });
    const other = (predicted: number) => ({ predicted, topRight: false });
    expect(separationOf([right(0.9), right(0.6), other(0.5), other(0.1)])).toBe(1);
    expect(separationOf([right(0.1), other(0.9)])).toBe(0);
    // Of the four pairs, one is ordered the wrong way and one is a tie (half).
    expect(separationOf([right(0.8), right(0.4), other(0.4), other(0.6)])).toBe(0.625);
    expect(separationOf([right(0.7), right(0.2)])).toBeNull();
    expect(separationOf([])).toBeNull();
    // The fixture's two questions are answered and the weather handed over: a perfect order.
    const { report } = await runSuite(suite);
    expect(report.separation).toBe(1);
  });

  it('counts an entry offered with a hand-off as offered, the case as handed over, and how many such there were', async () => {
    // Bands that hand every matched question over, with its entries.
    const { engine, catalog, store, thresholds } = createOfflineEngine(FIXTURE_FAQ, { thresholds: HINT_ONLY_BANDS });
    try {
      const report = await evaluate(engine, catalog, suite.cases, thresholds);
      expect(report.overall.top1_accuracy).toBe(0);
      expect(report.overall.answered_or_suggested).toBe(1);
      expect(report.overall.oos_escalation_recall).toBe(1);
      expect(report.overall.escalated_with_entries).toBe(0.6667);
      expect(report.misses.map((m) => m.got)).toEqual(['escalate, offering library-hours', 'escalate, offering parking-fine']);
      expect(report.reliability.bands.find((b) => b.label === 'escalate+entries')?.cases).toBe(2);
    } finally {
      await store.close();
    }
  });

  describe('cases on a band\'s edge', () => {
    const t = DEFAULT_THRESHOLDS;
    const result = (score: number, extra: Partial<MatchResult> = {}): MatchResult => ({
      candidates: [{ id: 'a', score }, { id: 'b', score: score * 0.9 }],
      suggestScore: score,
      ...extra,
    });

    it('are those a move of BAND_EDGE in probability decides otherwise', () => {
      expect(isOnBandEdge(result(t.answer + BAND_EDGE / 2), t)).toBe(true);
      expect(isOnBandEdge(result(t.answer - BAND_EDGE / 2), t)).toBe(true);
      expect(isOnBandEdge(result(t.suggest + BAND_EDGE / 2), t)).toBe(true);
      expect(isOnBandEdge(result(t.hint - BAND_EDGE / 2), t)).toBe(true);
      expect(isOnBandEdge(result(0.95), t)).toBe(false);
      expect(isOnBandEdge(result((t.answer + t.suggest) / 2), t)).toBe(false);
      expect(isOnBandEdge(result(0.05), t)).toBe(false);
    });

    it('leave out a probability that does not decide: a doubt offers the entries at any score', () => {
      expect(isOnBandEdge(result(t.answer + BAND_EDGE / 2, { doubt: 'topic-word' }), t)).toBe(false);
      expect(isOnBandEdge(result(t.answer + BAND_EDGE / 2, { doubt: 'ambiguous', suggestScore: 0.9 }), t)).toBe(false);
    });

    it("are counted in the report with the engine's bands, and marked on the case's outcome with its probability", async () => {
      const far = createOfflineEngine(FIXTURE_FAQ);
      const library = [suite.cases[0]];
      // An engine whose answer band starts just under the case's probability puts it on an edge.
      const probability = far.catalog.match(library[0].text, 'ru', new Date()).candidates[0].score;
      const near = createOfflineEngine(FIXTURE_FAQ, { catalog: far.catalog, thresholds: { ...DEFAULT_THRESHOLDS, answer: probability - BAND_EDGE / 2 } });
      try {
        const [away, onEdge] = [await evaluate(far.engine, far.catalog, library, far.thresholds), await evaluate(near.engine, near.catalog, library, near.thresholds)];
        expect(away.onBandEdge).toBe(0);
        expect(onEdge.onBandEdge).toBe(1);
        expect(away.outcomes[0]).toMatchObject({ edge: false, p: Math.round(probability * 1000) / 1000 });
        expect(onEdge.outcomes[0]).toMatchObject({ edge: true, p: Math.round(probability * 1000) / 1000 });
      } finally {
        await Promise.all([far.store.close(), near.store.close()]);
      }
    });
  });

  it('cuts a FAQ to its first question variants per language, keeping the messages and the answers', async () => {
    const sparse = withMaxVariants(suite, 1);
    expect(sparse.cases).toBe(suite.cases);
    expect(sparse.name).toBe('fixture (at most 1 question variant per language)');
    sparse.entries.forEach((entry, i) => {
      const original = FIXTURE_FAQ[i];
      expect(entry.answer).toEqual(original.answer);
      for (const [lang, variants] of Object.entries(original.questions)) {
        expect(entry.questions[lang as keyof typeof entry.questions]).toEqual(variants?.slice(0, 1));
      }
    });
    // The library entry had two Russian questions; its first one is kept.
    expect(sparse.entries[0].questions.ru).toEqual(['Во сколько открывается библиотека?']);
    // The original suite is left as it was.
    expect(FIXTURE_FAQ[0].questions.ru).toHaveLength(2);
    const { report } = await runSuite(sparse);
    expect(report.overall.cases).toBe(3);
  });

  it('cuts a FAQ to one language: its questions and answers in it, and only its messages', async () => {
    const englishOnly = { id: 'english-only', topic: 'other', questions: { en: ['Where is the zoo?'] }, answer: { en: 'In the park.' } };
    const mixed = {
      ...suite,
      entries: [...FIXTURE_FAQ, englishOnly],
      cases: [...suite.cases, { text: 'where is the zoo', lang: 'en' as const, expect: 'english-only' }],
    };
    const russian = withOnlyLanguage(mixed, 'ru');
    expect(russian.name).toBe('fixture (ru only)');
    expect(russian.cases).toEqual(suite.cases);
    // The entry with nothing in Russian goes; the others keep only their Russian.
    expect(russian.entries.map((e) => e.id)).toEqual(FIXTURE_FAQ.map((e) => e.id));
    russian.entries.forEach((entry, i) => {
      expect(Object.keys(entry.questions)).toEqual(['ru']);
      expect(entry.questions.ru).toEqual(FIXTURE_FAQ[i].questions.ru);
      expect(entry.answer).toEqual({ ru: FIXTURE_FAQ[i].answer.ru });
    });
    const { report } = await runSuite(russian);
    expect(report.overall.cases).toBe(3);
    expect(report.byLang.en.cases).toBe(0);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s question variants', (max) => {
    expect(() => withMaxVariants(suite, max)).toThrow(/at least 1/);
  });
});
