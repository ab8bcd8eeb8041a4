import { tokenize } from '../../src/matcher/normalize';
import { analyzeMessage } from '../../src/matcher/analyze';
import { ANSWER_FIELD_WORDS, FieldIndex } from '../../src/matcher/field-index';
import { DEFAULT_RANK_OPTIONS, Ranker, type Ranking } from '../../src/matcher/ranker';
import { StemTypos } from '../../src/matcher/stem-typos';
import type { FaqEntryInput } from '../../src/faq/types';
import { FIXTURE_FAQ } from './fixtures';

function ranked(entries: readonly FaqEntryInput[], depth = DEFAULT_RANK_OPTIONS.depth) {
  const index = new FieldIndex();
  for (const e of entries) index.upsert(e);
  return { index, ranker: new Ranker(index, { ...DEFAULT_RANK_OPTIONS, depth }) };
}

/**
 * Same entries in the same order, the same explained weights, and scores equal up to the average
 * field lengths (which leaving one variant or entry out does not recompute: a few per cent at most).
 */
function expectSameRanking(actual: Ranking, expected: Ranking): void {
  expect(actual.entries.map((e) => e.id)).toEqual(expected.entries.map((e) => e.id));
  actual.entries.forEach((e, i) => {
    expect(e.explained).toBeCloseTo(expected.entries[i].explained, 9);
    expect(e.askedContent).toBeCloseTo(expected.entries[i].askedContent, 9);
    expect(Math.abs(e.score - expected.entries[i].score)).toBeLessThan(0.03 * expected.entries[i].score);
  });
  expect(actual.unknownWeight).toBeCloseTo(expected.unknownWeight, 9);
  expect(actual.totalWeight).toBeCloseTo(expected.totalWeight, 9);
}

describe('BM25F ranking with part of the index left out', () => {
  const queries = ['когда откроется библиотека в воскресенье', 'штраф за парковку', 'жеке куәлік', 'library sunday hours'];

  it('leaving one question variant out ranks as an index built without it', () => {
    const { index, ranker } = ranked(FIXTURE_FAQ);
    const entry = FIXTURE_FAQ[0];
    const slot = index.get(entry.id)!.slot;
    // The second Russian variant of the first entry.
    const withoutVariant = { ...entry, questions: { ...entry.questions, ru: [entry.questions.ru![0]] } };
    const { ranker: rebuilt } = ranked([withoutVariant, ...FIXTURE_FAQ.slice(1)]);
    for (const q of queries) {
      const tokens = analyzeMessage(q, 'ru');
      expectSameRanking(ranker.rank(tokens, { slot, variant: 1 }), rebuilt.rank(tokens));
    }
  });

  it('leaving a whole entry out ranks as an index without the entry', () => {
    const { index, ranker } = ranked(FIXTURE_FAQ);
    const slot = index.get('parking-fine')!.slot;
    const { ranker: rebuilt } = ranked(FIXTURE_FAQ.filter((e) => e.id !== 'parking-fine'));
    for (const q of queries) {
      const tokens = analyzeMessage(q, 'ru');
      const left = ranker.rank(tokens, { slot });
      expect(left.entries.map((e) => e.id)).not.toContain('parking-fine');
      expectSameRanking(left, rebuilt.rank(tokens));
    }
  });

  it('a word only the left-out entry has counts as unknown', () => {
    const { index, ranker } = ranked(FIXTURE_FAQ);
    const tokens = analyzeMessage('прививка от гриппа', 'ru');
    const full = ranker.rank(tokens);
    const left = ranker.rank(tokens, { slot: index.get('flu-vaccine')!.slot });
    expect(left.unknownWeight).toBeGreaterThan(full.unknownWeight);
  });
});

describe('pruning in a large FAQ', () => {
  it('returns the same best entries and scores as scoring every entry', () => {
    // 1,500 entries sharing common words, each with a code word of its own.
    const words = ['справка', 'льгота', 'талон', 'очередь', 'запись', 'пособие', 'тариф', 'субсидия'];
    const entries: FaqEntryInput[] = Array.from({ length: 1500 }, (_, i) => ({
      id: `e${i}`,
      topic: 'general',
      questions: { ru: [`Как получить ${words[i % 8]} и ${words[(i * 3) % 8]} в районе ${words[(i * 5) % 8]}`] },
      answer: { ru: `Документ ${words[(i * 7) % 8]} выдают в ЦОН.` },
    }));
    const pruned = ranked(entries, 10).ranker;
    const exhaustive = ranked(entries, entries.length).ranker;
    // The last two once lost every entry: the words' bound, summed and taken off again, rounded
    // below zero, and the entries tied with the tenth best were pruned with all below them.
    for (const q of ['как получить справку и талон', 'льгота субсидия район', 'очередь на запись тариф пособие', 'справку льгота талон', 'справку талон документ']) {
      const tokens = analyzeMessage(q, 'ru');
      const a = pruned.rank(tokens);
      const b = exhaustive.rank(tokens);
      expect(a.entries.map((e) => e.score)).toEqual(b.entries.slice(0, 10).map((e) => e.score));
      expect(a.entries[0].explained).toBeCloseTo(b.entries[0].explained, 9);
      expect(a.entries[0].askedContent).toBeCloseTo(b.entries[0].askedContent, 9);
    }
  });
});

