/**
 * What kind of answer a question asks for: a time ("когда", "со скольки", "қашан", "what time"),
 * an amount ("сколько стоит", "қанша", "how much"), a place, a person, a reason or a way. The
 * question words themselves are stop words (every FAQ shares them), but the kind they ask is what
 * tells sibling entries apart: "бассейн со скольки" wants the opening hours, not the price. Each
 * kind becomes one key of the question variants that ask it and of the message, so BM25F weighs it
 * like a word: by how few of the FAQ's questions ask that kind. General grammar of the three
 * languages (also Russian typed in Latin letters and Kazakh typed without its letters), not any
 * FAQ's vocabulary. Question words are also listed in stopwords.ts (they are not content) and
 * sentences/question-words.ts (they make a sentence a question): a word added here may belong there too.
 */
import type { Lang } from '../i18n/languages';
import { foldKazakh, hasKazakhLetters, tokenize } from './normalize';
import { latinToCyrillic } from './translit';

export type QuestionKind = 'time' | 'amount' | 'place' | 'person' | 'reason' | 'way';

/** Index key of a kind: no word can produce it (tokenize keeps letters and digits only). */
export function questionKindKey(kind: QuestionKind): string {
  return `?${kind}`;
}

export function isQuestionKindKey(key: string): boolean {
  return key.startsWith('?');
}

/**
 * Days said from today ("а завтра?", "ертең ше?", "and tomorrow?"), in folded spelling: they say
 * when, not what. "сегодня", "бүгін", "today" and "now" are stop words, and so out of a message's
 * content already; the others are not, as a story's "вчера" weighs in a long message (made stop
 * words too, they moved the evaluation suites both ways).
 */
const DAYS = new Set(
  `сегодня сейчас бугин казир today now tonight segodnya seychas
   завтра послезавтра вчера позавчера ертен бурсигуни кеше tomorrow yesterday zavtra poslezavtra vchera`.split(/\s+/),
);

/**
 * Days of the week, the weekend and holidays ("а в субботу?", "жексенбіде ше?", "and on Sundays?",
 * "а в праздники?"), by the start they keep in every case form (folded spelling). Wednesday's
 * Russian name is also the word for a medium or an environment: left out. The Kazakh weekend is two
 * words (weekendWords): its first alone is also a holiday, or a leave.
 */
const DAY_STARTS = `понедельник вторник четверг пятниц суббот воскресень выходн будн праздн
  дуйсенби сейсенби сарсенби бейсенби сенби жексенби мереке
  monday tuesday wednesday thursday friday saturday sunday weekend weekday holiday`.split(/\s+/);

/**
 * Times of day and seasons ("а ночью?", "кешке ше?", "and at night?", "а зимой?", "қыста ше?"), in
 * folded spelling, each form as said.
 * The forms only greetings use ("доброй ночи", "хорошего вечера") are left out: such a message says
 * no time it asks about. Those greetings share with a question ("доброе утро", "good morning"; "in
 * the morning?") count only when no greeting word comes before them (GREETING_TIMES).
 */
const TIMES_OF_DAY = new Set(
  `утром утра днем вечером вечерам ночью ночам
   танертен тунде кешке кундиз
   mornings evenings night nights
   зимой летом весной осенью кыста жазда коктемде кузде winter summer autumn`.split(/\s+/),
);
const GREETING_TIMES = new Set(['утро', 'morning', 'evening']);
const GREETING_WORDS = new Set(['доброе', 'доброго', 'good']);

/** Whether a word (folded) names a day or a time of day: one said from today, or of the week. */
function isDay(word: string): boolean {
  return DAYS.has(word) || TIMES_OF_DAY.has(word) || DAY_STARTS.some((start) => word.startsWith(start));
}

/** Whether `words` say a day or a time of day: "morning" in "in the morning?", not in "good morning". */
function saysDay(words: readonly string[]): boolean {
  return words.some((w, i) => isDay(folded(w)) || (GREETING_TIMES.has(w) && !GREETING_WORDS.has(words[i - 1] ?? '')));
}

/**
 * The positions of the Kazakh weekend, "демалыс күндері" ("rest days"; folded "демалыс кундери"),
 * in `words`: its two words are a day only together.
 */
function weekendWords(words: readonly string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i + 1 < words.length; i += 1) {
    if (!folded(words[i + 1]).startsWith('кун')) continue;
    if (folded(words[i]).startsWith('демалыс')) at.push(i, i + 1);
    // "сенбі күні" ("on Saturday", "Saturday's day"): the day of a named day is that day.
    else if (isDay(folded(words[i]))) at.push(i + 1);
  }
  return at;
}

