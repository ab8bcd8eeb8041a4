/**
 * Messages wrapped in courtesy on demand (`npm run eval -- … --courtesy`): each message gets a
 * greeting before it and a sign-off after it in its own language, as residents write to a helpline
 * ("Здравствуйте! … Буду благодарна за ответ."), on the same line or the next; half of them a
 * lead-in before the question ("Хотела спросить: …"), some a remark after it ("Пишу уже второй
 * раз."). The phrases are everyday ones, some of them ones the bot's small-talk lists do not have
 * ("извините за беспокойство", "Жауабыңызды күтемін", "Looking forward to your reply", "Need some
 * info:"), so the run shows what courtesy still costs.
 * Each message's wrapping follows from its own text: the same on every run.
 */
import type { Lang } from '../i18n/languages';
import { pickOne, seededRandom, seedOf } from '../matcher/seeded-random';
import type { EvalCase } from './evaluate';

const GREETINGS: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    'Здравствуйте!',
    'Добрый день.',
    'Добрый вечер!',
    'Доброе утро!',
    'Привет.',
    'Доброго времени суток!',
    'Здравствуйте, уважаемые сотрудники!',
    'Добрый вечер, извините за беспокойство.',
  ],
  kk: ['Сәлеметсіз бе!', 'Қайырлы күн.', 'Сәлем.', 'Армысыз!', 'Қайырлы таң!', 'Сәлеметсіздер ме!', 'Кеш жарық.', 'Ассалаумағалейкум.'],
  en: ['Hello!', 'Good afternoon.', 'Hi there,', 'Good morning!', 'Hey,', 'Dear 109,', 'Hi, sorry to bother you.', 'Good evening.'],
};

const SIGN_OFFS: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    'Спасибо заранее.',
    'Спасибо!',
    'Буду благодарна за ответ.',
    'Хорошего дня!',
    'Заранее благодарю за помощь!',
    'С уважением, Айгуль.',
    'Жду ответа.',
    'Всего доброго!',
  ],
  kk: ['Рахмет!', 'Алдын ала рахмет.', 'Жауап берсеңіз, рахмет.', 'Сау болыңыз!', 'Көмегіңіз үшін рахмет!', 'Құрметпен, Асқар.', 'Жауабыңызды күтемін.'],
  en: [
    'Thanks in advance.',
    'Thank you!',
    'Have a nice day!',
    'Many thanks.',
    'Thanks a lot for your help!',
    'Kind regards, Dana.',
    'Looking forward to your reply.',
    'All the best!',
  ],
};

/** What residents say before the question itself ("Хотела спросить: …", "Бір сұрақ: …", "Quick question: …"). */
const LEAD_INS: Readonly<Record<Lang, readonly string[]>> = {
  ru: ['Хотела спросить:', 'У меня такой вопрос:', 'Подскажите такой момент:', 'Слушайте,', 'Нужна информация:', 'Хотелось бы понять,'],
  kk: ['Бір сұрақ:', 'Білгім келеді,', 'Маған айтыңызшы,', 'Сұрағым болып тұр:', 'Түсіндіріп беріңізші,', 'Кеңес беріңізші,'],
  en: ['I wanted to ask,', 'Quick question:', 'Need some info:', 'Hey, quick one:', 'Sorry, another thing:', 'Wondering if you can help:'],
};

/** The share of messages that get a lead-in between the greeting and the question. */
const LEAD_IN_SHARE = 0.5;

/** What residents add after the question, before signing off ("Пишу уже второй раз.", "It's quite urgent."). */
const REMARKS: Readonly<Record<Lang, readonly string[]>> = {
  ru: ['Пишу уже второй раз.', 'Дети маленькие дома.', 'Раньше такого не было.', 'Сама не могу разобраться.', 'Соседи тоже жалуются.'],
  kk: ['Екінші рет жазып отырмын.', 'Үйде кішкентай балалар бар.', 'Бұрын мұндай болмаған.', 'Өзім түсіне алмай жүрмін.'],
  en: ['This is my second message.', "It's quite urgent.", 'This never happened before.', "I can't figure it out myself."],
};

/** The share of messages that get a remark after the question. */
const REMARK_SHARE = 0.3;

/** `text` with a greeting, for some messages a lead-in before it and a remark after it, and a sign-off, in `lang`. */
export function withCourtesy(text: string, lang: Lang): string {
  const random = seededRandom(seedOf(text));
  const greeting = pickOne(GREETINGS[lang], random);
  const signOff = pickOne(SIGN_OFFS[lang], random);
  const end = pickOne([' ', '\n'], random);
  const lead = random() < LEAD_IN_SHARE ? `${pickOne(LEAD_INS[lang], random)} ` : '';
  const remark = random() < REMARK_SHARE ? `${/[.!?…]$/u.test(text.trim()) ? '' : '.'} ${pickOne(REMARKS[lang], random)}` : '';
  return `${greeting} ${lead}${text}${remark}${end}${signOff}`;
}

/** The cases with their messages wrapped in courtesy (withCourtesy); what each expects stays. */
export function courteous(cases: readonly EvalCase[]): EvalCase[] {
  return cases.map((c) => ({ ...c, text: withCourtesy(c.text, c.lang) }));
}
