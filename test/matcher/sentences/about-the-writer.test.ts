import { introducesWriter, withoutContactDetails } from '../../../src/matcher/sentences/about-the-writer';
import { questionPart, segmentMessage } from '../../../src/matcher/sentences/segments';
import { sentencesOf } from '../../../src/matcher/sentences/split';
import { tokenize } from '../../../src/matcher/normalize';

const kept = (text: string, lang: 'ru' | 'kk' | 'en') => withoutContactDetails(sentencesOf(text, lang)).map((s) => s.text);

describe('the writer saying who writes', () => {
  it('is told by the words that give a name or say whom the writer writes for, within the first words', () => {
    for (const text of [
      'Меня зовут Айгуль, мне 67 лет',
      'Здравствуйте, меня зовут Сергей',
      'Менің атым Айгүл',
      'Атым Гүлнар',
      'Hello, my name is Aigul',
      'Пишу от имени своей мамы',
      "I'm writing on behalf of my mum",
      'Анамның атынан жазып отырмын',
    ]) {
      expect([text, introducesWriter(tokenize(text))]).toEqual([text, true]);
    }
    for (const text of ['Меня бесит этот лифт', 'Имя ребёнка в свидетельстве с ошибкой', 'What is the name of the new bus stop', 'Заявление подано от имени сына']) {
      expect([text, introducesWriter(tokenize(text))]).toEqual([text, false]);
    }
  });
});

describe('the writer giving a phone number', () => {
  it('is left out of the message, with its label before a colon', () => {
    expect(kept('лифт не работает. Тел: 8 701 123 45 67', 'ru')).toEqual(['лифт не работает']);
    expect(kept('уличное освещение не работает. Мой номер 87011234567.', 'ru')).toEqual(['уличное освещение не работает']);
    expect(kept('Су жоқ. Нөмірім 87011234567.', 'kk')).toEqual(['Су жоқ']);
    expect(kept('The bins were not emptied. Please call me back: +7 777 000 11 22.', 'en')).toEqual(['The bins were not emptied', 'Please call me back']);
  });

  it('stays in a story, a question and a number too short to be a phone', () => {
    expect(kept('Позвонил на 87182000002, никто не берёт трубку. Куда жаловаться?', 'ru')).toHaveLength(2);
    expect(kept('Можно позвонить на 87182000002? Лифт стоит.', 'ru')).toHaveLength(2);
    expect(kept('Лифт не работает. Номер 112 не отвечает.', 'ru')).toHaveLength(2);
  });
});

describe('the writer giving an address', () => {
  it('is left out of the message, in the three languages, with or without a label before a colon', () => {
    expect(kept('Проживаю по адресу ул. Абая 12, кв. 5. Когда дадут воду?', 'ru')).toEqual(['Когда дадут воду']);
    expect(kept('Адрес: мкр. Усолка, дом 3. лифт не работает', 'ru')).toEqual(['лифт не работает']);
    expect(kept('Мекенжайым: Абай көшесі 12, 5-пәтер. су жоқ', 'kk')).toEqual(['су жоқ']);
    expect(kept('I live at 12 Abay Street, flat 5. The lift is broken.', 'en')).toEqual(['The lift is broken']);
    expect(kept('The lift is broken again. My address is 64 Toraigyrov street, flat 9.', 'en')).toEqual(['The lift is broken again']);
  });

  it('stays when it asks, has no number, is all there is, or nothing named would be left', () => {
    expect(kept('Адрес ЦОНа 12 какой? Работает ли он в субботу?', 'ru')).toHaveLength(2);
    expect(kept('Адрес прописки сменился. Что делать?', 'ru')).toHaveLength(2);
    expect(kept('Проживаю по адресу ул. Абая 12, кв. 5.', 'ru')).toHaveLength(1);
    expect(kept('Проживаю по адресу ул. Абая 12, кв. 5. Что делать?', 'ru')).toHaveLength(2);
  });

  it('is not among the words a message offers to learn, nor weighs in its matching', () => {
    const message = 'Проживаю по адресу ул. Абая 12, кв. 5. Во дворе не вывозят мусор.';
    expect(questionPart(message, 'ru')).toBe('Во дворе не вывозят мусор.');
    expect(questionPart('Во дворе не вывозят мусор. Мой номер 87011234567.', 'ru')).toBe('Во дворе не вывозят мусор.');
    expect(segmentMessage(message, 'ru').map((s) => s.text)).toEqual(['Во дворе не вывозят мусор']);
  });
});
