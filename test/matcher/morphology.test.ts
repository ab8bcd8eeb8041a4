import type { FaqEntryInput } from '../../src/faq/types';
import { readLocale } from '../../src/i18n';
import { analyzeIndexWords, analyzeMessage } from '../../src/matcher/analyze';
import { stemKazakh } from '../../src/matcher/kazakh';
import { foldKazakh, heldLettersOnce, letterRuns, MAX_TEXT_CHARS, nonLetterRuns, tokenize, tokenizeWhole } from '../../src/matcher/normalize';
import { isQuestionKindKey } from '../../src/matcher/question-kinds';
import { LexicalMatcher } from '../../src/matcher/matcher';
import { perfectiveStems, stemRussian, stemEnglish, verbStems } from '../../src/matcher/stemmers';
import { isStopword } from '../../src/matcher/stopwords';
import { cyrillicToLatin, kazakhLatinReading, latinToCyrillic, russianReadings } from '../../src/matcher/translit';
import { LATIN_SCHEMES, typedIn, type LatinScheme } from '../../src/quality/latin';
import { TrigramIndex, typingSlip } from '../../src/matcher/trigrams';

describe('letterRuns and nonLetterRuns', () => {
  it('take every character [\\p{L}\\p{N}] takes, and only those, for each character of the Basic Multilingual Plane and some beyond', () => {
    const letter = /^[\p{L}\p{N}]$/u;
    const apart: string[] = [];
    for (let code = 0; code <= 0x1ffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCodePoint(code);
      const run = letterRuns().exec(ch)?.[0] === ch;
      const gap = nonLetterRuns().exec(ch)?.[0] === ch;
      if (run !== letter.test(ch) || gap === run) apart.push(code.toString(16));
    }
    expect(apart).toEqual([]);
  });

  it('cut texts of any script at the same places as the Unicode classes', () => {
    const texts = ['Когда начнётся комендантский час?', 'Сәлеметсіз бе, банктер қашан ашылады?!', 'hello — when will the internet be back…', 'ελληνικά και 日本語, ok', 'emoji 👍🏽 and 𝐚𝐚𝐚b', 'café № 5: 24/7', ''];
    for (const text of texts) {
      expect(text.match(letterRuns())).toEqual(text.match(/[\p{L}\p{N}]+/gu));
      expect(text.replace(nonLetterRuns(), ' ')).toBe(text.replace(/[^\p{L}\p{N}]+/gu, ' '));
    }
  });
});

describe('tokenize', () => {
  it('lowercases, maps ё to е, splits on punctuation and keeps numbers', () => {
    expect(tokenize('Ещё РАЗ: приём с 9:00, тел. 109!')).toEqual(['еще', 'раз', 'прием', 'с', '9', '00', 'тел', '109']);
  });

  it('keeps Kazakh letters inside words', () => {
    expect(tokenize('Қазпоштаның бөлімшесі')).toEqual(['қазпоштаның', 'бөлімшесі']);
  });

  it('reads Latin look-alikes inside a Cyrillic word as the Cyrillic letters: the Kazakh і typed as i, a letter of the other layout', () => {
    expect(tokenize('бiлiм кешегi')).toEqual(['білім', 'кешегі']);
    expect(tokenize('Пoчта рабoтает?')).toEqual(['почта', 'работает']);
    // A capital H is the Russian Н, a small h the Kazakh һ.
    expect(tokenize('KOMEHДAHTCKИЙ шаһар')).toEqual(['комендантский', 'шаһар']);
    // Latin words, and words with a Latin letter that has no Cyrillic twin, stay as they are.
    expect(tokenize('Kaspi WhatsApp eOtinish egovке')).toEqual(['kaspi', 'whatsapp', 'eotinish', 'egovке']);
    expect(analyzeMessage('Пoчта', 'ru').map((t) => t.token.candidates[0])).toEqual(analyzeMessage('Почта', 'ru').map((t) => t.token.candidates[0]));
  });

  it('drops apostrophes so transliterated soft signs stay inside the word', () => {
    expect(tokenize("skol'ko won't")).toEqual(['skolko', 'wont']);
  });

  it('spells a letter held down for emphasis once in a Cyrillic word, once or twice in a Latin one, and keeps a word of one letter', () => {
    expect(tokenize('скооолько чаааас? когдааа')).toEqual(['сколько', 'час', 'когда']);
    expect(tokenize('қашаааан ашылады')).toEqual(['қашан', 'ашылады']);
    // English doubles letters ("call", "free"): one stays where that leaves four letters or more;
    // in a shorter word two of an "e" or an "l", which short words double, one of any other.
    expect(tokenize('pleeease lifttt callll freeee')).toEqual(['please', 'lift', 'call', 'free']);
    expect(tokenize('house taxxxx myyyy fluuu shot busss ktooo')).toEqual(['house', 'tax', 'my', 'flu', 'shot', 'bus', 'kto']);
    expect(tokenize('seeee billll alll')).toEqual(['see', 'bill', 'all']);
    // Abbreviations ("ООО", a limited company) and addresses are not emphasis.
    expect(tokenize('ООО www касса')).toEqual(['ооо', 'www', 'касса']);
  });

  it('keeps a held-down letter once however it is written: three equal digits or marks are no letter, a letter outside the Basic Multilingual Plane is one', () => {
    expect(heldLettersOnce('спасибооо!!! 111 ...')).toBe('спасибо!!! 111 ...');
    expect(heldLettersOnce('ok 👍👍👍')).toBe('ok 👍👍👍');
    // Mathematical bold letters: each is two UTF-16 units, and three in a row are a held letter too.
    expect(heldLettersOnce('\u{1D41A}\u{1D41A}\u{1D41A}b')).toBe('\u{1D41A}b');
    expect(heldLettersOnce('обычный текст')).toBe('обычный текст');
  });

  it('reads Latin letters with marks as the plain letters: the Kazakh Latin alphabets, borrowed words', () => {
    expect(tokenize('Dárihana túnde, saǵat ñ Şaǵym qaıda? Café')).toEqual(['darihana', 'tunde', 'sagat', 'n', 'shagym', 'qaida', 'cafe']);
    // The dotless "ı" is і in the 2021 alphabet ("bır kısı", "berıptı") and и, й in the 2018 one
    // ("qaıda"): both "и" in Kazakh typed without its letters, never ы.
    expect(tokenize('Bır kısı üiıne berıptı')).toEqual(['bir', 'kisi', 'uiine', 'beripti']);
    // Cyrillic letters keep their marks: "й" is not "и".
    expect(tokenize('йод ёлка')).toEqual(['йод', 'елка']);
  });

  it('drops a Kazakh ending written after a hyphen, and a number\'s ending, but keeps words joined by one', () => {
    expect(tokenize('ХҚКО-ға, egov.kz-тен, SMS-тегі, ЖСН-і, 00-00-05-ке, ПИБ-ларда, ХККО-га')).toEqual(['хқко', 'egov', 'kz', 'sms', 'жсн', '00', '00', '05', 'пиб', 'хкко']);
    expect(tokenize('с 23-х до 6-ти, 3-ші қабат, 25-іне дейін')).toEqual(['с', '23', 'до', '6', '3', 'қабат', '25', 'дейін']);
    // A word after a number is a word: group 3, the year 2022, the first grade.
    expect(tokenize('3-топ 2022-жыл 1-сынып')).toEqual(['3', 'топ', '2022', 'жыл', '1', 'сынып']);
    // Pairs and compounds keep both halves.
    expect(tokenize('қолма-қол ата-ананың из-за что-то Алма-Ата x-ray')).toEqual(['қолма', 'қол', 'ата', 'ананың', 'из', 'за', 'что', 'то', 'алма', 'ата', 'x', 'ray']);
  });

  it('caps the work on huge input: a message is read to MAX_TEXT_CHARS, a FAQ text whole', () => {
    const huge = 'слово '.repeat(5000);
    expect(tokenize(huge)).toHaveLength(Math.ceil(MAX_TEXT_CHARS / 'слово '.length));
    expect(tokenizeWhole(huge)).toHaveLength(5000);
  });
});

