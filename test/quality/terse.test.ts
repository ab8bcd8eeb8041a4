import { tersed, terseText } from '../../src/quality/terse';

describe('terse messages', () => {
  it.each([
    ['Где можно купить проездной?', 'купить проездной'],
    ['When does the curfew start?', 'curfew start'],
    ['Здравствуйте! Подскажите, пожалуйста, когда дадут горячую воду в доме?', 'дадут горячую'],
    ['Жол картасы қайда сатылады?', 'Жол картасы'],
    ["Hi, I don't know who to call about the broken streetlight", 'call broken'],
  ])('keeps the first two words that are no stop word, as written: %s', (text, cut) => {
    expect(terseText(text)).toBe(cut);
  });

  it('leaves a message of fewer such words as it is', () => {
    for (const text of ['пропуск?', 'Когда?', 'where?']) expect(terseText(text)).toBe(text);
    expect(terseText('stray dogs!')).toBe('stray dogs');
  });

  it('keeps what each case expects', () => {
    const cases = [
      { text: 'Когда откроется библиотека в воскресенье?', lang: 'ru' as const, expect: 'library-hours' },
      { text: 'Сколько стоит аренда лодки на озере?', lang: 'ru' as const, expect: null },
    ];
    expect(tersed(cases)).toEqual([
      { text: 'откроется библиотека', lang: 'ru', expect: 'library-hours' },
      { text: 'стоит аренда', lang: 'ru', expect: null },
    ]);
  });
});
