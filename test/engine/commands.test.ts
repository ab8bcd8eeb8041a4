import { CommandRecognizer } from '../../src/engine/commands';
import { createTranslator } from '../../src/i18n';

const commands = new CommandRecognizer(createTranslator());
const name = (text: string) => commands.recognize(text)?.name ?? null;

describe('CommandRecognizer: a short message asking for a person', () => {
  test('is the operator command in each language, with words around the request', () => {
    for (const text of [
      'Соедините с оператором, пожалуйста',
      'мне нужен оператор срочно',
      'маған оператор керек',
      'операторды шақырыңызшы',
      'операторға қосыңыз',
      'can I talk to a person?',
      'please connect me to an operator',
    ]) {
      expect([text, name(text)]).toEqual([text, 'operator']);
    }
  });

  test('is the operator command as residents also put it ("можно оператора?" was read as a question about mobile operators)', () => {
    for (const text of [
      'можно оператора?',
      'дайте человека',
      'маған адам керек',
      'маманға қосыңызшы',
      'I need a human',
      'I want to speak with an operator',
      'connect me to a person please',
      // A live person in the genitive: it was offered the ban on mass gatherings ("человека").
      'можно живого человека',
      'дайте живого оператора',
      // In the other word order, or as help from a person: each reached an operator as "no answer".
      'человек нужен',
      'мне нужна помощь человека',
      'оператора дайте',
      'live chat',
      // The bot given up on: "адам керек" was offered the ban on mass gatherings.
      'адам керек',
      'бот не понимает',
      'глупый бот',
      'useless bot',
      'бот түсінбейді',
      // A specialist, a member of staff, an agent, support: as many ways again.
      'хочу поговорить с сотрудником',
      'i need to speak with an agent',
      'connect me to support',
    ]) {
      expect([text, name(text)]).toEqual([text, 'operator']);
    }
    // An operator of another kind is a question; so are people needed for something.
    expect(name('Какой мобильный оператор работает ночью?')).toBeNull();
    expect(name('тойға қанша адам керек')).toBeNull();
  });

  test('is not, when the message says the resident does not want one', () => {
    for (const text of ['я не хочу к оператору', "I don't want to talk to a human", 'I do not need to talk to a human']) {
      expect([text, name(text)]).toEqual([text, null]);
    }
    // Said as no operator needed, it is /cancel: "мне не нужен оператор" was a question that opened a ticket.
    for (const text of ['мне не нужен оператор', 'маған оператор керек емес', 'I do not need an operator']) expect([text, name(text)]).toEqual([text, 'cancel']);
  });

  test('a few words naming a person to talk to are no command, but name one; denied or among many words, not', () => {
    for (const text of ['хочу оператора', 'оператор нужен срочно', 'позвать оператора можно?', 'human please now', 'дайте специалиста']) expect([text, commands.namesPerson(text)]).toEqual([text, true]);
    for (const text of ['мне не нужен оператор вообще', 'какой мобильный оператор работает ночью?', 'когда откроют банки?']) expect([text, commands.namesPerson(text)]).toEqual([text, false]);
  });

  test('a denial further back belongs to something else, and "no" answers what the bot asked', () => {
    expect(name('не могу дозвониться до акимата, соедините с оператором')).toBe('operator');
    expect(name('нет, соедините с оператором')).toBe('operator');
    expect(name('no, let me talk to a person')).toBe('operator');
  });

  test('a command word of six letters or more is taken with one typing slip, a shorter one or another word is not', () => {
    // Each was a question for the FAQ, which offered the mobile operators' entry.
    for (const [typed, command] of [['опреатор', 'operator'], ['операотр', 'operator'], ['оператр', 'operator'], ['operatro', 'operator'], ['отменть', 'cancel'], ['subscirbe', 'subscribe']] as const) {
      expect([typed, name(typed)]).toEqual([typed, command]);
    }
    // A letter replaced is no slip ("операция" is a word), nor is a word among others.
    for (const typed of ['операция', 'аперато', 'опреатор связи работает?']) expect([typed, name(typed)]).toEqual([typed, null]);
  });

  test('going back is the menu', () => {
    for (const typed of ['назад', 'в начало', 'артқа', 'back']) expect([typed, name(typed)]).toEqual([typed, 'menu']);
  });

  test('the typed words of /cancel are still /cancel', () => {
    expect(name('оператор не нужен')).toBe('cancel');
    expect(name('оператор керек емес')).toBe('cancel');
    // The question no longer stands: each opened a ticket of its own as a question.
    for (const text of ['уже не актуально', 'забудьте', 'forget it', 'енді қажет емес']) expect([text, name(text)]).toEqual([text, 'cancel']);
  });
});

describe('CommandRecognizer: a short message asking for alerts, or for no more of them', () => {
  test('subscribes in each language, with words around the request', () => {
    for (const text of [
      'хочу получать уведомления',
      'хочу получать оповещения о комендантском часе',
      'как подписаться на рассылку?',
      'хабарландыруға жазылу',
      'хабарландыруға жазылғым келеді',
      'please notify me about curfew changes',
      'how do I get alerts?',
    ]) {
      expect([text, name(text)]).toEqual([text, 'subscribe']);
    }
  });

  test('unsubscribes when the resident wants no more, also said as a denial of the request', () => {
    for (const text of ['не хочу получать уведомления', 'больше не присылайте мне оповещения', 'хабарлама жібермеңіз', 'stop sending me alerts please']) {
      expect([text, name(text)]).toEqual([text, 'unsubscribe']);
    }
  });

  test('a longer message saying it is a question for the FAQ', () => {
    expect(name('я подписался на оповещения от акимата но почему-то ничего не приходит уже неделю')).toBeNull();
  });
});

