import type { FaqEntryInput } from '../../src/faq/types';
import { FieldIndex } from '../../src/matcher/field-index';
import type { Calibration, Sample } from '../../src/matcher/calibration';
import { LexicalMatcher, ONE_QUESTION_PRIOR, PRIOR_CALIBRATION } from '../../src/matcher/matcher';
import { DEFAULT_SELF_CALIBRATION, fitCalibration, simulatedQuestions, type SimulatedQuestion } from '../../src/matcher/self-calibration';
import { FIXTURE_FAQ } from './fixtures';

function indexOf(entries: readonly FaqEntryInput[]): FieldIndex {
  const index = new FieldIndex();
  for (const entry of entries) index.upsert(entry);
  return index;
}

/** A FAQ of `size` entries with 1 to 4 Russian variants each (entry i has 1 + i % 4). */
function generated(size: number): FaqEntryInput[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `e${i}`,
    topic: 'generated',
    questions: { ru: Array.from({ length: 1 + (i % 4) }, (_, v) => `вопрос ${i} вариант ${v}`) },
    answer: { ru: `ответ ${i}` },
  }));
}

const key = (q: SimulatedQuestion) => `${q.expect ?? '-'}|${q.text}`;

describe('simulated residents', () => {
  it('asks every variant of a small FAQ once as answerable and once with its whole entry left out', () => {
    const index = indexOf(FIXTURE_FAQ);
    const questions = simulatedQuestions(index, 1000);
    const variants = index.all().flatMap((e) => e.questions.map((text, variant) => ({ e, text, variant })));
    const answerable = questions.filter((q) => q.expect !== null);
    const unanswerable = questions.filter((q) => q.expect === null);
    expect(answerable).toHaveLength(variants.length);
    expect(unanswerable).toHaveLength(variants.length);
    for (const { e, text, variant } of variants) {
      const onlyQuestion = e.questions.length === 1;
      expect(answerable).toContainEqual({ text, lang: e.variantLangs[variant], expect: e.id, exclusion: { slot: e.slot, variant }, onlyQuestion });
      expect(unanswerable).toContainEqual({ text, lang: e.variantLangs[variant], expect: null, exclusion: { slot: e.slot }, onlyQuestion: false });
    }
  });

  it('samples a large FAQ: at most the limit of each kind, distinct, each the named entry’s own variant', () => {
    const entries = generated(400);
    const index = indexOf(entries);
    const questions = simulatedQuestions(index, 60);
    const answerable = questions.filter((q) => q.expect !== null);
    const unanswerable = questions.filter((q) => q.expect === null);
    expect(answerable).toHaveLength(60);
    expect(unanswerable).toHaveLength(60);
    expect(new Set(answerable.map(key)).size).toBe(60);
    expect(new Set(unanswerable.map(key)).size).toBe(60);
    for (const q of questions) {
      const entry = index.entryOfSlot(q.exclusion.slot);
      if (!entry) throw new Error(`no entry in slot ${q.exclusion.slot}`);
      if (q.expect !== null) {
        expect(q.expect).toBe(entry.id);
        expect(entry.questions[q.exclusion.variant ?? -1]).toBe(q.text);
      } else {
        expect(q.exclusion.variant).toBeUndefined();
        expect(entry.questions).toContain(q.text);
      }
    }
    // Drawn over the whole FAQ, not from its first entries only.
    const slots = answerable.map((q) => q.exclusion.slot);
    expect(Math.max(...slots) - Math.min(...slots)).toBeGreaterThan(200);
  });

  it('draws the same sample for the same FAQ (a refit is repeatable)', () => {
    const index = indexOf(generated(300));
    expect(simulatedQuestions(index, 40)).toEqual(simulatedQuestions(index, 40));
  });

  it('asks nothing out of scope when the FAQ has a single entry', () => {
    const questions = simulatedQuestions(indexOf(generated(3).slice(2)), 100);
    expect(questions).toHaveLength(3);
    expect(questions.every((q) => q.expect === 'e2')).toBe(true);
  });
});

