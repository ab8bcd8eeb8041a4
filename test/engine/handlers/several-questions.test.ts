import { CHOICE } from '../../../src/engine/choices';
import { joinedQuestions, questionSentences } from '../../../src/matcher/sentences/several-questions';
import { createHarness, withFaq, type Harness } from '../../support/engine';
import { readDemoFaq } from '../../support/fixtures';

describe('questionSentences', () => {
  it('gives the sentences that end with a question mark, when there are two or more', () => {
    expect(questionSentences('Здравствуйте. Когда комендантский час? И работают ли банки?')).toEqual([
      'Когда комендантский час?',
      'И работают ли банки?',
    ]);
    // One question, with its story: answered as a whole.
    expect(questionSentences('Мама живёт одна. Можно ли к ней поехать?')).toEqual([]);
    // A clause with "не" or "можно" but no question mark is the story, not a question.
    expect(questionSentences('Хотим в школу рядом с работой, а не по прописке. Возьмут туда?')).toEqual([]);
  });

  it('gives a question that names nothing, or names it by a pronoun, with the story told before it', () => {
    expect(questionSentences('Во дворе не вывозят мусор, контейнеры переполнены. Куда жаловаться? И кто убирает снег во дворе?')).toEqual([
      'Во дворе не вывозят мусор, контейнеры переполнены. Куда жаловаться?',
      'И кто убирает снег во дворе?',
    ]);
    expect(questionSentences('Когда начинается комендантский час? Сын работает до полуночи. Куда обращаться?')).toEqual([
      'Когда начинается комендантский час?',
      'Сын работает до полуночи. Куда обращаться?',
    ]);
    expect(questionSentences('The lift has stood since Monday. Who fixes it? And when is the rubbish collected?')).toEqual([
      'The lift has stood since Monday. Who fixes it?',
      'And when is the rubbish collected?',
    ]);
  });

  it('gives the items of a numbered list, its preamble aside', () => {
    expect(questionSentences('У меня два вопроса: 1) когда комендантский час 2) работают ли банки')).toEqual([
      'когда комендантский час',
      'работают ли банки',
    ]);
    expect(questionSentences('1. When does the curfew start?\n2. Are banks open?')).toEqual(['When does the curfew start?', 'Are banks open?']);
    expect(questionSentences('1)когда комендантский час 2)банки')).toEqual(['когда комендантский час', 'банки']);
    // Numbers that do not run 1, 2… are dates, times or addresses; one item is one question.
    expect(questionSentences('до 20. января 5. числа продлят?')).toEqual([]);
    expect(questionSentences('в 23.00 начинается? с 7.30 заканчивается')).toEqual([]);
    expect(questionSentences('1) когда комендантский час')).toEqual([]);
  });

  it('gives the lines that each ask something, without their bullets; a greeting or a story line is none', () => {
    expect(questionSentences('Здравствуйте\nкогда комендантский час\nработают ли банки')).toEqual(['когда комендантский час', 'работают ли банки']);
    expect(questionSentences('- когда комендантский час\n- работают ли банки')).toEqual(['когда комендантский час', 'работают ли банки']);
    expect(questionSentences('У нас с утра нет воды\nкогда дадут?')).toEqual([]);
    expect(questionSentences('когда\nкомендантский час')).toEqual([]);
  });
});

