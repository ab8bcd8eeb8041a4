import { misspelt, withSlips } from '../../src/quality/typos';

const TEXT = 'Здравствуйте, когда откроется библиотека? Is the library open on Sunday? Кітапхана жексенбіде ашық па?';
const words = (text: string) => text.match(/\p{L}+/gu) ?? [];

describe('misspelt messages', () => {
  it('leave the text as it is at rate 0', () => {
    expect(withSlips(TEXT, 0)).toBe(TEXT);
  });

  it('at rate 1 slip once inside every word of five letters or more, and nowhere else', () => {
    const before = words(TEXT);
    const after = words(withSlips(TEXT, 1));
    expect(after).toHaveLength(before.length);
    before.forEach((word, i) => {
      const typed = after[i];
      if (word.length < 5) {
        expect(typed).toBe(word);
        return;
      }
      expect(typed).not.toBe(word);
      expect(Math.abs(typed.length - word.length)).toBeLessThanOrEqual(1);
      expect(typed[0]).toBe(word[0]);
      expect(typed[typed.length - 1]).toBe(word[word.length - 1]);
    });
    // Punctuation and spaces stay where they were.
    expect(withSlips(TEXT, 1).replace(/\p{L}+/gu, '')).toBe(TEXT.replace(/\p{L}+/gu, ''));
  });

  it('slip the same way on every run, each message by its own text', () => {
    expect(withSlips(TEXT, 0.5)).toBe(withSlips(TEXT, 0.5));
    const cases = [
      { text: TEXT, lang: 'ru' as const, expect: 'library' },
      { text: 'где оплатить штраф за парковку', lang: 'ru' as const, expect: null },
    ];
    const [first, second] = misspelt(cases, 0.5);
    expect(first).toEqual({ ...cases[0], text: withSlips(TEXT, 0.5) });
    expect(misspelt([cases[1]], 0.5)).toEqual([second]);
  });

  it('refuse a rate that is not a share', () => {
    expect(() => misspelt([], 1.5)).toThrow('--typos must be a share between 0 and 1, not 1.5');
    expect(() => misspelt([], Number.NaN)).toThrow('--typos');
  });
});
