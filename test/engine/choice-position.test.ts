import { ChoicePositionReader, scaledRating } from '../../src/engine/choice-position';
import { createTranslator } from '../../src/i18n';

const reader = new ChoicePositionReader(createTranslator());

describe('ChoicePositionReader', () => {
  test('reads a position typed with decorations, as a word, or with filler words, in each language', () => {
    const second = ['2-й', '№2', '#2', '2)', '2️⃣', 'вариант 2', 'второй', 'Вторую!', 'два', 'давайте второй вариант', 'екінші', '2-ші', 'екінші нұсқа', 'the second one', 'option 2', '2nd', 'да, второй', 'yes, the second', 'давай второе', 'екіншісін беріңіз'];
    for (const typed of second) expect([typed, reader.read(typed, 3)]).toEqual([typed, 2]);
    expect(reader.read('четвёртый', 5)).toBe(4);
    expect(reader.read('Третий', 3)).toBe(3);
  });

  test('reads Kazakh typed without its letters or in Latin letters as the Kazakh of the lists', () => {
    for (const typed of ['екинши', 'ekinshi', 'ekinshisi', 'ekinshi nusqa']) expect([typed, reader.read(typed, 3)]).toEqual([typed, 2]);
    expect(reader.read('songysy', 4)).toBe(4);
    // A word beside the position that is no filler makes it no pick, as in Cyrillic ("second question").
    expect(reader.read('ekinshi suraq', 3)).toBeUndefined();
  });

  test('"the last" is the last of those offered', () => {
    expect(reader.read('последний', 4)).toBe(4);
    expect(reader.read('соңғысы', 2)).toBe(2);
    expect(reader.read('the last one', 3)).toBe(3);
  });

  test('a position past the end is returned as it is, for the caller to call stale', () => {
    expect(reader.read('5-й', 3)).toBe(5);
  });

  test('anything more than a position and its fillers is not a pick', () => {
    // A bare yes is no position (it is small talk, read elsewhere).
    expect(reader.read('да', 3)).toBeUndefined();
    for (const typed of ['второй вопрос про ипотеку', 'в 2 часа', '2 или 3', 'второй и третий', 'номер 109', 'вариант', 'the one', '0', 'а где второй пункт выдачи?']) {
      expect([typed, reader.read(typed, 3)]).toEqual([typed, undefined]);
    }
  });
});

describe('scaledRating', () => {
  test('a row of stars is its count of filled stars', () => {
    expect(scaledRating('⭐⭐⭐⭐', 5)).toBe(4);
    expect(scaledRating('⭐️⭐️⭐️', 5)).toBe(3);
    expect(scaledRating('★★★☆☆', 5)).toBe(3);
  });

  test('a score on another scale is brought to this one', () => {
    expect(scaledRating('4 из 5', 5)).toBe(4);
    expect(scaledRating('10/10', 5)).toBe(5);
    expect(scaledRating('7/10', 5)).toBe(4);
    expect(scaledRating('ставлю 2 out of 10', 5)).toBe(1);
    // Kazakh names the scale first: "5-тен 4" is 4 of 5.
    expect(scaledRating('5-тен 4', 5)).toBe(4);
    expect(scaledRating('10-нан 8 қоямын', 5)).toBe(4);
  });

  test('anything else is no rating', () => {
    for (const typed of ['⭐ спасибо', '⭐⭐⭐⭐⭐⭐', '6 из 5', '0/10', '5', '12/10', '🙂', '5-тен 6']) {
      expect([typed, scaledRating(typed, 5)]).toEqual([typed, undefined]);
    }
  });
});
