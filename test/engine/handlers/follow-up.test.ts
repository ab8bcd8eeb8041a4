import { CHOICE } from '../../../src/engine/choices';
import type { FaqEntryInput } from '../../../src/faq/types';
import { choiceIds, createHarness, withFaq, type Harness } from '../../support/engine';

const entry = (id: string, topic: string, ru: string[], en: string[] = []): FaqEntryInput => ({
  id,
  topic,
  questions: { ru, en },
  answer: { ru: `Ответ: ${id}.`, en: `Answer: ${id}.` },
});

const FAQ: FaqEntryInput[] = [
  // Three fines, on three topics.
  entry('curfew-hours', 'curfew', ['Когда начинается комендантский час?'], ['When does the curfew start?']),
  entry('curfew-fine', 'curfew', ['Какой штраф за нарушение комендантского часа?'], ['What is the fine for breaking the curfew?']),
  entry('loan-fine', 'loans', ['Будет ли штраф за просрочку кредита?'], ['Will I be fined for a late loan payment?']),
  entry('bills-fine', 'utilities', ['Будет ли штраф за неоплату коммунальных услуг?'], ['Is there a fine for unpaid utility bills?']),
  // Three about Saturdays, two of them on one topic.
  entry('post-hours', 'office-hours', ['Когда работает почта?', 'Работает ли почта в субботу?']),
  entry('bank-hours', 'office-hours', ['Когда работают банки?', 'Работают ли банки в субботу?']),
  entry('clinic-hours', 'health', ['Когда работает поликлиника?', 'Работает ли поликлиника в субботу?']),
  // Two about the yard on two topics; the lift shares a topic with one of them, not a subject.
  entry('lift', 'utilities', ['Не работает лифт в доме'], ['The lift in my building is broken']),
  entry('yard-lights', 'utilities', ['Не горят фонари во дворе']),
  entry('yard-dogs', 'safety', ['Бродячие собаки во дворе']),
  // "How long does it take" is in one question only, on a topic of its own.
  entry('id-card', 'documents', ['Сколько времени занимает замена удостоверения?'], ['How long does it take to replace an ID card?']),
  // "бесплатно" is in one question only.
  entry('sports', 'leisure', ['Где найти бесплатные спортивные секции для детей?'], ['Where can I find free sports clubs for children?']),
];

const idsOf = (outcome: { kind: string; faqIds?: readonly string[] }) => [...(outcome.faqIds ?? [])].sort();
/** The entry answered, or the first offered. */
const firstOf = (outcome: { kind: string; faqId?: string; faqIds?: readonly string[] }) => outcome.faqId ?? outcome.faqIds?.[0];

