import type { FaqEntryInput } from '../../src/faq/types';
import { createMatcher, decide, DEFAULT_THRESHOLDS } from '../../src/matcher';
import { TaughtWordings, wordingSignature } from '../../src/matcher/taught-wordings';
import { SMALL_FAQ } from '../support/fixtures';

const taught = (id: string, learned: FaqEntryInput['learned']): FaqEntryInput[] =>
  SMALL_FAQ.map((e) => (e.id === id ? { ...e, learned } : e));

describe('the wordings editors taught, remembered as said', () => {
  it('compares content words as the analysis stems them and the kind of question, in any order, with any stop words and punctuation', () => {
    const signature = wordingSignature('Когда дадут свет в нашем доме?', 'ru');
    expect(signature).not.toBe('');
    expect(wordingSignature('свет в доме когда дадут', 'ru')).toBe(signature);
    expect(wordingSignature('А когда же дадут свет, в доме?!', 'ru')).toBe(signature);
    // Another kind of question, or another word, is another wording.
    expect(wordingSignature('Где дадут свет в нашем доме?', 'ru')).not.toBe(signature);
    expect(wordingSignature('Когда дадут газ в нашем доме?', 'ru')).not.toBe(signature);
    // One content word is a topic, not a question: not remembered.
    expect(wordingSignature('Кредит?', 'ru')).toBe('');
    expect(wordingSignature('когда кредит', 'ru')).toBe('');
  });

  it('finds the entries taught the words of the message, whole or cut to its question sentences, and forgets them with the entry', () => {
    const words = new TaughtWordings();
    words.upsert({ ...SMALL_FAQ[2], learned: { kk: ['үйде жарық жоқ па, қашан береді'] } });
    words.upsert({ ...SMALL_FAQ[1], learned: { en: ['bins not emptied since friday'] } });
    expect(words.entriesSaying('Қашан береді, үйде жарық жоқ па?')).toEqual(['water-outage']);
    expect(words.entriesSaying('We live on the fifth floor. The bins not emptied since Friday?')).toEqual(['post-hours']);
    expect(words.entriesSaying('bins not emptied')).toEqual([]);
    words.upsert({ ...SMALL_FAQ[2], learned: {} });
    expect(words.entriesSaying('Қашан береді, үйде жарық жоқ па?')).toEqual([]);
    words.remove('post-hours');
    expect(words.entriesSaying('bins not emptied since friday')).toEqual([]);
    expect(words.size).toBe(0);
  });

  it('answers a message in words taught for an entry, which the ranking alone would not', async () => {
    const question = 'the lady at the window shut it at noon today, is that normal';
    const plain = createMatcher();
    plain.load(SMALL_FAQ);
    expect(decide(plain.match(question, 'en'), DEFAULT_THRESHOLDS)).not.toMatchObject({ kind: 'answer', id: 'post-hours' });

    const matcher = createMatcher();
    matcher.load(taught('post-hours', { en: [question] }));
    const result = matcher.match('The lady at the window shut it at noon today. Is that normal?', 'en');
    expect(result.candidates[0]).toMatchObject({ id: 'post-hours' });
    expect(decide(result, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', id: 'post-hours' });
    // Other words still go through the ranking.
    expect(decide(matcher.match('the lady at the window is rude', 'en'), DEFAULT_THRESHOLDS)).not.toMatchObject({ kind: 'answer', id: 'post-hours' });
  });

  it('offers the entries to choose from when the same words were taught for two; forgets words taken back', () => {
    const words = 'the lady at the window shut it at noon today';
    const matcher = createMatcher();
    const faq = taught('post-hours', { en: [words] }).map((e) => (e.id === 'water-outage' ? { ...e, learned: { en: [words] } } : e));
    matcher.load(faq);
    const both = matcher.match(words, 'en');
    expect(both.doubt).toBe('ambiguous');
    expect(decide(both, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'suggest', ids: expect.arrayContaining(['post-hours', 'water-outage']) });
    matcher.upsert({ ...faq[2], learned: {} });
    expect(decide(matcher.match(words, 'en'), DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', id: 'post-hours' });
    matcher.remove('post-hours');
    expect(matcher.match(words, 'en').candidates.map((c) => c.id)).not.toContain('post-hours');
  });

  it("offers both when the words taught for one entry are another entry's own question", () => {
    const matcher = createMatcher();
    matcher.load(taught('water-outage', { ru: ['Когда работает почта?'] }));
    const result = matcher.match('когда работает почта', 'ru');
    expect(result.doubt).toBe('ambiguous');
    expect(decide(result, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'suggest', ids: ['water-outage', 'post-hours'] });
  });
});
