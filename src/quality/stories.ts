/**
 * Messages with a story before them on demand (`npm run eval -- … --story`): residents write long,
 * chatty messages, and say who they are and how they live before they ask ("Я живу в этом районе
 * уже больше двадцати лет. Работаю посменно… Мама у меня пожилая… <the question>"). Each story is
 * a few sentences of a life in the message's own language, about nothing a helpline answers, with
 * no question in them; some of their words an entry may know all the same (a town, children, work).
 * The run shows what such a story costs: the question has to outweigh it.
 * Each message's story follows from its own text: the same on every run.
 */
import type { Lang } from '../i18n/languages';
import { seededRandom, seedOf } from '../matcher/seeded-random';
import type { EvalCase } from './evaluate';

/** Sentences of a story, in the order a resident would tell them; a story keeps some, in this order. */
const STORY: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    'Я живу в этом районе уже больше двадцати лет.',
    'Работаю посменно и домой часто прихожу поздно.',
    'Дети давно выросли и разъехались по другим городам.',
    'Мама у меня пожилая, живёт одна на другом конце города.',
    'Соседи хорошие, но у всех свои заботы.',
    'Раньше я с таким никогда не сталкивалась.',
    'Спрашивала у знакомых, но каждый говорит своё.',
    'Свободного времени почти нет, поэтому решила написать сюда.',
    'Извините за длинное письмо, хочу объяснить всё по порядку.',
  ],
  kk: [
    'Мен бұл ауданда жиырма жылдан астам тұрамын.',
    'Ауысыммен жұмыс істеймін, үйге жиі кеш келемін.',
    'Балаларым әлдеқашан өсіп, басқа қалаларға көшіп кетті.',
    'Анам қарт адам, қаланың арғы шетінде жалғыз тұрады.',
    'Көршілеріміз жақсы, бірақ әркімнің өз шаруасы бар.',
    'Бұрын мұндай жағдайға тап болған емеспін.',
    'Таныстарымнан сұрадым, әркім әртүрлі айтады.',
    'Бос уақытым жоқтың қасы, сондықтан осында жазуды жөн көрдім.',
    'Ұзақ жазғаным үшін кешіріңіз, бәрін ретімен түсіндіргім келеді.',
  ],
  en: [
    'I have lived in this part of town for more than twenty years.',
    'I work shifts and often get home late in the evening.',
    'My children grew up long ago and moved to other cities.',
    'My mother is elderly and lives alone on the other side of town.',
    'Our neighbours are nice, but everyone has their own worries.',
    'I have never dealt with anything like this before.',
    'I asked some friends, but each of them says something different.',
    'I hardly have any free time, so I decided to write here.',
    'Sorry for the long message, I just want to explain everything in order.',
  ],
};

/** How many of the story's sentences a message gets: about fifty words, more than most questions. */
export const STORY_SENTENCES = 5;

/** `text` after a story of `lang` (STORY_SENTENCES of its sentences, in their order). */
export function withStory(text: string, lang: Lang): string {
  const random = seededRandom(seedOf(text));
  const sentences = STORY[lang];
  // Which sentences stay: a random STORY_SENTENCES of them, told in the story's order.
  const kept = sentences
    .map((sentence, i) => ({ sentence, i, key: random() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, STORY_SENTENCES)
    .sort((a, b) => a.i - b.i);
  return `${kept.map((k) => k.sentence).join(' ')} ${text.trim()}`;
}

/** The cases with a story before each message (withStory); what each expects stays. */
export function storied(cases: readonly EvalCase[]): EvalCase[] {
  return cases.map((c) => ({ ...c, text: withStory(c.text, c.lang) }));
}