/** A few words right after an answer are read in its light: "and the fine?" after the curfew hours. */
describe('a follow-up to an answer', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ faq: FAQ });
  });
  afterEach(() => h.close());

  test('alone, "а штраф?" could mean any of the fines: the resident chooses', async () => {
    const result = await h.say('а штраф?');
    expect(result.outcome.kind).toBe('suggest');
    expect(idsOf(result.outcome)).toEqual(['bills-fine', 'curfew-fine', 'loan-fine']);
  });

  test('after the curfew hours it is the curfew fine, in Russian and in English', async () => {
    expect((await h.say('Когда начинается комендантский час?')).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-hours' });
    const ru = await h.say('а штраф?');
    expect(ru.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-fine' });
    expect(ru.replies[0].text).toBe('Ответ: curfew-fine.');

    await h.say('When does the curfew start?', { chatId: 'chat-2' });
    expect((await h.say('and the fine?', { chatId: 'chat-2' })).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-fine' });
  });

  test('"yes, it helped" teaches the follow-up with the question before it, not the bare "а штраф?"', async () => {
    await h.say('Когда начинается комендантский час?');
    expect((await h.say('а штраф?')).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-fine' });
    await h.say('', { choiceId: CHOICE.helpful });
    expect(await h.store.learning.list()).toEqual([
      expect.objectContaining({ entryId: 'curfew-fine', text: 'Когда начинается комендантский час? а штраф?', helpful: 1 }),
    ]);
  });

  test('a question word alone ("а где?") soon after an answer asks about it: the answer again; alone, what it is about', async () => {
    expect((await h.say('а где?')).outcome).toEqual({ kind: 'clarify' });
    await h.say('Когда работает поликлиника?', { chatId: 'chat-2' });
    const where = await h.say('а где?', { chatId: 'chat-2' });
    expect(where.outcome).toMatchObject({ kind: 'answer', faqId: 'clinic-hours' });
    // The answer given again offers the operator at once (see "an answer given again" below).
    expect(where.replies.map((r) => r.text)).toEqual(['Ответ: clinic-hours.', h.translator.t('ru', 'answer.again')]);
  });

  test('a message that asks nothing ("хм", "и что?") is asked what it is about, also right after an answer, and opens no ticket', async () => {
    expect((await h.say('хм')).outcome).toEqual({ kind: 'clarify' });
    await h.say('Когда работает поликлиника?', { chatId: 'chat-2' });
    for (const typed of ['хм', 'и что?', 'ааааа']) {
      const reply = await h.say(typed, { chatId: 'chat-2' });
      expect({ typed, outcome: reply.outcome }).toEqual({ typed, outcome: { kind: 'clarify' } });
      expect(reply.replies[0].text).toBe(h.translator.t('ru', 'input.noSubject'));
    }
    // A question word still asks about the answer before.
    expect((await h.say('а где?', { chatId: 'chat-2' })).outcome).toMatchObject({ kind: 'answer', faqId: 'clinic-hours' });
    expect(await h.store.tickets.list()).toEqual([]);
  });

  test('a day alone ("а завтра?", "ертең ше?") soon after an answer asks about it: the answer again; alone, what it is about', async () => {
    expect((await h.say('а завтра?')).outcome).toEqual({ kind: 'clarify' });
    await h.say('Когда работает почта?', { chatId: 'chat-2' });
    expect((await h.say('а завтра?', { chatId: 'chat-2' })).outcome).toMatchObject({ kind: 'answer', faqId: 'post-hours' });
    expect((await h.say('а сегодня?', { chatId: 'chat-2' })).outcome).toMatchObject({ kind: 'answer', faqId: 'post-hours' });
  });

  test('a day of the week alone ("а в субботу?") after an answer asks about that answer, not about the entries that name the day', async () => {
    // Three entries ask about Saturdays; the curfew's does not, and "в субботу?" after it is about the curfew.
    expect((await h.say('а в субботу?')).outcome).toEqual({ kind: 'clarify' });
    await h.say('Когда начинается комендантский час?', { chatId: 'chat-2' });
    expect((await h.say('а в субботу?', { chatId: 'chat-2' })).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-hours' });
    await h.say('When does the curfew start?', { chatId: 'chat-3' });
    expect((await h.say('and on Sundays?', { chatId: 'chat-3' })).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-hours' });
  });

  test('how to act on the answer ("куда звонить?", "кімге хабарласу керек?", "what documents do I need?") asks about it: the answer again; alone, what it is about', async () => {
    const faq = [
      ...FAQ,
      // The same frames asked of other subjects: alone, the message would offer these.
      entry('lift-call', 'housing', ['Куда звонить, если не работает лифт?'], ['Who do I contact if the lift is broken?']),
      entry('school-documents', 'education', ['Какие документы нужны в школу?'], ['What documents do I need for school?']),
    ];
    await withFaq(faq, async (withFrames) => {
      for (const [text, lang] of [['куда звонить?', 'ru'], ['what documents do I need?', 'en']] as const) {
        expect({ text, outcome: (await withFrames.say(text, { chatId: `alone-${lang}` })).outcome }).toEqual({ text, outcome: { kind: 'clarify' } });
      }
      await withFrames.say('Когда работает поликлиника?', { chatId: 'chat-2' });
      expect((await withFrames.say('куда звонить?', { chatId: 'chat-2' })).outcome).toMatchObject({ kind: 'answer', faqId: 'clinic-hours' });
      await withFrames.say('How long does it take to replace an ID card?', { chatId: 'chat-3' });
      expect((await withFrames.say('what documents do I need?', { chatId: 'chat-3' })).outcome).toMatchObject({ kind: 'answer', faqId: 'id-card' });
      // A subject with the frame is a question of its own.
      await withFrames.say('Когда работает поликлиника?', { chatId: 'chat-4' });
      expect((await withFrames.say('куда звонить, если не работает лифт?', { chatId: 'chat-4' })).outcome).toMatchObject({ kind: 'answer', faqId: 'lift-call' });
    });
  });

  test('so does a Kazakh verb of acting in the form a resident says it ("қайда барамыз?", "кімге хабарласамыз?")', async () => {
    const kk = (id: string, topic: string, questions: string[]): FaqEntryInput => ({ id, topic, questions: { kk: questions }, answer: { kk: `Жауап: ${id}.` } });
    const faq = [
      kk('child-dental', 'health', ['Баланың тісін қайда тегін емдеуге болады?']),
      // The same frames asked of other subjects.
      kk('lift-call', 'housing', ['Лифт істемесе, кімге хабарласу керек?']),
      kk('vaccine', 'health', ['Екпе салдыру үшін қайда бару керек?']),
    ];
    await withFaq(faq, async (kazakh) => {
      for (const text of ['қайда барамыз?', 'кімге хабарласамыз?', 'қайда жүгінеміз?', 'өзім бара аламын ба?']) {
        expect({ text, outcome: (await kazakh.say(text, { chatId: `alone-${text}` })).outcome }).toEqual({ text, outcome: { kind: 'clarify' } });
        await kazakh.say('Баланың тісін қайда тегін емдейді?', { chatId: `after-${text}` });
        expect({ text, outcome: (await kazakh.say(text, { chatId: `after-${text}` })).outcome }).toEqual({ text, outcome: expect.objectContaining({ kind: 'answer', faqId: 'child-dental' }) });
      }
    });
  });

  test('so does English "what should I do?", whose every word is a stop word, as "что делать?" does; "what?" still asks nothing', async () => {
    for (const text of ['what should I do?', 'what do we do now?']) {
      expect({ text, outcome: (await h.say(text, { chatId: `alone-${text}` })).outcome }).toEqual({ text, outcome: { kind: 'clarify' } });
      await h.say('How long does it take to replace an ID card?', { chatId: `after-${text}` });
      expect({ text, outcome: (await h.say(text, { chatId: `after-${text}` })).outcome }).toEqual({ text, outcome: expect.objectContaining({ kind: 'answer', faqId: 'id-card' }) });
    }
    await h.say('Сколько времени занимает замена удостоверения?', { chatId: 'ru' });
    expect((await h.say('что делать?', { chatId: 'ru' })).outcome).toMatchObject({ kind: 'answer', faqId: 'id-card' });
    await h.say('How long does it take to replace an ID card?', { chatId: 'what' });
    const what = await h.say('what?', { chatId: 'what' });
    expect(what.outcome).toEqual({ kind: 'clarify' });
    expect(what.replies[0].text).toBe(h.translator.t('en', 'input.noSubject'));
  });

  test('doing it online, who is responsible, how long, what to bring, what if refused, finding out, whom to ask ("а онлайн можно?", "кто отвечает за это?", "как долго ждать?", "что взять с собой?", "бас тартса ше?", "как узнать?") ask about the answer too', async () => {
    const faq = [
      ...FAQ,
      // The same asked of other subjects: after an answer, these were offered instead of it.
      entry('pay-online', 'utilities', ['Как оплатить коммунальные услуги онлайн?'], ['How do I pay utility bills online?']),
      entry('yard-cleaning', 'housing', ['Кто отвечает за уборку двора?'], ['Who is responsible for cleaning the yard?']),
      entry('queue-wait', 'education', ['Как долго ждать очереди в детский сад?']),
    ];
    await withFaq(faq, async (framed) => {
      let chat = 0;
      for (const [text, lang] of [['а онлайн можно?', 'ru'], ['кто отвечает за это?', 'ru'], ['как долго ждать?', 'ru'], ['онлайн бола ма?', 'kk'], ['кім жауапты?', 'kk'], ['can I do it online?', 'en'], ['who is responsible?', 'en'], ['что взять с собой?', 'ru'], ['бас тартса ше?', 'kk'], ['what if they refuse?', 'en'], ['как узнать?', 'ru'], ['кімнен сұрауға болады?', 'kk'], ['how long is it valid?', 'en'], ['until when?', 'en']] as const) {
        const chatId = `chat-${(chat += 1)}`;
        await framed.say(lang === 'en' ? 'How long does it take to replace an ID card?' : 'Сколько времени занимает замена удостоверения?', { chatId });
        expect({ text, outcome: (await framed.say(text, { chatId })).outcome }).toMatchObject({ text, outcome: { kind: 'answer', faqId: 'id-card' } });
      }
      // With a subject they are questions of their own.
      await framed.say('Сколько времени занимает замена удостоверения?', { chatId: 'subject' });
      expect((await framed.say('кто отвечает за уборку двора?', { chatId: 'subject' })).outcome).toMatchObject({ kind: 'answer', faqId: 'yard-cleaning' });
      expect((await framed.say('How do I pay utility bills online?', { chatId: 'subject' })).outcome).toMatchObject({ kind: 'answer', faqId: 'pay-online' });
    });
  });

  test('a message that names nothing asks about the answer before however many words it has: "can I do it by phone?"', async () => {
    await h.say('How long does it take to replace an ID card?');
    expect((await h.say('can I do it by phone?')).outcome).toMatchObject({ kind: 'answer', faqId: 'id-card' });
    // Alone, or half an hour on, it is asked what it is about.
    expect((await h.say('can I do it by phone?', { chatId: 'alone' })).outcome).toEqual({ kind: 'clarify' });
    h.clock.advance(31 * 60_000);
    expect((await h.say('can I do it by phone?')).outcome).toEqual({ kind: 'clarify' });
  });

  test('"сколько стоит?" after an answer asks the price of what was answered, not of the one entry asking "сколько стоит"', async () => {
    const faq = [
      ...FAQ,
      entry('meter-check', 'utilities', ['Сколько стоит поверка счётчика воды?'], ['How much does a water meter check cost?']),
    ];
    await withFaq(faq, async (priced) => {
      // Alone it names nothing: the resident is asked what it is about.
      expect((await priced.say('сколько стоит?')).outcome).toEqual({ kind: 'clarify' });
      await priced.say('Сколько времени занимает замена удостоверения?', { chatId: 'chat-2' });
      expect((await priced.say('сколько стоит?', { chatId: 'chat-2' })).outcome).toMatchObject({ kind: 'answer', faqId: 'id-card' });
      await priced.say('How long does it take to replace an ID card?', { chatId: 'chat-3' });
      expect((await priced.say('how much does it cost?', { chatId: 'chat-3' })).outcome).toMatchObject({ kind: 'answer', faqId: 'id-card' });
    });
  });

  test('half an hour later, or in a longer message, the answer before no longer decides', async () => {
    await h.say('Когда начинается комендантский час?');
    h.clock.advance(31 * 60_000);
    expect((await h.say('а штраф?')).outcome.kind).toBe('suggest');

    await h.say('Когда начинается комендантский час?', { chatId: 'chat-2' });
    const long = await h.say('скажите пожалуйста а какой штраф мне будет за это', { chatId: 'chat-2' });
    expect(long.outcome.kind).toBe('suggest');
  });

  test('a few words the FAQ has nothing for, soon after an answer, reach the operator with the question before them', async () => {
    await h.say('Когда начинается комендантский час?');
    expect((await h.say('а в Экибастузе?')).outcome).toMatchObject({ kind: 'escalate', reason: 'no-match' });
    // The queue listed "а в Экибастузе?": the operator had to open the ticket to learn what about.
    expect((await h.store.tickets.list())[0].question).toBe('Когда начинается комендантский час? а в Экибастузе?');
    await h.say('When does the curfew start?', { chatId: 'en' });
    await h.say('and in Ekibastuz?', { chatId: 'en' });
    expect((await h.store.tickets.list()).find((t) => t.chatId === 'en')?.question).toBe('When does the curfew start? and in Ekibastuz?');
    // A short question of its own is its own ("у меня потерялась кошка"), and so are the words half an hour later.
    await h.say('Когда начинается комендантский час?', { chatId: 'own' });
    await h.say('у меня потерялась кошка', { chatId: 'own' });
    expect((await h.store.tickets.list()).find((t) => t.chatId === 'own')?.question).toBe('у меня потерялась кошка');
    await h.say('Когда начинается комендантский час?', { chatId: 'later' });
    h.clock.advance(31 * 60_000);
    await h.say('а в Экибастузе?', { chatId: 'later' });
    expect((await h.store.tickets.list()).find((t) => t.chatId === 'later')?.question).toBe('а в Экибастузе?');
    // So do they after "did you mean" choices: with the question the choices were for.
    expect((await h.say('а штраф?', { chatId: 'choices' })).outcome.kind).toBe('suggest');
    await h.say('а в Экибастузе?', { chatId: 'choices' });
    expect((await h.store.tickets.list()).find((t) => t.chatId === 'choices')?.question).toBe('а штраф? а в Экибастузе?');
  });

  test('more of the entry just answered is answered with it again, when it alone is on its topic', async () => {
    expect((await h.say('Когда работает поликлиника?')).outcome).toMatchObject({ kind: 'answer', faqId: 'clinic-hours' });
    expect((await h.say('а в субботу работает?')).outcome).toMatchObject({ kind: 'answer', faqId: 'clinic-hours' });
  });

  test('more of the entry just answered is it again, even when a sibling on its topic matches too', async () => {
    expect((await h.say('Когда работает почта?')).outcome).toMatchObject({ kind: 'answer', faqId: 'post-hours' });
    // Alone, "а в субботу работает?" could be the post office, the banks or the clinic: it names
    // none of them, and the bot asks what it is about.
    expect((await h.say('а в субботу работает?', { chatId: 'chat-2' })).outcome.kind).toBe('clarify');
    expect((await h.say('а в субботу работает?')).outcome).toMatchObject({ kind: 'answer', faqId: 'post-hours' });
  });

  test('a sibling the message names is answered: "а банки?" after the post office', async () => {
    await h.say('Когда работает почта?');
    expect((await h.say('а банки?')).outcome).toMatchObject({ kind: 'answer', faqId: 'bank-hours' });
  });

  test('"а банки?" is the banks\' hours also where the post office\'s question finds other entries first', async () => {
    const faq = [
      entry('post-hours', 'office-hours', ['Когда работает почта?', 'Открыто ли почтовое отделение?', 'Во сколько закрывается почта?']),
      // Three entries that say "когда работает почта" too, which its question finds before any on its topic.
      entry('parcels', 'parcels', ['Когда работает выдача посылок на почте?']),
      entry('pensions', 'pensions', ['Когда на почте работает выдача пенсий?']),
      entry('bills-at-post', 'utilities', ['Когда работает касса почты для оплаты коммунальных услуг?']),
      entry('bank-hours', 'office-hours', ['Когда работают банки?']),
      entry('loan-deferral', 'loans', ['Дают ли банки отсрочку по кредиту?']),
    ];
    await withFaq(faq, async (own) => {
      // Alone, the banks' hours or a deferral the banks give.
      expect(idsOf((await own.say('а банки?', { chatId: 'alone' })).outcome)).toEqual(['bank-hours', 'loan-deferral']);
      expect((await own.say('Когда работает почта?')).outcome).toMatchObject({ kind: 'answer', faqId: 'post-hours' });
      expect((await own.say('а банки?')).outcome).toMatchObject({ kind: 'answer', faqId: 'bank-hours' });
      // "это" asks of the answer before ("do the banks do this?"): not the banks' hours.
      await own.say('Когда работает почта?', { chatId: 'it' });
      expect((await own.say('а банки это делают?', { chatId: 'it' })).outcome).not.toMatchObject({ kind: 'answer', faqId: 'bank-hours' });
    });
  });

  test('while a request waits, a follow-up of an answer given meanwhile is answered too', async () => {
    const escalated = await h.say('Сколько стоит аренда лодки на озере?');
    expect(escalated.outcome.kind).toBe('escalate');
    expect((await h.say('Когда начинается комендантский час?')).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-hours' });
    const fine = await h.say('а штраф?');
    expect(fine.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-fine' });
    const ticketId = escalated.outcome.kind === 'escalate' ? escalated.outcome.ticketId : '';
    expect((await h.store.tickets.get(ticketId))?.messages.map((m) => m.text)).toEqual([
      'Когда начинается комендантский час?',
      'Ответ: curfew-hours.',
      'а штраф?',
      'Ответ: curfew-fine.',
    ]);
  });

  test('a candidate on a broad topic that shares nothing else with the answer is not taken for it', async () => {
    expect((await h.say('Не работает лифт в доме')).outcome).toMatchObject({ kind: 'answer', faqId: 'lift' });
    // "Utilities" holds the lift and the yard lights, but the lift's question does not find the lights.
    const yard = await h.say('а во дворе?');
    expect(yard.outcome.kind).toBe('suggest');
    expect(idsOf(yard.outcome)).toEqual(['yard-dogs', 'yard-lights']);
  });

  test('a few words that point back to the answer are not answered from another topic: "how long to replace it?"', async () => {
    // Alone, "replace" finds the ID card's question and it is answered.
    expect((await h.say('how long to replace it?')).outcome).toMatchObject({ kind: 'answer', faqId: 'id-card' });

    await h.say('The lift in my building is broken', { chatId: 'chat-2' });
    const after = await h.say('how long to replace it?', { chatId: 'chat-2' });
    // Not the ID card: it goes to an operator, with the lift in the ticket's excerpt and the
    // entry found offered to read meanwhile.
    expect(after.outcome).toMatchObject({ kind: 'escalate', faqIds: ['id-card'] });
    const ticketId = after.outcome.kind === 'escalate' ? after.outcome.ticketId : '';
    const ticket = await h.store.tickets.get(ticketId);
    expect(ticket?.topic).toBe('utilities');
    expect(ticket?.excerpt?.map((line) => line.text)).toEqual(expect.arrayContaining(['The lift in my building is broken']));
  });

  test('the same words without pointing back, or on the answer\'s own topic, are answered as before', async () => {
    await h.say('The lift in my building is broken');
    // Nothing points back: a new question.
    expect((await h.say('how long to replace an ID card?')).outcome).toMatchObject({ kind: 'answer', faqId: 'id-card' });

    // Pointing back, answered by the entry on the answer's topic: answered.
    await h.say('Когда начинается комендантский час?', { chatId: 'chat-2' });
    expect((await h.say('а какой за это штраф?', { chatId: 'chat-2' })).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-fine' });
  });

  test('"бесплатно?" asks whether the answer before costs, not about the one entry whose question says "free"', async () => {
    // Alone it names nothing: the sports clubs' question says "free", but so might any answer.
    expect((await h.say('бесплатно?')).outcome).toEqual({ kind: 'clarify' });

    await h.say('Когда работает поликлиника?', { chatId: 'chat-2' });
    expect((await h.say('бесплатно?', { chatId: 'chat-2' })).outcome).toMatchObject({ kind: 'answer', faqId: 'clinic-hours' });
    // A word or two that say little of another entry's question ask about the answer before too:
    // not answered with the sports clubs, but handed over with them to read meanwhile.
    await h.say('Когда работает поликлиника?', { chatId: 'chat-4' });
    expect((await h.say('а для детей?', { chatId: 'chat-4' })).outcome).toMatchObject({ kind: 'escalate', faqIds: ['sports'] });
    // A message that says the other entry's question is a new question, answered.
    await h.say('Когда работает поликлиника?', { chatId: 'chat-3' });
    expect((await h.say('бесплатные спортивные секции для детей', { chatId: 'chat-3' })).outcome).toMatchObject({ kind: 'answer', faqId: 'sports' });
  });
});

/** A few words right after "did you mean" choices narrow the question to one of them. */
describe('a few words after "did you mean" choices', () => {
  const LOANS: FaqEntryInput[] = [
    entry('loan-fine', 'loans', ['Будет ли штраф за просрочку кредита?'], ['Will I be fined for a late loan payment?']),
    entry('loan-deferral', 'loans', ['Как получить отсрочку по кредиту?'], ['How do I get a loan deferral?']),
    entry('curfew-fine', 'curfew', ['Какой штраф за нарушение комендантского часа?'], ['What is the fine for breaking the curfew?']),
    entry('bills-fine', 'utilities', ['Будет ли штраф за неоплату коммунальных услуг?'], ['Is there a fine for unpaid utility bills?']),
    entry('bank-hours', 'office-hours', ['Когда работают банки?'], ['When are banks open?']),
  ];
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ faq: LOANS });
  });
  afterEach(() => h.close());

  test('alone, "штраф" could mean any of the fines; after the loans were offered for "кредит" it is the loan fine', async () => {
    expect(idsOf((await h.say('штраф', { chatId: 'alone' })).outcome)).toEqual(['bills-fine', 'curfew-fine', 'loan-fine']);

    expect(idsOf((await h.say('кредит')).outcome)).toEqual(['loan-deferral', 'loan-fine']);
    const narrowed = await h.say('а штраф?');
    expect(narrowed.outcome).toMatchObject({ kind: 'answer', faqId: 'loan-fine' });
    // Should it not help, the operator gets both messages, and a "yes" teaches both words together.
    await h.say('', { choiceId: CHOICE.helpful });
    expect(await h.store.learning.list()).toEqual([expect.objectContaining({ entryId: 'loan-fine', text: 'кредит а штраф?' })]);

    await h.say('loan', { chatId: 'en' });
    expect((await h.say('the fine?', { chatId: 'en' })).outcome).toMatchObject({ kind: 'answer', faqId: 'loan-fine' });
  });

  test('words for none of the offered entries are a new question, and half an hour later the offer no longer decides', async () => {
    await h.say('кредит');
    expect((await h.say('когда работают банки?')).outcome).toMatchObject({ kind: 'answer', faqId: 'bank-hours' });

    await h.say('кредит', { chatId: 'later' });
    h.clock.advance(31 * 60_000);
    expect(idsOf((await h.say('штраф', { chatId: 'later' })).outcome)).toEqual(['bills-fine', 'curfew-fine', 'loan-fine']);
  });
});

/**
 * The answer just given, asked about again before the resident said whether it helped: the same
 * text, and the operator offered at once instead of "did this help?" asked again.
 */
describe('an answer given again', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ faq: FAQ });
  });
  afterEach(() => h.close());

  const audited = async (action: string) => (await h.store.audit.list()).filter((r) => r.action === action);

  test('a follow-up answered with the same entry offers the operator, and taking it hands over the question with both messages, recorded as "did not help"', async () => {
    const first = await h.say('Когда работает поликлиника?');
    expect(first.replies.at(-1)!.text).toBe(h.translator.t('ru', 'answer.ask'));
    const again = await h.say('а где?');
    expect(again.outcome).toMatchObject({ kind: 'answer', faqId: 'clinic-hours' });
    expect(again.replies.map((r) => r.text)).toEqual(['Ответ: clinic-hours.', h.translator.t('ru', 'answer.again')]);
    expect(choiceIds(again.replies)).toEqual([CHOICE.operatorNotHelpful, CHOICE.helpful]);

    const handed = await h.say('', { choiceId: CHOICE.operatorNotHelpful });
    expect(handed.outcome).toMatchObject({ kind: 'escalate', reason: 'not-helpful' });
    const ticket = await h.store.tickets.get((handed.outcome as { ticketId: string }).ticketId);
    expect(ticket!.question).toBe('Когда работает поликлиника? а где?');
    expect(await audited('feedback.not-helpful')).toEqual([expect.objectContaining({ target: 'clinic-hours' })]);
  });

  test('"yes, an operator" after a "no" to the first answer is recorded once, by the "no"', async () => {
    await h.say('Когда работает поликлиника?');
    await h.say('', { choiceId: CHOICE.notHelpful });
    expect((await h.say('', { choiceId: CHOICE.operatorNotHelpful })).outcome).toMatchObject({ kind: 'escalate', reason: 'not-helpful' });
    expect(await audited('feedback.not-helpful')).toHaveLength(1);
  });

  test.each([
    ['да', 'escalate'],
    ['не помогло', 'escalate'],
    ['нет', 'feedback'],
    ['помогло, спасибо', 'feedback'],
    ['спасибо', 'feedback'],
  ])('typed under it, "%s" is %s', async (typed, kind) => {
    await h.say('Когда работает поликлиника?');
    await h.say('а где?');
    const reply = await h.say(typed);
    expect(reply.outcome.kind).toBe(kind);
    if (kind === 'feedback') {
      expect(reply.outcome).toMatchObject({ helpful: true });
      expect(await audited('feedback.helpful')).toHaveLength(1);
    }
  });

  test('the same question in other words is the same answer given again too; in English as well', async () => {
    await h.say('When does the curfew start?');
    const again = await h.say('what time does the curfew start?');
    expect(again.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-hours' });
    expect(again.replies.at(-1)!.text).toBe(h.translator.t('en', 'answer.again'));
  });

  test('another entry after an answer, or the same one once the resident said it helped, asks "did this help?"', async () => {
    await h.say('Когда начинается комендантский час?');
    const fine = await h.say('а штраф?');
    expect(fine.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-fine' });
    expect(fine.replies.at(-1)!.text).toBe(h.translator.t('ru', 'answer.ask'));

    await h.say('Когда работает поликлиника?', { chatId: 'chat-2' });
    await h.say('', { chatId: 'chat-2', choiceId: CHOICE.helpful });
    const where = await h.say('а где?', { chatId: 'chat-2' });
    expect(where.outcome).toMatchObject({ kind: 'answer', faqId: 'clinic-hours' });
    expect(where.replies.at(-1)!.text).toBe(h.translator.t('ru', 'answer.ask'));
  });
});

