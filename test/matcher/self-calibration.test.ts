import type { FaqEntryInput } from '../../src/faq/types';
import { FieldIndex } from '../../src/matcher/field-index';
import { simulatedQuestions, type SimulatedQuestion } from '../../src/matcher/self-calibration';
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
      expect(answerable).toContainEqual({ text, lang: e.variantLangs[variant], expect: e.id, exclusion: { slot: e.slot, variant } });
      expect(unanswerable).toContainEqual({ text, lang: e.variantLangs[variant], expect: null, exclusion: { slot: e.slot } });
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
