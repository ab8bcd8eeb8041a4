import { isFrequentWord } from '../../src/language/detect';
import { meantInRussianLayout, russianOnSameKeys } from '../../src/language/keyboard-layout';

describe('Russian typed in the Latin keyboard layout', () => {
  it('is read key by key, the punctuation keys that are Russian letters included', () => {
    expect(russianOnSameKeys('rjulf rjvtylfyncrbq xfc&')).toBe('когда комендантский час?');
    expect(russianOnSameKeys('cgfcb,j')).toBe('спасибо');
    expect(russianOnSameKeys('vj. rfhne')).toBe('мою карту');
    expect(russianOnSameKeys('Plhfdcndeqnt/ Ult ,fyr? 109')).toBe('Здравствуйте. Где банк? 109');
  });

  const faqWords = new Set(['комендантский', 'час', 'банк', 'карта', 'интернет']);
  const knows = (word: string) => isFrequentWord(word) || faqWords.has(word);

  it.each([
    ['rjulf rjvtylfyncrbq xfc', 'когда комендантский час'],
    ['ult ,fyr', 'где банк'],
    ['yt hf,jnftn bynthytn', 'не работает интернет'],
  ])('%s is the Russian it was meant to be', (typed, meant) => {
    expect(meantInRussianLayout(typed, knows)).toBe(meant);
  });

  it.each([
    'when does the curfew start',
    'gde bank',
    'kogda komendantskiy chas',
    'kitaphana qashan ashylady',
    'ok',
    'asdfgh',
    'когда комендантский час',
    '109',
  ])('%s is left as it is', (text) => {
    expect(meantInRussianLayout(text, knows)).toBeNull();
  });
});