describe('stop words', () => {
  it('drop a pronoun or question word in every case form, as in its dictionary form', () => {
    const possessives = ['моём', 'моей', 'нашем', 'вашего', 'свою', 'своего', 'всех', 'всего', 'самом', 'тем', 'чьи', 'такой', 'такие'];
    for (const form of ['кто', 'кого', 'кому', 'кем', 'что', 'чего', 'чему', 'какой', 'какую', 'каком', 'который', 'которую', 'ему', 'себе', ...possessives]) {
      expect(`${form}: ${isStopword(form)}`).toBe(`${form}: true`);
    }
    for (const word of ['лифт', 'кредит', 'справка']) expect(isStopword(word)).toBe(false);
  });

  it('drop the adverbs a story is told with ("как теперь восстановить"), which say nothing of the topic', () => {
    for (const word of ['теперь', 'опять', 'потом', 'конечно', 'совсем', 'хоть', 'никогда', 'тағы', 'әлі', 'әрине', 'мүлдем', 'even', 'already', 'again', 'all']) {
      expect(`${word}: ${isStopword(word)}`).toBe(`${word}: true`);
    }
  });

  it('drop the Kazakh question words in their forms and typed without Kazakh letters', () => {
    const contentWords = (text: string) => analyzeMessage(text, 'kk').filter((t) => !isQuestionKindKey(t.token.surface));
    for (const word of ['нешінші', 'нешинши', 'нешіншіде', 'неліктен', 'неше', 'нешеге', 'қайсысы']) {
      expect(`${word}: ${contentWords(word).length}`).toBe(`${word}: 0`);
    }
    expect(contentWords('балабақша кезегінде нешінші')).toHaveLength(2);
  });

  it('drop Kazakh function words typed without Kazakh letters, as they are dropped with them', () => {
    const words = (text: string) => analyzeMessage(text, 'kk').filter((t) => !isQuestionKindKey(t.token.surface)).map((t) => t.token.surface);
    for (const [written, typed] of [['қазір', 'казир'], ['үшін', 'ушин'], ['қалай', 'калай'], ['мүлдем', 'мулдем'], ['жоқ', 'жок'], ['енді', 'енди']]) {
      expect(`${written}: ${words(written).length}`).toBe(`${written}: 0`);
      expect(`${typed}: ${words(typed).length}`).toBe(`${typed}: 0`);
    }
    expect(words('карта ушин казир калай толейм')).toEqual(['карта', 'толейм']);
    // A word written with Kazakh letters is taken as written: "бөлу" (to allocate) is not "болу" (to be).
    expect(words('орын бөлу')).toHaveLength(2);
  });

  it('drop greetings, thanks and "someone" in their everyday spellings, so a greeting is never the question', () => {
    for (const word of ['заранее', 'благодарю', 'салам', 'кто-то', 'саламатсыз', 'алдын', 'біреу', 'сияқты', 'regards', 'someone', 'nobody']) {
      expect(`${word}: ${isStopword(word)}`).toBe(`${word}: true`);
    }
    // and the chat's fillers: "извините за беспокойство, такая ситуация", "sorry, quick question"
    for (const word of ['извините', 'беспокойство', 'ситуация', 'кешіріңіз', 'сұрағым', 'мені', 'бірдеңе', 'sorry', 'question', 'stuff', 'wondering']) {
      expect(`${word}: ${isStopword(word)}`).toBe(`${word}: true`);
    }
    // "Саламатсыз ба." ends with a question particle: with a content word it read as the question,
    // and the story after it as context.
    const words = analyzeMessage('Саламатсыз ба. Қарыз үшін газды жауып тастаған еді. Газды қашан қосады?', 'kk');
    expect(words.map((t) => t.token.surface)).not.toContain('саламатсыз');
    expect(words.find((t) => t.token.surface === 'газды')?.weight).toBe(1);
  });

  it('drop the indefinite and negative pronouns and adverbs whole, as "someone" and "ешкім": "anywhere" is no topic', () => {
    for (const word of ['anywhere', 'somewhere', 'everywhere', 'nowhere', 'everything', 'nothing', 'anyway', 'everybody', 'нигде', 'никуда', 'никто', 'везде', 'всюду']) {
      expect(`${word}: ${isStopword(word)}`).toBe(`${word}: true`);
    }
    // A word no entry knows weighs as the rarest one: left in, "anywhere" outweighed both words the FAQ knows.
    const words = analyzeMessage('is there a free psychologist anywhere?', 'en').filter((t) => !isQuestionKindKey(t.token.surface));
    expect(words.map((t) => t.token.surface)).toEqual(['free', 'psychologist']);
  });

  it('drop the forms of the Kazakh "to be" and its "not" and "yes", as болады and жоқ', () => {
    for (const word of ['болса', 'болды', 'болған', 'болып', 'емес', 'иә']) expect(`${word}: ${isStopword(word)}`).toBe(`${word}: true`);
  });

  it('drop English contractions, typed with or without the apostrophe', () => {
    for (const typed of ["what's", "there's", "where's", 'dont', "he's", "haven't", 'wasnt', "you're", "we've"]) {
      expect(tokenize(typed).map((w) => `${w}: ${isStopword(w)}`)).toEqual([`${tokenize(typed)[0]}: true`]);
    }
  });

  it('read "I\'ll" and "I\'d" as "I", not as "ill" and "id" (an ID card), and a possessive as its noun', () => {
    expect(tokenize("I'll pay, I’d like a new ID, the city's lifts")).toEqual(['i', 'pay', 'i', 'like', 'a', 'new', 'id', 'the', 'city', 'lifts']);
    // Russian typed in Latin letters marks a soft sign with an apostrophe: that stays a letter's mark.
    expect(tokenize("skol'ko den'")).toEqual(['skolko', 'den']);
  });

  it('drop "much" and "many": "how much" is asked as an amount, not as a word', () => {
    expect(isStopword('much')).toBe(true);
    expect(isStopword('many')).toBe(true);
  });
});

