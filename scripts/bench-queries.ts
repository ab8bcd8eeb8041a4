/** The messages the bench sends, shared by `npm run bench` and `npm run bench:instructions`. */
import type { FaqEntryInput } from '../src/faq/types';
import { LANGS } from '../src/i18n/languages';
import { pickOne } from '../src/matcher/seeded-random';

/** Questions residents might type: FAQ questions lowercased, cut short, with a typo, or unrelated. */
export function residentQueries(entries: readonly FaqEntryInput[], count: number, rnd: () => number): string[] {
  const variants = entries.flatMap((e) => LANGS.flatMap((l) => e.questions[l] ?? []));
  const noise = ['здравствуйте', 'подскажите пожалуйста', 'сәлеметсіз бе', 'hello', ''];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let q = pickOne(variants, rnd).toLowerCase();
    const words = q.split(' ');
    if (rnd() < 0.3 && words.length > 3) q = words.slice(0, words.length - 1).join(' ');
    if (rnd() < 0.3) {
      const at = 1 + Math.floor(rnd() * (q.length - 2));
      q = q.slice(0, at) + q.slice(at + 1);
    }
    if (rnd() < 0.3) q = `${pickOne(noise, rnd)} ${q}`;
    if (rnd() < 0.1) q = `вопрос номер ${i} про что-то совсем другое`;
    out.push(q);
  }
  return out;
}
