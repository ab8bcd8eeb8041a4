import { lexiconStrays } from '../../src/quality/lexicon-strays';

describe('lexicon strays', () => {
  const strayWords = (words: string[], lang: 'ru' | 'en') => lexiconStrays(words, lang).map((s) => s.word);

  it('lists a common word that gets a group only through a key it shares with a member', () => {
    // "работа" (a job) meets "работает" (is open) of the opening-hours group.
    const [stray] = lexiconStrays(['работа'], 'ru');
    expect(stray).toEqual({ word: 'работа', concepts: ['#open'], members: [] });
    // "break" (a pause) stems as "broken" does, through the irregular form.
    expect(lexiconStrays(['break'], 'en')).toEqual([{ word: 'break', concepts: ['#broken'], members: ['broken'] }]);
  });

  it('leaves out the words the lexicon lists, their forms, and words of no group', () => {
    // Listed ("взятка", also with ё read as е: "ребенок"), a form of a member ("заканчиваться" of
    // "заканчивается", "ended" of "end"), of no group ("стол", "table").
    expect(strayWords(['взятка', 'ребенок', 'заканчиваться', 'стол'], 'ru')).toEqual([]);
    expect(strayWords(['ended', 'cabs', 'table'], 'en')).toEqual([]);
  });

  it('no longer finds the strays the lexicon was marked against', () => {
    expect(strayWords(['взять', 'справиться', 'почем', 'участие', 'сын'], 'ru')).toEqual([]);
    expect(strayWords(['apart', 'private', 'accidentally'], 'en')).toEqual([]);
  });

  it('skips words of another script', () => {
    expect(strayWords(['work', 'жұмыс'], 'ru')).toEqual([]);
    expect(strayWords(['работа'], 'en')).toEqual([]);
  });
});