describe('a word most entries of a large FAQ share', () => {
  // 1,200 entries, each with a number of its own; nine in ten ask for 'справку'.
  const entries: FaqEntryInput[] = Array.from({ length: 1200 }, (_, i) => ({
    id: `e${i}`,
    topic: 'general',
    questions: { ru: [`Номер ${i}: как получить ${i % 10 === 0 ? 'пособие' : 'справку'}?`] },
    answer: { ru: 'Обратитесь в ЦОН.' },
  }));

  it('adds to the entries other words found, also once entries were removed and added again', () => {
    const { ranker: fresh } = ranked(entries);
    const { index, ranker: edited } = ranked(entries);
    // The first ten take their slots back in reverse order, at the end of the words' postings.
    for (const e of entries.slice(0, 10)) index.remove(e.id);
    for (const e of entries.slice(0, 10)) index.upsert(e);
    for (const [q, id] of [['справка номер 3', 'e3'], ['номер 1007 справка', 'e1007']]) {
      const tokens = analyzeMessage(q, 'ru');
      const first = fresh.rank(tokens).entries[0];
      expect(first.id).toBe(id);
      // 'справка' is all but a stop word here, yet it adds to the entry the number found.
      const withoutIt = fresh.rank(analyzeMessage(q.replace('справка', ''), 'ru')).entries[0];
      expect(withoutIt.id).toBe(id);
      expect(first.score).toBeGreaterThan(withoutIt.score);
      expect(first.explained).toBeGreaterThan(withoutIt.explained);
      expectSameRanking(edited.rank(tokens), fresh.rank(tokens));
    }
  });
});

