import { courteous, withCourtesy } from '../../src/quality/courtesy';

describe('messages wrapped in courtesy', () => {
  it('put a greeting before the message and a sign-off after it, the message itself untouched', () => {
    const text = 'когда откроются банки';
    const wrapped = withCourtesy(text, 'ru');
    const at = wrapped.indexOf(text);
    expect(at).toBeGreaterThan(0);
    expect(wrapped.slice(at + text.length)).toMatch(/^\.?[ \n]\S/u);
    expect(wrapped.slice(0, at)).toMatch(/^\p{Lu}.*[!.,:] $/u);
  });

  it('put a lead-in before some of the questions ("Хотела спросить:", "Слушайте,"), not before all', () => {
    // No Russian greeting ends with a colon or a comma: what does is a lead-in.
    const prefixes = Array.from({ length: 40 }, (_, i) => {
      const text = `когда откроются банки ${i}`;
      const wrapped = withCourtesy(text, 'ru');
      return wrapped.slice(0, wrapped.indexOf(text));
    });
    const led = prefixes.filter((prefix) => /[:,] $/u.test(prefix));
    expect(led.length).toBeGreaterThan(5);
    expect(led.length).toBeLessThan(35);
  });

  it('put a remark after some of the questions ("Пишу уже второй раз."), not after all', () => {
    // The questions have no full stop of their own: one right after the question starts a remark.
    const tails = Array.from({ length: 40 }, (_, i) => {
      const text = `когда откроются банки ${i}`;
      const wrapped = withCourtesy(text, 'ru');
      return wrapped.slice(wrapped.indexOf(text) + text.length);
    });
    const remarked = tails.filter((tail) => tail.startsWith('. '));
    expect(remarked.length).toBeGreaterThan(3);
    expect(remarked.length).toBeLessThan(30);
  });

  it('speak the language of the message', () => {
    expect(withCourtesy('library hours', 'en')).toMatch(/^(Hello|Good|Hi|Hey|Dear)/u);
    expect(withCourtesy('кітапхана', 'kk')).toMatch(/^(Сәлем|Қайырлы|Армысыз|Кеш|Ассалаумағалейкум)/u);
  });

  it('wrap each message the same way on every run, by its own text; what a case expects stays', () => {
    const cases = [
      { text: 'когда откроются банки', lang: 'ru' as const, expect: 'bank-hours' },
      { text: 'are banks open', lang: 'en' as const, expect: null },
    ];
    expect(courteous(cases)).toEqual(courteous(cases));
    expect(courteous(cases)).toEqual(cases.map((c) => ({ ...c, text: withCourtesy(c.text, c.lang) })));
    expect(courteous([cases[1]])).toEqual([courteous(cases)[1]]);
  });
});
