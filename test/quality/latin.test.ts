import { inLatinLetters, LATIN_SCHEMES, latinTyped } from '../../src/quality/latin';

describe('messages typed in Latin letters', () => {
  it('types Russian in one of the three schemes, Kazakh in one of its two, as written (capitals kept, no signs)', () => {
    const russian = inLatinLetters('Когда откроют ЦОН? Где взять счёт', 'ru');
    expect(['Kogda otkroyut TsON? Gde vzyat schet', 'Kogda otkroyut CON? Gde vzyat schet', 'Kogda otkrojut CON? Gde vzjat schet']).toContain(russian);
    const kazakh = inLatinLetters('Жарық қашан қосылады?', 'kk');
    expect(['Jaryq qashan qosylady?', 'Zharyk kashan kosylady?']).toContain(kazakh);
  });

  it('leaves English and what is no letter as it is', () => {
    expect(inLatinLetters('When does the curfew start? 23:00!', 'en')).toBe('When does the curfew start? 23:00!');
    expect(inLatinLetters('109, 8 7182 00-00-01 😊', 'ru')).toBe('109, 8 7182 00-00-01 😊');
  });

  it('picks a message its scheme from its own text: the same every run, and each scheme for some message', () => {
    const texts = Array.from({ length: 60 }, (_, i) => `щи и борщ номер ${i}: чья очередь, йод?`);
    const typed = texts.map((text) => inLatinLetters(text, 'ru'));
    expect(texts.map((text) => inLatinLetters(text, 'ru'))).toEqual(typed);
    // Each scheme writes щ its own way: all three appear.
    const schemes = new Set(typed.map((text) => text.slice(0, text.indexOf(' '))));
    expect(schemes).toEqual(new Set(LATIN_SCHEMES.ru.map((scheme) => scheme['щ'] + scheme['и'])));
    for (const text of typed) expect(text).toMatch(/^[\x20-\x7e]+$/);
  });

  it('types every letter of the Russian and Kazakh alphabets in every scheme', () => {
    const letters = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
    for (const scheme of LATIN_SCHEMES.ru) for (const letter of letters) expect([letter, scheme[letter]]).toEqual([letter, expect.any(String)]);
    for (const scheme of LATIN_SCHEMES.kk) for (const letter of `${letters}әғқңөұүһі`) expect([letter, scheme[letter]]).toEqual([letter, expect.any(String)]);
  });

  it('keeps what each case expects', () => {
    const cases = [{ text: 'Сколько стоит аренда лодки?', lang: 'ru' as const, expect: null }, { text: 'curfew?', lang: 'en' as const, expect: 'curfew' }];
    const typed = latinTyped(cases);
    expect(typed.map((c) => [c.lang, c.expect])).toEqual([['ru', null], ['en', 'curfew']]);
    expect(typed[0].text).toMatch(/^Skolko stoit arenda lodki\?$/);
    expect(typed[1].text).toBe('curfew?');
  });
});
