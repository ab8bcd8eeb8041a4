import { analyzeMessage } from '../../../src/matcher/analyze';
import { FieldIndex } from '../../../src/matcher/field-index';
import { DEFAULT_RANK_OPTIONS, Ranker } from '../../../src/matcher/ranker';
import { SETTING_SHARE } from '../../../src/matcher/sentences/setting';
import type { Lang } from '../../../src/i18n/languages';
import type { FaqEntryInput } from '../../../src/faq/types';

/** Each word's weight in the message, by the word as analysed. */
function weights(text: string, lang: Lang): Record<string, number> {
  return Object.fromEntries(analyzeMessage(text, lang).map((t) => [t.token.surface, t.weight]));
}

describe('where the question happens', () => {
  it('weighs the noun after a preposition of place at a share of its sentence, articles and possessives between', () => {
    expect(weights('a pack of dogs keeps chasing kids near the school', 'en')).toMatchObject({ dogs: 1, kids: 1, school: SETTING_SHARE });
    expect(weights('the tree outside my window is dead', 'en')).toMatchObject({ tree: 1, window: SETTING_SHARE });
    expect(weights('возле нашей школы бегает стая собак', 'ru')).toMatchObject({ школы: SETTING_SHARE, собак: 1 });
    expect(weights('рядом с домом бегают собаки', 'ru')).toMatchObject({ домом: SETTING_SHARE, собаки: 1 });
  });

  it('weighs the Kazakh noun before a postposition of place so, typed with or without its letters', () => {
    expect(weights('мектептің жанында иттер жүр', 'kk')).toMatchObject({ мектептин: SETTING_SHARE, иттер: 1 });
    expect(weights('мектептин касында иттер жур', 'kk')).toMatchObject({ мектептин: SETTING_SHARE, иттер: 1 });
  });

  it('leaves at full weight a word after a preposition that also says who or whose, the bus a thing was left on, or after "рядом" as "nearby" and "outside" as out of doors', () => {
    expect(weights('my son got stopped by police after 11pm', 'en')).toMatchObject({ police: 1 });
    expect(weights('у мужа температура третий день', 'ru')).toMatchObject({ мужа: 1 });
    expect(weights('i left my bag on the bus', 'en')).toMatchObject({ bag: 1, bus: 1 });
    expect(weights('библиотека рядом закрыта', 'ru')).toMatchObject({ закрыта: 1 });
    // "outside" out of doors, with no article or possessive after it.
    expect(weights('can i go outside tonight', 'en')).toMatchObject({ tonight: 1 });
  });

  it('lets the thing asked about outweigh two words another entry is about', () => {
    const entries: FaqEntryInput[] = [
      { id: 'stray-dogs', topic: 'animals', questions: { en: ['Who do I call about stray dogs?'] }, answer: { en: 'Call the animal control service.' } },
      { id: 'school-enrolment', topic: 'education', questions: { en: ['How do I enrol my kids in school?'] }, answer: { en: 'Apply online in April.' } },
      { id: 'kids-sports', topic: 'education', questions: { en: ['Are there free sports clubs for kids after school?'] }, answer: { en: 'Ask at the sports school.' } },
      { id: 'bins', topic: 'utilities', questions: { en: ['When are the bins emptied?'] }, answer: { en: 'Every Monday.' } },
      { id: 'lights', topic: 'utilities', questions: { en: ['Who repairs the street lights?'] }, answer: { en: 'The city lighting service.' } },
      { id: 'kindergarten', topic: 'education', questions: { en: ['How do I put my kids on the kindergarten list?'] }, answer: { en: 'Online.' } },
      { id: 'potholes', topic: 'roads', questions: { en: ['How do I report a pothole?'] }, answer: { en: 'Call 109.' } },
      { id: 'lift', topic: 'housing', questions: { en: ['The lift is broken, who do I call?'] }, answer: { en: 'The building manager.' } },
      { id: 'tax', topic: 'taxes', questions: { en: ['When is property tax due?'] }, answer: { en: 'By 1 October.' } },
      { id: 'meter', topic: 'utilities', questions: { en: ['How do I replace a water meter?'] }, answer: { en: 'Ask the water company.' } },
    ];
    const index = new FieldIndex();
    for (const e of entries) index.upsert(e);
    const ranking = new Ranker(index, DEFAULT_RANK_OPTIONS).rank(analyzeMessage('a pack of dogs keeps chasing kids near the school', 'en'));
    expect(ranking.entries[0].id).toBe('stray-dogs');
  });
});
