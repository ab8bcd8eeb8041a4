import { SmallTalkReader } from '../../src/engine/small-talk';
import { proposedQuestion } from '../../src/faq/proposed-question';
import { createTranslator } from '../../src/i18n';

const courtesy = new SmallTalkReader(createTranslator());
const propose = (text: string) => proposedQuestion(text, courtesy);

describe('proposedQuestion', () => {
  it('offers the question without a greeting that reads as a question of its own', () => {
    // "бе" makes the Kazakh greeting a question sentence: taught as one, it would pull every message starting so.
    expect(propose('Сәлеметсіз бе. Ұлым студент, жеңілдік картасын алдық. Жатақхана беру мәселесі бойынша қайда жүгінуге болады?')).toBe(
      'Жатақхана беру мәселесі бойынша қайда жүгінуге болады?',
    );
    expect(propose('Здравствуйте, подскажите, до скольки работает почта в субботу?')).toBe('до скольки работает почта в субботу?');
  });

  it('drops thanks and a signature after the question, and the story before it', () => {
    expect(propose('Мы переехали в мае. Где теперь ближайшая библиотека? Заранее спасибо. С уважением, Айгуль')).toBe(
      'Где теперь ближайшая библиотека?',
    );
    expect(propose('Hello! The lift has stood since Monday. Who repairs the lift? Thanks in advance')).toBe('Who repairs the lift?');
    // "Who repairs it?" alone would teach nothing: "it" is the lift of the story, which stays.
    expect(propose('Hello! The lift has stood since Monday. Who repairs it? Thanks in advance')).toBe('The lift has stood since Monday. Who repairs it?');
  });

  it('leaves a question with no courtesy or story as it is, and keeps a question about the wait', () => {
    expect(propose('почта до скольки')).toBe('почта до скольки');
    expect(propose('Сколько ждать?')).toBe('Сколько ждать?');
  });
});
