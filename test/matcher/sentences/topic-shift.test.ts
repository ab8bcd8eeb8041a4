import { analyzeMessage } from '../../../src/matcher/analyze';
import { questionPart } from '../../../src/matcher/sentences/segments';
import { afterTopicShift } from '../../../src/matcher/sentences/topic-shift';

describe('afterTopicShift', () => {
  it.each([
    ['Лифт починили быстро, спасибо. Но вопрос другой: где оплатить налог?', 'где оплатить налог?'],
    ['Спасибо, про комендантский час понятно. У меня другой вопрос — когда заработает интернет?', 'когда заработает интернет?'],
    ['Со снегом всё хорошо, вопрос у меня в другом: где купить холодильник?', 'где купить холодильник?'],
    ['Thanks, the streetlight was fixed. My question is different though: how do I register my residence?', 'how do I register my residence?'],
    ['The potholes were repaired, great job. Another question: where can I buy a bike?', 'where can I buy a bike?'],
    ['Power is back, thanks. On another note, how do I change the account holder?', 'how do I change the account holder?'],
    ['The bins were emptied, thank you. On a different topic: when does the heating come on?', 'when does the heating come on?'],
    ['Қоқысты уақытында әкетті, рахмет. Басқа сұрағым бар: жеке куәлікті қалай ауыстыруға болады?', 'жеке куәлікті қалай ауыстыруға болады?'],
    ['Лифт жөнделді, рахмет. Сұрағым басқа: мейрамхана қайда?', 'мейрамхана қайда?'],
    // Typed without the Kazakh letters.
    ['Жарык берилди, рахмет. Баска сурагым бар еди: газ иси шыкса не истеу керек?', 'газ иси шыкса не истеу керек?'],
  ])('reads the question after the turn: %s', (text, question) => {
    expect(afterTopicShift(text)).toBe(question);
  });

  it.each([
    // One more question adds to the one before, it does not turn from it.
    'Когда работают банки? Ещё вопрос: почта работает?',
    'Are banks open today? One more question: is the post office open?',
    // What comes before asks: two questions, read as such elsewhere.
    'Когда работают банки? Другой вопрос: почта работает?',
    // Nothing after the turn: the whole is courtesy and an invitation to ask.
    'Спасибо, но у меня другой вопрос',
    'thanks, but I have another question.',
    // No turn: "другой" of something else.
    'Можно ли пройти в другой вопросник на сайте?',
  ])('keeps a message without a turn away from a statement whole: %s', (text) => {
    expect(afterTopicShift(text)).toBe(text);
  });

  it('is what the matcher weighs and what a resident teaches: the thanks before the turn is no word of the question', () => {
    const text = 'Прививку ребенку сделали, спасибо. Но вопрос другой: как прикрепиться к поликлинике?';
    const words = analyzeMessage(text, 'ru').map((t) => t.token.surface);
    expect(words).toEqual(expect.arrayContaining(['прикрепиться', 'поликлинике']));
    expect(words).not.toEqual(expect.arrayContaining(['прививку']));
    expect(questionPart(text, 'ru')).toBe('как прикрепиться к поликлинике?');
  });
});