describe('an index kept up to date entry by entry', () => {
  it('keeps the same entries of those tied at the last place as an index built afresh: the smaller ids', () => {
    // Fifteen entries asking the same question: the ranking keeps ten, all tied.
    const entries: FaqEntryInput[] = Array.from({ length: 15 }, (_, i) => ({
      id: `e${String(i).padStart(2, '0')}`,
      topic: 'documents',
      questions: { ru: ['Как получить справку о составе семьи?'] },
      answer: { ru: 'В ЦОНе.' },
    }));
    const { ranker: fresh } = ranked(entries);
    const { index, ranker: edited } = ranked(entries);
    // Removed and added again in this order, the first and the last swap their slots: e14 is
    // scored first, e00 last.
    index.remove('e00');
    index.remove('e14');
    index.upsert(entries[0]);
    index.upsert(entries[14]);
    const tokens = analyzeMessage('справка о составе семьи', 'ru');
    const ids = fresh.rank(tokens).entries.map((e) => e.id);
    expect(ids).toEqual(entries.slice(0, 10).map((e) => e.id));
    expect(edited.rank(tokens).entries.map((e) => e.id)).toEqual(ids);
  });
  it('ranks, counts and knows words as an index built from scratch', () => {
    const [first, second, ...rest] = FIXTURE_FAQ;
    const edited = { ...first, questions: { ...first.questions, ru: ['Когда закрывается читальный зал библиотеки?'] } };
    const incremental = new FieldIndex();
    for (const e of FIXTURE_FAQ) incremental.upsert(e);
    incremental.upsert(edited);
    incremental.remove(second.id);
    const { index: fresh } = ranked([edited, ...rest]);

    for (const q of ['читальный зал библиотеки', 'когда уберут снег', 'штраф за парковку', 'library sunday']) {
      const tokens = analyzeMessage(q, 'ru');
      expectSameRanking(new Ranker(incremental).rank(tokens), new Ranker(fresh).rank(tokens));
    }
    // Every word either index has, including those only the removed entry and variant had.
    const { index: everything } = ranked([...FIXTURE_FAQ, { ...edited, id: 'edited' }]);
    for (const entry of everything.all()) {
      for (const key of entry.tf.keys()) expect([key, incremental.dfOf(key)]).toEqual([key, fresh.dfOf(key)]);
    }
    // And the words written in Latin letters, which Latin names typed in Cyrillic are checked against.
    const latin = new Set(FIXTURE_FAQ.flatMap((e) => tokenize([...Object.values(e.questions).flat(), ...Object.values(e.answer)].join(' '))).filter((w) => /^[a-z]+$/.test(w)));
    expect(latin.size).toBeGreaterThan(5);
    for (const word of latin) expect([word, incremental.hasLatinWord(word)]).toEqual([word, fresh.hasLatinWord(word)]);
    expect([...latin].some((word) => !fresh.hasLatinWord(word))).toBe(true);
    // The language vocabulary forgets what the replaced variant and the removed entry said.
    for (const word of ['читальный', 'воскресенье', 'снег', 'неубранный', 'штраф']) {
      expect(incremental.vocabulary.languagesOf(word)).toEqual(fresh.vocabulary.languagesOf(word));
    }
    expect(incremental.vocabulary.languagesOf('неубранный')).toEqual([]);
    expect(incremental.vocabulary.languagesOf('читальный')).toEqual(['ru']);
  });

  it('packs each posting in slot order with every entry\'s saturated counts as its own lengths give them, through edits', () => {
    // Ten copies of the fixture's entries: one more entry then moves the average lengths little
    // (the packed postings are kept), a long one moves them (all are packed again).
    const many = Array.from({ length: 10 }, (_, copy) => FIXTURE_FAQ.map((e) => ({ ...e, id: `${e.id}-${copy}` }))).flat();
    const index = new FieldIndex();
    for (const e of many) index.upsert(e);
    const keys = () => [...new Set(index.all().flatMap((e) => [...e.tf.keys()]))];
    /** Every packed posting against the saturation worked out from each entry's own lengths. */
    const expectPackedAsEntriesSay = () => {
      for (const key of keys()) {
        const packed = index.packedPostingsOf(key)!;
        const posting = index.postingsOf(key)!;
        const packedSlots = Array.from(packed.slots);
        expect(packedSlots).toEqual([...posting.slots].sort((a, b) => a - b));
        packedSlots.forEach((slot, i) => {
          const counts = posting.counts[posting.slots.indexOf(slot)];
          expect([key, slot, packed.sat[i]]).toEqual([key, slot, index.saturate(counts, index.entryOfSlot(slot)!.lengths)]);
        });
      }
    };
    expectPackedAsEntriesSay();
    // A removed entry's slot taken by a new one, an entry edited in place, one more entry.
    index.remove(many[3].id);
    index.upsert({ ...many[20], id: 'new-one' });
    index.upsert({ ...many[7], questions: { ...many[7].questions, ru: [...(many[7].questions.ru ?? []), 'Ещё один вопрос о том же'] } });
    index.upsert({ ...many[11], id: 'one-more' });
    expectPackedAsEntriesSay();
    const long = 'очень длинный вопрос о работе библиотеки в праздничные и выходные дни '.repeat(40);
    index.upsert({ ...many[0], id: 'long', questions: { ru: [long] }, answer: { ru: long } });
    expectPackedAsEntriesSay();
  });

  it("weighs an entry's question variants by the index as it is now, not as it was when first asked", () => {
    const [first, second, ...rest] = FIXTURE_FAQ;
    const incremental = new FieldIndex();
    for (const e of FIXTURE_FAQ) incremental.upsert(e);
    const entry = incremental.get(first.id)!;
    const before = Array.from(incremental.variantWeights(entry).totals);
    // Another entry that asks with the first entry's words makes them commoner (lower idf); an
    // entry taken out changes the count of entries every idf is taken over.
    incremental.upsert({ ...second, id: 'same-words', questions: { ru: first.questions.ru ?? [] } });
    incremental.remove(rest[0].id);
    const { index: fresh } = ranked([...FIXTURE_FAQ.filter((e) => e.id !== rest[0].id), { ...second, id: 'same-words', questions: { ru: first.questions.ru ?? [] } }]);
    const after = Array.from(incremental.variantWeights(entry).totals);
    expect(after).not.toEqual(before);
    after.forEach((total, i) => expect(total).toBeCloseTo(fresh.variantWeights(fresh.get(first.id)!).totals[i], 9));
  });

  it('answers a word again after the FAQ changed, not from before the change', () => {
    const [first, ...rest] = FIXTURE_FAQ;
    const index = new FieldIndex();
    for (const e of FIXTURE_FAQ) index.upsert(e);
    const word = tokenize(first.questions.ru?.[0] ?? '').find((w) => index.vocabulary.languagesOf(w).length === 1 && !rest.some((e) => JSON.stringify(e.questions).toLowerCase().includes(w)));
    expect(word).toBeDefined();
    expect(index.vocabulary.languagesOf(word as string)).toEqual(['ru']);
    index.remove(first.id);
    expect(index.vocabulary.languagesOf(word as string)).toEqual([]);
    index.upsert(first);
    expect(index.vocabulary.languagesOf(word as string)).toEqual(['ru']);
  });
});

