/**
 * Messages typed in Latin letters on demand (`npm run eval -- … --latin`): each Russian and Kazakh
 * message as a resident without a Cyrillic keyboard writes it; English stays as it is. Residents
 * type Russian in one scheme or another, so each message takes one (chosen from its own text, the
 * same every run): the passport's (й y, х kh, ц ts, щ shch), a chat's (й i, х h, ц c, щ sch) or one
 * with j (й j, щ sh, ю ju, я ja). Kazakh writes its own letters as the Latin alphabets do (қ q, ғ gh,
 * ж j) or as Russian in Latin letters does (к, г, zh), and the rest as their plain look-alikes (ә a,
 * ө o, ұ and ү u, і i, ң n). Soft and hard signs are left out. The gap to the run without is what
 * reading such a message costs: its words, and the language of the reply.
 */
import type { Lang } from '../i18n/languages';
import { seededRandom, seedOf } from '../matcher/seeded-random';
import type { EvalCase } from './evaluate';

/** The letters every scheme writes alike. */
const COMMON: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ч: 'ch', ш: 'sh', ъ: '', ь: '', э: 'e', ы: 'y',
};

/** Kazakh's own letters as their plain look-alikes, and the Russian ones a Kazakh text borrows. */
const KAZAKH_COMMON: Readonly<Record<string, string>> = {
  ...COMMON, ә: 'a', ө: 'o', ұ: 'u', ү: 'u', і: 'i', ң: 'n', һ: 'h', х: 'h', й: 'i', ц: 'ts', щ: 'sh', ю: 'yu', я: 'ya',
};

/** How a scheme writes each Cyrillic letter (lowercase); a letter it does not list stays as it is. */
export type LatinScheme = Readonly<Record<string, string>>;

export const LATIN_SCHEMES: Readonly<Record<'ru' | 'kk', readonly LatinScheme[]>> = {
  ru: [
    { ...COMMON, ж: 'zh', й: 'y', х: 'kh', ц: 'ts', щ: 'shch', ю: 'yu', я: 'ya' },
    { ...COMMON, ж: 'zh', й: 'i', х: 'h', ц: 'c', щ: 'sch', ю: 'yu', я: 'ya' },
    { ...COMMON, ж: 'zh', й: 'j', х: 'h', ц: 'c', щ: 'sh', ю: 'ju', я: 'ja' },
  ],
  kk: [
    { ...KAZAKH_COMMON, қ: 'q', ғ: 'gh', ж: 'j' },
    { ...KAZAKH_COMMON, қ: 'k', ғ: 'g', ж: 'zh' },
  ],
};

/** `text`, written in `lang`, typed in Latin letters in the scheme its own text picks; English as it is. */
export function inLatinLetters(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const schemes = LATIN_SCHEMES[lang];
  return typedIn(text, schemes[Math.floor(seededRandom(seedOf(text))() * schemes.length)]);
}

/** `text` typed in `scheme`, a capital letter as a capital ("Ц" as "Ts"). */
export function typedIn(text: string, scheme: LatinScheme): string {
  let typed = '';
  for (const letter of text) {
    const lower = letter.toLowerCase();
    const latin = scheme[lower];
    if (latin === undefined) typed += letter;
    else typed += letter === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return typed;
}

/** The cases with each Russian and Kazakh message typed in Latin letters (inLatinLetters); what each expects stays. */
export function latinTyped(cases: readonly EvalCase[]): EvalCase[] {
  return cases.map((c) => ({ ...c, text: inLatinLetters(c.text, c.lang) }));
}
