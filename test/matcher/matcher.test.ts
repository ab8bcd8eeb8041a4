import { createMatcher, decide, DEFAULT_THRESHOLDS } from '../../src/matcher';
import type { Lang } from '../../src/i18n/languages';
import type { FaqMatcher } from '../../src/matcher/types';
import { LexicalMatcher } from '../../src/matcher/matcher';
import { FEATURE_NAMES } from '../../src/matcher/calibration';
import { isStopword } from '../../src/matcher/stopwords';
import { analyzeMessage, MAX_MESSAGE_WORDS } from '../../src/matcher/analyze';
import type { FaqEntryInput } from '../../src/faq/types';
import { FIXTURE_FAQ } from './fixtures';
import { SMALL_FAQ } from '../support/fixtures';

function loaded(entries: readonly FaqEntryInput[] = FIXTURE_FAQ): FaqMatcher {
  const matcher = createMatcher();
  matcher.load(entries);
  return matcher;
}

function answerOf(matcher: FaqMatcher, text: string, lang?: Lang): string | null {
  const d = decide(matcher.match(text, lang), DEFAULT_THRESHOLDS);
  return d.kind === 'answer' ? d.id : null;
}

function topOf(matcher: FaqMatcher, text: string, lang?: Lang): string | undefined {
  return matcher.match(text, lang).candidates[0]?.id;
}

describe('FAQ matcher retrieval', () => {
  const matcher = loaded();

  it.each<[string, Lang, string]>([
    // word forms
    ['библиотеку в воскресенье открывают?', 'ru', 'library-hours'],
    ['штрафы за парковку где оплатить', 'ru', 'parking-fine'],
    ['sunday opening of libraries', 'en', 'library-hours'],
    // typos
    ['библеотека работает в воскресение', 'ru', 'library-hours'],
    ['где сделать привифку от грипа', 'ru', 'flu-vaccine'],
    // Russian in Latin letters
    ['biblioteka rabotaet v voskresenye?', 'ru', 'library-hours'],
    ['gde oplatit shtraf za parkovku', 'ru', 'parking-fine'],
    ["skol'ko eshche budet zakryta biblioteka", 'ru', 'library-hours'],
    // Kazakh suffixes and Kazakh typed without its letters
    ['кітапханалар жексенбі күні ашық па', 'kk', 'library-hours'],
    ['кітапхананың жұмыс уақыты', 'kk', 'library-hours'],
    ['жеке куәлігімді ауыстыру керек', 'kk', 'id-card-renewal'],
    ['кітапхана качан ашылады', 'kk', 'library-hours'],
  ])('%s → %s', (text, lang, id) => {
    expect(topOf(matcher, text, lang)).toBe(id);
  });

  it('answers a plain question outright', () => {
    expect(answerOf(matcher, 'Когда откроется библиотека в воскресенье?', 'ru')).toBe('library-hours');
    expect(answerOf(matcher, 'how can I pay my parking fine', 'en')).toBe('parking-fine');
  });

  it('scores a greeting-wrapped question like the bare one', () => {
    const bare = matcher.match('когда уберут снег во дворе', 'ru').candidates[0];
    const wrapped = matcher.match('Здравствуйте! Подскажите пожалуйста, когда уберут снег во дворе? Спасибо', 'ru')
      .candidates[0];
    expect(wrapped.id).toBe(bare.id);
    expect(wrapped.score).toBeCloseTo(bare.score, 5);
  });

  it('reads a number written out as it reads digits: part of the story, no unknown word', () => {
    for (const [words, digits, lang] of [
      ['снег во дворе не убирают уже три дня, когда уберут?', 'снег во дворе не убирают уже 3 дня, когда уберут?', 'ru'],
      ['аулада қарды үш күн тазаламайды, қашан тазалайды?', 'аулада қарды 3 күн тазаламайды, қашан тазалайды?', 'kk'],
      ['the snow in my yard has not been cleared for five days', 'the snow in my yard has not been cleared for 5 days', 'en'],
    ] as const) {
      const written = matcher.match(words, lang);
      const counted = matcher.match(digits, lang);
      expect(written.candidates[0]?.id).toBe('snow-removal');
      expect(written.candidates[0]?.score).toBe(counted.candidates[0]?.score);
      expect(written.doubt).toBe(counted.doubt);
    }
  });

  it('reads function words as chats spell them ("щас", "скока", "thx", "wen") like the usual spelling', () => {
    for (const [chat, usual, lang] of [
      ['когда щас уберут снег во дворе', 'когда уберут снег во дворе', 'ru'],
      ['скока стоит парковка', 'сколько стоит парковка', 'ru'],
      ['thx, how can I pay my parking fine', 'how can I pay my parking fine', 'en'],
      ['hw can I pay my parking fine', 'how can I pay my parking fine', 'en'],
      ['wen does the library open on sunday', 'when does the library open on sunday', 'en'],
      ['wat time does the library open on sunday', 'what time does the library open on sunday', 'en'],
    ] as const) {
      expect({ chat, result: matcher.match(chat, lang) }).toEqual({ chat, result: matcher.match(usual, lang) });
    }
  });

  it('reads a word with a letter held down ("скооолько", "pleeease") as the word', () => {
    expect(matcher.match('скооолько стоит парковкааа???', 'ru')).toEqual(matcher.match('сколько стоит парковка???', 'ru'));
    expect(matcher.match('how can I pay my parking fiiine pleeease', 'en')).toEqual(matcher.match('how can I pay my parking fine please', 'en'));
  });

  it('reads Kazakh typed in the Latin alphabet with its marks as without them', () => {
    expect(matcher.match('kitaphana jeksenbi kúni ashyq pa', 'kk')).toEqual(matcher.match('kitaphana jeksenbi kuni ashyq pa', 'kk'));
    expect(answerOf(matcher, 'kitaphana jeksenbi kúni ashyq pa', 'kk')).toBe('library-hours');
  });

  it('reads Kazakh in Latin letters (j for ж, q for к, i after a vowel for й) as Kazakh typed without its letters', () => {
    for (const [latin, cyrillic] of [
      ['kitaphana jeksenbide jumys istei me', 'китапхана жексенбиде жумыс истей ме'],
      ['kitaphana qashan ashylady', 'китапхана кашан ашылады'],
      ['aulada qardy qashan tazalaidy', 'аулада карды кашан тазалайды'],
    ]) {
      const read = matcher.match(latin, 'kk');
      expect(read.candidates[0]?.id).toBeDefined();
      expect(read.candidates[0]?.id).toBe(matcher.match(cyrillic, 'kk').candidates[0]?.id);
      expect(read.candidates[0]?.score).toBeCloseTo(matcher.match(cyrillic, 'kk').candidates[0]?.score ?? -1, 2);
    }
  });

  it('does not answer an out-of-scope question that shares a word with an entry', () => {
    expect(answerOf(matcher, 'можно ли устроиться на работу в библиотеку продавцом книг', 'ru')).toBeNull();
    expect(answerOf(matcher, 'how do I buy a parking garage spot with a monthly subscription', 'en')).toBeNull();
    expect(decide(matcher.match('сколько стоит абонемент в бассейн', 'ru'), DEFAULT_THRESHOLDS).kind).toBe('none');
    // A fee is a charge, not a fine (the lexicon's penalty words are "fine", "penalty", "пеня").
    expect(topOf(matcher, 'is there a fee?', 'en')).not.toBe('parking-fine');
  });

  it('returns calibrated scores in [0, 1], best first, at most `limit`', () => {
    const { candidates } = matcher.match('штраф за парковку и прививка от гриппа', 'ru', 2);
    expect(candidates.length).toBeLessThanOrEqual(2);
    for (const c of candidates) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < candidates.length; i += 1) {
      expect(candidates[i - 1].score).toBeGreaterThanOrEqual(candidates[i].score);
    }
  });
});

describe('why the matcher is as sure as it is (explain)', () => {
  const matcher = loaded();

  it.each<[string, Lang]>([
    ['библиотеку в воскресенье открывают?', 'ru'],
    ['gde oplatit shtraf za parkovku', 'ru'],
    ['можно ли устроиться на работу в библиотеку продавцом книг', 'ru'],
    ['how do I buy a parking garage spot with a monthly subscription', 'en'],
    ['штраф за парковку и прививка от гриппа', 'ru'],
  ])('explains the probability match gives the first entry of "%s" as the sum it is', (text, lang) => {
    const { candidates, doubt } = matcher.match(text, lang);
    const why = matcher.explain(text, lang);
    expect(why).toBeDefined();
    if (!why) return;
    expect(why.first).toBe(candidates[0].id);
    expect(why.probability).toBeCloseTo(candidates[0].score, 12);
    expect(why.doubt).toBe(doubt);
    expect(why.features.map((f) => f.name)).toEqual([...FEATURE_NAMES]);
    const logOdds = why.features.reduce((z, f) => z + f.part, why.bias);
    expect(1 / (1 + Math.exp(-logOdds))).toBeCloseTo(why.probability, 9);
    for (const f of why.features) expect(f.value).toBeGreaterThanOrEqual(0);
  });

  it('explains nothing where nothing is ranked', () => {
    expect(matcher.explain('🙂🙂🙏', 'ru')).toBeUndefined();
    expect(matcher.explain('zzqx vvbn', 'en')).toBeUndefined();
    expect(createMatcher().explain('библиотека', 'ru')).toBeUndefined();
  });
});