describe("an entry's answer field (ANSWER_FIELD_WORDS)", () => {
  /** An answer of `words` words: the same short sentence over and over, with `word` put at `at`. */
  function answerWith(word: string, at: number, words: number): string {
    const filler = 'обращайтесь в отдел по месту жительства'.split(' ');
    return Array.from({ length: words }, (_, i) => (i === at ? word : filler[i % filler.length])).join(' ');
  }
  const entry = (answer: string, learned?: FaqEntryInput['learned']): FaqEntryInput => ({
    id: 'pool',
    topic: 'sport',
    questions: { ru: ['Как записаться в секцию для детей?'] },
    answer: { ru: answer },
    ...(learned ? { learned } : {}),
  });
  const finds = (index: FieldIndex, text: string) => new Ranker(index).rank(analyzeMessage(text, 'ru')).entries.some((e) => e.id === 'pool');

  it("reads the answer's first words, not those after them", () => {
    const early = new FieldIndex();
    early.upsert(entry(answerWith('бассейн', 10, ANSWER_FIELD_WORDS + 20)));
    expect(finds(early, 'бассейн')).toBe(true);
    const late = new FieldIndex();
    late.upsert(entry(answerWith('бассейн', ANSWER_FIELD_WORDS + 5, ANSWER_FIELD_WORDS + 20)));
    expect(finds(late, 'бассейн')).toBe(false);
    expect(late.vocabulary.languagesOf('бассейн')).toEqual([]);
  });

  it("reads residents' learned wordings in the room the answer leaves, and forgets them with the entry", () => {
    const learned = { ru: ['бассейн для малышей'] };
    const short = new FieldIndex();
    short.upsert(entry('Запись в отделе спорта.', learned));
    expect(finds(short, 'бассейн')).toBe(true);
    expect(short.vocabulary.languagesOf('бассейн')).toEqual(['ru']);
    short.remove('pool');
    expect(short.vocabulary.languagesOf('бассейн')).toEqual([]);
    // An answer as long as the field: the wording is remembered as said (taught-wordings.ts), not read here.
    const long = new FieldIndex();
    long.upsert(entry(answerWith('секция', 0, ANSWER_FIELD_WORDS), learned));
    expect(finds(long, 'бассейн')).toBe(false);
  });
});

describe('the words of the message an entry asks about, the kind of answer asked aside', () => {
  const { ranker } = ranked([
    { id: 'lift', topic: 'housing', questions: { ru: ['Лифт долго не ремонтируют, куда жаловаться?'] }, answer: { ru: 'Звоните диспетчеру.' } },
    { id: 'road', topic: 'roads', questions: { ru: ['Когда ремонтируют дорогу?'] }, answer: { ru: 'Летом, по плану ремонта.' } },
    { id: 'park', topic: 'leisure', questions: { ru: ['Когда откроется парк?'] }, answer: { ru: 'После ремонта дорожек.' } },
  ]);
  const asked = (text: string) => {
    const ranking = ranker.rank(analyzeMessage(text, 'ru'));
    return Object.fromEntries(ranking.entries.map((e) => [e.id, e.askedContent / ranking.contentWeight]));
  };

  it('counts every word an entry asks about, whether or not it asks the same kind of answer', () => {
    // "когда" asks a time: the road asks it, the lift does not; both ask about "ремонтируют".
    expect(asked('когда ремонтируют?')).toMatchObject({ lift: 1, road: 1 });
  });

  it('weighs each word by how closely the entry asks about it: the word itself, or a related word', () => {
    const { ranker: own } = ranked([
      { id: 'lift', topic: 'housing', questions: { ru: ['Кто отвечает за ремонт лифта?'] }, answer: { ru: 'Управляющая компания.' } },
      { id: 'road', topic: 'roads', questions: { ru: ['Когда починят дорогу?'] }, answer: { ru: 'Летом.' } },
    ]);
    const ranking = own.rank(analyzeMessage('починят', 'ru'));
    const share = (id: string) => ranking.entries.find((e) => e.id === id)!.askedContent / ranking.contentWeight;
    expect(share('road')).toBeCloseTo(1, 9);
    // "ремонт" is a word of the lexicon's group of "починить": asked about, less closely.
    expect(ranking.entries.find((e) => e.id === 'lift')!.askedWords).toBe(1);
    expect(share('lift')).toBeGreaterThan(0);
    expect(share('lift')).toBeLessThan(1);
  });

  it('leaves out a word the entry does not ask about, and one it only says in its answer', () => {
    const shares = asked('когда ремонтируют лифт?');
    expect(shares.lift).toBeCloseTo(1, 9);
    expect(shares.road).toBeLessThan(1);
    // The park's answer speaks of a "ремонт": not asked.
    expect(asked('ремонт').park ?? 0).toBe(0);
  });

  it('works them out only for as many of the best entries as asked, the ranking itself the same', () => {
    const tokens = analyzeMessage('когда ремонтируют?', 'ru');
    const all = ranker.rank(tokens);
    const first = ranker.rank(tokens, undefined, 1);
    expect(first.entries.map((e) => [e.id, e.score])).toEqual(all.entries.map((e) => [e.id, e.score]));
    expect(first.entries[0].askedContent).toBeGreaterThan(0);
    expect(first.entries[0].askedContent).toBe(all.entries[0].askedContent);
    expect(first.entries[0].askedWords).toBe(all.entries[0].askedWords);
    // The lift and the road both ask about "ремонтируют": the one not first was not asked for.
    const other = all.entries.findIndex((e, i) => i > 0 && (e.id === 'lift' || e.id === 'road'));
    expect(other).toBeGreaterThan(0);
    expect(all.entries[other].askedContent).toBeGreaterThan(0);
    expect(first.entries.slice(1).map((e) => [e.askedContent, e.askedWords])).toEqual(first.entries.slice(1).map(() => [0, 0]));
  });
});