describe('Russian aspect pairs', () => {
  it.each([
    ['оплачивать', 'оплатить'],
    ['выплачиваются', 'выплата'],
    ['закрывается', 'закрыть'],
    ['подписывать', 'подписать'],
  ])('the imperfective %s stands for the stem of %s too', (imperfective, perfective) => {
    expect(perfectiveStems(stemRussian(imperfective))).toContain(stemRussian(perfective));
  });

  it('leaves every other stem alone', () => {
    for (const word of ['работает', 'оплата', 'справка']) expect(perfectiveStems(stemRussian(word))).toEqual([]);
  });
});

describe('Russian "стоять" (to stand) and "стоить" (to cost)', () => {
  it('stems the forms of standing alike, apart from the price\'s: "стою на остановке" is not "сколько стоит"', () => {
    for (const standing of ['стою', 'стоим', 'стоишь', 'стоя']) expect([standing, stemRussian(standing)]).toEqual([standing, stemRussian('стоял')]);
    for (const cost of ['стоит', 'стоят', 'стоило']) expect(stemRussian(cost)).not.toBe(stemRussian('стою'));
  });
});

describe('Russian verbs in -ировать', () => {
  it.each([
    ['отремонтировать', 'отремонтируют'],
    ['ремонтировали', 'ремонтирует'],
    ['зарегистрировать', 'зарегистрируют'],
  ])('%s stands for the present stem of %s too', (infinitive, present) => {
    expect(verbStems(stemRussian(infinitive))).toContain(stemRussian(present));
  });

  it('not the other -овать verbs, whose present stem is often a noun ("голосовать": "голос", a voice)', () => {
    expect(verbStems(stemRussian('голосовать'))).toEqual([]);
    expect(verbStems(stemRussian('оплачивать'))).toEqual(perfectiveStems(stemRussian('оплачивать')));
  });
});