/**
 * Whether a message names nothing to look up: its content words (`surfaces`, stop words left out)
 * are question kinds ("где?", "how?"), words that only make up a kind ("стоит" in "сколько стоит?",
 * "much" in "how much?", "дней" in "сколько дней?") or ask something of an answer ("а адрес?",
 * "срок?"), or days and times of day ("а в субботу?", "а ночью?"), and it says a kind or a day at
 * all ("а сегодня?" has no content word; "hello? anyone there" neither, but asks nothing of an answer;
 * "what should I do?" has none, and its "do" asks how to act).
 * Such a message asks about the answer before it, if there is one. The words that make up a kind
 * stay words of a longer question ("сколько стоит поверка"): taking them out of every question
 * moved the evaluation suites both ways.
 */
export function namesNoSubject(surfaces: readonly string[], text: string): boolean {
  const rest = surfaces.filter((s) => !isQuestionKindKey(s) && !isDay(s));
  // A kind, or a way of acting on an answer, is made by a few words ("жеке өзім бару керек пе?",
  // "do I have to come in person": three): more words left over name something. Only then is the
  // text read again as words (every message comes here: most stop at this line).
  if (rest.length > 3) return false;
  // Three are only read again when each asks something of an answer by itself ("жеке өзім бару"):
  // most messages of three words name something, and reading them again cost the engine 2 %.
  if (rest.length === 3 && !rest.every((s) => asksOfAnswer(s))) return false;
  const words = tokenize(text);
  // Stop words only: a day ("а сегодня?") or a verb of acting that is one ("what should I do?").
  if (surfaces.length === 0) return saysDay(words) || readQuestionKinds(words).frameWords.length > 0;
  if (rest.length > 0) {
    // A Russian message's Latin word is read as its Cyrillic spelling ("skolko stoit": "стоит").
    const frame = new Set(readQuestionKinds(words).frameWords.flatMap((at) => [folded(words[at]), latinToCyrillic(words[at])]));
    for (const at of weekendWords(words)) frame.add(folded(words[at]));
    if (!rest.every((s) => frame.has(s))) return false;
  }
  return true;
}

/** Single words that ask one kind, in folded spelling (Kazakh letters folded, ё→е). */
const WORD_KINDS: ReadonlyMap<string, QuestionKind> = new Map(
  (
    [
      ['time', 'когда kogda кашан кашанга нешеде нешеге нешеден when whens wen'],
      ['amount', 'сколько skolko скока скоко скок канша'],
      ['place', 'где куда откуда gde kuda otkuda кайда кайдан кайга where wheres'],
      ['person', 'кто кому кого kto komu ким кимге кимнен who whom whos'],
      ['reason', 'почему зачем pochemu zachem неге why'],
      ['way', 'как kak калай how hows hw'],
    ] as Array<[QuestionKind, string]>
  ).flatMap(([kind, words]) => words.split(' ').map((w) => [w, kind] as [string, QuestionKind])),
);

/** The plainest question word of each kind in each language: one that asks that kind alone (readQuestionKinds). */
const KIND_WORDS: Readonly<Record<QuestionKind, Readonly<Record<Lang, string>>>> = {
  time: { ru: 'когда', kk: 'қашан', en: 'when' },
  amount: { ru: 'сколько', kk: 'қанша', en: 'how much' },
  place: { ru: 'где', kk: 'қайда', en: 'where' },
  person: { ru: 'кто', kk: 'кім', en: 'who' },
  reason: { ru: 'почему', kk: 'неге', en: 'why' },
  way: { ru: 'как', kk: 'қалай', en: 'how' },
};

/** A question word that asks `kind` in `lang`: "когда" for a time in Russian. */
export function kindQuestionWord(kind: QuestionKind, lang: Lang): string {
  return KIND_WORDS[kind][lang];
}

