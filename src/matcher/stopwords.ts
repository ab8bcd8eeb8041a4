/**
 * Words that carry no topic: greetings, politeness, pronouns, particles, auxiliaries, the adverbs a
 * story is told with ("теперь", "опять", "әлі"; Russian ones from the Snowball stop list) or say how
 * often ("обычно", "usually", "әдетте": "how long does it usually take?" names nothing) and the
 * question words every FAQ variant shares ("когда", "where", "қашан"), also as chats spell them
 * ("щас", "скока", "thx"), interjections and laughter ("хм", "ой", "hmm", "лол"), and what is no
 * word at all: a letter held ("ааааа"), a syllable said over ("хахаха", "jkjkjk") or a run along a
 * keyboard row ("фывапролдж", language/keyboard-run.ts). A word no
 * entry knows weighs as much as the rarest one, so a function
 * word missing here makes a question look mostly unknown. Dropping them keeps a
 * greeting-wrapped question ("Здравствуйте, подскажите…") scoring like the bare question and stops
 * them from counting as unexplained words.
 */

import { isKeyboardRun } from '../language/keyboard-run';
import { foldKazakh, isOneLetterOver, withoutSigns } from './normalize';
import { stemKazakh } from './stemmers';
import { slipTargets } from './trigrams';

const RUSSIAN = `
а без более бы был была были было быть в вам вас ваш вообще во вот все всё всем вы где да даже
для до добрый доброе доброго добрый день дня его ее её если есть еще ещё же за здравствуйте здрасте
здравствуй и из или им их к как какая какие каким какой какого ко когда кто куда ли либо мне меня
мной мой моя мою мы на над надо нам нас наш не него нее нет ни но ну о об обо он она они оно от очень
по под подскажите подскажи пожалуйста после привет при про с сейчас сегодня скажите скажи спасибо
так также там то тогда того тоже только тут у уже хотел хотела хочу чем что чтобы чтоб эта эти это
этот я ты тебя тебе тобой твой твоя день утро вечер всем приветствую помогите помоги какое который которая которые можно
нужно будет будут буду вопрос уважаемые уважаемый пж плиз пжл ок ладно просто кстати вот
сколько скольки почему зачем откуда сюда туда раз из-за изза связи поэтому потому
все-таки вообще-то типа короче устали устал надоело блин ужас кошмар
теперь вдруг опять ведь уж потом нибудь будто впрочем конечно наконец иногда совсем почти чуть здесь ничего именно
обычно часто
кого кому кем ком чего чему чём каком какую какому каких какими которого которому которую котором
которым которых которыми ему ей ним ней нему нею них ними себе себя собой
щас ща чё чо шо че ваще токо тока када скока скоко скок спс пжлст пасиб плз мб оч тож нада ниче чет чета кароче короч
тот тем том тому тех теми весь вся всего всей всех всеми всему сам сама само сами самого самой самом самим
свой своя свою свое своё свои своего своей своем своём своих своим своими своему чей чья чье чьё чьи
наша нашего нашей нашем наши нашу наших нашим нашими нашему ваша вашего вашей вашем ваши вашу ваших вашим вашими вашему
мое моё моего моей моем моём мои моих моим моими моему твою твое твоё твоего твоей твои твоих
хоть хотя никогда всегда всю между перед
заранее благодарю салам салем кто-то кто-нибудь что-то что-нибудь кто-либо
никто никого никому ничто нигде никуда везде всюду
поводу насчет насчёт касательно
извините извиняюсь беспокойство беспокою ситуация ситуацию ситуации значит общем вообщем благодарна благодарен интересует интересуют
такой такая такое такие таким такую такого таких
хм хмм ой эй ах ох эх ух ага угу ого ааа эээ ммм
ха хаха хах ахах ахаха хех хехе хи хихи лол ыыы
`;

const KAZAKH = `
мен сен ол біз сіз олар менің сенің оның біздің сіздің және мен пен бен да де та те ғой ма ме ба
бе па пе ма ал бірақ немесе сәлеметсіз сәлем бе қайырлы күн таң кеш айтыңызшы айтыңызшы
рахмет рақмет өтінемін бар жоқ ба ме осы сол бұл қазір бүгін енді ғана қашан қайда қайдан кім
кімге не неге неше нешеде қандай қалай қанша қай қайсы керек болады бола болама ма еді екен
шамасы мүмкін ба сізге маған бізге оған да байланысты себебі үшін сондықтан дейін шейін
кезінде кезде бері шаршадық шаршадым
тағы әлі әйтеуір әрине мүлдем тіпті ше әдетте жиі
болса болды болған болып болатын болу
емес иә
саламатсыз армысыз алдын біреу ешкім сияқты
кешіріңіз кешіріңізші мазаламақ сұрақ сұрағым едім жіберіңізші жіберіңіз айтып
мені сені оны бізді сізді менде сенде бізде сізде менен сенен одан бізден сізден менімен сенімен онымен бізбен сізбен маған саған бізге оларға олардың оларды бірдеңе бірнәрсе ештеңе бәрі барлығы
`;

