import { analyzeMessage } from '../../../src/matcher/analyze';
import { CONTEXT_WEIGHT, questionPart, segmentMessage } from '../../../src/matcher/sentences/segments';

describe('segmentMessage', () => {
  it('keeps a one-sentence message whole, at full weight', () => {
    expect(segmentMessage('когда откроется библиотека')).toMatchObject([{ text: 'когда откроется библиотека', weight: 1 }]);
  });

  it('tells the sentences that end with a question mark when more than one does: each is asked', () => {
    const marked = (text: string) => segmentMessage(text, 'ru').map((s) => s.markedQuestion);
    expect(marked('Когда дадут горячую воду? Сколько стоит аренда лодки?')).toEqual([true, true]);
    expect(marked('как оформить пособие. Куда смотрят власти?')).toEqual([false, false]);
    expect(marked('Когда откроется библиотека?')).toEqual([false]);
  });

  it('lets the question sentence weigh most and the story less', () => {
    const segments = segmentMessage('Мы переехали в новый район в мае. Где теперь ближайшая библиотека?');
    expect(segments.map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    expect(segments[1].text).toContain('библиотека');
  });

  it('takes what comes before a colon as a preamble to the question after it, not a time', () => {
    const segments = segmentMessage('У нас в микрорайоне ремонт: когда откроется библиотека?');
    expect(segments.map((s) => [s.text, s.weight])).toEqual([
      ['У нас в микрорайоне ремонт', CONTEXT_WEIGHT],
      ['когда откроется библиотека', 1],
    ]);
    expect(segmentMessage('Moved here in May: is the library open on Sunday?').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    expect(segmentMessage('библиотека работает до 18:00 в субботу?')).toMatchObject([{ text: 'библиотека работает до 18:00 в субботу', weight: 1 }]);
  });

  it.each([
    ['Хотелось бы понять, когда откроется библиотека', 'когда откроется библиотека'],
    ['Подскажите такой момент: когда откроется библиотека?', 'когда откроется библиотека'],
    ['Слушайте, такое дело: библиотека закрыта', 'библиотека закрыта'],
    ['Түсіндіріп беріңізші, кітапхана қашан ашылады', 'кітапхана қашан ашылады'],
    ['Білейін деп едім: кітапхана ашық па', 'кітапхана ашық па'],
    ['Wondering if you can help: is the library open on Sunday?', 'is the library open on Sunday'],
    ['Could you tell me, library hours on Sunday', 'library hours on Sunday'],
    ['Не подскажете, библиотека в субботу работает?', 'библиотека в субботу работает'],
  ])('leaves out an opening that only announces the question: %s', (text, question) => {
    expect(segmentMessage(text)).toMatchObject([{ text: question, weight: 1 }]);
  });

  it('reads an opening typed in Latin letters as the Russian it stands for, in a Russian message only', () => {
    expect(segmentMessage('Khotela by uznat, kogda otkroetsya biblioteka', 'ru')).toMatchObject([{ text: 'kogda otkroetsya biblioteka', weight: 1 }]);
    expect(segmentMessage('Hotels, are they open on Sunday?', 'en')).toMatchObject([{ text: 'Hotels, are they open on Sunday', weight: 1 }]);
  });

  it.each([
    ['an opening with a question word is the question', 'Как узнать, когда откроется библиотека?'],
    ['an opening with a subject is the question', 'Библиотека, когда откроется?'],
    ['nothing after it names a subject', 'Подскажите, пожалуйста, куда обращаться?'],
    ['help asked with a subject', 'Помогите с библиотекой, когда она откроется?'],
  ])('keeps the opening when %s', (_name, text) => {
    expect(segmentMessage(text).map((s) => s.text).join(' ')).toContain(text.split(/[,:]/)[0]);
  });

  it.each([
    ['Kazakh question word', 'Біз жаңа үйге көштік. Кітапхана қайда орналасқан'],
    ['glued Kazakh particle', 'Ертең демалыс күні. Кітапхана ашықпа'],
    ['English auxiliary at the start', 'We moved last month. Is the library open on Sunday'],
  ])('finds the question without a question mark: %s', (_name, text) => {
    expect(segmentMessage(text).map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
  });

  it('reads a Russian sentence with "не" as a story, a Kazakh one as a question ("не" is Kazakh for "what")', () => {
    const russian = 'Воды нет с утра, насос не работает. Кто отвечает за ремонт насоса?';
    expect(segmentMessage(russian, 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    // Without the message's language the word may be either: as before, a question.
    expect(segmentMessage(russian).map((s) => s.weight)).toEqual([1, 1]);
    // "What do we do now?" and "who repairs the pump?": two questions, neither a story.
    expect(segmentMessage('Су жоқ, енді не істейміз. Сорғыны кім жөндейді', 'kk').map((s) => s.weight)).toEqual([1, 1]);
  });

  it.each([
    ['an indefinite pronoun', 'Нам где-то месяц назад поставили счётчик. Кто пломбирует счётчик?'],
    ['the same typed with a space', 'Нам где то месяц назад поставили счётчик. Кто пломбирует счётчик?'],
    ['a conjunction ("потому что")', 'Счётчик сняли, потому что сломался. Кто пломбирует счётчик?'],
    ['a conjunction ("так как")', 'Счётчик сняли, так как сломался. Кто пломбирует счётчик?'],
    ['what was said ("написали что")', 'В квитанции написали что срок поверки истёк. Кто пломбирует счётчик?'],
    ['what was said, typed in Latin letters ("skazal chto")', 'Sosed skazal chto schetchik nado menyat. Kto plombiruet schetchik?'],
    ['a conjunction typed in Latin letters ("potomu chto")', 'Schetchik snyali, potomu chto slomalsya. Kto plombiruet schetchik?'],
    ['a need ("надо")', 'Мастер сказал, надо менять счётчик. Кто пломбирует счётчик?'],
    ['a need in Kazakh ("керек")', 'Шебер есептегішті ауыстыру керек дейді. Есептегішті кім пломбалайды?'],
  ])('reads a story sentence with a question word in %s as a story', (_name, text) => {
    expect(segmentMessage(text, /[әіңғүұқөһ]/.test(text) ? 'kk' : 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
  });

  it('looks for a Kazakh particle glued to the last word in Kazakh only: "сумма" ends as "ашықпа" does', () => {
    const text = 'В квитанции огромная сумма. Кто пересчитывает плату за воду?';
    expect(segmentMessage(text, 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    expect(segmentMessage('Кітапхана бүгін ашықпа. Кім біледі?', 'kk').map((s) => s.weight)).toEqual([1, 1]);
  });

  it('ends a Kazakh question at a particle standing alone with more words after it, typed without its question mark', () => {
    const text = 'Кітапхана тегін бе Соңғы кезде жұмыстан кеш шығамын';
    expect(segmentMessage(text, 'kk')).toMatchObject([
      { text: 'Кітапхана тегін бе', weight: 1 },
      { text: 'Соңғы кезде жұмыстан кеш шығамын', weight: CONTEXT_WEIGHT },
    ]);
    // Not in a Russian message, nor before a comma (the sentence goes on).
    expect(segmentMessage('Кітапхана тегін бе Соңғы кезде', 'ru')).toHaveLength(1);
    expect(segmentMessage('Кітапхана ашық па, жексенбіде де?', 'kk')).toHaveLength(1);
    // The words to learn from it are its question.
    expect(questionPart(text, 'kk')).toBe('Кітапхана тегін бе?');
  });

  it('starts a sentence at a capitalised function or question word after a word in lower case, typed without a full stop', () => {
    expect(segmentMessage('Возле дома сломали скамейку Она там уже месяц, кто починит', 'ru')).toMatchObject([
      { text: 'Возле дома сломали скамейку', weight: CONTEXT_WEIGHT },
      { text: 'Она там уже месяц, кто починит', weight: 1 },
    ]);
    expect(segmentMessage('Аулада орындық сынып қалды Кім жөндейді', 'kk').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    expect(segmentMessage('the library was closed again today Where else can I read', 'en').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    // A name is no function word; nor is a word after a capitalised one ("Title Case"), nor the
    // English "I" or an auxiliary, which may be a month or a name.
    expect(segmentMessage('когда откроют библиотеку на Абая', 'ru')).toHaveLength(1);
    expect(segmentMessage('Когда Откроют Библиотеку На Абая', 'ru')).toHaveLength(1);
    expect(segmentMessage('is the library open in May', 'en')).toHaveLength(1);
    expect(segmentMessage('where can I read for free', 'en')).toHaveLength(1);
    // The polite "you", capitalised out of respect inside a sentence.
    expect(segmentMessage('хочу спросить у Вас когда откроется библиотека', 'ru')).toHaveLength(1);
    expect(segmentMessage('кітапхана туралы Сізге қалай жүгінуге болады', 'kk')).toHaveLength(1);
  });

  it('takes an emoji before a capitalised word for a full stop, and one before a word in lower case for none', () => {
    expect(segmentMessage('Возле дома сломали скамейку 😡 Месяц уже так 🙏 Кто починит', 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, CONTEXT_WEIGHT, 1]);
    expect(segmentMessage('возле дома 😡 сломали скамейку', 'ru')).toHaveLength(1);
    expect(segmentMessage('хочу спросить 🙏 Вас, когда откроется библиотека', 'ru')).toHaveLength(1);
  });

  it('takes the brackets of a smile after a word for a full stop, not in a text with an opening bracket', () => {
    expect(segmentMessage('Здравствуйте)) Во дворе сломали скамейку) кто починит?', 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, CONTEXT_WEIGHT, 1]);
    expect(segmentMessage('Где получить справку (форма 075) для школы?', 'ru')).toHaveLength(1);
  });

  it('gives the question of such a message to learn from without its story', () => {
    expect(questionPart('Возле дома сломали скамейку Она там уже месяц, кто починит', 'ru')).toBe('Она там уже месяц, кто починит');
  });

  it('leaves out closing sentences that only ask for help or an answer, while something named is left', () => {
    expect(segmentMessage('Лифт не работает третий день. Помогите, пожалуйста.', 'ru')).toMatchObject([{ text: 'Лифт не работает третий день', weight: 1 }]);
    expect(segmentMessage('Кітапхана жабық па? Түсіндіріп беріңізші.', 'kk')).toMatchObject([{ text: 'Кітапхана жабық па', weight: 1 }]);
    expect(segmentMessage('the library is closed again. Please explain. Need some help here.', 'en')).toMatchObject([{ text: 'the library is closed again', weight: 1 }]);
    // Waiting for the answer, or asking for it soon.
    expect(segmentMessage('Лифт не работает третий день. Жду ответа. Срочно!!!', 'ru')).toMatchObject([{ text: 'Лифт не работает третий день', weight: 1 }]);
    expect(segmentMessage('егов ашылмайды. Жауап күтемін.', 'kk')).toMatchObject([{ text: 'егов ашылмайды', weight: 1 }]);
    expect(segmentMessage('egov wont let me log in. Please reply ASAP.', 'en')).toMatchObject([{ text: 'egov wont let me log in', weight: 1 }]);
    // A plea alone is the whole message; a closing that names something stays.
    expect(segmentMessage('Помогите, пожалуйста.', 'ru')).toHaveLength(1);
    expect(segmentMessage('Лифт не работает. Помогите с ремонтом.', 'ru')).toHaveLength(2);
    expect(segmentMessage('Лифт не работает. Жду ответа на обращение.', 'ru')).toHaveLength(2);
  });

  it('reads a Kazakh greeting that asks after one\'s health ("Сәлеметсіз бе") as no question', () => {
    const text = 'Саламатсыз ба, әкем инсульттан кейін төсекте жатыр. Жәрдемақы қалай тағайындалады?';
    expect(segmentMessage(text, 'kk').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    expect(segmentMessage('Салеметсиз бе, әкем төсекте жатыр. Жәрдемақы қалай тағайындалады?', 'kk').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    // Typed as one word, alone in its sentence: a greeting that names nothing leaves the story whole.
    expect(segmentMessage('Сәлеметсізбе. Әкем төсекте жатыр. Жәрдемақы қалай тағайындалады?', 'kk').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, CONTEXT_WEIGHT, 1]);
  });

  it('does not end a sentence at a point between digits ("38.7", "8.30")', () => {
    expect(segmentMessage('I have a fever of 38.7 and can barely get up', 'en')).toHaveLength(1);
    expect(segmentMessage('Автобус в 8.30 не пришёл', 'ru')).toHaveLength(1);
  });

  it('does not end a sentence at an abbreviation of an address or a date', () => {
    expect(segmentMessage('с утра нет воды на ул. Абая, д. 5, кому сообщить', 'ru')).toMatchObject([{ text: 'с утра нет воды на ул. Абая, д. 5, кому сообщить', weight: 1 }]);
    expect(segmentMessage('Water is off on St. Mary road, who do I call', 'en')).toHaveLength(1);
    // The sentence still ends at its own full stop.
    expect(segmentMessage('Мы приехали в г. Павлодар. Где получить талон?', 'ru')).toHaveLength(2);
  });

  it('splits clauses joined by "but"', () => {
    expect(segmentMessage('I called twice, but when does the office open?').length).toBe(2);
  });

  it('lets the first of several statements name the matter and what follows weigh as context', () => {
    expect(segmentMessage('Снег во дворе. Машины буксуют.').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    expect(segmentMessage('ямы на Кутузова. Живу одна, помочь некому.', 'ru').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    expect(segmentMessage('cant get into egov. I live alone and have no one to ask.', 'en').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    // An address before them is not the matter: the statement after it is.
    expect(segmentMessage('Уважаемый аким! Во дворе не вывозят мусор. Дети болеют.', 'ru').map((s) => s.weight)).toEqual([1, 1, CONTEXT_WEIGHT]);
    expect(segmentMessage('Добрый день, уважаемые сотрудники! маски в автобусе обязательны или уже нет', 'ru').map((s) => s.weight)).toEqual([1, 1]);
    // Questions only, or one sentence: nothing is down-weighted.
    expect(segmentMessage('Кітапхана бүгін ашықпа. Кім біледі?', 'kk').map((s) => s.weight)).toEqual([1, 1]);
    expect(segmentMessage('Снег во дворе')).toMatchObject([{ text: 'Снег во дворе', weight: 1 }]);
  });

  it('does not take the writer giving a name, or writing for someone, for the matter: it weighs as context', () => {
    const weights = (text: string, lang: 'ru' | 'kk' | 'en') => segmentMessage(text, lang).map((s) => s.weight);
    expect(weights('Меня зовут Айгуль, мне 67 лет. квитанция жкх непонятная', 'ru')).toEqual([CONTEXT_WEIGHT, 1]);
    expect(weights('Здравствуйте, меня зовут Сергей. Во дворе не вывозят мусор. Дети болеют.', 'ru')).toEqual([CONTEXT_WEIGHT, 1, CONTEXT_WEIGHT]);
    expect(weights('Менің атым Айгүл, 67 жастамын. Қазпоштаның сенбідегі жұмыс уақыты', 'kk')).toEqual([CONTEXT_WEIGHT, 1]);
    expect(weights('Атым Гүлнар. Қоқыс үш күн шығарылмады', 'kk')).toEqual([CONTEXT_WEIGHT, 1]);
    expect(weights("Hello, my name is Aigul. utility bill too high", 'en')).toEqual([CONTEXT_WEIGHT, 1]);
    expect(weights('Пишу от имени своей мамы. ямы на Кутузова', 'ru')).toEqual([CONTEXT_WEIGHT, 1]);
    // Said of anything else, the first statement is still the matter.
    expect(weights('Меня бесит этот лифт. Не работает неделю.', 'ru')).toEqual([1, CONTEXT_WEIGHT]);
    expect(weights('My neighbour is building a garage. No permit anywhere.', 'en')).toEqual([1, CONTEXT_WEIGHT]);
  });

  it('does not down-weight the story when the question names nothing ("Как быть?"): the subject is in the story', () => {
    expect(segmentMessage('Лифт стоит с понедельника. Как быть?').map((s) => s.weight)).toEqual([1, 1]);
    expect(segmentMessage('The lift has been broken since Monday. What can we do?').map((s) => s.weight)).toEqual([1, 1]);
    // Nor when it only asks what to do with an answer: whom to complain to, which documents, where to go.
    expect(segmentMessage('Лифт стоит с понедельника. Куда жаловаться?').map((s) => s.weight)).toEqual([1, 1]);
    expect(segmentMessage('I moved here last month and need to register my address. What documents do I need and where do I go?').map((s) => s.weight)).toEqual([1, 1]);
    // A question that names something of its own is the question.
    expect(segmentMessage('Лифт стоит с понедельника. Куда жаловаться на управляющую компанию?').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
  });

  it('does not down-weight the story when the question names its subject by a pronoun ("How does it work?")', () => {
    expect(segmentMessage('Someone told me the state pays poor families. How does it work?', 'en').map((s) => s.weight)).toEqual([1, 1]);
    expect(segmentMessage('Пришёл штраф за стоянку. Как его оспорить?', 'ru').map((s) => s.weight)).toEqual([1, 1]);
    expect(segmentMessage('Балама медкарта керек. Оны қалай рәсімдейміз?', 'kk').map((s) => s.weight)).toEqual([1, 1]);
    expect(segmentMessage('Prishel shtraf za stoyanku. Kak ego osporit?', 'ru').map((s) => s.weight)).toEqual([1, 1]);
    // Named by a noun, the subject is the question's own: the story weighs less.
    expect(segmentMessage('Пришёл штраф за стоянку. Как оспорить штраф?', 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    // "this" or "that" ending the question stands for the story; before a word, it is that word's.
    expect(segmentMessage('I got a parking ticket but there were no signs. How do I fight this?', 'en').map((s) => s.weight)).toEqual([1, 1]);
    expect(segmentMessage('I got a parking ticket last week. Can I pay this ticket online?', 'en').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    // A subject pronoun names the authorities as often as the story's subject ("will they fine me?").
    expect(segmentMessage('I parked on Abay street. Will they fine me?', 'en').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
  });

  it('takes an exclamation beside a question for a remark, whatever its words ("Сколько можно это терпеть!")', () => {
    expect(segmentMessage('Когда дадут тепло? Сколько можно это терпеть!', 'ru').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    expect(segmentMessage('What a mess! When will the lift be repaired?', 'en').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    expect(segmentMessage('Жылу қашан беріледі? Қашанға дейін шыдаймыз!', 'kk').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    // With no other question, an exclamation may be the question typed in anger.
    expect(segmentMessage('Лифт стоит неделю. Когда починят лифт!', 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
  });

  it('takes a sentence that says what the resident does not know for a remark, not the question ("Уже не знаю, что и думать.")', () => {
    expect(segmentMessage('ямы на Кутузова. Уже не знаю, что и думать.', 'ru').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    expect(segmentMessage('streetlight broken. I am not sure what to think.', 'en').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    expect(segmentMessage("no water since morning. I don't understand why nobody fixes it.", 'en').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    expect(segmentMessage('АӘК алғым келеді. Не ойларымды білмеймін.', 'kk').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    expect(segmentMessage('Свет отключили. Непонятно, кто за это отвечает.', 'ru').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    expect(segmentMessage('Жарық жоқ. Кім жауапты екенін түсіне алмай жүрмін.', 'kk').map((s) => s.weight)).toEqual([1, CONTEXT_WEIGHT]);
    // Beside a question, it is the story around it.
    expect(segmentMessage('Понятия не имею, как быть дальше. Когда дадут свет?', 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    // With its question mark it asks, as any sentence so ended does.
    expect(segmentMessage('Свет отключили вчера. Не знаю, когда включат?', 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    // Said to the reader, it asks politely ("Не знаете, …?", as "Не подскажете, …?").
    expect(segmentMessage('Свет отключили вчера. Не знаете, когда включат', 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    expect(segmentMessage('Жарық жоқ. Білмейсіз бе, қашан қосады', 'kk').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    // Knowing without a negation asks ("Хочу знать, когда включат свет"), and so does a negation after it.
    expect(segmentMessage('Our lift is broken. I know no one here, who do I call about the lift', 'en').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
    expect(segmentMessage('Свет отключили вчера. Хочу знать, когда включат свет', 'ru').map((s) => s.weight)).toEqual([CONTEXT_WEIGHT, 1]);
  });
});

describe('analyzeMessage', () => {
  it('weights each word by the sentence it is in, keeping its best weight', () => {
    const words = analyzeMessage('Библиотека рядом закрыта. Когда откроется библиотека?', 'ru');
    const weightOf = (surface: string) => words.find((w) => w.token.surface === surface)?.weight;
    expect(weightOf('библиотека')).toBe(1);
    expect(weightOf('закрыта')).toBe(CONTEXT_WEIGHT);
  });

  it('caps the work on huge input', () => {
    expect(analyzeMessage('слово другое. '.repeat(5000), 'ru').length).toBeLessThanOrEqual(60);
  });
});

describe('questionPart', () => {
  it('drops the story around the question and keeps its punctuation', () => {
    expect(questionPart('Мы переехали в новый район в мае. Где теперь ближайшая библиотека?')).toBe('Где теперь ближайшая библиотека?');
    expect(questionPart('Hello. My card was stolen today! How do I block it? And can I get a new one this week?')).toBe(
      'How do I block it? And can I get a new one this week?',
    );
    // An address's abbreviation keeps its point in the question an editor reads.
    expect(questionPart('Мы переехали на ул. Абая. Где на ул. Абая ближайшая библиотека?')).toBe('Где на ул. Абая ближайшая библиотека?');
  });

  it('drops an opening that only announces the question', () => {
    expect(questionPart('Хотелось бы понять, когда откроется библиотека?')).toBe('когда откроется библиотека?');
  });

  it('drops a closing that only asks for help', () => {
    expect(questionPart('Лифт не работает третий день. Помогите, пожалуйста.', 'ru')).toBe('Лифт не работает третий день.');
  });

  it('reads an opening in Latin letters as Russian when the message is Russian, not when it is English', () => {
    expect(questionPart('Podskazhite pozhaluysta, kogda otkroetsya biblioteka?', 'ru')).toBe('kogda otkroetsya biblioteka?');
    expect(questionPart('Hotels, are they open this week?', 'en')).toBe('Hotels, are they open this week?');
  });

  it('keeps a message whole when nothing in it is only story', () => {
    expect(questionPart('  когда откроется библиотека ')).toBe('когда откроется библиотека');
    expect(questionPart('Снег во дворе. Машины буксуют.')).toBe('Снег во дворе. Машины буксуют.');
    expect(questionPart('Где библиотека? Когда она открыта?')).toBe('Где библиотека? Когда она открыта?');
    // "Как быть?" alone would teach nothing: the story is the question.
    expect(questionPart('Лифт стоит с понедельника. Как быть?')).toBe('Лифт стоит с понедельника. Как быть?');
    // Nor is "Как его оспорить?": its subject is in the story.
    expect(questionPart('Пришёл штраф за стоянку. Как его оспорить?')).toBe('Пришёл штраф за стоянку. Как его оспорить?');
  });
});