/** "со скольки", "до скольки": this form of "сколько" only ever asks for a time. */
const TIME_ONLY = new Set(['скольки', 'skolki']);
/** "сколько" after these asks for a time ("во сколько", "до сколько", "через сколько") rather than an amount. */
const HOW_MUCH = new Set(['сколько', 'skolko', 'скока', 'скоко', 'скок']);
const AFTER_HOW_LONG = new Set(['через', 'cherez']);
const TIME_BEFORE_HOW_MUCH = new Set(['во', 'со', 'до', 'vo', 'so', 'do', ...AFTER_HOW_LONG]);
const TIME_AFTER_HOW = new Set(['long', 'soon', 'late', 'early']);
/** "как долго ждать?": Russian's "how long", a duration. */
const TIME_AFTER_RUSSIAN_HOW = new Set(['долго', 'dolgo']);
/** "how many days": a duration, as "сколько дней" is, not an amount. */
const DURATION_AFTER_HOW_MANY = new Set(['days', 'hours', 'weeks', 'months', 'minutes']);
/** "сколько времени", "сколько ещё ждать": a duration, as "how long" is. */
const TIME_AFTER_HOW_MUCH = new Set(['времени', 'дней', 'часов', 'недель', 'месяцев', 'еще', 'vremeni', 'dney', 'chasov', 'eshche', 'eshe', 'esche']);
const AMOUNT_AFTER_HOW = new Set(['much', 'many']);
/** "какого числа", "what time", "қай уақытта": a question word made a time by the word after it. */
const WHICH = new Set(['какого', 'какое', 'какие', 'какой', 'what', 'wat', 'wot', 'which', 'кай', 'кандай']);
const TIME_WORDS_AFTER_WHICH = new Set([
  ...['время', 'времени', 'числа', 'часа'],
  ...['time', 'date', 'day'],
  ...['уакытта', 'уакыттан', 'уакытка', 'кунге', 'куни'],
]);
/** The Kazakh hour ("сағат", "сағатта"…) that makes "қанша"/"неше" ask for a time. */
const HOUR = 'сагат';
/** Time and days (folded) after "қанша"/"неше": how long. */
const DURATION = ['уакыт', 'кун'];

/**
 * Words that ask for something of an answer by themselves, in folded spelling: its time ("а срок
 * какой?", "мерзімі қандай?", "deadline?"), its address ("адрес?", "мекенжайы?"), its phone number
 * ("а телефон?", "телефон нөмірі?"), whether and what it costs ("это бесплатно?", "ақылы ма?", "is
 * it free?", "а цена какая?", "ақысы қанша?", "what's the fee?"), from what age ("до какого
 * возраста?", "неше жасқа дейін?"), or how to act on it: what to do ("что делать?", "не істеу
 * керек?"), whom to call or complain to ("куда звонить?", "кімге хабарласу керек?", "who do I
 * contact?"), how to apply or pay, with which documents ("какие документы нужны?", "қандай құжаттар
 * керек?"), how long to wait ("а сколько ждать?", "how long will it take?", "қанша уақыт кетеді?").
 * Every centre's FAQ asks these of many subjects ("where do I call about the lift", "…the street
 * lights"), so alone they name no subject (frame words), as "где?" does: a resident is asked what
 * it is about, or soon after an answer given it again, rather than offered entries whose subjects
 * only share the frame. They add no kind to a question and stay its words ("срок действия
 * удостоверения", "адрес ЦОНа", "куда звонить, если не работает лифт"): "срок" read as a time kind
 * in the FAQ's questions as well cost the city suite's one-variant run an offered answer; taking
 * the ways of acting out of every question's words (as the kinds' own words are, phraseWords) fixed
 * 17 cases and broke 12 over the 23 runs, both suites both ways. The Kazakh verbs are read by their
 * stems (KAZAKH_ASKING_STEMS).
 */
