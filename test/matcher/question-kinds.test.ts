import { tokenize } from '../../src/matcher/normalize';
import { kindQuestionWord, readQuestionKinds, type QuestionKind } from '../../src/matcher/question-kinds';
import { LANGS } from '../../src/i18n/languages';
import { LexicalMatcher } from '../../src/matcher/matcher';
import type { FaqEntryInput } from '../../src/faq/types';

const kinds = (text: string) => readQuestionKinds(tokenize(text)).kinds.sort();

describe('readQuestionKinds', () => {
  it.each([
    ['когда открывается библиотека', ['time']],
    ['библиотека со скольки', ['time']],
    ['во сколько закрывается', ['time']],
    ['сколько стоит абонемент', ['amount']],
    ['до какого времени работает', ['time']],
    ['kogda otkroyut', ['time']],
    ['кітапхана қашан ашылады', ['time']],
    ['кітапхана сағат нешеде ашылады', ['time']],
    ['канша сагаттан бастап', ['time']],
    ['абонемент қанша тұрады', ['amount']],
    ['what time does it open', ['time']],
    ['how long is it closed', ['time']],
    ['сколько времени делается справка', ['time']],
    ['сколько еще ждать', ['time']],
    ['skolko eshche ne budet', ['time']],
    ['анықтама қанша уақытта дайын болады', ['time']],
    ['неше күн күту керек', ['time']],
    ['сколько документов нужно', ['amount']],
    ['қанша адам келеді', ['amount']],
    ['how much is the fine', ['amount']],
    ['how many days does it take', ['time']],
    ['how many people can come', ['amount']],
    ['how do I renew', ['way']],
    // English "to" after a question word is English, not the Latin spelling of Russian "-то".
    ['how to pay the fine', ['way']],
    ['who to call about the lift', ['person']],
    ['when to apply', ['time']],
    ['где получить карту', ['place']],
    ['кайда тапсырамын', ['place']],
    ['құжатты қай жерде тапсырамын', ['place']],
    ['кому жаловаться', ['person']],
    ['кімге хабарласу керек', ['person']],
    ['why is it closed', ['reason']],
    // Contractions lose their apostrophe in tokenize: "where's" is "wheres".
    ["where's your office", ['place']],
    ["who's in charge of the lifts", ['person']],
    ['library on sunday', []],
    // Question words that ask nothing where they stand: an indefinite, a conjunction, what was said.
    ['можно их как-то забрать обратно', []],
    ['где-то месяц назад поставили счётчик', []],
    ['gde-to mesyac nazad postavili schetchik', []],
    ['kak-nibud mozhno zabrat', []],
    ['сняли, потому что сломался', []],
    ['написали что срок истёк', []],
    ['skazali chto srok istek', []],
  ])('%s → %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('names each kind once however often it is asked', () => {
    expect(kinds('когда и когда же')).toEqual(['time']);
  });

  it('takes "жерде" of "қай жерде" (where) as part of the question, not a word of it', () => {
    expect(readQuestionKinds(tokenize('құжатты қай жерде тапсырамын'))).toEqual({ kinds: ['place'], phraseWords: [2], frameWords: [2] });
    // "жер" alone is a subject: a plot of land ("алу", to get it, is how to act).
    expect(readQuestionKinds(tokenize('жер учаскесін алу'))).toEqual({ kinds: [], phraseWords: [], frameWords: [2] });
  });

  it.each([
    ['сколько стоит?', ['стоит']],
    ['а сколько это стоит', ['стоит']],
    ['қанша тұрады?', ['тұрады']],
    ['how much does it cost?', ['much', 'cost']],
    ['how long will it take', ['long', 'take']],
    ['сколько дней ждать', ['дней', 'ждать']],
    ['how many days will it take', ['many', 'days', 'take']],
    ['what time', ['time']],
    ['сағат нешеде', ['сағат']],
    ['қанша уақыт керек', ['уақыт']],
    ['а срок какой?', ['срок']],
    ['мерзімі қандай', ['мерзімі']],
    ['срок действия удостоверения', ['срок']],
    ['номер телефона какой', ['номер', 'телефона']],
    // How to act on an answer: whom to call, which documents.
    ['куда звонить?', ['звонить']],
    ['кімге хабарласу керек?', ['хабарласу']],
    ['какие документы нужны', ['документы', 'нужны']],
    ['who do I contact', ['contact']],
    ['куда звонить, если не работает лифт', ['звонить', 'работает']],
    // A Kazakh verb in any of the forms a resident asks with ("we go", "I contact", "if we go").
    ['қайда барамыз?', ['барамыз']],
    ['кімге хабарласамын', ['хабарласамын']],
    ['қайда жүгінеміз', ['жүгінеміз']],
    ['қайда барсақ болады', ['барсақ']],
    ['қайда төлейміз', ['төлейміз']],
    ['қайда қоңырау шалу керек', ['қоңырау', 'шалу']],
    // The form before "can": "төлей аламын", "бара аламын"; "жаза" is mostly a punishment.
    ['онлайн төлей аламын ба', ['онлайн', 'төлей', 'аламын']],
    ['бара аламын ба', ['бара', 'аламын']],
    ['жаза қандай', []],
    // "бар" is also "there is", and "барады" "goes" of a subject: neither asks how to act.
    ['автобус вокзалға барады ма', []],
    ['дәріхана бар ма', []],
    ['куда поедем?', ['поедем']],
    // What it costs, for what age, how long it takes, what to do: asked of any subject.
    ['а цена какая?', ['цена']],
    ['ақысы қанша', ['ақысы']],
    ["what's the fee", ['fee']],
    ['до какого возраста', ['возраста']],
    ['неше жасқа дейін', ['жасқа']],
    ['сколько времени занимает', ['времени', 'занимает']],
    ['что делать?', ['делать']],
    ['не істеу керек', ['істеу']],
    // English "do" after "what" is the verb of acting; followed by its subject it is an auxiliary.
    ['what should I do?', ['do']],
    ['what do we do then', ['do']],
    ['what to do', ['do']],
    ['what do we need to apply', ['need', 'apply']],
    // What is needed: "needed" with "what" before it, not alone.
    ['what do I need', ['need']],
    ['а что нужно?', ['нужно']],
    ['ол үшін не керек', ['керек']],
    ['do I need a permit', []],
    ['қайда бару керек', ['бару']],
    ['не нужно', []],
    ['онлайн жасауға бола ма', ['онлайн', 'жасауға']],
    // When it is open, where exactly, how many times, getting it, applying for it.
    ['а часы работы?', ['часы', 'работы']],
    ['жұмыс уақыты қандай', ['жұмыс', 'уақыты']],
    ['жұмыс істей ме', ['жұмыс', 'істей']],
    ['what are the hours', ['hours']],
    ['где это находится', ['находится']],
    ['ол қайда орналасқан', ['орналасқан']],
    ['когда получу', ['получу']],
    ['қашан аламын', ['аламын']],
    ['өтінішті қалай беремін', ['өтінішті', 'беремін']],
    // Whoever comes to the resident.
    ['а когда приедут?', ['приедут']],
    ['қашан келеді', ['келеді']],
    ['when will they come', ['come']],
    // What to bring along, what if they refuse ("бас" alone is a head).
    ['что взять с собой?', ['взять']],
    ['не алып бару керек', ['алып', 'бару']],
    ['what should I bring', ['bring']],
    ['а если откажут?', ['откажут']],
    ['бас тартса ше', ['бас', 'тартса']],
    ['what if they refuse', ['refuse']],
    ['басым ауырады', []],
    // Finding out, checking, whom to ask, in person, how long valid, the form, the website, how
    // often, until when, disagreeing, being late.
    ['как узнать?', ['узнать']],
    ['қалай білуге болады', ['білуге']],
    ['how do I find out', ['find', 'out']],
    ['қайдан тексеруге болады', ['тексеруге']],
    ['кімнен сұрауға болады', ['сұрауға']],
    ['do I have to come in person', ['come', 'in', 'person']],
    ['жеке өзім бару керек пе', ['жеке', 'өзім', 'бару']],
    ['how long is it valid', ['long', 'valid']],
    ['а где взять бланк?', ['взять', 'бланк']],
    ["what's the website", ['website']],
    ['қаншалықты жиі', ['қаншалықты', 'жиі']],
    ['until when', ['until']],
    ['up to what age', ['up', 'to', 'age']],
    ['келіспесем ше', ['келіспесем']],
    ['а если не успею?', ['успею']],
    // Whether it takes long, can be had sooner, is one's due, how often a year.
    ['долго ли это?', ['долго']],
    ['тезірек бола ма', ['тезірек']],
    ['can it be done faster', ['done', 'faster']],
    ['менің құқығым бар ма', ['құқығым']],
    ['am I eligible', ['eligible']],
    ['сколько раз в год можно?', ['раз', 'год']],
    ['how many times a year', ['many', 'times', 'year']],
    // For how long, doing it oneself, who pays, if it does not work out.
    ['это надолго?', ['надолго']],
    ['а можно самому?', ['самому']],
    ['can I do it myself', ['myself']],
    ['кім төлейді', ['төлейді']],
    ['а если не получится?', ['получится']],
    // The rules, cancelling or changing it, how much time.
    ['какие правила?', ['правила']],
    ['қалай өзгертуге болады', ['өзгертуге']],
    ['how do I cancel it', ['cancel']],
    ['сколько это занимает по времени', ['занимает', 'времени']],
    // Whether it is so, where it is written.
    ['это точно?', ['точно']],
    ['рас па', ['рас']],
    ['are you sure', ['sure']],
    ['бұл қайда жазылған', ['жазылған']],
    ['where is that written', ['written']],
    // Where the information comes from, whether it holds everywhere.
    ['откуда информация?', ['информация']],
    ['ақпарат қайдан', ['ақпарат']],
    ['is it everywhere', ['everywhere']],
    // "білім" is education, a subject; "up" without "to" a word of its own.
    ['білім беру', ['беру']],
    ['lift is stuck up', []],
    // Work alone is also a job.
    ['нет работы', []],
    ['жұмыс іздеймін', []],
    ['через сколько придёт ответ', ['через', 'придет']],
    // A verb of cost with no question of amount, or out of its reach, makes no kind (a fee is asked of an answer anyway).
    ['лифт стоит третий день', []],
    ['how much is the fee if the work costs extra', ['much', 'fee']],
  ])('the words that only make up the kind of "%s": %j', (text, expected) => {
    const words = tokenize(text);
    const { frameWords, phraseWords } = readQuestionKinds(words);
    expect(frameWords.map((at) => words[at])).toEqual(expected);
    // They stay words of the question for ranking ("сколько стоит поверка"); only "қай жерде" is taken out.
    expect(phraseWords).toEqual([]);
  });

  it('does not read "қай жерде?" as a question about land', () => {
    const matcher = new LexicalMatcher();
    matcher.load([
      {
        id: 'land-plot',
        topic: 'land',
        questions: { kk: ['Жер учаскесін қалай алуға болады?'], ru: ['Как получить земельный участок?'] },
        answer: { kk: 'Жер учаскесіне өтінішті әкімдікке беріңіз.', ru: 'Заявление на участок подают в акимат.' },
      },
      {
        id: 'library-hours',
        topic: 'library',
        questions: { kk: ['Кітапхана қашан ашық?'], ru: ['Когда работает библиотека?'] },
        answer: { kk: 'Кітапхана 9:00-ден 19:00-ге дейін ашық.', ru: 'Библиотека работает с 9:00 до 19:00.' },
      },
    ]);
    expect(matcher.match('қай жерде?', 'kk')).toEqual({ candidates: [], doubt: 'no-subject' });
    expect(matcher.match('жер алу', 'kk').candidates[0]?.id).toBe('land-plot');
  });
});