describe('FAQ matcher and Kazakh word endings', () => {
  // "төлей алмасам" (if I cannot pay): a Kazakh modal that the city's name must not stand for.
  const faq: FaqEntryInput[] = [
    {
      id: 'bank-hours',
      topic: 'banks',
      questions: { ru: ['Работают ли банки?', 'Во сколько открываются банки?'], kk: ['Банктер жұмыс істей ме?'] },
      answer: { ru: 'Банки работают с 9 до 18.', kk: 'Банктер 9-дан 18-ге дейін жұмыс істейді.' },
    },
    {
      id: 'loan-penalty',
      topic: 'loans',
      questions: { ru: ['Будет ли пеня за просрочку кредита?'], kk: ['Несиені төлей алмасам, айыппұл сала ма?'] },
      answer: { ru: 'Пеня не начисляется до конца месяца.', kk: 'Ай соңына дейін өсімпұл есептелмейді.' },
    },
    {
      id: 'snow-removal',
      topic: 'streets',
      questions: { ru: ['Когда уберут снег?'], kk: ['Қарды қашан тазалайды?'] },
      answer: { ru: 'Снег убирают за два дня.', kk: 'Қар екі күнде тазаланады.' },
    },
  ];
  const matcher = createMatcher();
  matcher.load(faq);

  it('does not take a word for a stem and a suffix that cannot follow it', () => {
    expect(matcher.match('Алматы', 'ru').candidates.map((c) => c.id)).not.toContain('loan-penalty');
    expect(topOf(matcher, 'в Алматы работают банки?', 'ru')).toBe('bank-hours');
    expect(topOf(matcher, 'Алматыда банктер жұмыс істей ме?', 'kk')).toBe('bank-hours');
    // "картаға" is "карта", not "қар" (snow) with a suffix.
    expect(matcher.match('картаға', 'kk').candidates.map((c) => c.id)).not.toContain('snow-removal');
  });
});

describe('FAQ matcher incremental updates', () => {
  it('upsert adds and replaces one entry, remove takes it out', () => {
    const matcher = loaded();
    expect(matcher.size).toBe(FIXTURE_FAQ.length);
    expect(topOf(matcher, 'где взять талон на вывоз мусора', 'ru')).not.toBe('garbage');

    matcher.upsert({
      id: 'garbage',
      topic: 'utilities',
      questions: { ru: ['Когда вывозят мусор?', 'Где взять талон на вывоз мусора?'] },
      answer: { ru: 'Мусор вывозят по вторникам.' },
    });
    expect(matcher.size).toBe(FIXTURE_FAQ.length + 1);
    expect(topOf(matcher, 'когда вывоз мусора', 'ru')).toBe('garbage');

    // Replacing the entry's questions re-indexes it: old words stop matching it.
    matcher.upsert({
      id: 'garbage',
      topic: 'utilities',
      questions: { ru: ['Где сдать старую мебель?'] },
      answer: { ru: 'Крупногабаритный мусор принимают по субботам.' },
    });
    expect(matcher.size).toBe(FIXTURE_FAQ.length + 1);
    expect(topOf(matcher, 'куда сдать старую мебель', 'ru')).toBe('garbage');
    expect(topOf(matcher, 'талон на вывоз', 'ru')).not.toBe('garbage');

    matcher.remove('garbage');
    expect(matcher.size).toBe(FIXTURE_FAQ.length);
    expect(matcher.match('куда сдать старую мебель', 'ru').candidates.map((c) => c.id)).not.toContain('garbage');
    matcher.remove('no-such-entry');
    expect(matcher.size).toBe(FIXTURE_FAQ.length);
  });

  it('load replaces the whole index', () => {
    const matcher = loaded();
    matcher.load([FIXTURE_FAQ[0]]);
    expect(matcher.size).toBe(1);
    expect(matcher.match('штраф за парковку', 'ru').candidates).toEqual([]);
  });
});

describe('FAQ matcher with a large FAQ', () => {
  it('finds the right entry among 3,000 entries that share common words', () => {
    const matcher = createMatcher();
    // A distinct letters-only code word per filler entry (digits would split the word).
    // A code word of Cyrillic letters only (a Latin letter in a Cyrillic word is read as its Cyrillic look-alike).
    const code = (i: number) => `шифр${String(i).replace(/[0-9]/g, (d) => 'абвгдежзик'[Number(d)])}`;
    const filler = Array.from({ length: 3000 }, (_, i) => ({
      id: `filler-${i}`,
      topic: 'general',
      // Every filler shares "работает" and "услуга"; the code word makes each one distinct.
      questions: { ru: [`Работает ли услуга ${code(i)} сегодня?`] },
      answer: { ru: `Услуга ${code(i)} работает.` },
    }));
    matcher.load([...filler, ...FIXTURE_FAQ]);
    expect(matcher.size).toBe(3000 + FIXTURE_FAQ.length);
    expect(topOf(matcher, 'библиотека в воскресенье работает?', 'ru')).toBe('library-hours');
    expect(topOf(matcher, `работает ли услуга ${code(1234)}`, 'ru')).toBe('filler-1234');
    matcher.remove('library-hours');
    expect(topOf(matcher, 'библиотека в воскресенье работает?', 'ru')).not.toBe('library-hours');
  });
});

describe('FAQ matcher on odd input', () => {
  const matcher = loaded();

  it.each([
    ['empty', ''],
    ['spaces and punctuation', '  ?!… ,, '],
    ['emoji', '🙂🙂🙏'],
    ['control characters', '\u0000\u0001\u0007\u001b[31m\u202e'],
  ])('%s: no candidates', (_name, text) => {
    expect(matcher.match(text, 'ru').candidates).toEqual([]);
    expect(decide(matcher.match(text), DEFAULT_THRESHOLDS).kind).toBe('none');
    expect(matcher.unknownWords(text, 'ru')).toEqual([]);
  });

  it('handles 10,000 characters quickly and sanely', () => {
    const text = 'библиотека '.repeat(1000);
    expect(text.length).toBeGreaterThanOrEqual(10_000);
    const started = Date.now();
    const { candidates } = matcher.match(text, 'ru');
    expect(Date.now() - started).toBeLessThan(200);
    expect(candidates[0]?.id).toBe('library-hours');
  });

  it('an empty matcher matches nothing', () => {
    expect(createMatcher().match('библиотека', 'ru').candidates).toEqual([]);
  });
});

describe('a message of more words than the matcher weighs (MAX_MESSAGE_WORDS)', () => {
  const matcher = loaded();
  // A story of as many names as the matcher weighs words (no entry knows them), with the snow in
  // it, and the question after it.
  const letters = 'абвгдежзиклмнопрстуф';
  const names = Array.from({ length: MAX_MESSAGE_WORDS }, (_, i) => `зурбан${letters[i % letters.length]}${letters[Math.floor(i / letters.length)]}`);
  const text = `Снег во дворе так и не убрали, а у нас дома ${names.join(' ')}. Где сделать прививку от гриппа?`;

  it("weighs the question's words before the story's, and no more words than that", () => {
    const words = analyzeMessage(text, 'ru').map((t) => t.token.surface);
    expect(words).toHaveLength(MAX_MESSAGE_WORDS);
    expect(words).toEqual(expect.arrayContaining(['прививку', 'гриппа']));
  });

  it('finds what the question asks, not what the story names', () => {
    expect(topOf(matcher, text, 'ru')).toBe('flu-vaccine');
  });
});

describe('the words no entry knows (unknownWords)', () => {
  const matcher = new LexicalMatcher();
  matcher.load(SMALL_FAQ);

  it.each<[string, Lang, string[]]>([
    ['Когда дадут горячую воду в подвале?', 'ru', ['подвале']],
    // As written, though the matcher reads a Latin word of a Russian message in Cyrillic and a Kazakh word folded.
    ['kogda dadut goryachuyu vodu v podvale?', 'ru', ['podvale']],
    ['Ыстық су қашан беріледі, жертөледе?', 'kk', ['жертөледе']],
    ['when will the hot water be back in the basement, basement flooded', 'en', ['basement', 'flooded']],
  ])('%s → %j', (text, lang, words) => {
    expect(matcher.unknownWords(text, lang)).toEqual(words);
  });

  it('lists neither stop words nor the kind of answer asked, and nothing for a question the FAQ has', () => {
    expect(matcher.unknownWords('Когда начинается комендантский час?', 'ru')).toEqual([]);
    expect(matcher.unknownWords('Здравствуйте, подскажите пожалуйста, когда?', 'ru')).toEqual([]);
  });

  it('says nothing of an empty FAQ or of no text', () => {
    expect(new LexicalMatcher().unknownWords('подвал', 'ru')).toEqual([]);
    expect(matcher.unknownWords('', 'ru')).toEqual([]);
  });
});