describe('fitting the confidence on the simulated residents', () => {
  const prior: Calibration = { top1: { bias: -1, weights: [2] }, top3: { bias: -1, weights: [2] }, samples: 0 };
  const options = { ...DEFAULT_SELF_CALIBRATION, priorStrength: 0.01 };
  /** Answerable questions right when x is high, unanswerable ones at low x. */
  const faithful: Sample[] = Array.from({ length: 40 }, (_, i) => {
    const x = i / 40;
    const answerable = i % 4 !== 0;
    const right = answerable && x > 0.3 ? 1 : 0;
    return { x: [x], answerable, top1: right, top3: right };
  });
  /** Only-question ones the other way round: found first (through the answer) at low x. */
  const onlyQuestion: Sample[] = Array.from({ length: 40 }, (_, i) => {
    const x = i / 40;
    const right = x < 0.5 ? 1 : 0;
    return { x: [x], answerable: true, top1: right, top3: right, onlyQuestion: true };
  });

  it('leaves a question that was its entry’s only one out of the first-entry model, not out of the top-three model', () => {
    const withThem = fitCalibration([...faithful, ...onlyQuestion], prior, options);
    const without = fitCalibration(faithful, prior, options);
    expect(withThem.top1).toEqual(without.top1);
    expect(withThem.top1.weights[0]).toBeGreaterThan(0);
    expect(withThem.top3).not.toEqual(without.top3);
  });

  it('keeps the prior first-entry model when only such questions were answerable', () => {
    const unanswerable = faithful.filter((s) => !s.answerable);
    const fitted = fitCalibration([...unanswerable, ...onlyQuestion], prior, options);
    expect(fitted.top1).toEqual(prior.top1);
    expect(fitted.top3).not.toEqual(prior.top3);
  });

  it('keeps the first-entry model of FAQs of one question per entry when it is given', () => {
    const unanswerable = faithful.filter((s) => !s.answerable);
    const oneQuestion = { bias: 2, weights: [-1] };
    expect(fitCalibration([...unanswerable, ...onlyQuestion], prior, options, oneQuestion).top1).toEqual(oneQuestion);
    expect(fitCalibration([...faithful, ...onlyQuestion.slice(0, 8)], prior, options, oneQuestion).top1).toEqual(fitCalibration(faithful, prior, options).top1);
  });

  it('starts the first-entry fit from the one-question model when most answerable questions were their entry’s only one', () => {
    const held = { ...options, priorStrength: 1e6 };
    const oneQuestion = { bias: 2, weights: [-1] };
    const few = faithful.slice(0, 8);
    const mostlyAlone = fitCalibration([...few, ...onlyQuestion], prior, held, oneQuestion).top1;
    expect(mostlyAlone.bias).toBeCloseTo(oneQuestion.bias, 1);
    expect(mostlyAlone.weights[0]).toBeCloseTo(oneQuestion.weights[0], 1);
    const mostlyMore = fitCalibration([...faithful, ...onlyQuestion.slice(0, 8)], prior, held, oneQuestion).top1;
    expect(mostlyMore.bias).toBeCloseTo(prior.top1.bias, 1);
    expect(mostlyMore.weights[0]).toBeCloseTo(prior.top1.weights[0], 1);
  });

  it('keeps the one-question prior for a FAQ of one question per entry, and fits the model for one with more', () => {
    const sparse: FaqEntryInput[] = FIXTURE_FAQ.map((e) => ({ ...e, questions: { ru: e.questions.ru?.slice(0, 1) } }));
    const matcher = new LexicalMatcher();
    matcher.load(sparse);
    expect(matcher.currentCalibration.top1).toEqual(ONE_QUESTION_PRIOR);
    expect(matcher.currentCalibration.top3).not.toEqual(PRIOR_CALIBRATION.top3);
    const full = new LexicalMatcher();
    full.load(FIXTURE_FAQ);
    expect(full.currentCalibration.top1).not.toEqual(PRIOR_CALIBRATION.top1);
  });
});