describe('Kazakh suffix stripper', () => {
  it.each([
    ['банктердің', 'банк'],
    ['сағатқа', 'сағат'],
    ['кітапханалар', 'кітапхана'],
    ['мектептерге', 'мектеп'],
    ['интернетты', 'интернетті'],
    ['қосылады', 'қосады'],
    // the past with the first person: "I paid", "I lost", "I called"
    ['төледім', 'төлеу'],
    ['жоғалттым', 'жоғалтқан'],
    ['шақырдым', 'шақыру'],
    // the converb after a vowel: "having stopped", "having paid", "having asked"
    ['тоқтап', 'тоқтады'],
    ['төлеп', 'төлеу'],
    ['сұрап', 'сұрау'],
    // -лық/-лік voiced before a vowel: "my ID card's", "in health", "the health of"
    ['куәлігімнің', 'куәлікті'],
    ['денсаулығы', 'денсаулық'],
    ['жауапкершілігі', 'жауапкершілік'],
    // the possessives after a vowel: "on my card", "your card" (polite), "my child"
    ['картамда', 'карта'],
    ['картаңызды', 'картасы'],
    ['баламды', 'бала'],
    // the verbs of two letters: "I bought", "if they take", "I will get", "flies", "doing"
    ['алдым', 'алуға'],
    ['алса', 'алады'],
    ['аламын', 'алу'],
    ['ұшады', 'ұшу'],
    ['ететін', 'етіп'],
    // the polite "you" of the present-future, of verbs of three letters: "will you switch on",
    // "when will you come", "will you give"
    ['қосасыздар', 'қосады'],
    ['келесіздер', 'келеді'],
    ['бересіз', 'береді'],
    // the first person of the present-future, its tense vowel with it: "I give", "I will know",
    // "I sign up", "I stand (in a queue)"
    ['беремін', 'береді'],
    ['білемін', 'білуге'],
    ['жазыламын', 'жазылуға'],
    ['тұрамын', 'тұруға'],
  ])('%s and %s share a stem', (inflected, base) => {
    expect(stemKazakh(inflected)).toBe(stemKazakh(base));
  });

  it('treats missing Kazakh letters as the same word', () => {
    expect(stemKazakh('қашан')).toBe(stemKazakh('кашан'));
    expect(foldKazakh('әңгіме')).toBe('ангиме');
  });

  it('keeps a minimal stem', () => {
    expect(stemKazakh('су').length).toBeGreaterThanOrEqual(2);
    expect(stemKazakh('ата').length).toBeGreaterThanOrEqual(3);
  });

  it('does not merge different words', () => {
    expect(stemKazakh('мектеп')).not.toBe(stemKazakh('мек'));
    expect(stemKazakh('банкомат')).not.toBe(stemKazakh('банк'));
    // -м is a possessive only after a vowel, and leaves at least four letters: "адам" is a person
    expect(stemKazakh('адам')).toBe('адам');
    // A verb of two letters loses only a verb's ending: "алма" is an apple, "алда" ahead.
    expect(stemKazakh('алма')).not.toBe(stemKazakh('алу'));
    expect(stemKazakh('алда')).not.toBe(stemKazakh('алу'));
    // "сынып" (a school class) ends as a converb does: its forms are one word, not "сын-" (to break).
    for (const form of ['сыныпқа', 'сыныптар', 'сыныбы', 'сыныпта']) expect(stemKazakh(form)).toBe(stemKazakh('сынып'));
    for (const broke of ['сынған', 'сынды', 'сына']) expect(stemKazakh(broke)).not.toBe(stemKazakh('сынып'));
    // "сауда" (trade) ends as the locative does: its forms are one word, not "сау" (healthy, goodbye).
    for (const form of ['саудасы', 'саудада', 'сауданы', 'саудаға']) expect(stemKazakh(form)).toBe(stemKazakh('сауда'));
    expect(stemKazakh('сау')).not.toBe(stemKazakh('сауда'));
    // "маман" (a specialist) ends as the accusative does: not "мама" (mother).
    for (const form of ['маманға', 'мамандар', 'маманы']) expect(stemKazakh(form)).toBe(stemKazakh('маман'));
    expect(stemKazakh('мама')).not.toBe(stemKazakh('маман'));
  });

  it('peels a suffix only where it agrees with the sound before it', () => {
    // -ты, -та, -қа follow a voiceless consonant: "Алматы" is not "алма" + "-ты", "карта" not "қар" + "-та".
    expect(stemKazakh('алматы')).not.toBe(stemKazakh('алмасам'));
    expect(stemKazakh('Алматыда')).toBe(stemKazakh('Алматы'));
    expect(stemKazakh('картаға')).not.toBe(stemKazakh('қар'));
    expect(stemKazakh('картаға')).toBe(stemKazakh('картасы'));
    // After a vowel the same suffixes come as -да, -ға.
    expect(stemKazakh('банкке')).toBe(stemKazakh('банк'));
    expect(stemKazakh('қалаға')).toBe(stemKazakh('қала'));
  });
});

describe('Snowball stemmers', () => {
  it('bring Russian and English word forms together', () => {
    expect(stemRussian('комендантского')).toBe(stemRussian('комендантский'));
    expect(stemEnglish('pharmacies')).toBe(stemEnglish('pharmacy'));
  });

  it('bring English irregular forms to their base form, but not a form that is another word', () => {
    for (const [form, base] of [['paid', 'pay'], ['bought', 'buy'], ['stolen', 'steal'], ['broken', 'break'], ['children', 'child'], ['people', 'person']]) {
      expect(stemEnglish(form)).toBe(stemEnglish(base));
    }
    // "left" is a direction as often as the past of "leave", "found" a verb of its own.
    expect(stemEnglish('left')).not.toBe(stemEnglish('leave'));
    expect(stemEnglish('found')).not.toBe(stemEnglish('find'));
    // One fired from a job is not on fire: the form keeps a stem of its own.
    expect(stemEnglish('fired')).not.toBe(stemEnglish('fire'));
    expect(stemEnglish('firing')).not.toBe(stemEnglish('fires'));
    expect(stemEnglish('fires')).toBe(stemEnglish('fire'));
    // One who passed away asks for no pass to be out in a curfew; passes are still passes.
    expect(stemEnglish('passed')).not.toBe(stemEnglish('pass'));
    expect(stemEnglish('passes')).toBe(stemEnglish('pass'));
  });

  it('keep whole the English words the lexicon keeps as written: "housing" is no "house", "parking" no "park"', () => {
    expect(stemEnglish('housing')).not.toBe(stemEnglish('house'));
    expect(stemEnglish('parking')).not.toBe(stemEnglish('park'));
    expect(stemEnglish('lighting')).not.toBe(stemEnglish('light'));
    // Words the lexicon does not so mark are stemmed as before.
    expect(stemEnglish('houses')).toBe(stemEnglish('house'));
    // The forms a resident writes of a word kept whole still meet, through the lexicon's concept.
    const conceptsOf = (word: string) => analyzeMessage(word, 'en')[0]?.token.concepts ?? [];
    for (const [one, other] of [['allowance', 'allowances'], ['reading', 'readings'], ['business', 'businesses'], ['lift', 'lifts']]) {
      expect(conceptsOf(one).filter((c) => conceptsOf(other).includes(c))).not.toEqual([]);
    }
  });
});