/**
 * A follow-up that names another subject and asks nothing of its own asks the question before of
 * it: "а комендантский час?" after "когда закончится ЧП?" asks when the curfew ends.
 */
describe('the question before asked of another subject', () => {
  const ELLIPSIS_FAQ: FaqEntryInput[] = [
    entry('emergency-end', 'emergency', ['Когда закончится режим ЧП?', 'Продлят ли режим ЧП?'], ['When will the state of emergency end?', 'Will the state of emergency be extended?']),
    entry('curfew-hours', 'curfew', ['Когда начинается комендантский час?'], ['When does the curfew start?']),
    entry('curfew-fine', 'curfew', ['Какой штраф за нарушение комендантского часа?'], ['What is the fine for breaking the curfew?']),
    entry('curfew-pass', 'curfew', ['Как получить пропуск на время комендантского часа?'], ['How do I get a pass for the curfew?']),
  ];

  test('"а комендантский час?" alone could be any of the curfew\'s entries; after "когда закончится ЧП?" it asks when, in Russian and English', () =>
    withFaq(ELLIPSIS_FAQ, async (own) => {
      // Handed over, the three offered to read meanwhile.
      const alone = await own.say('а комендантский час?');
      expect(alone.outcome.kind).toBe('escalate');
      expect(idsOf(alone.outcome)).toEqual(['curfew-fine', 'curfew-hours', 'curfew-pass']);

      expect((await own.say('Когда закончится режим ЧП?', { chatId: 'ru' })).outcome).toMatchObject({ kind: 'answer', faqId: 'emergency-end' });
      const curfew = await own.say('а комендантский час?', { chatId: 'ru' });
      expect(curfew.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-hours' });
      expect(curfew.replies[0].text).toBe('Ответ: curfew-hours.');

      await own.say('When will the state of emergency end?', { chatId: 'en' });
      expect((await own.say('and the curfew?', { chatId: 'en' })).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-hours' });
    }));

  test('not without saying it goes on, nor after a question that asked no kind, nor for a message that asks its own', () =>
    withFaq(ELLIPSIS_FAQ, async (own) => {
      await own.say('Когда закончится режим ЧП?', { chatId: 'bare' });
      expect((await own.say('насчёт комендантского часа?', { chatId: 'bare' })).outcome.kind).toBe('escalate');

      await own.say('Продлят ли режим ЧП?', { chatId: 'no-kind' });
      expect((await own.say('а комендантский час?', { chatId: 'no-kind' })).outcome.kind).toBe('escalate');

      await own.say('Когда закончится режим ЧП?', { chatId: 'own-kind' });
      // "как" asks a way of its own: the pass, not the hours the question before would give.
      expect((await own.say('а как с комендантским часом?', { chatId: 'own-kind' })).outcome).not.toMatchObject({ faqId: 'curfew-hours' });
    }));
});

/**
 * A few words after an answer that say nothing its entry does not ask about go on from it, however
 * well another entry fits them alone: "когда отремонтируют?" after a broken lift asks about the lift.
 */
describe('a few words the answer before asks about', () => {
  const REPAIRS_FAQ: FaqEntryInput[] = [
    entry('lift', 'housing', ['Не работает лифт, куда звонить?', 'Лифт долго не ремонтируют, куда жаловаться?'], ['The lift is not working, who do I call?', 'The lift has not been repaired for a long time, where do I complain?']),
    entry('road', 'roads', ['Когда ремонтируют дорогу на моей улице?', 'Как сообщить о яме на дороге?'], ['When will the road on my street be repaired?', 'How do I report a pothole?']),
    entry('garbage', 'waste', ['Когда вывозят мусор?'], ['When is the rubbish collected?']),
    entry('snow', 'roads', ['Кто убирает снег во дворе?'], ['Who clears the snow in the yard?']),
    entry('internet', 'internet', ['Когда включат интернет?', 'Когда восстановят мобильный интернет?', 'Будет ли работать интернет ночью?']),
    entry('mobile', 'internet', ['Работает ли мобильная связь?']),
  ];

  test('"когда ремонтируют?" alone is the road; after the lift\'s answer it is the lift, given again with the operator offered', () =>
    withFaq(REPAIRS_FAQ, async (own) => {
      expect(firstOf((await own.say('когда ремонтируют?')).outcome)).toBe('road');

      await own.say('Не работает лифт', { chatId: 'lift' });
      const again = await own.say('когда ремонтируют?', { chatId: 'lift' });
      expect(again.outcome).toMatchObject({ kind: 'answer', faqId: 'lift' });
      expect(again.replies.at(-1)!.text).toBe(own.translator.t('ru', 'answer.again'));

      await own.say('The lift is not working', { chatId: 'lift-en' });
      expect((await own.say('when will it be repaired?', { chatId: 'lift-en' })).outcome).toMatchObject({ kind: 'answer', faqId: 'lift' });
    }));

  test('a word the answer before does not ask about, or asks about less closely, is another question: the road, the snow, the mobile connection', () =>
    withFaq(REPAIRS_FAQ, async (own) => {
      await own.say('Не работает лифт', { chatId: 'road' });
      expect(firstOf((await own.say('а дорогу когда ремонтируют?', { chatId: 'road' })).outcome)).toBe('road');

      await own.say('Когда вывозят мусор?', { chatId: 'snow' });
      expect(firstOf((await own.say('а снег?', { chatId: 'snow' })).outcome)).toBe('snow');

      // The internet's questions ask about "связь" only through a related word; the mobile
      // connection's question says each word itself, and is what the message asks.
      await own.say('Когда включат интернет?', { chatId: 'mobile' });
      expect((await own.say('а мобильная связь работает?', { chatId: 'mobile' })).outcome).toMatchObject({ kind: 'answer', faqId: 'mobile' });
    }));
});

/**
 * A message that points back ("what if I break it?") may ask another entry of the answer's subject:
 * one on the answer's topic whose questions name that subject too ("curfew"), which it alone is
 * answered with, is answered ("how long to replace it?" after the lift, answered alone with an ID
 * card on another topic, is not: above).
 */
describe('a message that points back to the subject before', () => {
  const CURFEW_FAQ: FaqEntryInput[] = [
    entry('hours', 'curfew', ['Когда начинается комендантский час?'], ['When does the curfew start?']),
    entry('end', 'curfew', ['Когда заканчивается комендантский час утром?'], ['When does the curfew end in the morning?']),
    entry('shops', 'curfew', ['Когда закрываются магазины перед комендантским часом?'], ['What time do shops close because of the curfew?']),
    entry('pass', 'curfew', ['Как получить пропуск на время комендантского часа?'], ['How do I get a pass for the curfew?']),
    entry('who', 'curfew', ['Кому можно выходить во время комендантского часа?'], ['Who may go out during the curfew?']),
    entry('fine', 'curfew', ['Какой штраф за нарушение комендантского часа?'], ['What is the fine for breaking the curfew?']),
    entry('loan-fine', 'loans', ['Будет ли штраф за просрочку кредита?'], ['Will I be fined for a late loan payment?']),
  ];

  test('"what if I break it?" after the curfew\'s start is its fine, in English and Russian', () =>
    withFaq(CURFEW_FAQ, async (own) => {
      // Alone, it is the fine's question; the fine is no neighbour of the curfew's start (whose
      // question finds the end and the shops before it).
      expect((await own.say('what if I break it?', { chatId: 'alone' })).outcome).toMatchObject({ kind: 'answer', faqId: 'fine' });
      await own.say('When does the curfew start?', { chatId: 'en' });
      expect((await own.say('what if I break it?', { chatId: 'en' })).outcome).toMatchObject({ kind: 'answer', faqId: 'fine' });
      await own.say('Когда начинается комендантский час?', { chatId: 'ru' });
      expect((await own.say('а если я его нарушу?', { chatId: 'ru' })).outcome).toMatchObject({ kind: 'answer', faqId: 'fine' });
    }));
});
