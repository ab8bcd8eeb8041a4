/**
 * Sentences in which residents say who writes and how to reach them, around what they ask: their
 * name ("Меня зовут Айгуль, мне 67 лет.", "Менің атым Айгүл.", "My name is Aigul."), their address
 * ("Проживаю по адресу ул. Абая 12, кв. 5.", "Мекенжайым: Абай көшесі 12.", "Address: Usolka
 * district, house 3.") and their phone number ("Мой номер 87011234567.", "Тел: 8 701 123 45 67",
 * "Please call me back: +7 777 000 11 22."). None is the matter. A name's words (a name, an age)
 * are no entry's; an address's and a phone line's are some entry's ("дом", "квартира", "адрес",
 * "номер", "call"), which drew the entries about homes, registration and emergency numbers to a
 * question about a bill.
 */
import { inBothSpellings, namesSomething } from './question-words';
import type { Sentence } from './split';

/** How far into a sentence its opening words are looked for ("Здравствуйте, меня зовут…"). */
const OPENING_REACH = 4;

/**
 * Whether a sentence says who writes: it gives the writer's name within its first words ("Меня
 * зовут Айгуль", "Здравствуйте, my name is Aigul", "Менің атым Айгүл", "Есімім Айгүл"), or says
 * the writer writes for someone else ("Пишу от имени своей мамы.", "I'm writing on behalf of my
 * mum.", "Анамның атынан жазып отырмын."). ("Меня зовут на работу", they call me in to work, reads
 * so too: a rare sentence to open a message of statements with.)
 */
export function introducesWriter(words: readonly string[]): boolean {
  return NAME_ALONE.has(words[0] ?? '') || opensWith(words, NAMING) || writesForSomeone(words);
}

/** A verb of writing and "on behalf of" within a sentence's first words. */
function writesForSomeone(words: readonly string[]): boolean {
  const start = words.slice(0, OPENING_REACH + 2);
  return start.some((w) => WRITING.has(w)) && (start.some((w) => ON_BEHALF_WORDS.has(w)) || opensWith(start, ON_BEHALF));
}

const WRITING: ReadonlySet<string> = new Set(inBothSpellings(['пишу', 'обращаюсь', 'writing', 'write', 'жазып', 'жазамын', 'жүгініп']));
const ON_BEHALF: ReadonlySet<string> = new Set(['от имени', 'on behalf']);
/** The Kazakh "on behalf of" in one word ("анамның атынан"). */
const ON_BEHALF_WORDS: ReadonlySet<string> = new Set(inBothSpellings(['атынан']));

/** Two words that give one's name together. */
const NAMING: ReadonlySet<string> = new Set(inBothSpellings(['меня зовут', 'menya zovut', 'мое имя', 'моё имя', 'my name', 'менің атым', 'менің есімім']));
/** The Kazakh "my name" without "my" ("Атым Айгүл"). */
const NAME_ALONE: ReadonlySet<string> = new Set(inBothSpellings(['атым', 'есімім']));

/**
 * The sentences without those that give the writer's address or phone number, while a sentence
 * that names something is left. An address: a statement with a number (a house, a flat) that says
 * it is one within its first words ("Проживаю по адресу ул. Абая 12, кв. 5.", "Мой адрес: …",
 * "Мекенжайым …", "My address is 64 Toraigyrov St", "I live at 12 Abay Street"). A phone line: a
 * statement of a phone number's digits and a few words at most ("Мой номер 87011234567.",
 * "Перезвоните мне: +7 777 000 11 22."). Either may follow its label alone before a colon
 * ("Адрес: мкр. Усолка, дом 3.", "Тел: 8 701 …", which the colon splits). A question about an
 * address or a number asks ("Адрес ЦОНа какой?"), a statement without a number tells the matter
 * ("Адрес прописки сменился."), and so does a story with a number in it ("Звонил на 87182000002,
 * никто не берёт трубку.").
 */
export function withoutContactDetails(sentences: Sentence[]): Sentence[] {
  // Most messages are one sentence, which stays whatever it is.
  if (sentences.length < 2) return sentences;
  const kept: Sentence[] = [];
  for (let i = 0; i < sentences.length; i += 1) {
    const s = sentences[i];
    const label = !s.question && s.words.length > 0 && s.words.every((w) => LABELS.has(w));
    const next = sentences[i + 1];
    if (label && next && (isAddress(next, true) || isPhoneLine(next))) {
      i += 1;
      continue;
    }
    if (!isAddress(s, false) && !isPhoneLine(s)) kept.push(s);
  }
  if (kept.length === sentences.length || !kept.some((s) => namesSomething(s.words))) return sentences;
  return kept;
}

function isAddress(s: Sentence, afterLabel: boolean): boolean {
  if (s.question || !s.words.some((w) => DIGIT.test(w))) return false;
  return afterLabel || ADDRESS_WORDS.has(s.words[0] ?? '') || opensWith(s.words, ADDRESS_PAIRS) || s.words.slice(0, OPENING_REACH).some((w) => MY_ADDRESS.has(w));
}

function isPhoneLine(s: Sentence): boolean {
  if (s.question || (s.text.match(DIGITS) ?? []).length < PHONE_DIGITS) return false;
  return s.words.filter((w) => !DIGIT.test(w)).length <= PHONE_LINE_WORDS;
}

/** The fewest digits of a phone number with its area or operator code (Kazakhstan's have ten after 8 or +7). */
const PHONE_DIGITS = 10;
/** Words beside the number: "Мой номер", "Перезвоните мне, пожалуйста", "Маған хабарласыңыз", "Please call me back". */
const PHONE_LINE_WORDS = 4;
const DIGITS = /\d/g;
const DIGIT = /\d/;
/** The word for an address, as a label or opening a sentence ("Адрес: …", "Address – …"). */
const ADDRESS_WORDS: ReadonlySet<string> = new Set(inBothSpellings(['адрес', 'мекенжай', 'мекенжайы', 'address']));
/** The words before a colon that label a phone number. */
const PHONE_WORDS = inBothSpellings(['тел', 'телефон', 'номер', 'нөмір', 'нөмірім', 'tel', 'phone', 'контакты', 'байланыс']);
/** "My address" in one Kazakh word. */
const MY_ADDRESS: ReadonlySet<string> = new Set(inBothSpellings(['мекенжайым', 'мекенжайымыз']));
/** A label alone before a colon: an address's or a phone number's. */
const LABELS: ReadonlySet<string> = new Set([...ADDRESS_WORDS, ...MY_ADDRESS, ...PHONE_WORDS]);
/** Two words that say an address follows. */
const ADDRESS_PAIRS: ReadonlySet<string> = new Set(
  inBothSpellings(['по адресу', 'мой адрес', 'наш адрес', 'po adresu', 'my address', 'our address', 'live at', 'тұратын мекенжайым']),
);

/** Whether two words of `pairs` stand together within a sentence's first words. */
function opensWith(words: readonly string[], pairs: ReadonlySet<string>): boolean {
  const end = Math.min(words.length - 1, OPENING_REACH);
  for (let i = 0; i < end; i += 1) if (pairs.has(`${words[i]} ${words[i + 1]}`)) return true;
  return false;
}