describe('matching with the lexicon\'s whole English words', () => {
  const entries: FaqEntryInput[] = [
    { id: 'social-housing', topic: 'housing', questions: { en: ['How do I join the queue for social housing?'] }, answer: { en: 'Apply at the housing department.' } },
    { id: 'illegal-building', topic: 'construction', questions: { en: ['Is the building next to my house allowed, does it have a permit?'] }, answer: { en: 'Ask the building control office.' } },
  ];

  it('no longer meets "housing" with a resident\'s "house"', () => {
    const matcher = new LexicalMatcher();
    matcher.load(entries);
    const ranked = matcher.match('who checks the building work behind my house', 'en', 3).candidates.map((c) => c.id);
    expect(ranked[0]).toBe('illegal-building');
    expect(ranked).not.toContain('social-housing');
  });
});

describe('latinToCyrillic', () => {
  it.each([
    ['kogda', 'когда'],
    ['zakroyutsya', 'закроются'],
    ['shtraf', 'штраф'],
    ['zhdat', 'ждат'],
    ['eshche', 'еще'],
    ['moy', 'мой'],
    ['vyhodnoy', 'выходной'],
    ['zhilyo', 'жиле'],
  ])('%s → %s', (latin, cyr) => {
    expect(latinToCyrillic(latin)).toBe(cyr);
  });
});

describe('Russian function words typed in Latin letters', () => {
  const surfaces = (text: string) => analyzeMessage(text).filter((t) => !isQuestionKindKey(t.token.surface)).map((t) => t.token.surface);

  it('are no content ("kogda", "pozhaluysta", "net"), but English words that read like one are ("hot" is not "хоть")', () => {
    expect(surfaces('kogda budet voda pozhaluysta')).toEqual(['voda']);
    expect(surfaces('net vody')).toEqual(['vody']);
    expect(surfaces('no hot water')).toEqual(['hot', 'water']);
    expect(surfaces('wash the car')).toEqual(['wash', 'car']);
  });
});

describe('Kazakh typed in Latin letters', () => {
  const kinds = (text: string) => analyzeMessage(text, 'kk').filter((t) => isQuestionKindKey(t.token.surface)).map((t) => t.token.surface);
  const content = (text: string) => analyzeMessage(text, 'kk').filter((t) => !isQuestionKindKey(t.token.surface)).map((t) => t.token.candidates[0]);

  it('asks with the same question words and particles as in Cyrillic ("qashan", "qansha", "pa")', () => {
    expect(kinds('kitaphana qashan ashylady')).toEqual(kinds('кітапхана қашан ашылады'));
    expect(kinds('aiyppul qansha')).toEqual(kinds('айыппұл қанша'));
    expect(kinds('aiyppul qansha').length).toBe(1);
    expect(content('dárihana ashyq pa')).toEqual(content('дәріхана ашық па'));
  });

  it('reads j as ж and i after a vowel as й, and only in a Kazakh message', () => {
    expect(content('jumys')).toEqual(content('жұмыс'));
    expect(content('aiyppul')).toEqual(content('айыппұл'));
    expect(content('ui')).toEqual(content('үй'));
    // "me" and "pa" are the Kazakh question particles only in Kazakh; in English "me" stays a stop word, "pa" a word.
    expect(analyzeMessage('pa', 'en').map((t) => t.token.surface)).toEqual(['pa']);
  });
});

/** The words of a language's interface texts (locales/), lowercase, as `letters` finds them. */
function interfaceWords(lang: 'ru' | 'kk', letters: RegExp): Set<string> {
  const words = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') for (const word of value.toLowerCase().match(letters) ?? []) words.add(word);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(readLocale(lang));
  return words;
}

/**
 * The share of `words` that, typed in `scheme`, `read` gives back none of as `spelt` spells them;
 * ё as е, soft and hard signs left out on both sides (the schemes leave them out).
 */
function misreadShare(words: ReadonlySet<string>, scheme: LatinScheme, read: (typed: string) => readonly string[], spelt: (word: string) => string): number {
  const unsigned = (word: string) => word.replace(/ё/g, 'е').replace(/[ьъ]/g, '');
  const misread = [...words].filter((word) => !read(typedIn(word, scheme)).map(unsigned).includes(unsigned(spelt(word))));
  return misread.length / words.size;
}

describe('russianReadings', () => {
  it.each([
    ['kogda', ['когда']],
    ['tsentr', ['центр', 'тсентр']],
    ['detskiy', ['децкий', 'детский']],
    ['zakroyutsya', ['закроются', 'закройутся']],
    ['ekzamen', ['екзамен', 'экзамен']],
    // The other readings of spellings some schemes give another meaning, after the usual one.
    ['raznye', ['разне', 'разные']],
    ['seichas', ['сеичас', 'сейчас']],
    ['umnyi', ['умныи', 'умный']],
    ['rayon', ['раен', 'район']],
    ['schetchik', ['щетчик', 'счетчик']],
    ['pomosh', ['помош', 'помощ', 'помосх']],
    ['rashod', ['рашод', 'ращод', 'расход']],
    ['poetomu', ['поетому', 'поэтому']],
  ])('%s → %j', (latin, readings) => {
    expect(russianReadings(latin)).toEqual(readings);
  });

  // How Russian is typed in Latin letters (--latin's schemes): the passport's, a chat's (й as i, х as
  // h, щ as sch) and one with j (й as j, щ as sh). Soft and hard signs are left out, ё is e.
  const russianWords = interfaceWords('ru', /[а-яё]+/g);

  it.each([0, 1, 2])('reads 99 %% of the Russian words of the interface texts typed in Latin letters (scheme %i) back as themselves', (n) => {
    expect(russianWords.size).toBeGreaterThan(1000);
    expect(misreadShare(russianWords, LATIN_SCHEMES.ru[n], russianReadings, (word) => word)).toBeLessThan(0.01);
  });
});