describe('a Latin name typed in Cyrillic', () => {
  const entries: FaqEntryInput[] = [
    {
      id: 'egov-password',
      topic: 'online-services',
      questions: { ru: ['Как восстановить пароль от eGov?'], en: ['How do I reset my eGov password?'] },
      answer: { ru: 'Пароль восстанавливают в ЦОН или по SMS.' },
    },
    {
      id: 'app-freezes',
      topic: 'online-services',
      questions: { ru: ['Почему висит приложение банка?'] },
      answer: { ru: 'Обновите приложение.' },
    },
    {
      id: 'hospital-visits',
      topic: 'health',
      questions: { en: ['When can I visit a patient in hospital?'] },
      answer: { en: 'Visiting hours are 16:00–19:00.' },
    },
  ];
  const { ranker } = ranked(entries);
  const ids = (q: string) => ranker.rank(analyzeMessage(q, 'ru')).entries.map((e) => e.id);

  it('finds the entry that spells it in Latin letters', () => {
    expect(ids('егов не открывается')[0]).toBe('egov-password');
    expect(ranker.rank(analyzeMessage('егов', 'ru')).unknownWeight).toBe(0);
  });

  it('with a Russian or Kazakh case ending', () => {
    expect(ids('зайти в егове')[0]).toBe('egov-password');
    expect(ranker.rank(analyzeMessage('еговке', 'kk')).unknownWeight).toBe(0);
  });

  it('is not tried for a word the FAQ has in Cyrillic: "висит" is not "visit"', () => {
    expect(ids('висит')).toEqual(['app-freezes']);
  });

  it('only for a spelling the FAQ writes as it is: "лифт" is not "lifted", though both stem to "lift"', () => {
    const { ranker: withLifted } = ranked([
      ...entries,
      { id: 'restrictions', topic: 'general', questions: { en: ['When will the restrictions be lifted?'] }, answer: { en: 'Not yet.' } },
    ]);
    const lift = withLifted.rank(analyzeMessage('лифт не работает', 'ru'));
    expect(lift.entries.map((e) => e.id)).not.toContain('restrictions');
    expect(lift.knownWords).toBe(0);
    // The FAQ writes "eGov" itself: still found, also with a case ending.
    expect(withLifted.rank(analyzeMessage('зайти в егове', 'ru')).entries[0].id).toBe('egov-password');
  });
});

describe('Russian typed in Latin letters', () => {
  const entries: FaqEntryInput[] = [
    { id: 'digital-signature', topic: 'online-services', questions: { ru: ['Как получить ЭЦП?'] }, answer: { ru: 'ЭЦП выдают в ЦОН.' } },
    { id: 'parking', topic: 'transport', questions: { ru: ['Где оплатить штраф за парковку?'] }, answer: { ru: 'В приложении.' } },
    { id: 'kindergarten', topic: 'education', questions: { ru: ['Как встать в очередь в детский сад?'] }, answer: { ru: 'Через портал.' } },
    { id: 'benefits', topic: 'social', questions: { ru: ['Какие льготы положены пенсионерам?'] }, answer: { ru: 'Скидка на проезд.' } },
  ];
  const { ranker } = ranked(entries);

  it('reads a leading "e" as э when the FAQ has that word ("ecp" for ЭЦП)', () => {
    const ranking = ranker.rank(analyzeMessage('kak poluchit ecp', 'ru'));
    expect(ranking.entries[0].id).toBe('digital-signature');
    expect(ranking.unknownWeight).toBe(0);
  });

  it('reads "ts" as т+с when the FAQ has that word ("detskiy" for детский)', () => {
    const ranking = ranker.rank(analyzeMessage('ochered v detskiy sad', 'ru'));
    expect(ranking.entries[0].id).toBe('kindergarten');
    expect(ranking.unknownWeight).toBe(0);
  });

  it('finds a word whose soft sign was lost ("lgoty" for льготы), until the FAQ no longer has it', () => {
    const { index, ranker: own } = ranked(entries);
    const ranking = own.rank(analyzeMessage('lgoty pensioneram', 'ru'));
    expect(ranking.entries[0].id).toBe('benefits');
    expect(ranking.unknownWeight).toBe(0);
    expect(index.keysWithSigns('лгот')).toEqual(new Set(['льгот']));
    index.remove('benefits');
    expect(own.rank(analyzeMessage('lgoty', 'ru')).entries).toEqual([]);
    expect(index.keysWithSigns('лгот')).toBeUndefined();
  });
});

describe('an English word read in Cyrillic letters', () => {
  const entries: FaqEntryInput[] = [
    { id: 'timetable', topic: 'transport', questions: { kk: ['Кестені қайдан көруге болады?'], en: ['Where can I see the timetable?'] }, answer: { kk: 'Аялдамадағы тақталардан.', en: 'On the boards at the stops.' } },
    { id: 'card', topic: 'transport', questions: { en: ['How much does the card cost?'] }, answer: { en: 'The card costs 500 tenge.' } },
  ];

  it('is not cut to a Kazakh stem of three letters: "taxi" is not "тақта" (a board), and stays a word the FAQ does not know', () => {
    const { ranker } = ranked(entries);
    const ranking = ranker.rank(analyzeMessage('how much does a taxi cost', 'en'));
    expect(ranking.entries.map((e) => e.id)).toEqual(['card']);
    expect(ranking.unknownWeight).toBeGreaterThan(0);
  });

  it('is still read as the Russian word a FAQ writes so ("taxi" for такси)', () => {
    const { ranker } = ranked([...entries, { id: 'taxi', topic: 'transport', questions: { ru: ['Как заказать такси?'] }, answer: { ru: 'По телефону.' } }]);
    const ranking = ranker.rank(analyzeMessage('how much does a taxi cost', 'en'));
    expect(ranking.entries.map((e) => e.id)).toContain('taxi');
    expect(ranking.unknownWeight).toBe(0);
  });
});

