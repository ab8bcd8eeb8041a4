/**
 * The Kazakh endings no Russian word ends with (detect.ts, KAZAKH_ONLY_ENDINGS): checked against
 * every form of the Russian spelling dictionary, and what they decide.
 */
import { detectLanguage, KAZAKH_ONLY_ENDINGS, type WordEvidence } from '../../src/language/detect';
import { hunspellForms } from '../../src/language/loanwords';
import { russianDictionaryForms } from '../../scripts/loanwords';

describe('Kazakh endings Russian has not', () => {
  it('expands a Hunspell word by its suffix rules', () => {
    const aff = 'SFX A Y 2\nSFX A а ы а\nSFX A 0 ом [^а]\n';
    expect([...hunspellForms('2\nКнига/A\nдом/A\n', aff)]).toEqual(['книга', 'книгы', 'дом', 'домом']);
  });

  it('end no Russian word form of five letters or more but one ("недосып")', () => {
    const ending = new Set<string>();
    let forms = 0;
    for (const form of russianDictionaryForms()) {
      forms += 1;
      if (form.length > 4 && KAZAKH_ONLY_ENDINGS.test(form)) ending.add(form);
    }
    expect(forms).toBeGreaterThan(1_000_000);
    expect([...ending]).toEqual(['недосып']);
  });

  // A FAQ whose Russian texts alone have these words: each is a Russian cue (addVocabularyCues).
  const faqWords: WordEvidence = { languagesOf: (word) => (['осмс', 'газ', 'карантин', 'собака', 'статус', 'плита'].includes(word) ? ['ru'] : []) };

  it.each([
    ['осмс статусымды', 'kk'],
    ['газ плитасын', 'kk'],
    ['собака кауып', 'kk'],
    ['мектептерде карантин', 'kk'],
    ['статус заявки', 'ru'],
    ['плита газовая', 'ru'],
  ])('"%s" reads as %s beside a Russian word of the FAQ', (text, lang) => {
    expect(detectLanguage(text, undefined, faqWords).lang).toBe(lang);
  });
});