describe('kazakhLatinReading', () => {
  it.each([
    ['qashan', 'кашан'],
    ['jumys', 'жумыс'],
    ['qaida', 'кайда'],
    // "ii": й, then і (folded и).
    ['deiin', 'дейин'],
    ['uiine', 'уйине'],
    // "y" after a u inside a word is ы; at the start "uy" is үй, before a vowel я or ю.
    ['auyl', 'ауыл'],
    ['suyq', 'суык'],
    ['aluy', 'алуы'],
    ['uyge', 'уйге'],
    ['quyu', 'кую'],
    // A long word's last "ui" is уі, a short one's үй or құй.
    ['berui', 'беруи'],
    ['qui', 'куй'],
    // "ts" is т+с, "tsh" т+ш.
    ['tartsa', 'тартса'],
    ['uaqytsha', 'уакытша'],
  ])('%s → %s', (latin, folded) => {
    expect(kazakhLatinReading(latin)).toBe(folded);
  });

  // Kazakh typed in Latin letters, its own letters as q, gh, j or as Russian in Latin letters writes them.
  const kazakhWords = interfaceWords('kk', /[а-яёәғқңөұүһі]+/g);

  it.each([0, 1])('reads 99 %% of the Kazakh words of the interface texts typed in Latin letters (scheme %i) back as themselves, folded', (n) => {
    expect(kazakhWords.size).toBeGreaterThan(1000);
    expect(misreadShare(kazakhWords, LATIN_SCHEMES.kk[n], (typed) => [kazakhLatinReading(typed)], foldKazakh)).toBeLessThan(0.01);
  });
});

describe('cyrillicToLatin', () => {
  it.each([
    ['егов', 'egov'],
    ['каспи', 'kaspi'],
    ['ватсап', 'vatsap'],
    ['қазпочта', 'kazpochta'],
  ])('%s → %s', (cyr, latin) => {
    expect(cyrillicToLatin(cyr)).toBe(latin);
  });
});

describe('TrigramIndex', () => {
  it('finds a misspelt word and forgets deleted ones', () => {
    const index = new TrigramIndex();
    for (const w of ['комендантский', 'коммунальные', 'работает']) index.add(w);
    expect(index.best('камендантский', 0.5)?.word).toBe('комендантский');
    expect(index.best('работет', 0.5)?.word).toBe('работает');
    expect(index.best('велосипед', 0.5)).toBeNull();
    index.delete('работает');
    expect(index.best('работет', 0.5)).toBeNull();
  });
});