describe('a letter typed twice', () => {
  const entries: FaqEntryInput[] = [
    { id: 'shops', topic: 'hours', questions: { kk: ['Дүкен мен магазин қашан ашық?'], en: ['When is the water back?'] }, answer: { kk: 'Күнде.', en: 'Tonight.' } },
    { id: 'clinic', topic: 'health', questions: { ru: ['Как прикрепиться к поликлинике?'] }, answer: { ru: 'Через eGov.' } },
    { id: 'benefit', topic: 'social', questions: { ru: ['Кого касается льгота?'] }, answer: { ru: 'Пенсионеров.' } },
  ];
  const { ranker } = ranked(entries);
  const rank = (text: string, lang: 'ru' | 'kk' | 'en') => ranker.rank(analyzeMessage(text, lang));

  it('is read as the word with it once, in another form of the word too ("маггазиндер", "поликлиннику", "waater")', () => {
    for (const [typed, meant, lang] of [
      ['маггазиндер қашан ашық', 'магазиндер қашан ашық', 'kk'],
      ['прикрепиться к поликлиннику', 'прикрепиться к поликлинику', 'ru'],
      ['waater', 'water', 'en'],
    ] as const) {
      const ranking = rank(typed, lang);
      expect([typed, ranking.unknownWeight, ranking.guessedWords]).toEqual([typed, 0, 0]);
      expectSameRanking(ranking, rank(meant, lang));
    }
  });

  it('leaves a short word as typed: "касса" with one "с" would stem as "касается" does', () => {
    expect(rank('касса', 'ru').unknownWeight).toBeGreaterThan(0);
    expect(rank('касса', 'ru').entries).toEqual([]);
  });
});

describe('words no entry knows, in a long message', () => {
  const { ranker } = ranked(FIXTURE_FAQ);
  const unknown = (text: string) => ranker.rank(analyzeMessage(text, 'ru')).unknownWeight;

  it('count as the question, and not at all in the story around it', () => {
    const question = 'когда откроется библиотека';
    // The same two unknown words, asked about or told as the story before the question.
    const asked = unknown(`${question} коляской этаже`);
    const told = unknown(`Живу с коляской на этаже. ${question}?`);
    expect(asked).toBeGreaterThan(0);
    expect(told).toBe(0);
    expect(unknown(`${question} коляской этаже?`)).toBe(asked);
  });

  it('count in the first of several statements, and not at all in the remark after it', () => {
    // "Knee-deep snow in the yard. I live alone, I am a pensioner."
    const told = 'Во дворе снег по колено.';
    expect(unknown(told)).toBeGreaterThan(0);
    expect(unknown(`${told} Живу одна, пенсионерка.`)).toBe(unknown(told));
    expect(ranker.rank(analyzeMessage(`${told} Живу одна, пенсионерка.`, 'ru')).entries[0]?.id).toBe('snow-removal');
  });

  it('count not at all in a remark put as a question beside the question the FAQ knows, nor does the kind it asks', () => {
    const ranking = (text: string, lang: 'ru' | 'en' = 'ru') => ranker.rank(analyzeMessage(text, lang));
    // "How do I renew my ID card. Where are the authorities looking?", "…Why is it always like this?"
    const asked = 'как заменить удостоверение.';
    for (const remark of ['Куда смотрят власти?', 'Почему всегда так?']) {
      const withRemark = ranking(`${asked} ${remark}`);
      expect([remark, withRemark.unknownWeight, withRemark.totalWeight]).toEqual([remark, ranking(asked).unknownWeight, ranking(asked).totalWeight]);
      expect(withRemark.entries[0]?.id).toBe('id-card-renewal');
    }
    expect(ranking('Is the library open on sunday. Does anybody care?', 'en').unknownWeight).toBe(0);
  });

  it('still count in a question the FAQ knows nothing of, as the only question or the matter of statements', () => {
    // The question the FAQ cannot answer after a story it knows: a story weighs less beside it.
    const alone = unknown('купить запчасти для лыж');
    expect(unknown('Библиотека закрыта. Где купить запчасти для лыж?')).toBeGreaterThan(0.5 * alone);
    // Neither is known beside the other: the message is as unknown as its words.
    expect(unknown('Где купить запчасти? Почему всегда так?')).toBeGreaterThan(0);
    // The first of several statements is the matter, whatever the remark after it knows.
    expect(unknown('Посоветуйте хороший ресторан. В библиотеке тоже так говорят.')).toBeGreaterThan(0);
    // Several questions each with its mark and words: each is asked. Of question words alone, a remark.
    expect(unknown('Когда откроется библиотека? Сколько стоит аренда лодки?')).toBeGreaterThan(0);
    const total = (text: string) => ranker.rank(analyzeMessage(text, 'ru')).totalWeight;
    // "Which fine for parking? When?": the FAQ asks when of the library only.
    expect(total('Какой штраф за парковку? Когда?')).toBe(total('Какой штраф за парковку?'));
  });
});

