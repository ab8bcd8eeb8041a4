import { ChoicePositionReader } from '../../src/engine/choice-position';
import { createTranslator } from '../../src/i18n';

const reader = new ChoicePositionReader(createTranslator());

describe('ChoicePositionReader', () => {
  test('reads a position typed with decorations, as a word, or with filler words, in each language', () => {
    const second = ['2-й', '№2', '#2', '2)', '2️⃣', 'вариант 2', 'второй', 'Вторую!', 'два', 'давайте второй вариант', 'екінші', '2-ші', 'екінші нұсқа', 'the second one', 'option 2', '2nd'];
    for (const typed of second) expect([typed, reader.read(typed, 3)]).toEqual([typed, 2]);
    expect(reader.read('четвёртый', 5)).toBe(4);
    expect(reader.read('Третий', 3)).toBe(3);
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
    for (const typed of ['второй вопрос про ипотеку', 'в 2 часа', '2 или 3', 'второй и третий', 'номер 109', 'вариант', 'the one', '0', 'а где второй пункт выдачи?']) {
      expect([typed, reader.read(typed, 3)]).toEqual([typed, undefined]);
    }
  });
});