describe('general lexicon', () => {
  const concepts = (word: string, lang: 'ru' | 'kk' | 'en') => analyzeIndexWords([word], lang)[0]?.concepts ?? [];

  it('keeps a word out of a group its stem puts it in by chance, in its own language or another', () => {
    // The Russian stemmer cuts the Kazakh "жылу" (heat) to "жыл", the Kazakh "year".
    expect(concepts('жылу', 'kk')).toContain('#heating');
    for (const year of ['жыл', 'жылы']) expect(concepts(year, 'kk')).not.toContain('#heating');
    // The Kazakh stripper cuts the Russian "положение" to "полож", as in "положено" (one is entitled to).
    expect(concepts('положение', 'ru')).toContain('#emergency');
    for (const entitled of ['положено', 'положить']) expect(concepts(entitled, 'ru')).not.toContain('#emergency');
    // The Russian stemmer cuts the Kazakh "суды" (the water) to "суд" (a court), the Kazakh stripper
    // the Russian "выходные" (weekend) to "выход" (a way out), "маска" to "мас" (drunk).
    expect(concepts('суды', 'kk')).toContain('#water');
    expect(concepts('суд', 'ru')).not.toContain('#water');
    expect(concepts('выходные', 'ru')).toContain('#weekend');
    for (const out of ['выход', 'выходите']) expect(concepts(out, 'ru')).not.toContain('#weekend');
    expect(concepts('маска', 'ru')).toContain('#mask');
    expect(concepts('мас', 'kk')).not.toContain('#mask');
    // The Russian stemmer cuts the Kazakh "несие" (a loan) to "нес", as the Kazakh stripper does
    // "нести" (to carry: "куда нести квитанции"); "бала" (a child) to "бал" (a ball).
    expect(concepts('несие', 'kk')).toContain('#loan');
    expect(analyzeMessage('куда нести квитанции', 'ru').flatMap((t) => t.token.concepts)).not.toContain('#loan');
    expect(concepts('бал', 'ru')).not.toContain('#child');
    // The Russian stemmer cuts the Kazakh "дала" (outside) to "дал" (gave: "когда дали свет").
    expect(concepts('далада', 'kk')).toContain('#outside');
    for (const gave of ['дали', 'дал']) expect(concepts(gave, 'ru')).not.toContain('#outside');
    // Both stemmers cut the Kazakh "маман" (a specialist) to "мама" (mother): a mother named in a
    // story asked for a specialist.
    for (const specialist of ['маман', 'маманға', 'маманы']) expect(concepts(specialist, 'kk')).toContain('#specialist');
    for (const mother of ['мама', 'маме', 'мамы']) expect(concepts(mother, 'ru')).not.toContain('#specialist');
    expect(concepts('мама', 'kk')).not.toContain('#specialist');
    // Every form of "строить" (to build) stems to "стро", as "из строя" (out of order) does: the lift
    // that broke down is no building site.
    for (const built of ['строят', 'строит', 'строить', 'строили']) expect(concepts(built, 'ru')).toContain('#construction');
    for (const broken of ['строя', 'строй']) expect(concepts(broken, 'ru')).not.toContain('#construction');
  });

  it('keeps common words out of a group one of its words reaches only through a stem they share', () => {
    // The Kazakh stripper cuts the Russian "взятка" (a bribe) to "взят", the Russian stem of "взять"
    // (to take: "где взять справку"); "справка" to "справ" ("справиться", to cope); "почта" to "поч"
    // ("почём", how much); "участка" to "участ" ("участие", taking part).
    for (const [word, concept] of [['взять', '#corruption'], ['справиться', '#pass'], ['почем', '#post'], ['участие', '#land']] as const) {
      expect(concepts(word, 'ru')).not.toContain(concept);
    }
    for (const [word, concept] of [['взятка', '#corruption'], ['взятку', '#corruption'], ['справка', '#pass'], ['почта', '#post'], ['участка', '#land']] as const) {
      expect(concepts(word, 'ru')).toContain(concept);
    }
    expect(concepts('поштаға', 'kk')).toContain('#post');
    // The Kazakh "сынды", "сынған" (broke, broken) stem to "сын", the Russian son: "сыну 8 лет".
    for (const son of ['сын', 'сына', 'сыну']) expect(concepts(son, 'ru')).not.toContain('#broken');
    for (const broke of ['сынды', 'сынған']) expect(concepts(broke, 'kk')).toContain('#broken');
    // Snowball's English stems: "private" is "privat" as "privatization" is, "apart" "apartment",
    // "funded" "fund" (a charity's), "tapped" (a card on a validator) "tap", "accidentally" "accident".
    const apart: ReadonlyArray<readonly [string, string, string]> = [
      ['private', 'privatization', '#privatization'],
      ['privately', 'privatization', '#privatization'],
      ['apart', 'apartment', '#home'],
      ['funded', 'fund', '#donation'],
      ['tapped', 'tap', '#water'],
      ['accidentally', 'accident', '#crash'],
    ];
    for (const [word, member, concept] of apart) {
      expect(concepts(member, 'en')).toContain(concept);
      expect(concepts(word, 'en')).not.toContain(concept);
    }
    // Nor do they meet the member word itself: their index keys differ.
    for (const [word, member] of [['apart', 'apartment'], ['accidentally', 'accident'], ['tapped', 'tap'], ['private', 'privatization']]) {
      expect(analyzeIndexWords([word], 'en')[0].key).not.toBe(analyzeIndexWords([member], 'en')[0].key);
    }
  });

  it('meets everyday city words across the three languages and their word forms', () => {
    for (const [word, lang] of [['мусорка', 'ru'], ['қоқыс', 'kk'], ['rubbish', 'en']] as const) expect(concepts(word, lang)).toContain('#garbage');
    for (const [word, lang] of [['садик', 'ru'], ['балабақша', 'kk'], ['kindergarten', 'en'], ['daycare', 'en'], ['preschool', 'en']] as const) expect(concepts(word, lang)).toContain('#kindergarten');
    for (const [word, lang] of [['сосульки', 'ru'], ['сүңгілер', 'kk'], ['icicles', 'en']] as const) expect(concepts(word, lang)).toContain('#icicle');
    for (const [word, lang] of [['псы', 'ru'], ['собак', 'ru'], ['иттер', 'kk'], ['dogs', 'en']] as const) expect(concepts(word, lang)).toContain('#dog');
    // "қарды" (the snow) is taken as written: the stripper would leave "қар", as in "қара" (look, black).
    expect(concepts('қарды', 'kk')).toContain('#snow');
    for (const look of ['қара', 'қарау']) expect(concepts(look, 'kk')).not.toContain('#snow');
    for (const [word, lang] of [['могила', 'ru'], ['могилу', 'ru'], ['қабір', 'kk'], ['graves', 'en']] as const) expect(concepts(word, lang)).toContain('#cemetery');
    // Snowball cuts "могила" to "мог", as in "мог", "могу" (could, can): the word is taken as written.
    for (const could of ['мог', 'могу']) expect(concepts(could, 'ru')).not.toContain('#cemetery');
    for (const [word, lang] of [['яма', 'ru'], ['шұңқыр', 'kk'], ['hole', 'en'], ['holes', 'en']] as const) expect(concepts(word, lang)).toContain('#pothole');
    // "меня оштрафуют?": the verb asks about the fine as the noun does.
    for (const word of ['оштрафуют', 'оштрафовали', 'оштрафует', 'штрафовать', 'штрафуют']) expect(concepts(word, 'ru')).toContain('#fine');
    // "What papers do I need?", "какие бумаги нужны": the documents; paper itself is none.
    for (const [word, lang] of [['papers', 'en'], ['бумаги', 'ru'], ['бумажки', 'ru'], ['қағаздар', 'kk']] as const) expect(concepts(word, lang)).toContain('#document');
    for (const [word, lang] of [['paper', 'en'], ['бумага', 'ru']] as const) expect(concepts(word, lang)).not.toContain('#document');
    // A bin is the rubbish's ("the bins have not been emptied", "bin collection day"), besides a container.
    for (const word of ['bin', 'bins']) expect(concepts(word, 'en')).toEqual(expect.arrayContaining(['#garbage', '#bin']));
    for (const [word, lang] of [['контейнер', 'ru'], ['урна', 'ru']] as const) expect(concepts(word, lang)).not.toContain('#garbage');
    // "Когда дадут тепло?", "батареи еле тёплые (ё read as е)": the heating, as "жылу" is in Kazakh.
    for (const word of ['тепло', 'тепла', 'теплоснабжение', 'теплые']) expect(concepts(word, 'ru')).toContain('#heating');
    // Targeted social assistance by its abbreviation in each language: АСП, АӘК, TSA.
    for (const [word, lang] of [['АСП', 'ru'], ['АӘК', 'kk'], ['TSA', 'en']] as const) expect(concepts(word.toLowerCase(), lang)).toContain('#targeted');
    // To build is to construct: "they are building a cafe", "built without a permit" meet "construction".
    for (const word of ['build', 'built', 'building', 'construction']) expect(concepts(word, 'en')).toContain('#construction');
  });

  it('reads "сынып" before an auxiliary verb as the verb it is there (broke), elsewhere as a school class', () => {
    const read = (text: string) => analyzeMessage(text, 'kk').flatMap((t) => t.token.concepts);
    for (const text of ['лифт сынып қалды', 'есік сынып кетті', 'терезе сынды', 'сынған есік']) {
      expect(read(text)).toContain('#broken');
      expect(read(text)).not.toContain('#grade');
    }
    for (const text of ['балам 1 сынып', 'бірінші сыныпқа қабылдау', 'сынып жетекшісі кетті']) expect(read(text)).toContain('#grade');
    // A FAQ's question is read as a message is: its broken lift meets the resident's.
    const indexed = analyzeIndexWords(tokenize('Лифт сынып қалса, кімге хабарласу керек?'), 'kk').flatMap((t) => t.concepts);
    expect(indexed).toContain('#broken');
    expect(indexed).not.toContain('#grade');
  });

  it('takes a phrase of two words as its group only when the words stand together, in any of their forms', () => {
    const messageConcepts = (text: string, lang: 'ru' | 'kk' | 'en') => analyzeMessage(text, lang).flatMap((t) => t.token.concepts);
    const indexConcepts = (text: string, lang: 'ru' | 'kk' | 'en') => analyzeIndexWords(tokenize(text), lang).flatMap((t) => t.concepts);
    for (const read of [messageConcepts, indexConcepts]) {
      // "детский сад" is a kindergarten; "детский" alone is any children's thing.
      for (const text of ['как записать ребенка в детский сад', 'в детском саду нет мест']) expect(read(text, 'ru')).toContain('#kindergarten');
      for (const text of ['детская поликлиника не принимает', 'детское пособие', 'сад возле дома']) expect(read(text, 'ru')).not.toContain('#kindergarten');
      expect(read('детская площадка сломана', 'ru')).toContain('#playground');
      expect(read('my father passed away', 'en')).toContain('#death');
      for (const text of ['where can I throw away an old sofa', 'away from home, passed the exam']) expect(read(text, 'en')).not.toContain('#death');
      // A waiting list is the queue of public services (a kindergarten's, the housing queue); a list or waiting alone is none.
      expect(read('how do I get on the waiting list', 'en')).toContain('#queue');
      for (const text of ['a list of documents', 'I am waiting for the bus']) expect(read(text, 'en')).not.toContain('#queue');
    }
  });

  it('reads "lift" as the British elevator, and only "lifted" as a curfew that ends', () => {
    // Both stem to "lift": the elevator's words are taken only as written.
    for (const word of ['lift', 'lifts', 'elevator']) expect(concepts(word, 'en')).toEqual(['#elevator']);
    for (const word of ['lifted', 'lifting']) expect(concepts(word, 'en')).toEqual(['#end']);
  });

  it('groups no process word that any request uses', () => {
    for (const [word, lang] of [['оформить', 'ru'], ['подать', 'ru'], ['replace', 'en'], ['deadline', 'en']] as const) {
      expect(concepts(word, lang)).toEqual([]);
    }
  });

  it('takes a word whose every stem is another word only as it is written', () => {
    expect(concepts('кесте', 'kk')).toContain('#schedule');
    for (const cut of ['кесу', 'кесуге', 'кеседі']) expect(concepts(cut, 'kk')).not.toContain('#schedule');
    expect(concepts('allowance', 'en')).toContain('#benefit');
    for (const permitted of ['allowed', 'allows']) expect(concepts(permitted, 'en')).not.toContain('#benefit');
    expect(concepts('office', 'en')).toContain('#branch');
    expect(concepts('officer', 'en')).not.toContain('#branch');
    // "скорая" (the ambulance) stems to "скор", as "скоро" (soon) does.
    expect(concepts('скорую', 'ru')).toContain('#ambulance');
    expect(concepts('скоро', 'ru')).not.toContain('#ambulance');
    expect(concepts('тәулік', 'kk')).toContain('#allday');
    expect(concepts('тау', 'kk')).not.toContain('#allday');
  });
});

describe('typing slips', () => {
  it.each([
    ['msaks', 'masks', true],
    ['libary', 'library', true],
    ['libbrary', 'library', true],
    ['шраф', 'штраф', true],
    // A replaced letter is trigram similarity's to judge: "right" is not "night".
    ['right', 'night', false],
    ['librory', 'library', false],
    ['library', 'library', false],
    ['lirbray', 'library', false],
    ['libraries', 'library', false],
    // A letter more or less at the very end is an ending.
    ['депозит', 'депозиты', false],
    ['library', 'librar', false],
    ['librarye', 'library', false],
  ])('%s is %s with one slip: %s', (typed, known, expected) => {
    expect(typingSlip(typed, known)).toBe(expected);
  });
});