describe('typos, by the language of the message', () => {
  const { ranker } = ranked([
    {
      id: 'street-cleaning',
      topic: 'streets',
      questions: { ru: ['Когда уберут двор?'], kk: ['Көшелерді кім тазалайды?'] },
      answer: { ru: 'Дворы убирают по графику.', kk: 'Аулалар кесте бойынша тазаланады.' },
    },
    {
      id: 'water-meter',
      topic: 'utilities',
      questions: { ru: ['Где поверить счетчик воды?'], kk: ['Су есептегішін қайда тексертуге болады?'] },
      answer: { ru: 'Поверка счетчиков в ЦОНе.', kk: 'Есептегіштер ХҚКО-да тексеріледі.' },
    },
  ]);
  const top = (text: string, lang: 'ru' | 'kk') => ranker.rank(analyzeMessage(text, lang)).entries[0]?.id;

  it('a word of a Russian message is not taken for a Kazakh word misspelt', () => {
    // "кошелек" (a wallet) is a letter away from "көшелер" (streets), a word of the Kazakh question only.
    expect(top('кошелек', 'ru')).toBeUndefined();
    expect(top('кошелек', 'kk')).toBe('street-cleaning');
  });

  it('still reads a misspelt word of its own language, and a Kazakh message borrowing a Russian one', () => {
    expect(top('счетчек', 'ru')).toBe('water-meter');
    expect(top('счетчигін', 'kk')).toBe('water-meter');
  });
});

describe('typing slips trigrams miss', () => {
  const { ranker } = ranked([
    { id: 'masks', topic: 'health', questions: { en: ['Are masks required in shops?'], ru: ['Какой штраф без маски?'] }, answer: { en: 'Yes.' } },
    { id: 'night-buses', topic: 'transport', questions: { en: ['Do buses run at night?'] }, answer: { en: 'Until midnight.' } },
    { id: 'library', topic: 'culture', questions: { en: ['Is the library open on Sunday?'] }, answer: { en: 'Until 16:00.' } },
  ]);
  const top = (text: string, lang: 'ru' | 'en') => ranker.rank(analyzeMessage(text, lang)).entries[0]?.id;

  it('reads a word with two letters swapped, one missing or one doubled', () => {
    // Two swapped letters leave a short word few of its trigrams: "msaks" shares one with "masks".
    expect(top('msaks', 'en')).toBe('masks');
    expect(top('штарф', 'ru')).toBe('masks');
    expect(top('librray', 'en')).toBe('library');
    expect(top('libary', 'en')).toBe('library');
    expect(top('libbrary', 'en')).toBe('library');
  });

  it('reads a slip of a lexicon word the FAQ does not write as that word ("trahs": trash, beside rubbish)', () => {
    const { ranker: withRubbish } = ranked([
      { id: 'rubbish', topic: 'utilities', questions: { en: ['When is the rubbish collected?'] }, answer: { en: 'Daily.' } },
      { id: 'library', topic: 'culture', questions: { en: ['Is the library open on Sunday?'] }, answer: { en: 'Until 16:00.' } },
    ]);
    expect(withRubbish.rank(analyzeMessage('trahs', 'en')).entries[0]?.id).toBe('rubbish');
  });

  it('meets a flight by the verb as well: "can I fly", "улететь"', () => {
    const { ranker: flights } = ranked([
      { id: 'flights', topic: 'transport', questions: { en: ['Are flights running?'], ru: ['Выполняются ли авиарейсы?'] }, answer: { en: 'Yes.', ru: 'Да.' } },
      { id: 'library', topic: 'culture', questions: { en: ['Is the library open on Sunday?'], ru: ['Работает ли библиотека в воскресенье?'] }, answer: { en: 'Until 16:00.', ru: 'До 16:00.' } },
    ]);
    expect(flights.rank(analyzeMessage('can I fly to Almaty tomorrow', 'en')).entries[0]?.id).toBe('flights');
    expect(flights.rank(analyzeMessage('можно ли улететь в Алматы', 'ru')).entries[0]?.id).toBe('flights');
  });

  it('does not count a misspelt function word as a word no entry knows', () => {
    const { ranker: fixture } = ranked(FIXTURE_FAQ);
    const unknownIn = (text: string, lang: 'ru' | 'en') => fixture.rank(analyzeMessage(text, lang)).unknownWeight;
    expect(unknownIn('библиотека в воскресенье работает пожалуйта', 'ru')).toBe(0);
    expect(unknownIn('is the library open on sunday becuase i need a book', 'en')).toBe(unknownIn('is the library open on sunday because i need a book', 'en'));
    expect(unknownIn('библиотека в воскресенье работает гардероб', 'ru')).toBeGreaterThan(0);
    // A word of the lexicon is a word the FAQ does not know, not a slip of the function word it
    // looks like: "скользко" is one letter from "сколько", and this FAQ has no entry on ice.
    expect(unknownIn('библиотека в воскресенье работает скользко', 'ru')).toBeGreaterThan(0);
  });

  it('does not take a short word for another with one letter replaced', () => {
    // "right" is a word of its own, not "night" misspelt.
    expect(top('right', 'en')).toBeUndefined();
  });
});