describe('CommandRecognizer: a short message asking for a language', () => {
  test('picks it, asked in any language, with words around the request', () => {
    for (const [text, lang] of [
      ['can you answer in english', 'en'],
      ['қазақша жазыңызшы', 'kk'],
      ['ответьте на казахском пожалуйста', 'kk'],
      ['please reply in Russian', 'ru'],
      ['орысша жауап беріңізші', 'ru'],
    ] as const) {
      expect([text, commands.recognize(text)]).toEqual([text, { name: 'select-lang', lang }]);
    }
  });

  test('a question that names a language only asks about it', () => {
    expect(commands.recognize('есть ли бланк на казахском?')).toBeNull();
    expect(commands.recognize('is the form available in english?')).toBeNull();
  });
});

describe('CommandRecognizer: asking who answers', () => {
  test('"ты бот?", "кто вы?", "сіз бот па?", "are you a bot?" are /start: the bot says who it is and what it can do', () => {
    for (const text of ['ты бот?', 'кто вы?', 'сіз бот па?', 'сен кімсің?', 'are you a bot?', 'who are you']) expect([text, name(text)]).toEqual([text, 'start']);
    // Asked with the other choice, or as "who are you, then": "человек" read as a FAQ word drew an
    // entry on gatherings of so many people.
    for (const text of ['ты робот или человек?', 'кто ты такой?', 'вы живой человек?', 'сіз бот па әлде адам ба?', 'are you a bot or a human?']) {
      expect([text, name(text)]).toEqual([text, 'start']);
    }
    // Also put so: these were handed to an operator as questions the FAQ had no answer to.
    for (const text of ['это робот?', 'с кем я говорю?', 'бот па?', 'кіммен сөйлесіп тұрмын?', 'who am I talking to?']) {
      expect([text, name(text)]).toEqual([text, 'start']);
    }
    // Asking for a real person is asking for one.
    expect(name('are you a real person?')).toBe('operator');
    // A question about someone else is a question.
    expect(name('кто выдаёт пропуска?')).toBeNull();
  });
});

describe('CommandRecognizer: asking what the bot can do', () => {
  test('is /help in each language ("сен не істей аласың?" was handed to an operator as unanswered)', () => {
    for (const text of ['Что ты умеешь?', 'что вы умеете', 'как пользоваться ботом?', 'what can you do?', 'how does this work?', 'сен не істей аласың?', 'Сіз не істей аласыз?']) {
      expect([text, name(text)]).toEqual([text, 'help']);
    }
    // Asked about something else, it is a question.
    expect(name('как пользоваться егов?')).toBeNull();
    expect(name('what do you do if the lift is broken')).toBeNull();
  });
});

describe('CommandRecognizer: typed words as residents spell them', () => {
  test('a Latin letter with a mark is its plain letter, and a letter held down counts once', () => {
    expect(name('Ménu')).toBe('menu');
    expect(name('ОПЕРАТОООР!!!')).toBe('operator');
    expect(name('menuuu')).toBe('menu');
  });

  test('Kazakh typed without its letters or in Latin letters asks as the Kazakh of the locales does', () => {
    for (const text of ['операторга косыныз', 'operatorga qosynyz', 'operator kerek', 'adammen soileskim keledi', 'maған operator kerek']) {
      expect([text, name(text)]).toEqual([text, 'operator']);
    }
    expect(name('operator kerek emes')).toBe('cancel');
    expect(commands.recognize('qazaqsha jazynyzshy')).toEqual({ name: 'select-lang', lang: 'kk' });
    expect(name('mazir')).toBe('menu');
    // An English or transliterated Russian message is read as it is first: "tell me" is no command.
    expect(name('menu')).toBe('menu');
    expect(name('can you tell me when banks open')).toBeNull();
  });
});

describe('CommandRecognizer: slash commands', () => {
  test('the known ones, their aliases and a command word behind a slash, also addressed to the bot', () => {
    expect(name('/menu')).toBe('menu');
    expect(name('/language')).toBe('lang');
    expect(name('/help@HelplineBot')).toBe('help');
    expect(name('/оператор')).toBe('operator');
    expect(commands.recognize('/kk')).toEqual({ name: 'select-lang', lang: 'kk' });
  });

  test('any other is an unknown command, as typed; a slash before no word is text', () => {
    expect(commands.recognize('/quit')).toEqual({ name: 'unknown', typed: '/quit' });
    expect(commands.recognize('/Stop@HelplineBot now')).toEqual({ name: 'unknown', typed: '/Stop' });
    expect(commands.recognize('/выйти')).toEqual({ name: 'unknown', typed: '/выйти' });
    expect(name('/ 5 минут жду')).toBeNull();
    expect(name('/home/user')).toBeNull();
  });
});