const ASKING_WORDS = new Set([
  ...['срок', 'сроки', 'мерзим', 'мерзими', 'deadline', 'deadlines'],
  ...['адрес', 'адреса', 'мекенжай', 'мекенжайы', 'address'],
  ...['телефон', 'телефона', 'телефоны', 'номер', 'номера', 'номир', 'номири', 'phone', 'number'],
  ...['бесплатно', 'платно', 'тегин', 'акылы', 'free', 'paid'],
  ...['цена', 'цену', 'цены', 'стоимость', 'бага', 'багасы', 'акы', 'акысы', 'price', 'prices', 'fee', 'fees', 'cost'],
  ...['возраст', 'возраста', 'возрасте', 'жаска', 'жастан', 'жасы', 'age'],
  ...['звонить', 'позвонить', 'обращаться', 'обратиться', 'жаловаться', 'пожаловаться', 'писать', 'написать'],
  ...['call', 'contact', 'complain', 'write'],
  ...['оплатить', 'заплатить', 'платить', 'pay', 'apply', 'подать'],
  ...['документы', 'документ', 'документов', 'кужат', 'кужаттар', 'documents', 'document', 'paperwork', 'нужны', 'нужен', 'нужна'],
  ...['ждать', 'подождать', 'ожидать', 'wait', 'take', 'занимает', 'займет', 'кетеди'],
  ...['делать', 'сделать'],
  // When it is open, where exactly it is, how many times, getting it, an application for it.
  ...['работает', 'работают', 'открыто', 'открыт', 'открыта', 'открывается', 'открываются', 'закрывается', 'часы', 'время', 'график', 'режим'],
  ...['ашык', 'ашылады', 'жабылады', 'open', 'opens', 'opening', 'hours', 'closes', 'closed'],
  ...['находится', 'находятся', 'расположен', 'накты', 'орналаскан', 'located', 'location', 'exactly'],
  ...['раз', 'рет', 'times'],
  ...['получить', 'получу', 'получим', 'заявка', 'заявку', 'заявление', 'отиниш', 'отиништи', 'application'],
  ...['идти', 'пойти', 'иду', 'идем', 'пойду', 'пойдем', 'ехать', 'поехать', 'еду', 'едем', 'поеду', 'поедем', 'go'],
  // Whoever comes to the resident (a crew, a truck, a doctor): "а когда приедут?", "қашан келеді?".
  ...['приедут', 'приедет', 'придут', 'придет', 'приехать', 'прийти', 'келеди', 'come', 'comes', 'coming'],
  ...['конырау', 'звоним', 'позвоним', 'обратимся'],
  // Doing it online, and who is responsible for it ("а онлайн можно?", "онлайн бола ма?", "who is
  // responsible?", "кім жауапты?"; the Russian "отвечает за", with its "за", in readQuestionKinds:
  // alone "отвечает" is also "answers", as in "никто не отвечает").
  ...['онлайн', 'online', 'onlain', 'onlayn', 'responsible', 'жауапты'],
  // What to bring along, and what if they refuse ("что взять с собой?", "не алып бару керек?", "what
  // should I bring?"; "а если откажут?", "what if they refuse?"; the Kazakh "бас тарту" in
  // ASKING_PAIRS): asked of any service.
  ...['взять', 'брать', 'принести', 'приносить', 'алып', 'озиммен', 'озимизбен', 'озинизбен', 'bring'],
  ...['откажут', 'откажет', 'отказали', 'отказал', 'отказ', 'отказе', 'кабылдамаса', 'кабылдамады', 'refuse', 'refuses', 'refused', 'refusal', 'reject', 'rejected'],
  // Finding it out, checking it, whom to ask, in person, how long it is valid, the form, the
  // website, how often, until when, disagreeing, being late ("как узнать?", "где проверить?",
  // "кімнен сұрауға болады?", "нужно ли приходить лично?", "how long is it valid?", "а где взять
  // бланк?", "сайты қандай?", "how often?", "until when?", "а если я не согласен?", "а если не
  // успею?"; the Kazakh verbs in KAZAKH_ASKING_STEMS, "find out" and "in person" in ASKING_PAIRS).
  // Not the status of an application: "where is my application, status?" names a FAQ's entry.
  ...['узнать', 'узнаю', 'выяснить', 'проверить', 'проверять', 'спросить', 'спрашивать', 'find', 'check', 'ask'],
  ...['лично', 'приходить', 'жеке', 'озим', 'personally'],
  ...['действует', 'действителен', 'действительна', 'действительно', 'жарамды', 'valid'],
  ...['бланк', 'бланка', 'бланки', 'бланкини', 'форма', 'форму', 'form', 'forms'],
  ...['сайт', 'сайта', 'сайте', 'сайты', 'сайтта', 'website', 'site'],
  ...['часто', 'жии', 'каншалыкты', 'often', 'until', 'till'],
  ...['согласен', 'согласна', 'согласны', 'келиспесем', 'келиспесек', 'келиспеймин', 'disagree', 'agree'],
  ...['успею', 'успеем', 'успеть', 'улгермесем', 'улгермесек', 'улгеру'],
  // Whether it takes long, can be had sooner, is one's due, how often a year or a month ("долго ли
  // это?", "а можно ускорить?", "тезірек бола ма?", "am I eligible?", "сколько раз в год можно?").
  ...['долго', 'узак', 'кете', 'long', 'done', 'ускорить', 'быстрее', 'побыстрее', 'тезирек', 'жылдамырак', 'faster', 'quicker', 'sooner'],
  ...['положено', 'подходит', 'подхожу', 'кукыгым', 'кукыгымыз', 'eligible', 'entitled', 'qualify'],
  ...['год', 'году', 'жылына', 'year', 'месяц', 'айына', 'month'],
  // For how long, doing it oneself, who pays, if it does not work out ("это надолго?", "а можно
  // самому?", "can I do it myself?", "кто платит?", "кім төлейді?", "а если не получится?").
  ...['надолго', 'самому', 'сам', 'сама', 'сами', 'самостоятельно', 'myself', 'ourselves'],
  ...['платит', 'платят', 'толейди', 'pays', 'получится', 'получилось'],
  // The rules, cancelling or changing it, how much time ("какие правила?", "қандай ережелер бар?",
  // "how do I cancel it?", "а как изменить?", "қалай өзгертуге болады?", "сколько это занимает по
  // времени?").
  ...['правила', 'правило', 'ереже', 'ережелер', 'ережеси', 'rules', 'rule'],
  ...['отменить', 'cancel', 'изменить', 'поменять', 'сменить', 'change', 'времени'],
  // Whether it is so, and where it is written ("это точно?", "вы уверены?", "рас па?", "are you
  // sure?", "а где это написано?", "қайда жазылған?", "where is that written?").
  ...['точно', 'уверены', 'уверен', 'рас', 'sure', 'написано', 'жазылган', 'written'],
  // Where the information comes from, whether it holds everywhere ("откуда информация?", "ақпарат
  // қайдан?", "это везде?", "is it everywhere?"). Not "official": an official appeal is a subject.
  ...['информация', 'информацию', 'акпарат', 'information', 'info', 'везде', 'everywhere'],
]);

