import { detectLanguage } from '../../src/language/detect';
import { isCommonEnglishWord } from '../../src/language/english-words';
import { createMatcher } from '../../src/matcher';
import { FIXTURE_FAQ } from '../matcher/fixtures';

describe('detectLanguage', () => {
  it.each([
    ['Сәлеметсіз бе, дүкен ертең ашық па?', 'kk'],
    ['жумыс уакыты кашан, ертен ашык па', 'kk'],
    ['Добрый вечер, до скольки работает вокзал?', 'ru'],
    ['Where is the nearest hospital?', 'en'],
    ['gde mozhno kupit bilet na poezd', 'ru'],
    ['skolko stoit proezd v avtobuse', 'ru'],
    ['what time does the museum close', 'en'],
  ])('%s → %s, confidently', (text, lang) => {
    expect(detectLanguage(text)).toEqual({ lang, confident: true });
  });

  it('reads the Kazakh "get" (алу) as Kazakh: "паспорт алу" is how a request is put', () => {
    expect(detectLanguage('паспорт алу')).toEqual({ lang: 'kk', confident: true });
    expect(detectLanguage('талон алу', 'ru')).toEqual({ lang: 'kk', confident: true });
  });

  it('a single Kazakh letter in an otherwise neutral word is enough', () => {
    expect(detectLanguage('Қазпошта').lang).toBe('kk');
  });

  it('reads letter pairs Russian spelling does not allow as Kazakh typed without its letters', () => {
    // "жибершы" (send it, please): no Kazakh letter, no Kazakh word, only the "шы" Russian writes as "ши".
    expect(detectLanguage('сурет жиберши').lang).toBe('ru');
    // Only weak evidence: a Kazakh place name in a Russian sentence leaves it Russian.
    expect(detectLanguage('в Шымкенте не работает светофор').lang).toBe('ru');
    // Alone, an ending or a letter pair decides, and says it was weak (a conversation keeps its language).
    expect(detectLanguage('кызыл автобус')).toEqual({ lang: 'kk', confident: true, weak: true });
    // An ending no Russian word has is no weak cue ("-шы": Russian spells no "шы").
    expect(detectLanguage('сурет жибершы')).toEqual({ lang: 'kk', confident: true });
    expect(detectLanguage('Павлодар, ул. Ленина 10')).toEqual({ lang: 'kk', confident: true, weak: true });
    expect(detectLanguage('паспорт алу').weak).toBeUndefined();
  });

  it.each([
    // к typed as k or q, ж as j or zh, ш as sh or w: the common Kazakh words in each spelling.
    'kitaphana erten kashan ashylady',
    'qalai tirkeluge bolady',
    'duken jabyk pa, kaidan alamyn',
    'zhane bugin isteidi me',
    'ushin kerek pe',
    // The question particle "бе" is also English "be": it counts for both, the greeting decides.
    'salemetsiz be',
    // Kazakh's Latin alphabets mark letters; residents type them with and without.
    'Sálemetsiz be, dárihana túnde ashyq pa',
    // The marked letters alone tell it, even beside a Russian loanword ("musor", "kvitantsiia", "egov").
    'musor äketpei jatyr',
    'kvitantsiia tüsınıksız',
    'egov aşylmaidy',
    // A particle no English word spells ("pa"), and a verb's ending for "I" ("jazamyn"), outweigh
    // "kh" and "ch", which Russian in Latin letters also writes.
    'men kazakhsha jazamyn, pochta ashyk pa',
    // "Does not": the form of a complaint that something does not come or work.
    'su kelmeidi',
    'avtobus bolmaidy',
  ])('Kazakh typed in Latin letters stays Kazakh: %s', (text) => {
    expect(detectLanguage(text)).toEqual({ lang: 'kk', confident: true });
  });

  it.each([
    ['quick question about the library', 'en'],
    ['the men at the bar were loud', 'en'],
    ['kogda otkroyut biblioteku', 'ru'],
    ['gde zhe kupit bilet', 'ru'],
    ['can you help me', 'en'],
    ['tell me when the bank opens', 'en'],
    ['pochta rabotaet, ya zhdu uzhe dva dnya', 'ru'],
    // A borrowed word's mark is no Kazakh one.
    ['is the café near the akimat open', 'en'],
  ])('English and Russian in Latin letters are not taken for Kazakh: %s → %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('an English-only spelling outweighs a letter pair English shares with Russian in Latin letters', () => {
    // "check", "watch": "ch" is also Russian "ч" typed in Latin letters, "ck" and "w" never are.
    expect(detectLanguage('parcel check').lang).toBe('en');
    expect(detectLanguage('meter watch').lang).toBe('en');
    // Without such a spelling "ch" still reads as Russian.
    expect(detectLanguage('schetchik').lang).toBe('ru');
  });

  it('reads English negations typed without their apostrophe and frequent verbs as English', () => {
    // "I don't understand" had only its "i", which Russian in Latin letters has too: a Russian reply.
    expect(detectLanguage("I don't understand", 'ru')).toEqual({ lang: 'en', confident: true });
    expect(detectLanguage('i cant find it', 'ru')).toEqual({ lang: 'en', confident: true });
    // A doubled last consonant is English spelling; words of asking for a person are English words.
    for (const typed of ['gas smell', 'useless bot', 'water bill', 'live chat', 'real person', 'never mind', 'sorry, wrong chat', 'ok bye', 'operator pls', 'hey', 'hii']) {
      expect([typed, detectLanguage(typed, 'ru')]).toEqual([typed, { lang: 'en', confident: true }]);
    }
    expect(detectLanguage('kakoy klass', 'en').lang).toBe('ru');
    // A colloquial Russian greeting is Russian, not a Kazakh ending ("-ти") on an unknown word.
    expect(detectLanguage('здрасти', 'kk')).toEqual({ lang: 'ru', confident: true });
    // Russian in Latin letters stays Russian.
    expect(detectLanguage('ya ne ponyal', 'en').lang).toBe('ru');
    expect(detectLanguage('tak i ne dali', 'en').lang).toBe('ru');
  });

  it('reads two English content words as English without the FAQ: a common English word is a cue', () => {
    // Answered in Russian in a fresh conversation: neither word is in the detector's own lists.
    for (const typed of ['bank robbery', 'electricity cheaper', 'pension investment', 'sports classes', 'disability pension']) {
      expect([typed, detectLanguage(typed, 'ru')]).toEqual([typed, { lang: 'en', confident: true }]);
    }
    // "cheaper" has the "ch" of Russian in Latin letters; as an English word it is English.
    expect(detectLanguage('cheaper').lang).toBe('en');
    expect(isCommonEnglishWord('robbery')).toBe(true);
    // A short word is a cue unless a Russian word form spells it ("dome": доме, "tot", "den": день).
    for (const typed of ['ask bank', 'name bot', 'mum hip', 'lost card']) expect([typed, detectLanguage(typed, 'ru').lang]).toEqual([typed, 'en']);
    for (const short of ['dome', 'tot', 'den', 'let', 'net']) expect([short, isCommonEnglishWord(short)]).toEqual([short, false]);
    for (const short of ['ask', 'name', 'card', 'help']) expect([short, isCommonEnglishWord(short)]).toEqual([short, true]);
  });

  it('takes no English cue from a frequent Kazakh word in Latin letters that English has too ("men": мен)', () => {
    expect(isCommonEnglishWord('men')).toBe(true);
    expect(detectLanguage('men', 'kk').lang).toBe('kk');
    expect(detectLanguage('men qalai alamyn', 'ru').lang).toBe('kk');
  });

  it('takes no English cue from a word Russian spells alike, so Russian in Latin letters stays Russian', () => {
    for (const loanword of ['operator', 'signal', 'video', 'internet', 'veteran']) expect([loanword, isCommonEnglishWord(loanword)]).toEqual([loanword, false]);
    // No cue either way: the conversation's language (here Russian) stays.
    for (const typed of ['operator pozovite', 'signal propal', 'video nabludenie', 'kiosk zakryli', 'pensioner lgoty', 'den rozhdeniya', 'tot dom', 'pod mostom']) {
      expect([typed, detectLanguage(typed, 'ru').lang]).toEqual([typed, 'ru']);
    }
  });

  it('reads "-ти" or "-ка" after a vowel or a voiced letter as no Kazakh ending: Russian infinitives and nouns stay Russian', () => {
    for (const typed of ['велосипед провезти', 'мусор вывезти', 'собака укусила', 'ребенку прививка']) {
      expect([typed, detectLanguage(typed).lang]).toEqual([typed, 'ru']);
    }
    // After a voiceless consonant they are the Kazakh past tense and dative, typed without Kazakh
    // letters ("түсті", "жұмысқа").
    for (const typed of ['акша тусти', 'жумыска']) expect([typed, detectLanguage(typed)]).toEqual([typed, { lang: 'kk', confident: true, weak: true }]);
  });

  it('reads Russian inflections Kazakh has not ("-ую", "-ят", "-ют", "-ах") as Russian beside a Kazakh-looking ending', () => {
    // "-ды"/"-ны"/"-ди" end Kazakh past tenses and cases typed without Kazakh letters, and Russian plurals.
    for (const typed of ['машины стоят', 'соседи шумят', 'соседи каждую', 'машины болеют', 'налоги в банках']) {
      expect([typed, detectLanguage(typed).lang]).toEqual([typed, 'ru']);
    }
    // The Kazakh stays Kazakh: a Russian adjective kept as a Kazakh noun ("проездной") is no Russian cue beside it.
    for (const typed of ['проездной толтыру', 'машины келди']) expect([typed, detectLanguage(typed).lang]).toEqual([typed, 'kk']);
  });

  it('reads the Kazakh persons, genitive, wish and "-шы", which no Russian word form ends with, as Kazakh beside a Russian term of the FAQ', () => {
    const russianTerms = { languagesOf: (word: string) => (['квитанция', 'карта', 'директор'].includes(word) ? (['ru'] as const) : []) };
    for (const typed of ['квитанция тусиниксиз', 'карта толтырамыз', 'карта алгым', 'квитанция жибершы', 'карта кодыныз', 'директор кабинетинын']) {
      expect([typed, detectLanguage(typed, undefined, russianTerms).lang]).toEqual([typed, 'kk']);
    }
  });

  it('reads Kazakh typed in Latin letters with a Russian term of the FAQ as Kazakh once a word is Kazakh for sure, as Kazakh letters do in Cyrillic', () => {
    const russianTerms = { languagesOf: (word: string) => (['kvitantsiya', 'spravka', 'musor', 'kod'].includes(word) ? (['ru'] as const) : []) };
    // A Kazakh-only ending, a Kazakh verb ending, the frequent "жатыр": the Russian term beside it is a loanword.
    for (const typed of ['kvitantsiya tusiniksiz', 'kvitantsiya jok', 'musor aketpei jatyr', 'spravka musor jatyr']) {
      expect([typed, detectLanguage(typed, undefined, russianTerms).lang]).toEqual([typed, 'kk']);
    }
    // Without such a word the term is evidence of Russian as before; a q alone is not that sure (an abbreviation has it).
    for (const typed of ['kvitantsiya neponyatnaya', 'spravka nuzhna', 'qr kod']) expect([typed, detectLanguage(typed, undefined, russianTerms).lang]).toEqual([typed, 'ru']);
  });

  it('weighs a Kazakh verb ending typed in Latin letters as a frequent Kazakh word: it outweighs a name the FAQ\'s English texts use', () => {
    const englishName = { languagesOf: (word: string) => (word === 'egov' ? (['en'] as const) : []) };
    expect(detectLanguage('egov ashylmaidy', undefined, englishName).lang).toBe('kk');
    expect(detectLanguage('egov not opening', undefined, englishName).lang).toBe('en');
  });

  it('reads "жатыр", the auxiliary of what is going on now, as Kazakh', () => {
    expect(detectLanguage('свет жанбай жатыр').lang).toBe('kk');
    expect(detectLanguage('su kelmei jatyr').lang).toBe('kk');
  });

  it('reads every form of "этот" as a frequent Russian word, not "это" and "этот" alone', () => {
    // "-ка" after т could be a Kazakh dative ("дочка" alone leans Kazakh); "этом" decides.
    for (const typed of ['дочка этом', 'справка эта', 'путевка этим']) expect([typed, detectLanguage(typed).lang]).toEqual([typed, 'ru']);
  });

  it('reads the frequent Russian words as typed in Latin letters as Russian, as it does in Cyrillic ("do skolki", "ona", "poka")', () => {
    for (const typed of ['magnum do skolki', 'ona zvonila', 'poka neizvestno']) expect([typed, detectLanguage(typed).lang]).toEqual([typed, 'ru']);
  });

  it('reads a Latin word no list places by the endings of its Cyrillic readings: Kazakh cases of its Kazakh reading, Russian inflections of its Russian one', () => {
    // Answered in English in a fresh conversation before: neither word is a frequent word of either language.
    for (const typed of ['balalarga kitap', 'mektepterde karantin', 'tolemdi toltyru', 'otinishti beru']) {
      expect([typed, detectLanguage(typed).lang]).toEqual([typed, 'kk']);
    }
    // "-ye" read as -ые (russianReadings): "platnye" is "платные".
    for (const typed of ['platnye uslugi', 'raznye tarify']) expect([typed, detectLanguage(typed).lang]).toEqual([typed, 'ru']);
    // English stays English: its words are in the lists before any ending is read.
    for (const typed of ['apartment building', 'broken streetlight']) expect([typed, detectLanguage(typed).lang]).toEqual([typed, 'en']);
  });

  it('reads the Russian adjective endings as typed in Latin letters as Russian, beside a loanword', () => {
    // "radiator" and "lift" are English and Russian alike; "-yi", "-ii", "-oj" only Russian.
    for (const typed of ['radiator holodnyi', 'besplatnyi lift', 'detskii sad', 'kakoi grafik', 'drugoj vopros']) {
      expect([typed, detectLanguage(typed, 'en').lang]).toEqual([typed, 'ru']);
    }
  });

  it('reads a word with the soft sign as Russian: Kazakh words have none', () => {
    for (const typed of ['вызвать', 'очередь', 'оплатить']) expect([typed, detectLanguage(typed, 'kk')]).toEqual([typed, { lang: 'ru', confident: true }]);
    // Beside a word only the FAQ's Kazakh texts use, a tie: Cyrillic is Russian then.
    const kazakhTaxi = { languagesOf: (word: string) => (word === 'такси' ? (['kk'] as const) : []) };
    expect(detectLanguage('такси вызвать', undefined, kazakhTaxi).lang).toBe('ru');
  });

  it('counts a Russian term with the soft sign once, not again as a word of the FAQ\'s Russian texts: "инвалидность алу" is Kazakh', () => {
    const russianTerm = { languagesOf: (word: string) => (word === 'инвалидность' ? (['ru'] as const) : []) };
    expect(detectLanguage('инвалидность алу', undefined, russianTerm).lang).toBe('kk');
  });

  it('reads a letter held down for emphasis once ("spasibooo" is Russian, "rahmeeet" Kazakh)', () => {
    expect(detectLanguage('spasibooo').lang).toBe('ru');
    expect(detectLanguage('rahmeeet').lang).toBe('kk');
    expect(detectLanguage('thank youuu').lang).toBe('en');
  });

  it('takes no cue from a finger run along a keyboard row ("qwerty" is not Kazakh for its q)', () => {
    expect(detectLanguage('qwerty')).toEqual({ lang: 'ru', confident: false });
    expect(detectLanguage('qwerty', 'en')).toEqual({ lang: 'en', confident: false });
    expect(detectLanguage('фывапролдж', 'kk')).toEqual({ lang: 'kk', confident: false });
    // A real word beside it still speaks.
    expect(detectLanguage('qwerty qalay')).toMatchObject({ lang: 'kk', confident: true });
  });

  it('lets the text win over the hint', () => {
    expect(detectLanguage('Когда откроется библиотека?', 'en').lang).toBe('ru');
    expect(detectLanguage('When does the library open?', 'ru-RU').lang).toBe('en');
    expect(detectLanguage('Кітапхана қашан ашылады?', 'ru').lang).toBe('kk');
  });

  it.each([
    ['?', 'kk', 'kk'],
    ['123', 'en', 'en'],
    ['ok', 'ru-RU', 'ru'],
    ['👍', undefined, 'ru'],
    ['', 'xx', 'ru'],
    ['интернет', 'kk', 'kk'],
  ])('uses the hint only when the text is not decisive: %s (hint %s)', (text, hint, lang) => {
    expect(detectLanguage(text, hint)).toEqual({ lang, confident: false });
  });

  it('accepts Telegram-style codes and the kz alias', () => {
    expect(detectLanguage('...', 'kz').lang).toBe('kk');
    expect(detectLanguage('...', 'en-GB').lang).toBe('en');
  });

  it('copes with very long and odd input', () => {
    expect(detectLanguage('а'.repeat(10_000) + ' қ').lang).toBe('ru');
    expect(() => detectLanguage('\u0000\u0007\u202e')).not.toThrow();
  });
});