describe('joinedQuestions', () => {
  it('gives the questions of one sentence joined by "и", "және", "мен" or "and": parts that ask, or two things asked about', () => {
    expect(joinedQuestions('когда начинается комендантский час и работают ли банки', 'ru')).toEqual(['когда начинается комендантский час', 'работают ли банки']);
    expect(joinedQuestions('коменданттық сағат қашан басталады және банктер жұмыс істей ме', 'kk')).toEqual(['коменданттық сағат қашан басталады', 'банктер жұмыс істей ме']);
    expect(joinedQuestions('When does the curfew start and are banks open?', 'en')).toEqual(['When does the curfew start', 'are banks open']);
    // Two things in one short question: each with the rest of the question, before or after them.
    expect(joinedQuestions('работают ли банки и почта', 'ru')).toEqual(['работают ли банки', 'работают ли почта']);
    expect(joinedQuestions('Банки и аптеки работают?', 'ru')).toEqual(['Банки работают', 'аптеки работают']);
    expect(joinedQuestions('банктер мен дәріханалар жұмыс істей ме', 'kk')).toEqual(['банктер жұмыс істей ме', 'дәріханалар жұмыс істей ме']);
    expect(joinedQuestions('are banks and pharmacies open', 'en')).toEqual(['are banks open', 'are pharmacies open']);
    // Kazakh "не" (what) asks: both parts are questions.
    expect(joinedQuestions('банктер не уақытта ашылады және почта жұмыс істей ме', 'kk')).toEqual(['банктер не уақытта ашылады', 'почта жұмыс істей ме']);
  });

  it('gives none for a message that asks nothing, or two clauses of which one asks nothing', () => {
    expect(joinedQuestions('у меня пропал свет и вода', 'ru')).toEqual([]);
    expect(joinedQuestions('я звонил вчера и когда дадут воду', 'ru')).toEqual([]);
    expect(joinedQuestions('у меня кредит и я потерял работу, будут ли штрафы', 'ru')).toEqual([]);
    // Russian "не" is a denial here, not Kazakh "не" (what): the second part is the story.
    expect(joinedQuestions('когда дадут воду и не могу дозвониться до водоканала', 'ru')).toEqual([]);
    // Sentences of their own are questionSentences' business.
    expect(joinedQuestions('Когда комендантский час? И работают ли банки?', 'ru')).toEqual([]);
  });
});