/**
 * The Kazakh verbs among the words that ask how to act on an answer (ASKING_WORDS has the Russian
 * and English ones), as folded stems: go, come, contact, turn to, complain, pay, wait, write, do
 * (two verbs), get, give (an application), find out, check, ask, change, and the "шалу" of
 * "қоңырау шалу" (to phone). Each is read with the endings a resident asks with: the infinitive and
 * its "for"/"my" forms ("бару", "хабарласуға", "баруым керек"), the present of I, we and polite you
 * ("барамын", "жүгінеміз", "төлейміз", the spoken "барам"), "if" ("барсақ", "хабарлассам"), "let
 * me/us" ("барайын", "барайық") and the form before "can" ("төлей аламын ба?", "бара аламын ба?",
 * as "можно оплатить?", "can I pay?" are asked). The Russian and English verbs are a few forms each,
 * listed; a Kazakh verb has dozens, and "қайда барамыз?", "кімге хабарласамыз?" named a subject
 * ("барамыз") where "қайда бару керек?" did not. Bare stems are left out: "бар" is also "there is";
 * so is "жаза", a punishment as well as "writing" (KAZAKH_NOUNS).
 */
const KAZAKH_ASKING_STEMS = ['бар', 'кел', 'хабарлас', 'жугин', 'шагымдан', 'толе', 'кут', 'жаз', 'шал', 'исте', 'жаса', 'ал', 'бер', 'бил', 'тексер', 'сура', 'озгерт'];
const KAZAKH_ASKING_ENDINGS = new Set([
  ...['у', 'уга', 'уге', 'уым', 'уим', 'уымыз', 'уимиз'],
  ...['амын', 'емин', 'амыз', 'емиз', 'асыз', 'есиз', 'ам', 'ем'],
  ...['ймын', 'ймин', 'ймыз', 'ймиз', 'йсыз', 'йсиз', 'йм'],
  ...['са', 'се', 'сам', 'сем', 'сак', 'сек', 'саныз', 'сениз'],
  ...['айын', 'ейин', 'айык', 'ейик', 'йын', 'йин', 'йык', 'йик'],
  ...['а', 'е', 'й'],
]);
/** Words that are a stem and one of those endings but mostly a noun: "жаза" is a punishment. */
const KAZAKH_NOUNS = new Set(['жаза']);

/** The stems by their first letter: every word of every message and question is tried against them. */
const STEMS_BY_FIRST = new Map<string, string[]>();
const NO_STEMS: readonly string[] = [];
for (const stem of KAZAKH_ASKING_STEMS) STEMS_BY_FIRST.set(stem[0], [...(STEMS_BY_FIRST.get(stem[0]) ?? []), stem]);