describe('kindQuestionWord', () => {
  it('is a question word each language reads back as that kind alone', () => {
    const all: QuestionKind[] = ['time', 'amount', 'place', 'person', 'reason', 'way'];
    for (const lang of LANGS) {
      for (const kind of all) expect(`${lang} ${kind}: ${kinds(kindQuestionWord(kind, lang)).join()}`).toBe(`${lang} ${kind}: ${kind}`);
    }
  });
});

describe('matching by the kind of answer asked', () => {
  // Two entries about the same thing: only what they answer differs (a time, an amount).
  const faq: FaqEntryInput[] = [
    {
      id: 'pool-hours',
      topic: 'pool',
      questions: {
        ru: ['Во сколько открывается бассейн?', 'До какого времени работает бассейн?'],
        en: ['What time does the pool open?', 'When does the swimming pool close?'],
      },
      answer: { ru: 'Бассейн работает с 7:00 до 22:00.', en: 'The pool is open from 7:00 to 22:00.' },
    },
    {
      id: 'pool-price',
      topic: 'pool',
      questions: {
        ru: ['Сколько стоит посещение бассейна?', 'Какая цена абонемента в бассейн?'],
        en: ['How much is a pool ticket?', 'What does a swimming pool pass cost?'],
      },
      answer: { ru: 'Разовое посещение стоит 1500 тенге.', en: 'A single visit costs 1,500 tenge.' },
    },
    {
      id: 'library-hours',
      topic: 'library',
      questions: { ru: ['Когда работает библиотека?'], en: ['When is the library open?'] },
      answer: { ru: 'Библиотека работает с 9:00 до 19:00.', en: 'The library is open 9:00 to 19:00.' },
    },
  ];
  const matcher = new LexicalMatcher();
  matcher.load(faq);

  it.each([
    ['бассейн со скольки', 'ru', 'pool-hours'],
    ['бассейн сколько', 'ru', 'pool-price'],
    ['pool how many', 'en', 'pool-price'],
    ['pool when', 'en', 'pool-hours'],
  ] as const)('ranks "%s" (%s) to %s first', (text, lang, id) => {
    const [first, second] = matcher.match(text, lang).candidates;
    expect(first?.id).toBe(id);
    // Not a tie broken by chance: the kind of answer asked sets the two apart.
    expect(second?.score ?? 0).toBeLessThan(0.8 * (first?.score ?? 0));
  });

  it('ignores a kind no question of the FAQ asks instead of counting it unknown', () => {
    const withWhy = matcher.match('why pool ticket', 'en');
    const without = matcher.match('pool ticket', 'en');
    expect(withWhy.candidates[0]?.id).toBe('pool-price');
    expect(withWhy.candidates[0]?.score).toBeCloseTo(without.candidates[0]?.score ?? 0, 9);
  });
});