describe('decide', () => {
  const t = { answer: 0.6, suggest: 0.3, hint: 0.15 };

  it('answers at or above the answer band', () => {
    expect(decide({ candidates: [{ id: 'a', score: 0.6 }, { id: 'b', score: 0.5 }] }, t)).toEqual({
      kind: 'answer',
      id: 'a',
      score: 0.6,
    });
  });

  it('suggests up to three reasonable candidates in the middle band', () => {
    const d = decide(
      {
        candidates: [
          { id: 'a', score: 0.5 },
          { id: 'b', score: 0.45 },
          { id: 'c', score: 0.4 },
          { id: 'd', score: 0.39 },
          { id: 'e', score: 0.05 },
        ],
      },
      t,
    );
    expect(d.kind).toBe('suggest');
    if (d.kind === 'suggest') {
      expect(d.ids).toEqual(['a', 'b', 'c']);
      expect(d.score).toBe(0.5);
    }
  });

  it('leaves out weak runners-up from suggestions', () => {
    const d = decide({ candidates: [{ id: 'a', score: 0.5 }, { id: 'b', score: 0.1 }] }, t);
    expect(d).toEqual({ kind: 'suggest', ids: ['a'], score: 0.5 });
  });

  it('answers a lone candidate when the right entry is very likely among the first three, not when others are worth offering', () => {
    // The first-three probability 0.2 above the answer band (0.6): the only entry worth offering is answered.
    const lone = { candidates: [{ id: 'a', score: 0.5 }, { id: 'b', score: 0.1 }], suggestScore: 0.8 };
    expect(decide(lone, t)).toEqual({ kind: 'answer', id: 'a', score: 0.5 });
    expect(decide({ ...lone, suggestScore: 0.79 }, t)).toEqual({ kind: 'suggest', ids: ['a'], score: 0.5 });
    // A second worth offering, or a doubt about the first, and the resident chooses.
    expect(decide({ ...lone, candidates: [{ id: 'a', score: 0.5 }, { id: 'b', score: 0.4 }] }, t)).toEqual({ kind: 'suggest', ids: ['a', 'b'], score: 0.5 });
    expect(decide({ ...lone, doubt: 'topic-word' }, t)).toEqual({ kind: 'suggest', ids: ['a'], score: 0.5 });
  });

  it('escalates below the suggest band and on no candidates', () => {
    expect(decide({ candidates: [{ id: 'a', score: 0.14 }] }, t)).toEqual({ kind: 'none', score: 0.14 });
    expect(decide({ candidates: [] }, t)).toEqual({ kind: 'none', score: 0 });
  });

  it('escalates with the reasonable candidates to read meanwhile in the hint band', () => {
    const result = { candidates: [{ id: 'a', score: 0.2 }, { id: 'b', score: 0.15 }, { id: 'c', score: 0.05 }], suggestScore: 0.29 };
    expect(decide(result, t)).toEqual({ kind: 'none', score: 0.2, ids: ['a', 'b'] });
    expect(decide({ ...result, suggestScore: 0.14 }, t)).toEqual({ kind: 'none', score: 0.2 });
  });

  it('judges runners-up by their relevance when the probabilities say nothing (an entry met only in its answer)', () => {
    const result = {
      candidates: [
        { id: 'a', score: 0, relevance: 1 },
        { id: 'b', score: 0, relevance: 0.7 },
        { id: 'c', score: 0, relevance: 0.2 },
      ],
      suggestScore: 0.5,
      doubt: 'answer-only' as const,
    };
    expect(decide(result, t)).toEqual({ kind: 'none', score: 0, ids: ['a', 'b'] });
    // The matcher's first left out (out of its validity window): relevance counts from the first left.
    const [, ...rest] = result.candidates;
    expect(decide({ ...result, candidates: rest }, t)).toEqual({ kind: 'none', score: 0, ids: ['b'] });
    const close = [{ id: 'b', score: 0, relevance: 0.8 }, { id: 'c', score: 0, relevance: 0.5 }];
    expect(decide({ ...result, candidates: close }, t)).toEqual({ kind: 'none', score: 0, ids: ['b', 'c'] });
  });
});