describe('a slip in a form the FAQ does not write', () => {
  const faq: FaqEntryInput[] = [
    {
      id: 'transport-card',
      topic: 'transport',
      questions: { ru: ['Как пополнить проездную карту?'], kk: ['Балабақшаға кезекке қалай тұрамын?'] },
      answer: { ru: 'В приложении.', kk: 'Порталда.' },
    },
    {
      id: 'id-card',
      topic: 'documents',
      questions: { ru: ['Где восстановить документы?'], en: ['How do I attach a file?'] },
      answer: { ru: 'В ЦОНе.', en: 'With the clip.' },
    },
  ];
  const top = (ranker: Ranker, text: string, lang: 'ru' | 'kk' | 'en') => ranker.rank(analyzeMessage(text, lang)).entries[0]?.id;

  it('finds the word by its stem: a slip and another ending ("прлездной" against "проездную")', () => {
    const { ranker } = ranked(faq);
    // As whole words they share too few trigrams: the slip and the ending each break some.
    expect(top(ranker, 'прлездной', 'ru')).toBe('transport-card');
    expect(top(ranker, 'длкумент', 'ru')).toBe('id-card');
    expect(top(ranker, 'балабкақшадағы', 'kk')).toBe('transport-card');
  });

  it('takes no stem longer or shorter than one slip makes, none of another language, no English one', () => {
    const stems = new StemTypos();
    stems.describe('документ', ['документ', '#document'], 'ru');
    stems.ref('документ');
    expect(stems.best(['докумнет'], 'ru', 0.5, 0.7)?.keys).toEqual(new Set(['документ', '#document']));
    // Two letters more ("документац…", of "документация") is another word, however alike.
    expect(stems.best(['документац'], 'ru', 0.5, 0.7)).toBeNull();
    expect(stems.best(['докумнет'], 'kk', 0.5, 0.7)).toBeNull();
    // An English word is read in few forms: its slips are in the form the FAQ writes, and a stem
    // like another ("attack", "attach") is another word. Nor is a stem of four letters a target.
    expect(StemTypos.isTarget('attach')).toBe(false);
    expect(StemTypos.isTarget('карт')).toBe(false);
    expect(StemTypos.isTarget('документ')).toBe(true);
  });

  it('forgets the stems of an entry taken out of the index', () => {
    const { index, ranker } = ranked(faq);
    index.remove('transport-card');
    expect(top(ranker, 'прлездной', 'ru')).toBeUndefined();
    index.upsert(faq[0]);
    expect(top(ranker, 'прлездной', 'ru')).toBe('transport-card');
  });
});

describe('Russian aspect pairs', () => {
  // Without the pair only "штраф" matches, and the shorter question about the amount wins.
  const amount = { id: 'fine-amount', topic: 'fines', questions: { ru: ['Какой штраф?'] }, answer: { ru: 'Пять МРП.' } };
  const top = (faq: FaqEntryInput[], text: string) => ranked(faq).ranker.rank(analyzeMessage(text, 'ru')).entries[0]?.id;

  it('an imperfective meets its perfective, in the message and in the FAQ', () => {
    // "оплачивать" and "оплатить" are one verb; Snowball stems them "оплачива" and "оплат".
    const perfective = { id: 'fine-payment', topic: 'fines', questions: { ru: ['Как оплатить штраф за парковку у подъезда?'] }, answer: { ru: 'Через банк.' } };
    expect(top([perfective, amount], 'куда оплачивать штраф')).toBe('fine-payment');
    const imperfective = { id: 'fine-payment', topic: 'fines', questions: { ru: ['Где оплачивают штрафы за парковку у подъезда?'] }, answer: { ru: 'Через банк.' } };
    expect(top([imperfective, amount], 'как оплатить штраф')).toBe('fine-payment');
  });
});

describe('the keys a message stands for', () => {
  it('are the keys its ranking finds (typos, lexicon, Latin spellings), with no ranking done', () => {
    const { ranker } = ranked(FIXTURE_FAQ);
    for (const q of ['когда откроется библиотека в воскресенье', 'библиотеко', 'штраф за парковку', 'жеке куәлік', 'library sunday hours', 'ипподром']) {
      const tokens = analyzeMessage(q, 'ru');
      const keys = ranker.keysOf(tokens);
      expect([...keys].sort()).toEqual([...ranker.rank(tokens).keys].sort());
      if (q !== 'ипподром') expect(keys.size).toBeGreaterThan(0);
    }
  });
});