/** A resident who asks two things in one message gets both answers, not one of them. */
describe('a message of several questions', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  const CURFEW = 'Комендантский час: с 23:00 до 07:00.';
  const WATER = 'Воду подадут до вечера.';

  test('gets the answer of each question the FAQ answers outright, then one "did this help?"', async () => {
    const result = await h.say('Здравствуйте. Когда начинается комендантский час? И когда дадут горячую воду?');
    expect(result.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
    expect(result.replies.map((r) => r.text)).toEqual([CURFEW, WATER, h.translator.t('ru', 'answer.ask')]);
    expect(result.replies[2].choices?.map((c) => c.id)).toEqual([CHOICE.helpful, CHOICE.notHelpful]);
    // It did not help, and an operator is wanted: the question handed over is the first one.
    await h.say('', { choiceId: CHOICE.notHelpful });
    const handed = await h.say('', { choiceId: CHOICE.operatorNotHelpful });
    expect(handed.outcome).toMatchObject({ kind: 'escalate' });
    const [ticket] = await h.store.tickets.list();
    expect(ticket.question).toBe('Когда начинается комендантский час?');
  });

  test('in English as well', async () => {
    const result = await h.say('When does the curfew start? When will the hot water be back?', { langHint: 'en' });
    expect(result.replies.map((r) => r.text)).toEqual(['Curfew: from 23:00 to 07:00.', 'Water will be back by the evening.', h.translator.t('en', 'answer.ask')]);
  });

  test('a second sentence about the same entry is not answered twice', async () => {
    const result = await h.say('Когда начинается комендантский час? До какого времени он действует?');
    expect(result.replies.map((r) => r.text)).toEqual([CURFEW, h.translator.t('ru', 'answer.ask')]);
  });

  test('with only one of them answered on its own, the message is decided as a whole, the other said to be left', async () => {
    // The boat is not in the FAQ: the water question alone is answered outright, the whole is not.
    const result = await h.say('Когда дадут горячую воду? Сколько стоит аренда лодки?');
    expect(result.outcome).toMatchObject({ kind: 'suggest', faqIds: ['water-outage'] });
    expect(result.replies.map((r) => r.text)).not.toContain(WATER);
    // The boat's hire is not among the choices, and the resident is told so before them.
    expect(result.replies.map((r) => r.text)).toEqual([h.translator.t('ru', 'answer.partLeft'), h.translator.t('ru', 'suggest.titleOne')]);
    // One question the FAQ cannot place at all is no part left: it is the whole message.
    const alone = await h.say('Сколько стоит аренда лодки?', { chatId: 'boat-alone' });
    expect(alone.replies.map((r) => r.text)).not.toContain(h.translator.t('ru', 'answer.partLeft'));
    // Beside two questions answered, it is said to be left after their answers.
    const three = await h.say('Когда начинается комендантский час? Когда дадут горячую воду? Сколько стоит аренда лодки?', { chatId: 'boat-three' });
    expect(three.replies.map((r) => r.text)).toEqual([CURFEW, WATER, h.translator.t('ru', 'answer.partLeft'), h.translator.t('ru', 'answer.ask')]);
  });

  test('the whole answered by one entry and a part by another: both, in the order asked', async () => {
    // The demo FAQ: "can I get a pass?" alone is only offered ("did you mean"), the whole is the pass.
    await withFaq(await readDemoFaq(), async (demo) => {
      // The entries whose answers the replies are, in the order given.
      const ids = async (text: string, chatId: string) => {
        const result = await demo.say(text, { chatId, langHint: 'en' });
        return result.replies.map((r) => demo.catalog.live(new Date()).find((e) => e.answer.en === r.text)?.id).filter((id) => id !== undefined);
      };
      expect((await demo.say('can I get a pass?', { chatId: 'alone', langHint: 'en' })).outcome).toMatchObject({ kind: 'suggest' });
      expect(await ids('What is the curfew fine? And can I get a pass?', 'a')).toEqual(['curfew-violation-fine', 'curfew-movement-pass']);
      expect(await ids('Can I get a pass? And what is the curfew fine?', 'b')).toEqual(['curfew-movement-pass', 'curfew-violation-fine']);
    });
  });

  test('a question none of the answers given answers is said to be left, not passed over in silence', async () => {
    await withFaq(await readDemoFaq(), async (demo) => {
      const left = demo.translator.t('ru', 'answer.partLeft');
      // The loan fines alone are only offered ("did you mean"); the whole is the end date.
      expect((await demo.say('будут ли штрафы по кредитам', { chatId: 'alone' })).outcome).toMatchObject({ kind: 'suggest' });
      const both = await demo.say('когда заканчивается режим ЧП и будут ли штрафы по кредитам', { chatId: 'a' });
      expect(both.outcome).toMatchObject({ kind: 'answer', faqId: 'state-of-emergency-end-date' });
      expect(both.replies.map((r) => r.text)).toContain(left);
      // Past the three answers a message gets, a fourth question is left too.
      const four = await demo.say('Работают ли банки? Работает ли почта? Работают ли аптеки? Работают ли ЦОНы?', { chatId: 'c' });
      expect(four.replies.map((r) => r.text).filter((t) => t !== left && t !== demo.translator.t('ru', 'answer.ask'))).toHaveLength(3);
      expect(four.replies.map((r) => r.text)).toContain(left);
      // A second sentence the FAQ has nothing for ("как дела?"), or one it would only hand over though
      // it finds entries ("is that normal?"), is no question left.
      const chat = await demo.say('Когда начинается комендантский час? Как дела?', { chatId: 'b' });
      expect(chat.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-hours' });
      expect(chat.replies.map((r) => r.text)).not.toContain(left);
      expect((await demo.say('Is that normal?', { chatId: 'alone-aside', langHint: 'en' })).outcome).toMatchObject({ kind: 'escalate' });
      const aside = await demo.say('Are pharmacies open at night? Is that normal?', { chatId: 'd', langHint: 'en' });
      expect(aside.outcome).toMatchObject({ kind: 'answer', faqId: 'pharmacy-hours' });
      expect(aside.replies.map((r) => r.text)).not.toContain(demo.translator.t('en', 'answer.partLeft'));
    });
  });

  test('a numbered list of questions gets an answer for each', async () => {
    const result = await h.say('Два вопроса: 1) когда начинается комендантский час 2) когда дадут горячую воду');
    expect(result.replies.map((r) => r.text)).toEqual([CURFEW, WATER, h.translator.t('ru', 'answer.ask')]);
  });

  test('questions on lines of their own get an answer each', async () => {
    const result = await h.say('когда начинается комендантский час\nкогда дадут горячую воду');
    expect(result.replies.map((r) => r.text)).toEqual([CURFEW, WATER, h.translator.t('ru', 'answer.ask')]);
  });

  test('two questions joined by "и" in one sentence get both answers', async () => {
    const result = await h.say('когда начинается комендантский час и когда дадут горячую воду');
    expect(result.replies.map((r) => r.text)).toEqual([CURFEW, WATER, h.translator.t('ru', 'answer.ask')]);
  });

  test('two questions joined by "и" in one of several question sentences get an answer each', async () => {
    const faq = [
      { id: 'curfew', topic: 'curfew', questions: { ru: ['Когда начинается комендантский час?'] }, answer: { ru: 'С 23:00.' } },
      { id: 'pharmacies', topic: 'health', questions: { ru: ['Работают ли аптеки ночью?'] }, answer: { ru: 'Дежурные аптеки работают.' } },
      { id: 'internet', topic: 'internet', questions: { ru: ['Когда включат интернет?'] }, answer: { ru: 'Интернет включат утром.' } },
    ];
    await withFaq(faq, async (own) => {
      // The first sentence was taken whole, and answered for one of its two questions.
      const all = await own.say('Когда начинается комендантский час и работают ли аптеки ночью? И ещё, когда включат интернет?');
      expect(all.replies.map((r) => r.text)).toEqual(['С 23:00.', 'Дежурные аптеки работают.', 'Интернет включат утром.', own.translator.t('ru', 'answer.ask')]);
    });
  });

  test('a question that leans on its story is answered for the story, beside the next question', async () => {
    const faq = [
      { id: 'rubbish', topic: 'utilities', questions: { ru: ['Не вывозят мусор, куда жаловаться?', 'Когда вывозят мусор?'] }, answer: { ru: 'Звоните перевозчику.' } },
      { id: 'snow', topic: 'utilities', questions: { ru: ['Кто убирает снег во дворе?'] }, answer: { ru: 'Снег во дворе убирает КСК.' } },
      { id: 'yard-lights', topic: 'utilities', questions: { ru: ['Не горят фонари во дворе'] }, answer: { ru: 'Звоните 109.' } },
      // The story's other words are other entries' ("во дворе", "контейнеры"): the entry answering
      // the part explains less of it than a question cut from a list would have to.
      { id: 'new-bins', topic: 'utilities', questions: { ru: ['Как заказать новые контейнеры во двор?'] }, answer: { ru: 'Подайте заявку.' } },
    ];
    await withFaq(faq, async (own) => {
      // "Куда жаловаться?" alone names nothing: the rubbish went unanswered and the snow was the answer.
      const both = await own.say('У нас во дворе неделю не вывозят мусор, контейнеры переполнены. Куда жаловаться? И кто убирает снег во дворе?');
      expect(both.replies.map((r) => r.text)).toEqual(['Звоните перевозчику.', 'Снег во дворе убирает КСК.', own.translator.t('ru', 'answer.ask')]);
    });
  });

  test('two things asked about in one question get an answer each ("работают ли банки и почта")', async () => {
    const faq = [
      { id: 'banks', topic: 'office-hours', questions: { ru: ['Работают ли банки?'] }, answer: { ru: 'Банки работают с 10:00.' } },
      { id: 'post', topic: 'office-hours', questions: { ru: ['Работает ли почта?'] }, answer: { ru: 'Почта работает с 09:00.' } },
      { id: 'water', topic: 'utilities', questions: { ru: ['Где заплатить за свет и воду?'] }, answer: { ru: 'В любом банке.' } },
    ];
    await withFaq(faq, async (own) => {
      for (const [chatId, text] of [['a', 'работают ли банки и почта'], ['b', 'Банки и почта работают?']]) {
        const both = await own.say(text, { chatId });
        expect(both.replies.map((r) => r.text)).toEqual(['Банки работают с 10:00.', 'Почта работает с 09:00.', own.translator.t('ru', 'answer.ask')]);
      }
      // "It helped" is about the first answer: the bank is taught its own part, not the post office.
      await own.say('', { chatId: 'a', choiceId: CHOICE.helpful });
      expect(await own.store.learning.list()).toEqual([expect.objectContaining({ entryId: 'banks', text: 'работают ли банки', helpful: 1 })]);
      // Two parts one entry answers: answered once.
      const one = await own.say('где заплатить за свет и воду', { chatId: 'other' });
      expect(one.replies.map((r) => r.text)).toEqual(['В любом банке.', own.translator.t('ru', 'answer.ask')]);
    });
  });

  test('a few words after a part answered go on from its answer, as a message of their own would', async () => {
    const faq = [
      { id: 'banks', topic: 'office-hours', questions: { ru: ['Когда работают банки?'] }, answer: { ru: 'Банки работают с 10:00.' } },
      { id: 'post', topic: 'office-hours', questions: { ru: ['Когда работает почта?'] }, answer: { ru: 'Почта работает с 09:00.' } },
      { id: 'loan', topic: 'loans', questions: { ru: ['Что делать, если банк отказал в отсрочке кредита?'] }, answer: { ru: 'Обратитесь в банк ещё раз.' } },
      { id: 'water', topic: 'utilities', questions: { ru: ['Когда дадут горячую воду?'] }, answer: { ru: 'Воду дадут вечером.' } },
    ];
    await withFaq(faq, async (own) => {
      // Alone "а банки?" could be either bank entry; after the post office's hours it is the banks' hours.
      expect((await own.say('а банки?', { chatId: 'alone' })).outcome).toMatchObject({ kind: 'suggest', faqIds: expect.arrayContaining(['banks', 'loan']) });
      await own.say('Когда работает почта?', { chatId: 'two' });
      expect((await own.say('а банки?', { chatId: 'two' })).outcome).toMatchObject({ kind: 'answer', faqId: 'banks' });
      // In one message: both answers, where the second part was offered with the loan, or left.
      const one = await own.say('Когда работает почта? А банки?', { chatId: 'one' });
      expect(one.replies.map((r) => r.text)).toEqual(['Почта работает с 09:00.', 'Банки работают с 10:00.', own.translator.t('ru', 'answer.ask')]);
      // A part after one that was not answered has nothing to go on from.
      const after = await own.say('Сколько стоит аренда лодки? А банки?', { chatId: 'boat' });
      expect(after.replies.map((r) => r.text)).not.toContain('Банки работают с 10:00.');
    });
  });

  test('a part whose entry shares only some of its known words is not answered on its own', async () => {
    const faq = [
      { id: 'meter', topic: 'utilities', questions: { ru: ['Сколько стоит поверка счётчика воды?', 'Сколько стоит замена счётчика?'] }, answer: { ru: 'Поверка стоит 3000 тенге.' } },
      { id: 'card', topic: 'transport', questions: { ru: ['Как пополнить транспортную карту?', 'Где пополнить карту для проезда?'] }, answer: { ru: 'Карту пополняют в приложении.' } },
      { id: 'lift', topic: 'utilities', questions: { ru: ['Кому звонить, если застрял лифт?'] }, answer: { ru: 'Звоните в лифтовую службу.' } },
    ];
    await withFaq(faq, async (own) => {
      // "сколько стоит" alone would be the meter's: the fare is not in this FAQ.
      const result = await own.say('сколько стоит проезд и как пополнить карту');
      expect(result.replies.map((r) => r.text)).not.toContain('Поверка стоит 3000 тенге.');
      // A word no entry knows ("намертво") does not count against a part: the confidence weighs it.
      const both = await own.say('как пополнить карту и кому звонить если намертво застрял лифт', { chatId: 'other' });
      expect(both.replies.map((r) => r.text)).toEqual(['Карту пополняют в приложении.', 'Звоните в лифтовую службу.', own.translator.t('ru', 'answer.ask')]);
    });
  });
});