const ENGLISH = `
a about am an and any anyone are as at be been being but by can could did do does doing for from
had has have having he hello her here hey hi him his how i if in into is it its just me my myself
need no not now of on or our please pls plz she should so some than thank thanks that the their
them then there these they this those to too us was we were what when where which who whom why
will with would you your yours ok okay still else also good morning evening afternoon dear sir
madam tell know want wanna get got one im dont cant wont isnt arent doesnt didnt because
whats wheres hows whos whens theres thats hes shes thx ty gonna gotta yeah yep nope btw idk
wat wot wats wen hw
due since right really anything something there during while tired ugh omg today
even already yet only very again much many usually often
havent hasnt hadnt wasnt werent shouldnt couldnt wouldnt mustnt neednt aint ive youve weve theyve youre theyre
youll theyll itll lets heres
all
regards cheers greetings someone somebody anybody nobody everyone everybody
somewhere anywhere everywhere nowhere everything nothing anyway anyhow
guys u ur thing things stuff lot lots etc kindly appreciate appreciated mate sorry bother bothering wonder wondering question questions hiya
hmm hm uh um oh eh ah huh wow oops
haha hehe lol lmao rofl
`;

function toSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((w) => w.length > 0));
}

const STOPWORDS: ReadonlySet<string> = new Set([...toSet(RUSSIAN), ...toSet(KAZAKH), ...toSet(ENGLISH)]);

/** True for a lowercase surface word that should not take part in matching. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || isHeldSound(word) || isSyllableOver(word) || isKeyboardRun(word);
}

/**
 * A syllable of two letters said over and over rather than a word: five letters or more that repeat
 * every second one ("хахаха", "ахахах", "hahaha", "jkjkjk", "лалала"). Words repeat a syllable
 * twice at most ("мама", "papa"); three times in a row, none of the three languages has one.
 */
function isSyllableOver(word: string): boolean {
  if (word.length < 5 || word[0] === word[1]) return false;
  // The repeat first (most words fail it at their third letter), the letters only then.
  for (let i = 2; i < word.length; i += 1) if (word[i] !== word[i - 2]) return false;
  return /^\p{L}\p{L}$/u.test(word.slice(0, 2));
}

/**
 * A sound held rather than a word: one letter four times or more ("ааааа", "мммм"). Three of one
 * letter are an abbreviation, as tokenize keeps them ("ООО", "www", "III группа"), but for the
 * sounds listed above ("ааа", "эээ", "ммм").
 */
function isHeldSound(word: string): boolean {
  return word.length >= 4 && isOneLetterOver(word) && /\p{L}/u.test(word[0]);
}

/** Kazakh stop words as typed without the Kazakh letters ("қазір" → "казир", "үшін" → "ушин"). */
const KAZAKH_FOLDED: ReadonlySet<string> = new Set([...toSet(KAZAKH)].map(foldKazakh));

/** For a word of Kazakh text typed without the Kazakh letters. */
export function isFoldedKazakhStopword(folded: string): boolean {
  return KAZAKH_FOLDED.has(folded);
}

/** Russian stop words without soft/hard signs: transliteration loses them ("skolko"). */
const RUSSIAN_WITHOUT_SIGNS: ReadonlySet<string> = new Set(
  [...toSet(RUSSIAN)].map(withoutSigns),
);

/** For a transliterated word (already in Cyrillic letters, signs possibly missing). */
export function isTransliteratedStopword(cyrillic: string): boolean {
  return RUSSIAN_WITHOUT_SIGNS.has(withoutSigns(cyrillic));
}

/**
 * Kazakh function words inflect ("неше" → "нешеге", "нешеде", "қашанға"), so for Kazakh text the
 * stem is checked too: the question words (with "нешінші", which one in order, "неліктен", why)
 * and the pronouns. Only applied to Kazakh words: the stems are short and would hit Russian.
 */
const KAZAKH_STOP_STEMS: ReadonlySet<string> = new Set(
  [
    ...['неше', 'нешінші', 'қашан', 'қай', 'қайда', 'қанша', 'қандай', 'кім', 'не', 'неліктен'],
    ...['мен', 'сен', 'ол', 'біз', 'сіз', 'осы', 'сол', 'бұл'],
  ].map((w) => stemKazakh(w)),
);

export function isKazakhStopStem(stem: string): boolean {
  return KAZAKH_STOP_STEMS.has(stem);
}

/** The stop words as typo targets, folded as the fuzzy surfaces are. */
const stopwordSlippedFrom = slipTargets(() => [...STOPWORDS].map(foldKazakh));

/**
 * Whether a word no entry knows is a stop word with a typing slip ("пожалуйта", "қаашн", "becuase"):
 * as a word of its own it would count as much as the rarest word the message has.
 */
export function isMisspeltStopword(foldedSurface: string): boolean {
  return stopwordSlippedFrom(foldedSurface) !== null;
}
