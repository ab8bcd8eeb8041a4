/** What the eval's message cuts (remarks.ts, stories.ts) are tested with, and how each must behave. */
import type { Lang } from '../../src/i18n/languages';
import { segmentMessage } from '../../src/matcher/sentences/segments';
import type { EvalCase } from '../../src/quality/evaluate';

/** One question in each language, with a question mark: what a cut adds to it must not be read as the question. */
const BANK_QUESTIONS: ReadonlyArray<readonly [string, Lang]> = [
  ['Когда откроются банки?', 'ru'],
  ['Банктер қашан ашылады?', 'kk'],
  ['When do the banks open?', 'en'],
];

/**
 * How the matcher weighs the sentences of BANK_QUESTIONS once a cut (`one`) changed them: the
 * segment weights of each question in twelve numbered wordings, so the cut varies with them.
 */
export function cutQuestionWeights(one: (text: string, lang: Lang) => string): number[][] {
  return BANK_QUESTIONS.flatMap(([text, lang]) =>
    Array.from({ length: 12 }, (_, i) => segmentMessage(one(`${text.slice(0, -1)} ${i}?`, lang), lang).map((s) => s.weight)),
  );
}

/**
 * A cut of a suite's cases (`cut`) changes each message as `one` does, follows from the message
 * alone (the same on every run) and leaves what each case expects as it was.
 */
export function expectCutCaseByCase(cut: (cases: readonly EvalCase[]) => EvalCase[], one: (text: string, lang: Lang) => string): void {
  const cases: EvalCase[] = [
    { text: 'когда откроются банки', lang: 'ru', expect: 'bank-hours' },
    { text: 'are banks open', lang: 'en', expect: null },
  ];
  expect(cut(cases)).toEqual(cut(cases));
  expect(cut(cases)).toEqual(cases.map((c) => ({ ...c, text: one(c.text, c.lang) })));
}