describe('detectLanguage with the FAQ vocabulary', () => {
  const matcher = createMatcher();
  matcher.load(FIXTURE_FAQ);

  it.each([
    // Short English with no English function word: the FAQ's English questions use these words.
    ['library sunday', 'en'],
    // Kazakh typed without its letters, and no Kazakh function word.
    ['китапхана жексенби', 'kk'],
    // Russian typed in Latin letters, no transliteration pattern.
    ['biblioteka voskresenye', 'ru'],
    // Kazakh typed in Latin letters (ж as j), no word of the detector's own lists.
    ['kitaphana jeksenbide', 'kk'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text, undefined, matcher.vocabulary)).toEqual({ lang, confident: true });
  });

  it('without the vocabulary the same words are not decisive', () => {
    expect(detectLanguage('kitaphana jeksenbide').lang).not.toBe('kk');
    expect(detectLanguage('китапхана жексенби').confident).toBe(false);
  });

  it('reads a Latin-typed word the Kazakh way (j, w, q) only for the Kazakh texts', () => {
    expect(matcher.vocabulary.languagesOf('jeksenbide')).toEqual(['kk']);
    expect(matcher.vocabulary.languagesOf('library')).toEqual(['en']);
  });

  it('reads Kazakh with Russian terms in it as Kazakh: once a word has Kazakh letters, words only the Russian texts use say little', () => {
    expect(detectLanguage('штраф за парковку в воскресенье кімге төлейді', undefined, matcher.vocabulary).lang).toBe('kk');
    expect(detectLanguage('штраф за парковку в воскресенье', undefined, matcher.vocabulary).lang).toBe('ru');
  });

  it('reads the chat spellings of Russian question words ("скока", "када") as Russian', () => {
    expect(detectLanguage('китапхана скока стоит', undefined, matcher.vocabulary).lang).toBe('ru');
    expect(detectLanguage('жексенби скока', undefined, matcher.vocabulary).lang).toBe('ru');
  });

  it('counts a misspelt word as the FAQ question word it is a slip of ("librray" is English)', () => {
    expect(matcher.vocabulary.languagesOf('librray')).toEqual(['en']);
    expect(detectLanguage('librray snuday', 'ru', matcher.vocabulary)).toEqual({ lang: 'en', confident: true });
    // A word of four letters is no slip of another: too many short words are.
    expect(matcher.vocabulary.languagesOf('snow')).toEqual(['en']);
    expect(matcher.vocabulary.languagesOf('sonw')).toEqual([]);
  });

  it('an English word of the general lexicon the FAQ does not have is English; one Russian in Latin letters spells the same is not', () => {
    // Answered in Russian in a fresh conversation: the FAQ's English texts have none of their words.
    for (const typed of ['covid test', 'vet clinic', 'flooded basement']) {
      expect([typed, detectLanguage(typed, 'ru', matcher.vocabulary)]).toEqual([typed, { lang: 'en', confident: true }]);
    }
    for (const loanword of ['internet', 'lift', 'transport', 'akimat']) expect([loanword, matcher.vocabulary.languagesOf(loanword)]).toEqual([loanword, []]);
    expect(detectLanguage('lift ne rabotaet', 'en', matcher.vocabulary).lang).toBe('ru');
  });

  it('a two-letter stem is no evidence ("его" and a brand "егов" share it)', () => {
    expect(matcher.vocabulary.languagesOf('ег')).toEqual([]);
  });
});