/** Whether a folded word is one of ASKING_WORDS, or a form of one of its Kazakh verbs (KAZAKH_ASKING_STEMS). */
function asksOfAnswer(word: string): boolean {
  if (ASKING_WORDS.has(word)) return true;
  if (KAZAKH_NOUNS.has(word)) return false;
  for (const stem of STEMS_BY_FIRST.get(word[0]) ?? NO_STEMS) {
    if (word.length > stem.length && word.startsWith(stem) && KAZAKH_ASKING_ENDINGS.has(word.slice(stem.length))) return true;
  }
  return false;
}

/**
 * Two words that ask together, of any subject, where one alone is a subject or another word: when it
 * is open, as "работает?" and "hours?" do ("часы работы", "график работы", "жұмыс уақыты қандай?",
 * "жұмыс істей ме?", where "нет работы", "жұмыс іздеймін" are a job); the Kazakh refusal ("бас
 * тартса ше?", "if they refuse": "бас" alone is a head); "find out", "in person", "up to" ("up to
 * what age?"; "up" alone is a word: "the lift is stuck up there"). Each: the first word, and the
 * starts of the second.
 */
const ASKING_PAIRS: ReadonlyArray<readonly [ReadonlySet<string>, readonly string[]]> = [
  [new Set(['часы', 'время', 'график', 'режим']), ['работы']],
  [new Set(['жумыс']), ['исте', 'уакыт']],
  [new Set(['бас']), ['тарт']],
  [new Set(['find']), ['out']],
  [new Set(['in']), ['person']],
  [new Set(['up']), ['to']],
];

function asksInPair(word: string, after: string): boolean {
  return ASKING_PAIRS.some(([firsts, seconds]) => firsts.has(word) && seconds.some((start) => after.startsWith(start)));
}

/**
 * English "do" as the verb of acting after "what" ("what should I do?", "what do we do then?", "what
 * to do?"), as the Russian "делать" and the Kazakh "істеу" are (ASKING_WORDS): not the auxiliary of
 * another verb, which its subject follows ("what do I need?"). Every other word of such a message is
 * a stop word.
 */
const DO = 'do';
const ENGLISH_WHAT = new Set(['what', 'wat', 'wot']);
const SUBJECTS_AFTER_AUXILIARY = new Set(['i', 'we', 'you', 'they', 'he', 'she']);

/**
 * What an answer requires, asked with "what" and "needed", stop words both: "что нужно?", "что для
 * этого надо?", "не керек?" (the Kazakh "не", "what", right before "керек"), "what do I need?".
 */
const NEEDED = new Set(['нужно', 'надо', 'керек', 'need', 'needed']);
const WHAT_BEFORE_NEEDED = new Set(['что', 'chto', ...ENGLISH_WHAT]);
const KAZAKH_WHAT = 'не';

/** How many words before "do" or "needed" their "what" may stand ("what should we do", "what else can I do"). */
const WHAT_REACH = 4;

function afterWhat(words: readonly string[], at: number, whats: ReadonlySet<string>): boolean {
  for (let before = at - 1; before >= Math.max(0, at - WHAT_REACH); before -= 1) if (whats.has(words[before])) return true;
  return false;
}

function actsAfterWhat(words: readonly string[], at: number): boolean {
  return !SUBJECTS_AFTER_AUXILIARY.has(words[at + 1] ?? '') && afterWhat(words, at, ENGLISH_WHAT);
}

function asksWhatIsNeeded(words: readonly string[], at: number): boolean {
  return afterWhat(words, at, WHAT_BEFORE_NEEDED) || (words[at] === 'керек' && words[at - 1] === KAZAKH_WHAT);
}

/** "кто отвечает за это?": "отвечает" with "за" is "is responsible for", and asks who, of any subject. */
const RESPONSIBLE = new Set(['отвечает', 'отвечают', 'otvechaet', 'otvechayut']);
const FOR = new Set(['за', 'za']);

/** Whether a word (as tokenize spells it) only asks how to act on an answer or what of it (ASKING_WORDS). */
export function isAskingWord(word: string): boolean {
  return asksOfAnswer(folded(word));
}

/** Verbs of cost: with a question of amount they only make it one ("сколько стоит?", "қанша тұрады?"). */
const COST_VERBS = new Set(['стоит', 'стоят', 'стоить', 'stoit', 'stoyat', 'турады', 'cost', 'costs']);

