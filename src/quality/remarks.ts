/**
 * Messages with a remark after them on demand (`npm run eval -- … --remarks`): what residents add
 * once they have said what they need, in the message's own language — how they feel ("Очень
 * переживаю."), what they do not know ("Уже не знаю, что и думать."), an exclamation ("Сколько
 * можно!"), something about themselves or the neighbours ("Живу одна, помочь некому."). Such a
 * sentence may have a question word, or a word some entry knows, and still ask nothing: the run
 * shows what it costs to take it for the question or for the matter.
 * Each message's remark follows from its own text: the same on every run.
 */
import type { Lang } from '../i18n/languages';
import { pickOne, seededRandom, seedOf } from '../matcher/seeded-random';
import type { EvalCase } from './evaluate';

const REMARKS: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    'Очень переживаю.',
    'Уже не знаю, что и думать.',
    'Сколько можно это терпеть!',
    'Живу одна, помочь некому.',
    'Соседи тоже возмущаются.',
    'Не понимаю, почему так сложно.',
    'Какой кошмар!',
    'Муж на вахте, разбираюсь сама.',
  ],
  kk: [
    'Қатты уайымдап жүрмін.',
    'Не істерімді білмеймін.',
    'Қашанға дейін шыдаймыз!',
    'Жалғыз тұрамын, көмектесетін ешкім жоқ.',
    'Көршілер де наразы.',
    'Неге бұлай қиын екенін түсінбеймін.',
    'Қандай сорақылық!',
    'Күйеуім вахтада, өзім шешіп жүрмін.',
  ],
  en: [
    "I'm really worried.",
    "I don't know what to think anymore.",
    'How long must we put up with this!',
    'I live alone and have no one to ask.',
    'The neighbours are upset too.',
    "I don't understand why it's so complicated.",
    'What a mess!',
    "My husband works away, so I'm dealing with it myself.",
  ],
};

/** `text` with a remark of `lang` after it, as a sentence of its own. */
export function withRemark(text: string, lang: Lang): string {
  const random = seededRandom(seedOf(text));
  const remark = pickOne(REMARKS[lang], random);
  const said = text.trim();
  return `${said}${/[.!?…)]$/u.test(said) ? '' : '.'} ${remark}`;
}

/** The cases with a remark after each message (withRemark); what each expects stays. */
export function remarked(cases: readonly EvalCase[]): EvalCase[] {
  return cases.map((c) => ({ ...c, text: withRemark(c.text, c.lang) }));
}