describe('doubt: when not to answer outright', () => {
  const parking: FaqEntryInput[] = [
    {
      id: 'resident-parking-permit',
      topic: 'transport',
      questions: { ru: ['Как получить разрешение на парковку во дворе для жильцов?'] },
      answer: { ru: 'Разрешение выдаёт районный акимат по заявлению жильца.' },
    },
    {
      id: 'paid-parking-hours',
      topic: 'transport',
      questions: { ru: ['В какие часы действует платная парковка в центре?'] },
      answer: { ru: 'Платная парковка в центре действует с 9:00 до 19:00.' },
    },
  ];

  it('a single word that several entries ask about offers them all', () => {
    const matcher = createMatcher();
    matcher.load([...FIXTURE_FAQ, ...parking]);
    const result = matcher.match('парковка', 'ru');
    expect(result.doubt).toBe('topic-word');
    const d = decide(result, DEFAULT_THRESHOLDS);
    expect(d.kind).toBe('suggest');
    // The fixture's parking-fine entry asks about parking too.
    if (d.kind === 'suggest') expect([...d.ids].sort()).toEqual(['paid-parking-hours', 'parking-fine', 'resident-parking-permit']);
  });

  it('an entry that only says the word in its answer, ranked between, does not hide another asking it', () => {
    const matcher = createMatcher();
    matcher.load([
      {
        id: 'school-enrolment',
        topic: 'education',
        questions: { ru: ['Какая справка нужна в школу?'] },
        answer: { ru: 'Заявление и свидетельство о рождении.' },
      },
      {
        id: 'housing-queue',
        topic: 'housing',
        // The certificate in one long question of four: it ranks below the next entry's answer.
        questions: {
          ru: [
            'Как встать в очередь на муниципальное арендное жильё для многодетных семей?',
            'Где посмотреть свой номер в очереди на жильё?',
            'Кто имеет право на социальное жильё от акимата города?',
            'Какую справку собрать для постановки в очередь на получение жилья?',
          ],
        },
        answer: { ru: 'Заявление и справка о составе семьи.' },
      },
      { id: 'id-card', topic: 'documents', questions: { ru: ['Как заменить удостоверение личности?'] }, answer: { ru: 'Справка, справка и справка.' } },
      { id: 'library-hours', topic: 'culture', questions: { ru: ['Когда работает библиотека?'] }, answer: { ru: 'С 9:00 до 19:00.' } },
    ]);
    const result = matcher.match('справка', 'ru');
    expect(result.candidates.map((c) => c.id)).toEqual(['school-enrolment', 'id-card', 'housing-queue']);
    expect(result.doubt).toBe('topic-word');
  });

  it('a phrase every word of which several entries ask about offers them all', () => {
    const matcher = createMatcher();
    matcher.load([
      ...FIXTURE_FAQ,
      { id: 'rubbish-days', topic: 'utilities', questions: { ru: ['По каким дням вывоз мусора?'] }, answer: { ru: 'По вторникам и пятницам.' } },
      { id: 'rubbish-price', topic: 'utilities', questions: { ru: ['Сколько стоит вывоз мусора?'] }, answer: { ru: '450 тенге с человека.' } },
      {
        id: 'bulky-rubbish-price',
        topic: 'utilities',
        questions: { ru: ['Сколько стоит вывоз крупногабаритного мусора?'] },
        answer: { ru: 'По договору с перевозчиком.' },
      },
    ]);
    const phrase = matcher.match('вывоз мусора', 'ru');
    expect(phrase.doubt).toBe('topic-word');
    const d = decide(phrase, DEFAULT_THRESHOLDS);
    expect(d.kind === 'suggest' && [...d.ids].sort()).toEqual(['bulky-rubbish-price', 'rubbish-days', 'rubbish-price']);
    // A word only one of them asks about tells them apart.
    expect(matcher.match('по каким дням вывоз мусора', 'ru').doubt).not.toBe('topic-word');
    // All of one entry's question is that entry's question, though another asks the same and more.
    const whole = matcher.match('сколько стоит вывоз мусора', 'ru');
    expect(whole.candidates.slice(0, 2).map((c) => c.id)).toEqual(['rubbish-price', 'bulky-rubbish-price']);
    expect(whole.doubt).not.toBe('topic-word');
  });

  it('a question word with nothing to look up names no entry', () => {
    const matcher = loaded();
    for (const [text, lang] of [['где?', 'ru'], ['а когда', 'ru'], ['How?', 'en'], ['қашан?', 'kk']] as const) {
      const result = matcher.match(text, lang);
      expect(result).toEqual({ candidates: [], doubt: 'no-subject' });
      expect(decide(result, DEFAULT_THRESHOLDS)).toEqual({ kind: 'clarify' });
    }
    expect(matcher.match('где оплатить штраф за парковку?', 'ru').candidates[0]?.id).toBe('parking-fine');
  });

  it('a day, or a kind with only its own words ("а завтра?", "сколько стоит?"), names no entry; with a subject they are words of it', () => {
    const matcher = loaded();
    for (const [text, lang] of [['а завтра?', 'ru'], ['а сегодня?', 'ru'], ['ертең ше?', 'kk'], ['бүгін ше?', 'kk'], ['and today?', 'en'], ['what about tomorrow?', 'en'], ['а в субботу?', 'ru'], ['а по выходным?', 'ru'], ['жексенбіде ше?', 'kk'], ['демалыс күндері ше?', 'kk'], ['and on Sundays?', 'en'], ['а ночью?', 'ru'], ['кешке ше?', 'kk'], ['and at night?', 'en'], ['in the morning?', 'en'], ['а зимой?', 'ru'], ['қыста ше?', 'kk'], ['and in winter?', 'en'], ['а в праздники?', 'ru'], ['мерекеде ше?', 'kk'], ['what about holidays?', 'en']] as const) {
      expect({ text, result: matcher.match(text, lang) }).toEqual({ text, result: { candidates: [], doubt: 'no-subject' } });
    }
    expect(matcher.match('где оплатить штраф за парковку завтра?', 'ru').candidates[0]?.id).toBe('parking-fine');
    expect(matcher.match('библиотеки в воскресенье открыты?', 'ru').candidates[0]?.id).toBe('library-hours');
    expect(matcher.match('когда уберут снег во дворе зимой?', 'ru').candidates[0]?.id).toBe('snow-removal');
    // "демалыс" is a day only with "күн" after it: alone it is a holiday, or a leave.
    expect(matcher.match('демалыс ше?', 'kk').doubt).not.toBe('no-subject');
    // A named day's "күні" is that day: "сенбі күні ше?" as "сенбіде ше?".
    expect(matcher.match('сенбі күні ше?', 'kk')).toEqual({ candidates: [], doubt: 'no-subject' });
    // A FAQ that asks it so, in those very words, is asked: an editor's "Часы работы" is a question.
    const asking = new LexicalMatcher();
    const hours = { id: 'centre-hours', topic: 'office-hours', questions: { ru: ['Часы работы'], kk: ['Жұмыс уақыты қандай?'] }, answer: { ru: 'Круглосуточно.' } };
    asking.load([hours, { id: 'post-hours', topic: 'office-hours', questions: { ru: ['Когда работает почта?'] }, answer: { ru: 'С 09:00.' } }]);
    expect(asking.match('часы работы?', 'ru').candidates[0]?.id).toBe('centre-hours');
    expect(asking.match('жұмыс уақыты қандай', 'kk').candidates[0]?.id).toBe('centre-hours');
    expect(asking.match('а часы работы?', 'en').doubt).toBe('no-subject');
    asking.upsert({ ...hours, questions: { ru: ['Когда работает контакт-центр?'] } });
    expect(asking.match('часы работы?', 'ru').doubt).toBe('no-subject');
    // "работы", "жұмыс" alone are a job, a subject: only with the hours are they when it is open.
    expect(matcher.match('нет работы', 'ru').doubt).not.toBe('no-subject');
    expect(matcher.match('жұмыс іздеймін', 'kk').doubt).not.toBe('no-subject');
    // A greeting's time of day asks about no time.
    expect(matcher.match('good morning', 'en').doubt).not.toBe('no-subject');
    expect(matcher.match('доброе утро', 'ru').doubt).not.toBe('no-subject');
    // Nor does the kind with only its own words: "сколько стоит?", "how much does it cost?".
    for (const [text, lang] of [['сколько стоит?', 'ru'], ['skolko stoit?', 'ru'], ['a skolko eto stoit?', 'ru'], ['қанша тұрады?', 'kk'], ['how much does it cost?', 'en'], ['how long?', 'en'], ['а срок какой?', 'ru'], ['мерзімі қандай?', 'kk'], ['deadline?', 'en'], ['а адрес?', 'ru'], ['телефон нөмірі қандай?', 'kk'], ['phone number?', 'en'], ['а через сколько?', 'ru'], ['а где именно?', 'ru'], ['это бесплатно?', 'ru'], ['ақылы ма?', 'kk'], ['is it free?', 'en']] as const) {
      expect({ text, result: matcher.match(text, lang) }).toEqual({ text, result: { candidates: [], doubt: 'no-subject' } });
    }
    // Nor how to act on an answer: whom to call or complain to, how to pay or apply, which
    // documents, how long to wait. Many entries' questions share these; they name none of them.
    for (const [text, lang] of [['куда звонить?', 'ru'], ['кому жаловаться?', 'ru'], ['а где оплатить?', 'ru'], ['какие документы нужны?', 'ru'], ['а сколько ждать?', 'ru'], ['кімге хабарласу керек?', 'kk'], ['қандай құжаттар керек?', 'kk'], ['who do I contact?', 'en'], ['how do I apply?', 'en'], ['how long will it take?', 'en'], ['а куда идти?', 'ru'], ['қайда бару керек?', 'kk'], ['where do I go?', 'en'], ['қайда барамыз?', 'kk'], ['кімге хабарласамыз?', 'kk'], ['қайда жүгінемін?', 'kk'], ['куда поедем?', 'ru'], ['а цена какая?', 'ru'], ['ақысы қанша?', 'kk'], ["what's the fee?", 'en'], ['до какого возраста?', 'ru'], ['неше жасқа дейін?', 'kk'], ['what age?', 'en'], ['сколько времени занимает?', 'ru'], ['қанша уақыт кетеді?', 'kk'], ['что делать?', 'ru'], ['не істеу керек?', 'kk'], ['а часы работы?', 'ru'], ['жұмыс уақыты қандай?', 'kk'], ['what are the hours?', 'en'], ['где это находится?', 'ru'], ['ол қайда орналасқан?', 'kk'], ['where is it located?', 'en'], ['когда получу?', 'ru'], ['қашан аламын?', 'kk'], ['а когда приедут?', 'ru'], ['қашан келеді?', 'kk'], ['when will they come?', 'en'], ['who to call?', 'en'], ['what should I do?', 'en'], ['what do we do now?', 'en'], ['what to do?', 'en'], ['что взять с собой?', 'ru'], ['не алып бару керек?', 'kk'], ['what should I bring?', 'en'], ['а если откажут?', 'ru'], ['бас тартса ше?', 'kk'], ['what if they refuse?', 'en'], ['как узнать?', 'ru'], ['қайдан тексеруге болады?', 'kk'], ['how do I find out?', 'en'], ['а сайт какой?', 'ru'], ['how often?', 'en'], ['кімнен сұрауға болады?', 'kk'], ['do I have to come in person?', 'en'], ['сколько действует?', 'ru'], ['where do I get the form?', 'en'], ['келіспесем ше?', 'kk'], ['until when?', 'en'], ['up to what age?', 'en'], ['жеке өзім бару керек пе?', 'kk'], ['а можно ускорить?', 'ru'], ['ұзақ па?', 'kk'], ['am I eligible?', 'en'], ['how many times a year?', 'en'], ['can I do it myself?', 'en'], ['а кто платит?', 'ru'], ['кім төлейді?', 'kk'], ['what do I need?', 'en'], ['а что нужно?', 'ru'], ['не керек?', 'kk'], ['какие правила?', 'ru'], ['how do I change it?', 'en'], ['это точно?', 'ru'], ['рас па?', 'kk'], ['where is that written?', 'en'], ['откуда информация?', 'ru'], ['это везде?', 'ru'], ['is it everywhere?', 'en']] as const) {
      expect({ text, result: matcher.match(text, lang) }).toEqual({ text, result: { candidates: [], doubt: 'no-subject' } });
    }
    // How usually or how often it is done names no subject either ("how long does it usually take?"
    // right after the potholes' answer was answered with the ID card's "How long does it take to
    // get a new ID card?"), and the subject it goes with still counts.
    for (const [text, lang] of [['how long does it usually take?', 'en'], ['how often?', 'en'], ['и сколько обычно ждать?', 'ru'], ['как часто?', 'ru'], ['әдетте қанша уақыт кетеді?', 'kk']] as const) {
      expect({ text, result: matcher.match(text, lang) }).toEqual({ text, result: { candidates: [], doubt: 'no-subject' } });
    }
    expect(matcher.match('сколько обычно ждать уборки снега во дворе?', 'ru').candidates[0]?.id).toBe('snow-removal');
    expect(matcher.match('куда звонить, если во дворе не убирают снег?', 'ru').candidates[0]?.id).toBe('snow-removal');
    expect(matcher.match('где оплатить штраф за парковку?', 'ru').candidates[0]?.id).toBe('parking-fine');
    // A refusal of something named is a question of its own; so is finding out or checking one.
    expect(matcher.match('отказали в вывозе мусора', 'ru').doubt).not.toBe('no-subject');
    expect(matcher.match('как узнать, когда уберут снег во дворе?', 'ru').candidates[0]?.id).toBe('snow-removal');
    expect(matcher.match('where can I check the parking fine?', 'en').candidates[0]?.id).toBe('parking-fine');
    expect(matcher.match('сколько раз в год делают прививку от гриппа?', 'ru').candidates[0]?.id).toBe('flu-vaccine');
  });

  it('a message of stop words and interjections alone asks nothing: clarify, and never about the answer before', () => {
    const matcher = loaded();
    for (const [text, lang] of [['hello? anyone there', 'en'], ['здравствуйте подскажите пожалуйста', 'ru'], ['хм', 'ru'], ['и что?', 'ru'], ['помогите', 'ru'], ['ааааа', 'ru'], ['ммм...', 'ru'], ['hmm', 'en'], ['ой, не болды?', 'kk'], ['what?', 'en'], ['so what?', 'en'], ['do I need?', 'en']] as const) {
      const result = matcher.match(text, lang);
      expect({ text, result }).toEqual({ text, result: { candidates: [], doubt: 'nothing-asked' } });
      expect(decide(result, DEFAULT_THRESHOLDS)).toEqual({ kind: 'clarify', asksNothing: true });
    }
    // A held sound is not a word; an abbreviation of one letter is ("ООО", "III группа").
    expect(isStopword('эээ')).toBe(true);
    expect(isStopword('iii')).toBe(false);
    expect(isStopword('ооо')).toBe(false);
    expect(isStopword('ааа')).toBe(true);
    expect(isStopword('аааб')).toBe(false);
    // With a word to look up, the interjection is left out of an ordinary question.
    expect(matcher.match('хм, где оплатить штраф за парковку?', 'ru').candidates[0]?.id).toBe('parking-fine');
  });

  it('numbers alone the FAQ does not have are no question: clarify, not a hand-over', () => {
    const matcher = loaded();
    for (const text of ['123', '+7 701 123 45 67', '8 (7182) 55-55-55', '4521']) {
      const result = matcher.match(text, 'ru');
      expect({ text, result }).toEqual({ text, result: { candidates: [], doubt: 'nothing-asked' } });
      expect(decide(result, DEFAULT_THRESHOLDS)).toEqual({ kind: 'clarify', asksNothing: true });
    }
    // With a word the FAQ does not know, it is a question the FAQ has no answer to: for an operator.
    expect(matcher.match('квартира 123', 'ru').doubt).not.toBe('nothing-asked');
  });

  it('laughter and a syllable said over are no word: alone, nothing is asked', () => {
    const matcher = loaded();
    for (const text of ['хахаха', 'ахахах))', 'ха-ха', 'лол', 'hahaha', 'lol', 'jkjkjk', 'лалала', 'ыыы']) {
      expect({ text, result: matcher.match(text) }).toEqual({ text, result: { candidates: [], doubt: 'nothing-asked' } });
    }
    // A syllable twice is a word ("мама", "papa"); so are words whose letters only start to repeat.
    for (const word of ['мама', 'папа', 'papa', 'ананас', 'banana', 'тамтам', 'cancan', 'kazakh']) expect(`${word}: ${isStopword(word)}`).toBe(`${word}: false`);
    expect(matcher.match('хахаха, где оплатить штраф за парковку?', 'ru').candidates[0]?.id).toBe('parking-fine');
  });

  it('a finger run along a keyboard row is no word: alone, nothing is asked', () => {
    const matcher = loaded();
    for (const text of ['фывапролдж', 'asdfgh', 'йцукен', 'qwerty', 'ывапывапр', 'фывфыв ячсмит', 'asdfdsa']) {
      expect({ text, result: matcher.match(text) }).toEqual({ text, result: { candidates: [], doubt: 'nothing-asked' } });
    }
    // Words of one row with a run in them are words: "про" in "пропал", "erty" in "property".
    for (const word of ['пропал', 'провод', 'продал', 'пролог', 'property', 'flask']) expect(`${word}: ${isStopword(word)}`).toBe(`${word}: false`);
    expect(matcher.match('asdf где оплатить штраф за парковку?', 'ru').candidates[0]?.id).toBe('parking-fine');
  });

  it('a question word with only words the FAQ does not know offers nothing for the kind alone', () => {
    const matcher = loaded();
    const kindAlone = matcher.match('где ипподром?', 'ru');
    expect(kindAlone.candidates).toEqual([]);
    expect(decide(kindAlone, DEFAULT_THRESHOLDS)).toEqual({ kind: 'none', score: 0 });
  });

  it('a lone word an entry only mentions in passing is offered, not answered', () => {
    const faq: FaqEntryInput[] = [
      {
        id: 'bill-payment',
        topic: 'utilities',
        questions: { ru: ['Как оплатить коммунальные услуги?', 'Где заплатить за свет и воду?', 'Можно ли оплатить квитанцию наличными?', 'Будет ли пеня за просрочку оплаты?'] },
        answer: { ru: 'Оплатить коммунальные услуги можно в банке, на почте или в приложении.' },
      },
      {
        id: 'lift-repair',
        topic: 'housing',
        questions: { ru: ['Не работает лифт, куда звонить?', 'Кто ремонтирует лифт в доме?'] },
        answer: { ru: 'Звоните в аварийную службу, её телефон указан в кабине.' },
      },
      {
        id: 'road-repair',
        topic: 'roads',
        questions: { ru: ['Как сообщить о яме на дороге?', 'Когда отремонтируют дорогу на моей улице?', 'Куда подать заявку на ремонт дороги?', 'Кто отвечает за ремонт дворов?'] },
        answer: { ru: 'О ямах на дорогах сообщите на 109, приложив фото.' },
      },
    ];
    const matcher = createMatcher();
    matcher.load(faq);
    const outage = matcher.match('у меня нет света', 'ru');
    expect(outage).toMatchObject({ candidates: [{ id: 'bill-payment' }], doubt: 'passing-word' });
    expect(decide(outage, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    // Every question of the lift entry asks about the lift: that is what the entry is about.
    expect(answerOf(matcher, 'лифт', 'ru')).toBe('lift-repair');
    // One question in four says "яма", and so does the answer: the entry is about it.
    expect(matcher.match('ямы', 'ru').doubt).toBeUndefined();
    // The kind of answer asked is no word of the subject: "когда отремонтируют?" says one word of
    // one question in four ("Когда отремонтируют дорогу…?"), and after "почему нет интернета?" it
    // was answered with the road as surely as the road's own question.
    const frame = matcher.match('а когда отремонтируют?', 'ru');
    expect(frame).toMatchObject({ candidates: [{ id: 'road-repair' }], doubt: 'passing-word' });
    expect(decide(frame, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    expect(answerOf(matcher, 'когда отремонтируют дорогу?', 'ru')).toBe('road-repair');
    expect(answerOf(matcher, 'кто ремонтирует лифт?', 'ru')).toBe('lift-repair');
  });

  it('"по поводу", "насчёт" say what a question is about, not what it asks', () => {
    const faq: FaqEntryInput[] = [
      { id: 'stray-dogs', topic: 'animals', questions: { ru: ['Куда звонить по поводу бездомных собак?'] }, answer: { ru: 'Звоните в службу отлова.' } },
      { id: 'heating', topic: 'utilities', questions: { ru: ['Когда дадут отопление?'] }, answer: { ru: 'Отопление включают в октябре.' } },
    ];
    const matcher = createMatcher();
    matcher.load(faq);
    // "поводу" was a word of the dogs' question, as rare as "отопления": both were offered.
    for (const text of ['по поводу отопления', 'насчёт отопления']) expect(matcher.match(text, 'ru').candidates.map((c) => c.id)).toEqual(['heating']);
  });

  it('a runner-up about as good as the first makes the resident choose', () => {
    const result = { candidates: [{ id: 'a', score: 0.9 }, { id: 'b', score: 0.85 }], suggestScore: 0.95, doubt: 'ambiguous' as const };
    expect(decide(result, DEFAULT_THRESHOLDS)).toEqual({ kind: 'suggest', ids: ['a', 'b'], score: 0.9 });
  });

  it('a topic word is offered even when the matcher doubts the right entry is among the few', () => {
    const result = { candidates: [{ id: 'a', score: 0.05 }, { id: 'b', score: 0.04 }], suggestScore: 0.1, doubt: 'topic-word' as const };
    expect(decide(result, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'suggest', ids: ['a', 'b'] });
  });

  it('a message mostly of words the FAQ does not know is never answered outright', () => {
    const matcher = loaded();
    const result = matcher.match('ипподром скачки тотализатор ставки библиотека', 'ru');
    expect(result.doubt).toBe('unclear');
    expect(decide(result, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
  });

  it('a message asking besides its question another one the FAQ knows nothing of is not answered outright', () => {
    const matcher = loaded();
    const result = matcher.match('Когда уберут снег во дворе? Сколько стоит аренда лодки?', 'ru');
    expect(result.doubt).toBe('unknown-question');
    expect(decide(result, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    // An aside of one word about the matter asked is no question of its own.
    expect(answerOf(matcher, 'Когда уберут снег во дворе? Это надолго?', 'ru')).toBe('snow-removal');
  });

  it('a message whose every known word is only taken for a typo of a FAQ word is offered, not answered', () => {
    const matcher = loaded();
    // "barking" is one slip from "parking": the bot would guess the word and the entry both.
    const guessed = matcher.match('barking', 'en');
    expect(guessed.doubt).toBe('unclear');
    expect(decide(guessed, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'suggest', ids: ['parking-fine'] });
    // One word the FAQ has as written is enough to answer again.
    expect(decide(matcher.match('parkng fine', 'en'), DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', id: 'parking-fine' });
  });
});

describe('an entry found only through its answer', () => {
  it('is neither answered nor offered as "did you mean": the resident asked about none of its questions', () => {
    const matcher = loaded();
    // "течение", "суток": words of the snow entry's answer, in none of its questions or its topic.
    // ("чистят" is no longer one: the lexicon reads it as the Kazakh question's "тазалайды".)
    const result = matcher.match('в течение суток', 'ru');
    expect(result.candidates[0]?.id).toBe('snow-removal');
    expect(result.candidates[0]?.score).toBe(0);
    expect(result.doubt).toBe('answer-only');
    // However likely the bands make it, it is at most read while an operator takes the message.
    const eager = { answer: 0.01, suggest: 0.01, hint: 0.01 };
    expect(decide(result, eager)).toEqual({ kind: 'none', score: 0, ids: expect.arrayContaining(['snow-removal']) });
    expect(decide(result, { ...eager, hint: 1 })).toEqual({ kind: 'none', score: 0 });
  });

  it('so is one that asks only the kind of answer: the message\'s word is in no question of it', () => {
    const matcher = createMatcher();
    matcher.load([
      { id: 'pension-dates', topic: 'pensions', questions: { ru: ['Когда приходит пенсия?'] }, answer: { ru: 'Пенсию перечисляют до 25 числа.' } },
      { id: 'childcare', topic: 'benefits', questions: { ru: ['Как оформить пособие по уходу за ребёнком?'] }, answer: { ru: 'Подайте заявление онлайн; если портал сломан, его починят в течение дня.' } },
    ]);
    const result = matcher.match('когда починят?', 'ru');
    expect(result.candidates[0]?.id).toBe('pension-dates');
    expect(result.doubt).toBe('answer-only');
    expect(decide(result, DEFAULT_THRESHOLDS).kind).toBe('none');
    // A word of its question with the kind is its question.
    expect(decide(matcher.match('когда пенсия?', 'ru'), DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', id: 'pension-dates' });
  });
});

describe("residents' learned wordings (FaqEntryInput.learned)", () => {
  const withLearned = (learned: FaqEntryInput['learned']) =>
    FIXTURE_FAQ.map((e) => (e.id === 'library-hours' ? { ...e, learned } : e));

  it('tell the matcher what the entry is about, as its answer does, not what it asks', () => {
    const matcher = createMatcher();
    matcher.load(FIXTURE_FAQ);
    expect(matcher.match('читалка на Толстого', 'ru').candidates).toEqual([]);
    matcher.load(withLearned({ ru: ['читалка на Толстого до скольки работает'] }));
    const alone = matcher.match('читалка на Толстого', 'ru');
    expect(alone.candidates[0]?.id).toBe('library-hours');
    // Words the entry only knows from residents are no question of it: not answered on their own.
    expect(alone.doubt).toBe('answer-only');
    expect(answerOf(matcher, 'читалка на Толстого до скольки работает в воскресенье', 'ru')).toBe('library-hours');
    // Taken out again, the words are gone.
    matcher.upsert(FIXTURE_FAQ.find((e) => e.id === 'library-hours')!);
    expect(matcher.match('читалка на Толстого', 'ru').candidates).toEqual([]);
  });

  it('are never the label of a "did you mean" choice: that is one of the editor\'s questions', () => {
    const matcher = createMatcher();
    matcher.load(withLearned({ ru: ['читалка на Толстого до скольки работает'] }));
    const labels = matcher.closestQuestions('читалка на Толстого до скольки работает в воскресенье', 'ru', ['library-hours']);
    expect(labels.get('library-hours')).toBe('Работает ли библиотека в воскресенье?');
  });
});

describe('labels of the entries offered (closestQuestions)', () => {
  const message = 'читалка на Толстого до скольки работает в воскресенье';
  const library = FIXTURE_FAQ.find((e) => e.id === 'library-hours')!;
  const withQuestion = { ...library, questions: { ...library.questions, ru: [...(library.questions.ru ?? []), 'Читалка на Толстого открыта?'] } };

  it('are the same right after the message is matched as from a matcher that never saw it', () => {
    const matched = loaded();
    matched.match(message, 'ru');
    expect(matched.closestQuestions(message, 'ru', ['library-hours'])).toEqual(loaded().closestQuestions(message, 'ru', ['library-hours']));
  });

  it('follow the FAQ as it is when it changed between the match and the labels', () => {
    const matcher = loaded();
    const before = matcher.closestQuestions(message, 'ru', ['library-hours']).get('library-hours');
    matcher.match(message, 'ru');
    // The words "читалка", "Толстого" become the FAQ's: the new question holds more of the message.
    matcher.upsert(withQuestion);
    const after = matcher.closestQuestions(message, 'ru', ['library-hours']).get('library-hours');
    expect(after).toBe(loaded(FIXTURE_FAQ.map((e) => (e.id === 'library-hours' ? withQuestion : e))).closestQuestions(message, 'ru', ['library-hours']).get('library-hours'));
    expect(after).toBe('Читалка на Толстого открыта?');
    expect(before).not.toBe(after);
  });
});

describe('confidence learnt from the FAQ', () => {
  it('is fitted on simulated residents when the FAQ is loaded', () => {
    const matcher = new LexicalMatcher();
    matcher.load(FIXTURE_FAQ);
    expect(matcher.currentCalibration.samples).toBeGreaterThan(10);
  });

  it('is refitted in the background after an edit, while answering goes on', async () => {
    const matcher = new LexicalMatcher({ refitDebounceMs: 5 });
    matcher.load(FIXTURE_FAQ.slice(0, 2));
    const before = matcher.currentCalibration;
    for (const entry of FIXTURE_FAQ.slice(2)) matcher.upsert(entry);
    // Answers come from the new index at once, with the previous model until the refit lands.
    expect(matcher.match('прививка от гриппа', 'ru').candidates[0]?.id).toBe('flu-vaccine');
    expect(matcher.currentCalibration).toBe(before);
    await matcher.whenCalibrated();
    expect(matcher.currentCalibration).not.toBe(before);
    expect(matcher.currentCalibration.samples).toBeGreaterThan(before.samples);
    // The refit, its fit in steps between slices of the event loop, ends where fitting the whole
    // FAQ at once does.
    const atOnce = new LexicalMatcher();
    atOnce.load(FIXTURE_FAQ);
    expect(matcher.currentCalibration).toEqual(atOnce.currentCalibration);
  });

  it('whenCalibrated resolves at once when nothing is pending', async () => {
    const matcher = loaded();
    await expect(matcher.whenCalibrated()).resolves.toBeUndefined();
  });
});

describe('the lexicon', () => {
  // Entries on other matters, so each FAQ below has more than the few it is about.
  const UNRELATED: FaqEntryInput[] = [
    { id: 'library', topic: 'culture', questions: { ru: ['Работает ли библиотека в воскресенье?'] }, answer: { ru: 'Да, до 18:00.' } },
    { id: 'parking', topic: 'transport', questions: { ru: ['Где оплатить штраф за парковку?'] }, answer: { ru: 'В приложении.' } },
  ];

  it('reads "дадут" (will give), "заработает" (will start working) as "включат" (will switch on): "when will they give the internet" asks for the internet back, not the water', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'water', topic: 'utilities', questions: { ru: ['Когда дадут воду?'] }, answer: { ru: 'Воду подадут к вечеру.' } },
      { id: 'internet', topic: 'utilities', questions: { ru: ['Когда включат интернет?', 'Почему нет интернета?'] }, answer: { ru: 'Связь восстановят к утру.' } },
      // The internet is asked about elsewhere too: it tells the entries apart less than "дадут" would alone.
      { id: 'messengers', topic: 'utilities', questions: { ru: ['Работает ли WhatsApp без интернета?'] }, answer: { ru: 'Только с интернетом.' } },
      { id: 'school', topic: 'education', questions: { ru: ['Будут ли уроки через интернет?'] }, answer: { ru: 'Да, онлайн.' } },
    ];
    const matcher = loaded(faq);
    for (const text of ['када интернет дадут', 'интернет когда дадут уже?', 'интернет дали?']) expect([text, topOf(matcher, text, 'ru')]).toEqual([text, 'internet']);
    // The other everyday ways of asking for it back ("will start working", "will be set right", "will
    // appear") are offered with the internet first, not handed over as words the FAQ does not know
    // (the confidence of a FAQ this small answers few messages outright).
    for (const text of ['когда заработает интернет', 'интернет когда наладят', 'когда появится интернет']) {
      const decision = decide(matcher.match(text, 'ru'), DEFAULT_THRESHOLDS);
      const first = decision.kind === 'answer' ? decision.id : decision.kind === 'suggest' ? decision.ids[0] : decision.kind;
      expect([text, first]).toEqual([text, 'internet']);
    }
    expect(topOf(matcher, 'когда дадут воду?', 'ru')).toBe('water');
  });
  it('reads a word the lexicon takes only as written also typed in Latin letters: "dadut" is "дадут"', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'water', topic: 'utilities', questions: { ru: ['Когда будет вода?'] }, answer: { ru: 'К вечеру.' } },
      { id: 'internet', topic: 'utilities', questions: { ru: ['Когда включат интернет?'] }, answer: { ru: 'К утру.' } },
      { id: 'highway', topic: 'roads', questions: { ru: ['Когда отремонтируют трассу?'] }, answer: { ru: 'Летом.' } },
    ];
    const matcher = loaded(faq);
    // "дадут" and "дорога" are lexicon words taken as written: their stems are other words' too.
    expect(topOf(matcher, 'kogda dadut?', 'ru')).toBe('internet');
    expect(topOf(matcher, 'doroga vsya v yamah', 'ru')).toBe('highway');
  });
  it('reads the spellings some schemes give another meaning the other way when the usual one is no word of the FAQ: "-ye" as -ые, "i" after a vowel and "y" between vowels as й, "sch" as сч', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'smart-meter', topic: 'utilities', questions: { ru: ['Как поставить умный счётчик?'] }, answer: { ru: 'Через поставщика.' } },
      { id: 'tariffs', topic: 'utilities', questions: { ru: ['Почему в квитанции разные тарифы?'] }, answer: { ru: 'День и ночь.' } },
      { id: 'district', topic: 'city', questions: { ru: ['Какой у нас район?'] }, answer: { ru: 'Северный.' } },
    ];
    const matcher = loaded(faq);
    expect(matcher.unknownWords('umnyi schetchik', 'ru')).toEqual([]);
    expect(topOf(matcher, 'umnyi schetchik', 'ru')).toBe('smart-meter');
    expect(matcher.unknownWords('raznye', 'ru')).toEqual([]);
    expect(matcher.unknownWords('seichas rayon', 'ru')).toEqual([]);
  });
  it('takes a word typed without its soft sign with the lexicon\'s groups of the word signed: "obyazatelny" asks what "mandatory" does', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'masks', topic: 'health', questions: { ru: ['Нужна ли маска в транспорте?'], en: ['Are masks mandatory on buses?'] }, answer: { ru: 'Маски обязательны.' } },
      { id: 'bus-schedule', topic: 'transport', questions: { ru: ['Как ходят автобусы?'] }, answer: { ru: 'По расписанию.' } },
    ];
    const matcher = loaded(faq);
    // "обязательны" (the answer's word) is in the lexicon's "mandatory" group with the English
    // question's word; without its sign it is found as the answer's word and so as the group too.
    const signed = matcher.match('маски в автобусе обязательны?', 'ru').candidates[0];
    const unsigned = matcher.match('maski v avtobuse obyazatelny?', 'ru').candidates[0];
    expect(signed.id).toBe('masks');
    expect(unsigned).toEqual(signed);
  });
  it('finds a Kazakh form the FAQ does not write, typed in Latin letters, as its Cyrillic form is found: "koshesindegi" as "көшесіндегі"', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'street-lights', topic: 'city', questions: { kk: ['Көше шамдары жанбай тұр', 'Көшедегі жарық жұмыс істемейді'] }, answer: { kk: '109-ға хабарлаңыз.' } },
      { id: 'eotinish', topic: 'city', questions: { kk: ['eOtinish арқылы арыз қалай жазамын?'] }, answer: { kk: 'Порталда.' } },
    ];
    const matcher = loaded(faq);
    const cyrillic = matcher.match('көшесіндегі', 'kk').candidates[0];
    expect(cyrillic.id).toBe('street-lights');
    expect(matcher.match('koshesindegi', 'kk').candidates[0]).toEqual(cyrillic);
    // A Latin name with a slip is still that name first ("eotinsih" is eOtinish, not some Cyrillic word).
    expect(topOf(matcher, 'eotinsih арқылы', 'kk')).toBe('eotinish');
  });
  it('reads "гулять" (to go for a walk) as being outside: "until when may we walk" asks when one must be indoors', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'curfew', topic: 'curfew', questions: { ru: ['С какого часа нельзя выходить на улицу?'] }, answer: { ru: 'С 23:00 до 07:00.' } },
      { id: 'water', topic: 'utilities', questions: { ru: ['Когда дадут воду?'] }, answer: { ru: 'К вечеру.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'до скольки можно гулять?', 'ru')).toBe('curfew');
  });
  it('reads a messenger named in Cyrillic letters ("ватсап", "телеграм") as the FAQ names it in Latin ones', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'messengers', topic: 'communication', questions: { ru: ['Работает ли WhatsApp без интернета?'] }, answer: { ru: 'Мессенджеры работают только с интернетом.' } },
      { id: 'water', topic: 'utilities', questions: { ru: ['Когда дадут воду?'] }, answer: { ru: 'К вечеру.' } },
    ];
    const matcher = loaded(faq);
    for (const text of ['не работает ватсап', 'вотсап не грузит', 'телеграм работает?']) expect([text, topOf(matcher, text, 'ru')]).toEqual([text, 'messengers']);
  });
  it('reads "залатать" (to patch) as a repair: "when will they patch the road" asks for the road mended', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'roads', topic: 'roads', questions: { ru: ['Когда будет ремонт дороги?'] }, answer: { ru: 'Городской подрядчик, с мая.' } },
      { id: 'snow', topic: 'roads', questions: { ru: ['Когда почистят дорогу от снега?', 'Когда уберут снег с дороги?'] }, answer: { ru: 'В течение суток.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'дорогу когда залатают?', 'ru')).toBe('roads');
  });
  it('meets a verb in -ировать in its other forms: "отремонтировать" is the FAQ\'s "отремонтируют"', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'entrance', topic: 'housing', questions: { ru: ['Когда отремонтируют подъезд?'] }, answer: { ru: 'По плану ОСИ.' } },
      { id: 'entrance-cleaning', topic: 'housing', questions: { ru: ['Кто убирает подъезд?', 'Почему не моют подъезд?'] }, answer: { ru: 'Уборщица ОСИ.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'кто должен отремонтировать подъезд?', 'ru')).toBe('entrance');
  });
  it('reads "насчитают" (they will charge) as the FAQ\'s "начислять": a late loan\'s penalty, not its deferral', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'loan-penalty', topic: 'banks', questions: { ru: ['Будут ли начислять пеню за просрочку кредита?'] }, answer: { ru: 'Нет, до конца месяца.' } },
      { id: 'bank-hours', topic: 'banks', questions: { ru: ['Работают ли банки?'] }, answer: { ru: 'С 10:00 до 16:00.' } },
      { id: 'loan-deferral', topic: 'banks', questions: { ru: ['Можно ли отсрочить платёж по кредиту?'] }, answer: { ru: 'Да, по заявлению.' } },
    ];
    const matcher = loaded(faq);
    for (const text of ['по кредиту насчитают?', 'если не заплачу вовремя, насчитают что-то по кредиту?']) expect([text, topOf(matcher, text, 'ru')]).toEqual([text, 'loan-penalty']);
  });
  it('reads "уроки" (lessons) as school, "поминки" (a wake) as a funeral', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'schools', topic: 'education', questions: { ru: ['Когда откроются школы?'] }, answer: { ru: 'С понедельника.' } },
      { id: 'internet', topic: 'utilities', questions: { ru: ['Когда включат интернет?'] }, answer: { ru: 'К утру.' } },
      { id: 'funerals', topic: 'quarantine', questions: { ru: ['Сколько человек может быть на похоронах?'] }, answer: { ru: 'Не больше 20.' } },
      { id: 'weddings', topic: 'quarantine', questions: { ru: ['Можно ли проводить свадьбу?'] }, answer: { ru: 'Нет.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'уроки когда начнутся?', 'ru')).toBe('schools');
    expect(topOf(matcher, 'а поминки можно?', 'ru')).toBe('funerals');
  });
  it('reads a sofa ("диван", "sofa") as the furniture the FAQ writes of', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'bulky-waste', topic: 'waste', questions: { ru: ['Куда выбросить старую мебель?'], en: ['Where can I throw away old furniture?'] }, answer: { ru: 'В бункер у дома.', en: 'Into the skip.' } },
      { id: 'garbage', topic: 'waste', questions: { ru: ['Когда вывозят мусор?'], en: ['When is the rubbish collected?'] }, answer: { ru: 'Каждый день.', en: 'Every day.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'куда деть диван?', 'ru')).toBe('bulky-waste');
    expect(topOf(matcher, 'where do i put a sofa', 'en')).toBe('bulky-waste');
  });
  it('reads "посчитать" (to count up) as the FAQ\'s "рассчитывается" (is calculated)', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'pension-amount', topic: 'pensions', questions: { ru: ['Как рассчитывается размер пенсии?'] }, answer: { ru: 'По стажу и взносам.' } },
      { id: 'pension-dates', topic: 'pensions', questions: { ru: ['Когда приходит пенсия?'] }, answer: { ru: 'С 5 по 25 число.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'мне неправильно посчитали пенсию', 'ru')).toBe('pension-amount');
  });
  it('reads the Kazakh "толтыру" as "толықтыру" (to top up), "bike" and "велик" as a bicycle', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'top-up', topic: 'transport', questions: { kk: ['Транспорт картасын қалай толықтыруға болады?'] }, answer: { kk: 'Терминалда.' } },
      { id: 'bus-wait', topic: 'transport', questions: { kk: ['Автобус қашан келеді?'] }, answer: { kk: 'Он минут сайын.' } },
      { id: 'bicycles', topic: 'transport', questions: { ru: ['Можно ли провозить велосипед?'], en: ['Can I take a bicycle on the bus?'] }, answer: { ru: 'Да.', en: 'Yes.' } },
      { id: 'pets', topic: 'transport', questions: { ru: ['Можно ли ехать с собакой?'], en: ['Can I travel with a dog?'] }, answer: { ru: 'Да.', en: 'Yes.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'қалай толтырамын?', 'kk')).toBe('top-up');
    expect(topOf(matcher, 'bike allowed?', 'en')).toBe('bicycles');
    expect(topOf(matcher, 'с великом пускают?', 'ru')).toBe('bicycles');
  });
  it('reads "no signal" as the mobile network down, in English and Russian', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'mobile', topic: 'communication', questions: { ru: ['Работает ли мобильная связь?'], en: ['Is the mobile network working?'] }, answer: { ru: 'Да.', en: 'Yes.' } },
      { id: 'internet', topic: 'communication', questions: { ru: ['Когда включат интернет?'], en: ['When will the internet be back?'] }, answer: { ru: 'К утру.', en: 'By morning.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'phone shows no signal', 'en')).toBe('mobile');
    expect(topOf(matcher, 'сигнала нет второй день', 'ru')).toBe('mobile');
  });
  it('reads the Kazakh "электр" as electricity, a house as a home, meds and insulin as medicines, a plough as snow, "anxious" as anxiety', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'pay-electricity', topic: 'energy', questions: { kk: ['Электр энергиясы үшін қалай төлеуге болады?'] }, answer: { kk: 'Kaspi арқылы.' } },
      { id: 'pay-water', topic: 'energy', questions: { kk: ['Су үшін қалай төлеуге болады?'] }, answer: { kk: 'Банкте.' } },
      { id: 'home-visit', topic: 'health', questions: { en: ['How do I call a doctor to my home?'] }, answer: { en: 'Call the clinic before noon.' } },
      { id: 'sick-note', topic: 'health', questions: { en: ['How do I get a sick note?'] }, answer: { en: 'From your doctor.' } },
      { id: 'free-medicines', topic: 'health', questions: { ru: ['Как получить бесплатные лекарства?'], en: ['How can I get free medicines?'] }, answer: { ru: 'По рецепту.', en: 'On prescription.' } },
      { id: 'checkup', topic: 'health', questions: { ru: ['Есть ли бесплатный осмотр?'], en: ['Is there a free check-up?'] }, answer: { ru: 'Раз в год.', en: 'Once a year.' } },
      { id: 'mental-health', topic: 'health', questions: { en: ['Where should I turn for depression or anxiety?'] }, answer: { en: 'To the psychologist.' } },
      { id: 'gp-appointment', topic: 'health', questions: { en: ['How do I see a doctor?'] }, answer: { en: 'Book online.' } },
      { id: 'snow', topic: 'city', questions: { en: ['When will the road be cleared of snow?'] }, answer: { en: 'Within a day.' } },
      { id: 'road-repair', topic: 'city', questions: { en: ['Who repairs the road outside my house?'] }, answer: { en: 'The roads department.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'жарық үшін қалай төлеймін', 'kk')).toBe('pay-electricity');
    expect(topOf(matcher, 'can a doctor come to the house', 'en')).toBe('home-visit');
    expect(topOf(matcher, 'are my diabetes meds free', 'en')).toBe('free-medicines');
    expect(topOf(matcher, 'инсулин бесплатно?', 'ru')).toBe('free-medicines');
    expect(topOf(matcher, 'our road hasnt been plowed', 'en')).toBe('snow');
    expect(topOf(matcher, 'i feel anxious all the time', 'en')).toBe('mental-health');
  });
  it('reads "street lights" as one streetlight, "bus stop" as a stop, "diverted" as a detour', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'street-lighting', topic: 'city', questions: { en: ['The street lights are not working, who do I contact?'] }, answer: { en: 'The lighting service.' } },
      { id: 'blackout', topic: 'city', questions: { en: ['Who do I contact when the electricity is off?'] }, answer: { en: 'The grid company.' } },
      { id: 'new-stop', topic: 'transport', questions: { ru: ['Как предложить новую остановку?'] }, answer: { ru: 'Напишите в акимат.' } },
      { id: 'bus-late', topic: 'transport', questions: { en: ['Why is the bus late?'] }, answer: { en: 'Traffic.' } },
      { id: 'detour', topic: 'transport', questions: { en: ['Why is the bus taking a detour?'] }, answer: { en: 'Road works.' } },
    ];
    const matcher = loaded(faq);
    // Without the phrase the FAQ's "street lights" are a street and electric lights: ranked first, not answered.
    expect(answerOf(matcher, 'streetlights', 'en')).toBe('street-lighting');
    expect(topOf(matcher, 'can we get a new bus stop', 'en')).toBe('new-stop');
    expect(topOf(matcher, 'why was the bus diverted', 'en')).toBe('detour');
  });
  it('reads "вывезен" as rubbish taken away, "лавочка" as a bench, "торгуют" as street trade, music as noise', () => {
    // A centre's report categories: titles, not questions. Each rival shares the message's other word.
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'rubbish', topic: 'city', questions: { ru: ['Мусор не вывезен вовремя'] }, answer: { ru: 'Передаём оператору.' } },
      { id: 'a-bins', topic: 'city', questions: { ru: ['Мусор разбросан у контейнеров'] }, answer: { ru: 'Заявка в ЖКХ.' } },
      { id: 'benches', topic: 'city', questions: { ru: ['Скамейки во дворе'] }, answer: { ru: 'Установит акимат района.' } },
      { id: 'a-yard', topic: 'city', questions: { ru: ['Благоустройство двора'] }, answer: { ru: 'По программе района.' } },
      { id: 'street-trade', topic: 'city', questions: { ru: ['Стихийная торговля на улице'] }, answer: { ru: 'Выезжает инспекция.' } },
      { id: 'a-street', topic: 'city', questions: { ru: ['Уборка улицы'] }, answer: { ru: 'Каждое утро.' } },
      { id: 'noise', topic: 'city', questions: { ru: ['Шум ночью'] }, answer: { ru: 'Звоните 102.' } },
      { id: 'a-night', topic: 'city', questions: { ru: ['Освещение ночью'] }, answer: { ru: 'Горсвет.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'мусор не вывозят', 'ru')).toBe('rubbish');
    expect(topOf(matcher, 'поставьте лавочку во дворе', 'ru')).toBe('benches');
    expect(topOf(matcher, 'на улице торгуют с машин', 'ru')).toBe('street-trade');
    expect(topOf(matcher, 'музыка до утра каждую ночь', 'ru')).toBe('noise');
  });
  it('reads a shot as a vaccination, a cardiologist or a dermatologist as a specialist', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'flu-vaccine', topic: 'health', questions: { en: ['Where can an adult get a flu vaccine?'] }, answer: { en: 'At your clinic.' } },
      { id: 'a-flu-leave', topic: 'health', questions: { en: ['Do I get sick leave with the flu?'] }, answer: { en: 'Yes.' } },
      { id: 'specialist', topic: 'health', questions: { ru: ['Как попасть к узкому специалисту?'], en: ['How do I see a specialist?'] }, answer: { ru: 'По направлению.', en: 'With a referral.' } },
      { id: 'a-doctor', topic: 'health', questions: { ru: ['Как попасть к врачу?'], en: ['How do I see a doctor?'] }, answer: { ru: 'Запишитесь.', en: 'Book online.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'flu shot', 'en')).toBe('flu-vaccine');
    expect(topOf(matcher, 'how do i see a dermatologist', 'en')).toBe('specialist');
    expect(topOf(matcher, 'как попасть к кардиологу', 'ru')).toBe('specialist');
  });
  it('reads homeless animals and dogs as stray ones, by the phrase', () => {
    // "Бездомные животные" is how a centre may title the report residents call stray animals.
    const titles = loaded([...UNRELATED, { id: 'stray-animals', topic: 'city', questions: { ru: ['Бездомные животные'] }, answer: { ru: 'Отлов по заявке.' } }]);
    expect(topOf(titles, 'бродячие кошки', 'ru')).toBe('stray-animals');
    const questions = loaded([
      ...UNRELATED,
      { id: 'stray-dogs', topic: 'city', questions: { en: ['Who do I call about stray dogs?'] }, answer: { en: 'The catching service.' } },
      { id: 'a-dog-bite', topic: 'city', questions: { en: ['What do I do if a dog bites me?'] }, answer: { en: 'See a doctor.' } },
    ]);
    expect(topOf(questions, 'homeless dogs', 'en')).toBe('stray-dogs');
  });
  it('reads a counsellor and counselling as a psychologist', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'mental-health', topic: 'health', questions: { en: ['Where can I get free help from a psychologist?'] }, answer: { en: 'At your polyclinic.' } },
      { id: 'a-free-medicines', topic: 'health', questions: { en: ['Which medicines are free?'] }, answer: { en: 'Those on the list.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'is there a free counsellor', 'en')).toBe('mental-health');
    expect(topOf(matcher, 'free counselling for teenagers', 'en')).toBe('mental-health');
  });
  it('reads a claim rejected or turned down as refused', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'appeal-refusal', topic: 'benefits', questions: { en: ['How can I appeal if my benefit claim was refused?'] }, answer: { en: 'Within a month.' } },
      { id: 'a-claim', topic: 'benefits', questions: { en: ['How long does a benefit claim take?'] }, answer: { en: 'Ten days.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'my benefit claim was rejected', 'en')).toBe('appeal-refusal');
    expect(topOf(matcher, 'they turned down my claim', 'en')).toBe('appeal-refusal');
  });
  it('reads contesting a fine as disputing it, in Russian as in English', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'fine-dispute', topic: 'transport', questions: { en: ['How can I dispute a fine?'], ru: ['Как обжаловать штраф?'] }, answer: { en: 'Write to us.', ru: 'Напишите нам.' } },
      { id: 'a-fine', topic: 'transport', questions: { en: ['How can I pay a fine?'], ru: ['Как оплатить штраф?'] }, answer: { en: 'Online.', ru: 'Онлайн.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'how do i contest a fine', 'en')).toBe('fine-dispute');
    expect(topOf(matcher, 'как оспорить штраф', 'ru')).toBe('fine-dispute');
  });
  it('reads a lump sum as a one-off payment, which a FAQ may say only in Russian or Kazakh', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      {
        id: 'birth-grant',
        topic: 'benefits',
        questions: { ru: ['Какое единовременное пособие положено при рождении ребёнка?'], en: ['How much is the grant for the birth of a child?'] },
        answer: { ru: '38 МРП.', en: '38 MCI.' },
      },
      { id: 'a-maternity', topic: 'benefits', questions: { en: ['What maternity pay is there for a baby?'] }, answer: { en: 'From the employer.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'is there a lump sum when a baby is born', 'en')).toBe('birth-grant');
  });
  it('reads a cash machine as an ATM', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'atm-cash', topic: 'banks', questions: { en: ['Are ATMs working?'] }, answer: { en: 'Most of them.' } },
      { id: 'a-machines', topic: 'transport', questions: { en: ['Where are the ticket machines?'] }, answer: { en: 'At the main stops.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'are cash machines working', 'en')).toBe('atm-cash');
  });
  it('reads forgetting a thing somewhere as losing it, which a FAQ may say only in Russian or Kazakh', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      {
        id: 'lost-property',
        topic: 'transport',
        questions: { ru: ['Я забыл вещь в автобусе. Где её искать?'], en: ['I left something on a bus. Where should I look for it?'] },
        answer: { ru: 'В диспетчерской.', en: 'At the depot.' },
      },
      { id: 'a-bus-late', topic: 'transport', questions: { en: ['What if the bus is late this morning?'] }, answer: { en: 'Call the dispatcher.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'i forgot my bag on the bus this morning', 'en')).toBe('lost-property');
  });
  it('reads working out an amount as calculating it, by the phrase', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'pension-calculation', topic: 'pensions', questions: { en: ['How is the amount of my pension calculated?'] }, answer: { en: 'From your record.' } },
      { id: 'a-working-pensioner', topic: 'pensions', questions: { en: ['Is my pension paid while I still work?'] }, answer: { en: 'Yes.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'how do they work out my pension', 'en')).toBe('pension-calculation');
  });
  it('reads aircon and air con as air conditioning, which a FAQ may say only in Russian or Kazakh', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      {
        id: 'bus-climate',
        topic: 'transport',
        questions: { ru: ['Включают ли в автобусах кондиционер?'], en: ['Is it warm on the buses in winter?'] },
        answer: { ru: 'Летом включают.', en: 'Yes, they are heated.' },
      },
      { id: 'a-bus-wifi', topic: 'transport', questions: { en: ['Is there wifi on the buses?'] }, answer: { en: 'On some routes.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'is there aircon on the buses', 'en')).toBe('bus-climate');
    expect(topOf(matcher, 'is there air con on the buses', 'en')).toBe('bus-climate');
  });
  it('reads xray as the X-ray a FAQ writes with a hyphen, or the рентген it says in Russian', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      { id: 'fluorography', topic: 'health', questions: { en: ['Where can I have a chest X-ray?'] }, answer: { en: 'At your polyclinic.' } },
      { id: 'a-blood-test', topic: 'health', questions: { en: ['Where can I have a blood test?'] }, answer: { en: 'At the laboratory.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'where can i have an xray', 'en')).toBe('fluorography');
    expect(topOf(matcher, 'где сделать рентген', 'ru')).toBe('fluorography');
  });
  it('reads the Russian verbs of compensating ("возместить", "возмещать") as compensation', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      {
        id: 'appliance-damage',
        topic: 'energy',
        questions: { ru: ['Как получить компенсацию за технику, испорченную скачком напряжения?'], en: ['How can I get compensation for damaged appliances?'] },
        answer: { ru: 'Подайте заявление.', en: 'Apply in writing.' },
      },
      { id: 'a-voltage', topic: 'energy', questions: { ru: ['Что делать при скачке напряжения?'], en: ['What do I do about low voltage?'] }, answer: { ru: 'Звоните.', en: 'Call us.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'скачок напряжения, кто возместит', 'ru')).toBe('appliance-damage');
    expect(topOf(matcher, 'кто будет возмещать', 'ru')).toBe('appliance-damage');
  });
  it('reads being made redundant or dismissed as losing one\'s job, in English as in Russian', () => {
    const faq: FaqEntryInput[] = [
      ...UNRELATED,
      {
        id: 'unemployment-benefit',
        topic: 'benefits',
        questions: { ru: ['Положено ли пособие, если меня сократили?'], en: ['Can I get unemployment benefit after losing my job?'] },
        answer: { ru: 'Да, из фонда.', en: 'Yes, from the fund.' },
      },
      { id: 'a-child-benefit', topic: 'benefits', questions: { ru: ['Положено ли пособие на ребёнка?'], en: ['Is there a benefit for a child?'] }, answer: { ru: 'Да.', en: 'Yes.' } },
    ];
    const matcher = loaded(faq);
    expect(topOf(matcher, 'i was made redundant, is there a benefit', 'en')).toBe('unemployment-benefit');
    expect(topOf(matcher, 'меня уволили, положено ли пособие', 'ru')).toBe('unemployment-benefit');
  });
});