/** Words worth a closer look; every other word is passed over at the cost of one lookup (and the Kazakh verbs' stems). */
const TRIGGERS = new Set([...WORD_KINDS.keys(), ...TIME_ONLY, ...WHICH, ...ASKING_WORDS, ...RESPONSIBLE, 'неше', DO, ...NEEDED, ...ASKING_PAIRS.flatMap(([firsts]) => [...firsts])]);

function folded(word: string | undefined): string {
  if (word === undefined) return '';
  return hasKazakhLetters(word) ? foldKazakh(word) : word;
}

/** Kazakh "қай жерде", "қай жерге", "қай жерден": "at which place", a place asked. */
const PLACE_WORDS_AFTER_WHICH = new Set(['жерде', 'жерге', 'жерден', 'жер']);

/**
 * What readQuestionKinds finds in one sentence as it reads it (methods, not closures made per
 * sentence: ARCHITECTURE.md, "Hot paths").
 */
class KindReading {
  readonly kinds: QuestionKind[] = [];
  readonly phraseWords: number[] = [];
  readonly frameWords: number[] = [];

  constructor(private readonly words: readonly string[]) {}

  add(kind: QuestionKind, phraseWord?: number): void {
    if (!this.kinds.includes(kind)) this.kinds.push(kind);
    if (phraseWord !== undefined) this.phraseWords.push(phraseWord);
  }

  /** The word at `at` made (or completes) the kind: it names no subject ("much" in "how much"). */
  frame(at: number): void {
    if (at < this.words.length && !this.frameWords.includes(at)) this.frameWords.push(at);
  }

  /** The verb of cost within `reach` words of a question of amount ("сколько это стоит", "how much does it cost"). */
  costFrom(from: number, reach: number): void {
    for (let at = from; at < Math.min(this.words.length, from + reach); at += 1) {
      if (COST_VERBS.has(folded(this.words[at]))) return this.frame(at);
    }
  }
}

/** What follows a Russian question word that makes it an indefinite: "где-то", "как-нибудь", "кто-либо". */
const INDEFINITE_AFTER: ReadonlySet<string | undefined> = new Set(['то', 'нибудь', 'либо']);
/**
 * The same typed in Latin letters ("gde-to", "kak-nibud"), after a Russian question word typed so
 * only: after an English one "to" is English ("how to pay", "who to call"), and they asked nothing.
 */
const LATIN_INDEFINITE_AFTER: ReadonlySet<string | undefined> = new Set(['to', 'nibud', 'libo']);
const LATIN_RUSSIAN_QUESTION_WORDS = new Set(['kogda', 'gde', 'kuda', 'otkuda', 'kto', 'komu', 'kogo', 'kak', 'pochemu', 'zachem', 'chto', 'skolko']);

/**
 * Russian conjunctions made of a question word and the word before it: "потому что", "так что",
 * "то, что", "так как", "после того как", "с тех пор как", "в то время как".
 */
const CONJUNCTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['что', new Set(['потому', 'оттого', 'так', 'то', 'того', 'тем', 'хоть'])],
  ['как', new Set(['так', 'того', 'пор', 'время'])],
  // The same typed in Latin letters.
  ['chto', new Set(['potomu', 'ottogo', 'tak', 'to', 'togo', 'tem', 'hot'])],
  ['kak', new Set(['tak', 'togo', 'por', 'vremya'])],
]);

/**
 * A Russian verb in the past tense ("написали", "слышала", "сказал"): "что" after one says what was
 * said or heard ("написали что доход превышает"), it does not ask.
 */
const PAST_TENSE = /^(?:[а-я]{2,}(?:л|ла|ли|ло)|[a-z]{2,}(?:l|la|li|lo))$/;

/** "как только", "как будто", "как бы": as soon as, as if. */
const AS_IF_AFTER: ReadonlySet<string | undefined> = new Set(['только', 'будто', 'бы', 'tolko', 'budto', 'by']);

/**
 * Whether the question word `words[i]` asks nothing where it stands: a Russian indefinite
 * ("где-то", "что-нибудь", "кое-как", also typed with a space), part of a conjunction ("потому
 * что", "так как", "как только"), or "что" after a verb in the past tense ("написали что…",
 * "слышала что…"); also typed in Latin letters ("skazal chto"). A story says them as often as a
 * question: the sentence is no question for them (sentences/question-words.ts), and they ask no kind of answer.
 */
export function asksNothing(words: readonly string[], i: number): boolean {
  const word = words[i];
  const before = words[i - 1];
  const after = words[i + 1];
  if (INDEFINITE_AFTER.has(after) || before === 'кое') return true;
  if (LATIN_INDEFINITE_AFTER.has(after) && LATIN_RUSSIAN_QUESTION_WORDS.has(word)) return true;
  if ((word === 'как' || word === 'kak') && AS_IF_AFTER.has(after)) return true;
  if (before === undefined) return false;
  if ((word === 'что' || word === 'chto') && PAST_TENSE.test(before)) return true;
  return CONJUNCTIONS.get(word)?.has(before) ?? false;
}

/**
 * The kinds of answer the words of one sentence ask for (each once), and the positions of the words
 * that only make up a kind with the question word before them and would otherwise read as another
 * subject (`phraseWords`, taken out of the question's content): "жерде" in "қай жерде" ("where")
 * is not the "жер" of a land or burial plot. "long" in "how long", "time" in "what time" or "стоит"
 * in "сколько стоит" stay words of the question: taking them out as well moved the evaluation
 * suites both ways (a holdout lost six answers). They are only `frameWords` (with `phraseWords`):
 * a message of nothing else names no subject (namesNoSubject).
 */
export function readQuestionKinds(words: readonly string[]): { kinds: QuestionKind[]; phraseWords: number[]; frameWords: number[] } {
  const reading = new KindReading(words);
  for (let i = 0; i < words.length; i += 1) {
    const word = folded(words[i]);
    if (!(TRIGGERS.has(word) || asksOfAnswer(word)) || asksNothing(words, i)) continue;
    const before = folded(words[i - 1]);
    const after = folded(words[i + 1]);
    if (asksInPair(word, after)) {
      reading.frame(i);
      reading.frame(i + 1);
    }
    if (TIME_ONLY.has(word) || (HOW_MUCH.has(word) && (TIME_BEFORE_HOW_MUCH.has(before) || TIME_AFTER_HOW_MUCH.has(after)))) {
      reading.add('time');
      if (TIME_AFTER_HOW_MUCH.has(after)) reading.frame(i + 1);
      // "через сколько": "через" (in, after) is no stop word, but here it only makes the time.
      if (AFTER_HOW_LONG.has(before)) reading.frame(i - 1);
    } else if (word === 'how') {
      const unit = after === 'many' && DURATION_AFTER_HOW_MANY.has(folded(words[i + 2]));
      reading.add(TIME_AFTER_HOW.has(after) || unit ? 'time' : AMOUNT_AFTER_HOW.has(after) ? 'amount' : 'way');
      if (TIME_AFTER_HOW.has(after) || AMOUNT_AFTER_HOW.has(after)) reading.frame(i + 1);
      if (unit) reading.frame(i + 2);
      if (AMOUNT_AFTER_HOW.has(after)) reading.costFrom(i + 2, 3);
    } else if ((word === 'канша' || word.startsWith('неше')) && (before.startsWith(HOUR) || after.startsWith(HOUR))) {
      // "қанша сағат", "сағат нешеде": the hour asked with a word of amount.
      reading.add('time');
      reading.frame(before.startsWith(HOUR) ? i - 1 : i + 1);
    } else if ((word === 'канша' || word === 'неше') && DURATION.some((d) => after.startsWith(d))) {
      // "қанша уақыт", "неше күн": a duration.
      reading.add('time');
      reading.frame(i + 1);
    } else if (word === 'неше') {
      reading.add('amount');
    } else if (WHICH.has(word)) {
      if (TIME_WORDS_AFTER_WHICH.has(after)) {
        reading.add('time');
        reading.frame(i + 1);
      } else if (word === 'кай' && PLACE_WORDS_AFTER_WHICH.has(after)) reading.add('place', i + 1);
    } else if (asksOfAnswer(word)) {
      reading.frame(i);
    } else if (RESPONSIBLE.has(word) && FOR.has(after)) {
      reading.frame(i);
    } else if (word === DO && actsAfterWhat(words, i)) {
      reading.frame(i);
    } else if (NEEDED.has(word) && asksWhatIsNeeded(words, i)) {
      reading.frame(i);
    } else if ((word === 'как' || word === 'kak') && TIME_AFTER_RUSSIAN_HOW.has(after)) {
      reading.add('time');
      reading.frame(i + 1);
    } else {
      const kind = WORD_KINDS.get(word);
      if (kind) reading.add(kind);
      if (kind === 'amount') reading.costFrom(i + 1, 2);
    }
  }
  return { kinds: reading.kinds, phraseWords: reading.phraseWords, frameWords: [...reading.phraseWords, ...reading.frameWords] };
}
