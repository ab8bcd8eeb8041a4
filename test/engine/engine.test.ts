import { CHOICE } from '../../src/engine/choices';
import type { Reply } from '../../src/engine/types';
import { createTranslator } from '../../src/i18n';
import { choiceIds, createHarness, type Harness } from '../support/engine';

const tr = createTranslator();
const texts = (replies: Reply[]) => replies.map((r) => r.text);

describe('ConversationEngine', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('commands and menu', () => {
    test('/start greets and shows the topic menu as choices', async () => {
      const result = await h.say('/start');
      expect(result.replies[0].text).toBe(tr.t('ru', 'greeting'));
      const ids = choiceIds(result.replies);
      expect(ids).toEqual(expect.arrayContaining(['topic:curfew', 'topic:office-hours', 'topic:utilities', CHOICE.operator]));
      // Only topics that have entries are offered.
      expect(ids).not.toContain('topic:loans');
    });

    test('a topic lists its questions, and picking one answers it', async () => {
      await h.say('/menu');
      const topic = await h.say('', { choiceId: 'topic:curfew' });
      expect(choiceIds(topic.replies)).toEqual(['faq:curfew-time', CHOICE.menu]);
      const answer = await h.say('', { choiceId: 'faq:curfew-time' });
      expect(answer.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
      expect(answer.replies[0].text).toBe('Комендантский час: с 23:00 до 07:00.');
    });

    test('a numbered reply picks the offered choice, as on WhatsApp', async () => {
      const menu = await h.say('/menu');
      const labels = menu.replies[0].choices!;
      const curfewIndex = labels.findIndex((c) => c.id === 'topic:curfew');
      const topic = await h.say(String(curfewIndex + 1));
      expect(choiceIds(topic.replies)).toContain('faq:curfew-time');
      const answer = await h.say('1');
      expect(answer.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
    });

    test('typing the words of a choice picks it', async () => {
      await h.say('/menu');
      const topic = await h.say(tr.t('ru', 'topics.utilities'));
      expect(choiceIds(topic.replies)).toContain('faq:water-outage');
    });

    test('typed command words work in every language', async () => {
      expect((await h.say('меню')).outcome).toEqual({ kind: 'command', name: 'menu' });
      expect((await h.say('мәзір')).outcome).toEqual({ kind: 'command', name: 'menu' });
      expect((await h.say('Help')).outcome).toEqual({ kind: 'command', name: 'help' });
    });

    test('a slash command the bot has not got gets the help, not an operator; a command word behind a slash works', async () => {
      for (const typed of ['/quit', '/stop@HelplineBot', '/выход']) {
        const result = await h.say(typed);
        expect(result.outcome).toEqual({ kind: 'command', name: 'help' });
        expect(result.replies[0].text).toBe(`${tr.t('ru', 'input.unknownCommand', { command: typed.split('@')[0] })}\n\n${tr.t('ru', 'help')}`);
      }
      expect(await h.store.tickets.list({ status: ['queued'] })).toHaveLength(0);
      expect((await h.say('/меню')).outcome).toEqual({ kind: 'command', name: 'menu' });
    });

    test('a stale or forged choice gets a polite reply and the menu', async () => {
      for (const forged of ['faq:no-such-entry', 'topic:../../etc', 'garbage', 'x'.repeat(300)]) {
        const result = await h.say('', { choiceId: forged });
        expect(result.replies[0].text).toBe(tr.t('ru', 'input.staleChoice'));
        expect(choiceIds(result.replies)).toContain('topic:curfew');
      }
    });
  });

  describe('answers and feedback', () => {
    test('answers a paraphrased question in its language, then asks whether it helped', async () => {
      const result = await h.say('во сколько начинается комендантский час');
      expect(result.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
      expect(result.lang).toBe('ru');
      expect(texts(result.replies)).toEqual(['Комендантский час: с 23:00 до 07:00.', tr.t('ru', 'answer.ask')]);
      expect(choiceIds(result.replies)).toEqual([CHOICE.helpful, CHOICE.notHelpful]);
    });

    test('a question wrapped in courtesy is answered as the bare question; an operator gets every word', async () => {
      await h.close();
      // "ответ" of "Буду благодарна за ответ" is a word of the entry about replies to appeals.
      h = await createHarness({
        faq: [
          { id: 'appeal-reply', topic: 'appeals', questions: { ru: ['Когда придёт ответ на обращение?'] }, answer: { ru: 'В течение 15 рабочих дней.' } },
          { id: 'id-card', topic: 'documents', questions: { ru: ['Как восстановить утерянное удостоверение?'] }, answer: { ru: 'В ЦОНе.' } },
        ],
      });
      const bare = await h.say('удостоверение потеряла', { chatId: 'bare' });
      expect(bare.outcome).toMatchObject({ kind: 'answer', faqId: 'id-card' });
      const wrapped = await h.say('Здравствуйте! удостоверение потеряла Буду благодарна за ответ.\nС уважением, Айгуль', { chatId: 'wrapped' });
      expect(wrapped.outcome).toEqual(bare.outcome);
      const weather = await h.say('Добрый день! Какая погода будет завтра в Павлодаре? Хорошего дня!', { chatId: 'weather' });
      const ticketId = (weather.outcome as { ticketId: string }).ticketId;
      expect((await h.store.tickets.get(ticketId))!.question).toBe('Добрый день! Какая погода будет завтра в Павлодаре? Хорошего дня!');
    });

    test('"did not help" offers an operator; accepting opens a not-helpful ticket with the question', async () => {
      await h.say('во сколько начинается комендантский час');
      const sorry = await h.say('', { choiceId: CHOICE.notHelpful });
      expect(sorry.replies[0].text).toBe(tr.t('ru', 'feedback.sorry'));
      const escalated = await h.say('', { choiceId: CHOICE.operatorNotHelpful });
      expect(escalated.outcome).toMatchObject({ kind: 'escalate', reason: 'not-helpful' });
      const ticketId = (escalated.outcome as { ticketId: string }).ticketId;
      const ticket = await h.store.tickets.get(ticketId);
      expect(ticket).toMatchObject({ question: 'во сколько начинается комендантский час', channel: 'test', chatId: 'chat-1', lang: 'ru', status: 'queued' });
      expect(ticket!.excerpt.map((l) => l.text)).toContain('во сколько начинается комендантский час');
      const audit = await h.store.audit.list(10);
      expect(audit.map((a) => a.action)).toContain('feedback.not-helpful');
    });

    test('a number nobody answers is "it did not help" after an answer; alone, the resident is asked what it is about', async () => {
      // After an answer that gives a number to call: the operator is offered with the question
      // answered ("никто не отвечает" was the answer again, "nobody answers the phone" another entry).
      for (const [said, lang] of [['звонила, никто не берёт трубку', 'ru'], ['I called, nobody answers the phone', 'en'], ['ешкім жауап бермейді', 'kk']] as const) {
        const chatId = `unreachable-${lang}`;
        await h.say(lang === 'en' ? 'when is the post office open' : 'когда работает почта', { chatId });
        const sorry = await h.say(said, { chatId });
        expect({ said, outcome: sorry.outcome, text: sorry.replies[0].text }).toEqual({ said, outcome: { kind: 'feedback', helpful: false }, text: tr.t(sorry.lang, 'feedback.sorry') });
        const escalated = await h.say('да', { chatId });
        expect(escalated.outcome).toMatchObject({ kind: 'escalate', reason: 'not-helpful' });
        const ticket = await h.store.tickets.get((escalated.outcome as { ticketId: string }).ticketId);
        expect(ticket!.question).toBe(lang === 'en' ? 'when is the post office open' : 'когда работает почта');
      }
      // With nothing answered before: what did not work is asked, with the topics and the operator.
      for (const said of ['не могу дозвониться', 'nobody answers the phone', 'не помогло']) {
        const alone = await h.say(said, { chatId: `alone ${said}` });
        expect({ said, outcome: alone.outcome }).toEqual({ said, outcome: { kind: 'clarify' } });
        expect(choiceIds(alone.replies)).toContain(CHOICE.operator);
      }
      // Said with whom, it is a question for the FAQ (and so the operator).
      expect((await h.say('звонила на почту, никто не берёт трубку', { chatId: 'named' })).outcome.kind).not.toBe('clarify');
    });

    test('"helped" thanks the resident and records the feedback', async () => {
      await h.say('when does the curfew start');
      const thanks = await h.say('', { choiceId: CHOICE.helpful });
      expect(thanks.replies[0].text).toBe(tr.t('en', 'feedback.thanks'));
      expect((await h.store.audit.list(5))[0]).toMatchObject({ action: 'feedback.helpful', target: 'curfew-time' });
    });

    test('an answer missing in the conversation language falls back to Russian and says so', async () => {
      const result = await h.say('Пошта қашан жұмыс істейді?');
      expect(result.lang).toBe('kk');
      expect(result.outcome).toMatchObject({ kind: 'answer', faqId: 'post-hours' });
      expect(result.replies[0].text).toContain(tr.t('kk', 'answer.fallback'));
      expect(result.replies[0].text).toContain('Почта работает с 09:00 до 18:00 <по будням> & в субботу до 14:00.');
    });

    test('in the middle band the top entries are offered as "did you mean" choices', async () => {
      await h.close();
      h = await createHarness({ thresholds: { answer: 1.01, suggest: 0.01, hint: 0.01 } });
      const result = await h.say('почтовое отделение вода');
      expect(result.outcome.kind).toBe('suggest');
      expect(result.replies[0].text).toBe(tr.t('ru', 'suggest.title'));
      const ids = choiceIds(result.replies);
      expect(ids.length).toBeGreaterThan(2);
      expect(ids[ids.length - 1]).toBe(CHOICE.operator);
      expect(result.replies[0].choices!.at(-1)!.label).toBe(tr.t('ru', 'suggest.none'));
    });

    test('one entry in the middle band is asked about as one, and a typed yes picks it', async () => {
      await h.close();
      h = await createHarness({ thresholds: { answer: 1.01, suggest: 0.01, hint: 0.01 } });
      const result = await h.say('комендантский час');
      expect(result.outcome).toMatchObject({ kind: 'suggest', faqIds: ['curfew-time'] });
      expect(result.replies[0].text).toBe(tr.t('ru', 'suggest.titleOne'));
      expect(choiceIds(result.replies)).toEqual(['faq:curfew-time', CHOICE.operator]);
      expect(result.replies[0].choices![1].label).toBe(tr.t('ru', 'suggest.noneOne'));
      const picked = await h.say('да');
      expect(picked.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
      // The number still picks it, and a no is the operator.
      await h.say('комендантский час', { chatId: 'by number' });
      expect((await h.say('1', { chatId: 'by number' })).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
      await h.say('комендантский час', { chatId: 'no' });
      expect((await h.say('нет', { chatId: 'no' })).outcome.kind).toBe('escalate');
    });

    test('a "did you mean" choice typed as a position in words ("второй", "2-й", "№2") is picked', async () => {
      await h.close();
      h = await createHarness({ thresholds: { answer: 1.01, suggest: 0.01, hint: 0.01 } });
      for (const typed of ['второй', '2-й', '№2', 'the second one']) {
        const chatId = `pick ${typed}`;
        const offered = await h.say('почтовое отделение вода', { chatId });
        const second = choiceIds(offered.replies)[1];
        expect(second).toMatch(/^faq:/);
        const picked = await h.say(typed, { chatId });
        expect(picked.outcome).toMatchObject({ kind: 'answer', faqId: second.slice('faq:'.length) });
      }
      // With nothing offered, an ordinal is no pick (and no stale button either).
      expect((await h.say('второй', { chatId: 'nothing offered' })).outcome).not.toEqual({ kind: 'command', name: 'menu' });
    });

    test('entries outside their validity window are not answered', async () => {
      const entry = (await h.store.faq.get('water-outage'))!;
      const h2 = await createHarness({
        faq: [{ ...entry, validFrom: new Date('2022-01-11T00:00:00Z'), validUntil: new Date('2022-01-12T00:00:00Z') }],
        thresholds: { answer: 0.3, suggest: 0.1, hint: 0.1 },
      });
      try {
        expect((await h2.say('когда дадут горячую воду')).outcome.kind).toBe('escalate');
        h2.clock.advance(24 * 3600_000); // now inside the window
        expect((await h2.say('когда дадут горячую воду', { chatId: 'chat-2' })).outcome).toMatchObject({ kind: 'answer' });
        h2.clock.advance(24 * 3600_000); // expired
        expect((await h2.say('когда дадут горячую воду', { chatId: 'chat-3' })).outcome.kind).toBe('escalate');
      } finally {
        await h2.close();
      }
    });
  });

  test('a question after a turn away from what was said is answered, not the thanks before it', async () => {
    // The turn's words are courtesy too ("у меня другой вопрос", "another question"): dropped first,
    // they left the thanks for the hot water as the question, answered with the water's entry.
    for (const said of ['Спасибо, горячую воду в доме дали. У меня другой вопрос: когда почта закрывается?', 'Thanks, the hot water is back in our building. Another question: post office hours?']) {
      const result = await h.say(said, { chatId: `turn-${said.length}` });
      expect([said, result.outcome]).toEqual([said, expect.objectContaining({ kind: 'answer', faqId: 'post-hours' })]);
    }
  });

  describe('language', () => {
    test('detects Kazakh, Russian and English from the text', async () => {
      expect((await h.say('Коменданттық сағат қашан басталады?', { chatId: 'a' })).lang).toBe('kk');
      expect((await h.say('Когда начинается комендантский час?', { chatId: 'b' })).lang).toBe('ru');
      expect((await h.say('When does the curfew start?', { chatId: 'c' })).lang).toBe('en');
    });

    test('a first message of two words no list or FAQ text has is answered in its language', async () => {
      // Both went to the fallback language, Russian: no word of the detector's lists or the FAQ's
      // texts, and "-зти" was read as a Kazakh ending.
      expect((await h.say('bank robbery', { chatId: 'd' })).lang).toBe('en');
      expect((await h.say('велосипед провезти', { chatId: 'e' })).lang).toBe('ru');
      // A loanword Russian spells alike leaves Russian in Latin letters Russian.
      expect((await h.say('operator pozovite', { chatId: 'f' })).lang).toBe('ru');
    });

    test('courtesy in another language does not change the conversation\'s language; a question does', async () => {
      expect((await h.say('Когда начинается комендантский час?')).lang).toBe('ru');
      for (const courtesy of ['рахмет', 'ok, thanks', 'Рахмет, сау болыңыз!']) {
        const result = await h.say(courtesy);
        expect([courtesy, result.lang]).toEqual([courtesy, 'ru']);
      }
      expect((await h.say('Коменданттық сағат қашан басталады?')).lang).toBe('kk');
    });

    test("an address does not turn a conversation's language by a place name's ending", async () => {
      // "Павлодар" ends as a Kazakh plural does ("-дар"): alone it read as Kazakh, and the
      // resident giving their address in a Russian conversation was answered in Kazakh.
      expect((await h.say('у нас нет горячей воды')).lang).toBe('ru');
      expect((await h.say('Павлодар, ул. Ленина 10')).lang).toBe('ru');
      expect((await h.say('Коменданттық сағат қашан басталады?', { chatId: 'kk' })).lang).toBe('kk');
      expect((await h.say('Павлодар, ул. Ленина 10', { chatId: 'kk' })).lang).toBe('kk');
      // With no language yet, the ending still decides; a frequent word decides against the conversation's.
      expect((await h.say('Павлодар, ул. Ленина 10', { chatId: 'new' })).lang).toBe('kk');
      expect((await h.say('талон алу')).lang).toBe('kk');
    });

    test('the channel hint decides when the text does not tell', async () => {
      const result = await h.say('🤔', { langHint: 'kk' });
      expect(result.lang).toBe('kk');
      expect(result.replies[0].text).toBe(tr.t('kk', 'input.emoji'));
    });

    test('an explicit choice wins over detection until changed again', async () => {
      const prompt = await h.say('/lang');
      expect(choiceIds(prompt.replies)).toEqual(['lang:ru', 'lang:kk', 'lang:en']);
      const set = await h.say('', { choiceId: 'lang:en' });
      expect(set.replies[0].text).toBe(tr.t('en', 'lang.set'));
      const answer = await h.say('когда начинается комендантский час');
      expect(answer.lang).toBe('en');
      expect(answer.replies[0].text).toBe('Curfew: from 23:00 to 07:00.');
      expect((await h.say('қазақша')).lang).toBe('kk');
    });

    test('asking for a language the way residents ask sets it', async () => {
      for (const [typed, lang] of [['Можно на казахском?', 'kk'], ['говорите по-русски?', 'ru'], ['Do you speak English?', 'en']] as const) {
        const asked = await h.say(typed, { chatId: typed });
        expect(asked.outcome).toEqual({ kind: 'command', name: 'lang' });
        expect([typed, asked.lang]).toEqual([typed, lang]);
      }
    });
  });

  describe('escalation', () => {
    test('an unanswerable question opens a ticket; later messages go on it, acknowledged once', async () => {
      const first = await h.say('у меня потерялась кошка, кто поможет найти');
      expect(first.outcome).toMatchObject({ kind: 'escalate', reason: 'no-match' });
      const ticketId = (first.outcome as { ticketId: string }).ticketId;
      expect(first.replies[0].text).toContain(tr.t('ru', 'escalation.queued', { ticket: ticketId }));

      const second = await h.say('и ещё собака лает');
      expect(second.outcome).toEqual({ kind: 'queued', ticketId });
      expect(second.replies).toEqual([{ text: tr.t('ru', 'escalation.appended', { ticket: ticketId }) }]);
      // The bot does not repeat itself.
      const third = await h.say('а кошка рыжая, откликается на Мурку');
      expect(third).toMatchObject({ replies: [], outcome: { kind: 'queued', ticketId } });
      await h.say('', { kind: 'photo', text: 'вот фото' });

      const ticket = (await h.store.tickets.get(ticketId))!;
      expect(ticket.question).toBe('у меня потерялась кошка, кто поможет найти');
      expect(ticket.messages.map((m) => m.text)).toEqual(['и ещё собака лает', 'а кошка рыжая, откликается на Мурку', '[photo] вот фото']);
    });

    test('Russian typed in the Latin keyboard layout is read as the Russian meant, and the operator sees both', async () => {
      const answered = await h.say('rjulf yfxbyftncz rjvtylfyncrbq xfc&');
      expect(answered.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
      expect(answered.lang).toBe('ru');
      const lost = await h.say('e vtyz gjnthzkfcm rjirf');
      expect(lost.outcome).toMatchObject({ kind: 'escalate' });
      expect(lost.lang).toBe('ru');
      await h.say('b tot cj,frf kftn');
      const ticket = (await h.store.tickets.get((lost.outcome as { ticketId: string }).ticketId))!;
      expect(ticket.question).toBe('у меня потерялась кошка');
      expect(ticket.excerpt?.at(-1)?.text).toBe('e vtyz gjnthzkfcm rjirf → у меня потерялась кошка');
      expect(ticket.messages.map((m) => m.text)).toEqual(['b tot cj,frf kftn → и еще собака лает']);
    });

    test('typed requests for a person escalate in every language', async () => {
      for (const [chatId, text] of [
        ['r', 'оператор'],
        ['k', 'адаммен сөйлескім келеді'],
        ['e', 'I want to talk to a human please'],
        ['s', '/operator'],
        ['p', 'Позовите человека!'],
        ['o', 'can I talk to someone?'],
      ]) {
        const result = await h.say(text, { chatId });
        expect(result.outcome).toMatchObject({ kind: 'escalate', reason: 'requested' });
      }
      expect(await h.store.tickets.list({ status: ['queued'] })).toHaveLength(6);
    });

    test('once the operator closes the ticket the bot answers again', async () => {
      const first = await h.say('/operator');
      const ticketId = (first.outcome as { ticketId: string }).ticketId;
      await h.store.tickets.setStatus(ticketId, 'closed', 'op@example.org');
      const next = await h.say('когда начинается комендантский час');
      expect(next.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
    });
  });

  describe('state', () => {
    test('language, offered choices and operator mode survive a restart', async () => {
      await h.say('', { choiceId: 'lang:kk' });
      await h.say('/menu');
      await h.restart();
      const topic = await h.say('1');
      expect(topic.lang).toBe('kk');
      expect(topic.replies[0].text).toMatch(/тақырыбы бойынша сұрақтар/);

      const escalated = await h.say('/operator');
      await h.restart();
      const after = await h.say('тағы бір сұрақ');
      expect(after.outcome).toEqual({ kind: 'queued', ticketId: (escalated.outcome as { ticketId: string }).ticketId });
    });

    test('messages of one conversation are handled in arrival order', async () => {
      await h.say('/operator');
      const lines = Array.from({ length: 20 }, (_, i) => `сообщение ${i}`);
      await Promise.all(lines.map((text) => h.say(text)));
      await h.engine.drain();
      const conv = await h.store.conversations.get('test', 'chat-1');
      const ticket = (await h.store.tickets.get(conv!.ticketId!))!;
      expect(ticket.messages.map((m) => m.text)).toEqual(lines);
    });
  });

  describe('awkward input never crashes and gets a polite reply in the conversation language', () => {
    test.each([
      ['photo', 'input.unsupported'],
      ['sticker', 'input.unsupported'],
      ['voice', 'input.voice'],
      ['location', 'input.location'],
    ] as const)('%s', async (kind, key) => {
      await h.say('', { choiceId: 'lang:en' });
      const result = await h.say('', { kind });
      expect(result.replies).toEqual([{ text: tr.t('en', key) }]);
    });

    test('empty, whitespace and emoji-only text', async () => {
      expect((await h.say('')).replies[0].text).toBe(tr.t('ru', 'input.empty'));
      expect((await h.say('   \n\t ')).replies[0].text).toBe(tr.t('ru', 'input.empty'));
      expect((await h.say('🙂🤔')).replies[0].text).toBe(tr.t('ru', 'input.emoji'));
    });

    test('control characters are stripped before matching', async () => {
      const result = await h.say('когда\u0000 начинается\u0007 комендантский\u200B час');
      expect(result.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
    });

    test('a 10,000-character message is handed to an operator whole', async () => {
      const long = `${'Очень длинная история про мою ситуацию. '.repeat(250).slice(0, 9_999)}!`;
      const result = await h.say(long);
      expect(result.outcome).toMatchObject({ kind: 'escalate' });
      expect(result.replies[0].text).toContain(tr.t('ru', 'input.tooLong'));
      const ticket = await h.store.tickets.get((result.outcome as { ticketId: string }).ticketId);
      expect(ticket!.question === long).toBe(true); // kept whole, not cut
    });
  });
});

describe('conversation state write-behind', () => {
  test('state is written in batches, and drain() makes it durable across a restart', async () => {
    const h = await createHarness();
    try {
      await Promise.all(Array.from({ length: 50 }, (_, i) => h.say('', { chatId: `c${i}`, choiceId: 'lang:en' })));
      await h.engine.drain();
      const saved = await Promise.all(Array.from({ length: 50 }, (_, i) => h.store.conversations.get('test', `c${i}`)));
      expect(saved.every((c) => c?.lang === 'en' && c.langChosen)).toBe(true);
      await h.restart();
      expect((await h.say('когда начинается комендантский час', { chatId: 'c7' })).lang).toBe('en');
    } finally {
      await h.close();
    }
  });
});

describe('state before speech', () => {
  test("a hand-off's ticket and a chosen language are stored before the turn that announces them returns", async () => {
    const h = await createHarness();
    try {
      const escalated = await h.say('/operator');
      if (escalated.outcome.kind !== 'escalate') throw new Error(`escalated: ${escalated.outcome.kind}`);
      // Read from the store itself, not through the engine's pending writes: the ticket is the
      // hand-off's record (start-up restores the conversation's mode from it, see restore-handoffs).
      expect(await h.store.tickets.get(escalated.outcome.ticketId)).toMatchObject({ chatId: 'chat-1', status: 'queued' });
      await h.engine.drain();
      expect(await h.store.conversations.get('test', 'chat-1')).toMatchObject({ mode: 'operator', ticketId: escalated.outcome.ticketId });

      await h.say('', { chatId: 'chat-2', choiceId: 'lang:kk' });
      expect(await h.store.conversations.get('test', 'chat-2')).toMatchObject({ lang: 'kk', langChosen: true });
    } finally {
      await h.close();
    }
  });

  test('the update that opened a ticket, handled again after a restart, is told its ticket again and not added to it', async () => {
    const h = await createHarness();
    try {
      const first = await h.say('/operator', { id: 'u-1' });
      if (first.outcome.kind !== 'escalate') throw new Error(`escalated: ${first.outcome.kind}`);
      const ticketId = first.outcome.ticketId;
      await h.restart();
      const again = await h.say('/operator', { id: 'u-1' });
      expect(again.outcome).toEqual({ kind: 'escalate', ticketId, reason: 'requested' });
      expect(again.replies.map((r) => r.text)).toEqual([tr.t('ru', 'escalation.queued', { ticket: ticketId })]);
      const next = await h.say('у меня нет света', { id: 'u-2' });
      expect(next.outcome).toEqual({ kind: 'queued', ticketId });
      expect((await h.store.tickets.get(ticketId))?.messages.map((m) => m.text)).toEqual(['у меня нет света']);
    } finally {
      await h.close();
    }
  });
});

describe('small things residents run into', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  test('a reaction answers the open yes-or-no question as typed; any other reaction is no message: no reply, nothing changed', async () => {
    // Alone, before any question: nothing at all, not even a conversation.
    expect(await h.say('👍', { chatId: 'first', reaction: true })).toEqual({ replies: [], lang: 'ru', outcome: { kind: 'ignored' } });
    await h.engine.drain();
    expect(await h.store.conversations.get('test', 'first')).toBeNull();

    await h.say('when does the curfew start');
    expect(await h.say('🤔', { reaction: true })).toEqual({ replies: [], lang: 'en', outcome: { kind: 'ignored' } });
    // "⭐" is praise, not a rating or a position; "did this help?" is still open.
    expect((await h.say('⭐', { reaction: true })).outcome).toEqual({ kind: 'ignored' });
    const thanks = await h.say('🙏', { reaction: true });
    expect(thanks.outcome).toEqual({ kind: 'feedback', helpful: true });
    expect(thanks.replies[0].text).toBe(tr.t('en', 'feedback.thanks'));
    expect((await h.say('👍', { reaction: true })).outcome).toEqual({ kind: 'ignored' });
  });

  test('a forged rating with no closed hand-off writes nothing and gets the stale-choice menu', async () => {
    const result = await h.say('', { choiceId: 'rate:5' });
    expect(result.outcome).toEqual({ kind: 'command', name: 'menu' });
    expect(result.replies[0].text).toBe(tr.t('ru', 'input.staleChoice'));
    expect((await h.store.audit.list()).filter((r) => r.action === 'ticket.rating')).toEqual([]);
  });

  test('a lone number with nothing offered does not open a ticket', async () => {
    for (const typed of ['1', '7.', ' 2) ']) {
      const result = await h.say(typed, { chatId: `n${typed.trim()}` });
      expect(result.outcome).toEqual({ kind: 'command', name: 'menu' });
      // No button was pressed (the resident saw none): no word of one being out of date.
      expect(result.replies[0].text).toBe(tr.t('ru', 'input.typedNothing'));
    }
    // Out of range of what was offered: the same.
    await h.say('/menu', { chatId: 'range' });
    expect((await h.say('42', { chatId: 'range' })).outcome).toEqual({ kind: 'command', name: 'menu' });
    expect(await h.store.tickets.list()).toEqual([]);
  });

  test('a question word alone is asked what it is about, with the topics, and opens no ticket', async () => {
    for (const [typed, lang] of [['где?', 'ru'], ['А когда?', 'ru'], ['when?', 'en']] as const) {
      const result = await h.say(typed, { chatId: typed });
      expect(result.outcome).toEqual({ kind: 'clarify' });
      expect(result.replies[0].text).toBe(tr.t(lang, 'input.noSubject'));
      expect(choiceIds(result.replies)).toEqual(expect.arrayContaining([CHOICE.topic('curfew'), CHOICE.operator]));
    }
    // So is a number alone the FAQ does not have (a phone number): it opened a ticket of digits.
    for (const typed of ['+7 701 123 45 67', '4521']) expect((await h.say(typed, { chatId: typed })).outcome).toEqual({ kind: 'clarify' });
    // With something to look up, the question word is part of an ordinary question.
    expect((await h.say('где почта?', { chatId: 'post' })).outcome.kind).not.toBe('clarify');
    expect(await h.store.tickets.list()).toEqual([]);
  });

  test("a topic's name typed after other choices shows the topic's entries instead of opening a ticket", async () => {
    await h.say('/lang', { chatId: 'typed-topic' });
    const topic = await h.say(tr.t('ru', 'topics.utilities'), { chatId: 'typed-topic' });
    expect(topic.outcome).toEqual({ kind: 'command', name: 'menu' });
    expect(topic.replies[0].text).toBe(tr.t('ru', 'menu.topicTitle', { topic: tr.t('ru', 'topics.utilities') }));
    expect(choiceIds(topic.replies)).toContain('faq:water-outage');
    // Any language's name of it, in any case.
    const kk = await h.say(tr.t('kk', 'topics.utilities').toUpperCase(), { chatId: 'typed-topic-kk' });
    expect(choiceIds(kk.replies)).toContain('faq:water-outage');
    expect(await h.store.tickets.list()).toEqual([]);
  });

  test("a FAQ question worded like a topic's name is answered from the FAQ, not with the topic", async () => {
    await h.close();
    const named = tr.t('ru', 'topics.office-hours');
    h = await createHarness({
      faq: [
        { id: 'centre-hours', topic: 'office-hours', questions: { ru: [named, 'Как работает контакт-центр?'] }, answer: { ru: 'Круглосуточно.' } },
        { id: 'post-hours', topic: 'office-hours', questions: { ru: ['Когда работает почта?'] }, answer: { ru: 'С 09:00 до 18:00.' } },
        { id: 'water-outage', topic: 'utilities', questions: { ru: ['Почему нет воды в доме?'] }, answer: { ru: 'Воду подадут до вечера.' } },
      ],
      thresholds: { answer: 0.3, suggest: 0.2, hint: 0.1 },
    });
    const result = await h.say(named);
    expect(result.outcome).toMatchObject({ kind: 'answer', faqId: 'centre-hours' });
  });

  test('/menu, /start or "operator" again while a ticket is open says where it stands and adds nothing to it', async () => {
    const escalated = await h.say('/operator');
    const id = escalated.outcome.kind === 'escalate' ? escalated.outcome.ticketId : '';
    for (const typed of ['/menu', 'оператор', '/start']) {
      const result = await h.say(typed);
      expect(result.outcome).toEqual({ kind: 'queued', ticketId: id });
      expect(texts(result.replies)).toEqual([tr.t('ru', 'escalation.stillQueued', { ticket: id })]);
    }
    await h.store.tickets.setStatus(id, 'assigned', 'operator-1');
    expect(texts((await h.say('/menu')).replies)).toEqual([tr.t('ru', 'escalation.withOperator', { ticket: id })]);
    // What the resident writes still goes on the ticket; the commands did not.
    await h.say('свет так и не дали');
    expect((await h.store.tickets.get(id))?.messages.map((m) => m.text)).toEqual(['свет так и не дали']);
  });

  test('"алло?" or "any news?" while a ticket is open goes on it and is told where it stands, each time', async () => {
    const escalated = await h.say('/operator');
    const id = escalated.outcome.kind === 'escalate' ? escalated.outcome.ticketId : '';
    for (const typed of ['Алло?', 'есть новости?']) {
      expect(texts((await h.say(typed)).replies)).toEqual([tr.t('ru', 'escalation.stillQueued', { ticket: id })]);
    }
    await h.store.tickets.setStatus(id, 'assigned', 'operator-1');
    expect(texts((await h.say('вы тут?')).replies)).toEqual([tr.t('ru', 'escalation.withOperator', { ticket: id })]);
    expect((await h.store.tickets.get(id))?.messages.map((m) => m.text)).toEqual(['Алло?', 'есть новости?', 'вы тут?']);
    // With the bot, asking whether anyone is there asks for a person: handed over as asked for, not
    // told "I could not find an answer to this question".
    // So do a few words naming a person the FAQ has nothing for ("хочу оператора").
    for (const [typed, lang] of [['алло, есть кто?', 'ru'], ['I am waiting', 'en'], ['хочу оператора', 'ru'], ['оператор нужен срочно', 'ru']] as const) {
      const fresh = await h.say(typed, { chatId: typed });
      expect(fresh.outcome).toMatchObject({ kind: 'escalate', reason: 'requested' });
      expect(texts(fresh.replies).join(' ')).not.toContain(tr.t(lang, 'escalation.noMatch'));
    }
  });

  test('"added to your request" is said once, also across language switches', async () => {
    const escalated = await h.say('/operator');
    const id = escalated.outcome.kind === 'escalate' ? escalated.outcome.ticketId : '';
    expect(texts((await h.say('у меня нет света')).replies)).toEqual([tr.t('ru', 'escalation.appended', { ticket: id })]);
    await h.say('', { choiceId: 'lang:en' });
    expect((await h.say('still no power')).replies).toEqual([]);
    await h.say('', { choiceId: 'lang:kk' });
    expect((await h.say('жарық әлі жоқ')).replies).toEqual([]);
    expect((await h.store.tickets.get(id))?.messages.map((m) => m.text)).toEqual(['у меня нет света', 'still no power', 'жарық әлі жоқ']);
  });
});

describe('small talk', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  test('thanks, "ok" and goodbye are answered in kind in their language, and no ticket is opened', async () => {
    const cases = [
      ['спасибо большое!', 'ru', 'thanks'],
      ['рахмет', 'kk', 'thanks'],
      ['thanks!', 'en', 'thanks'],
      ['Понятно', 'ru', 'ok'],
      ['Готово', 'ru', 'ok'],
      ["that's all", 'en', 'ok'],
      ['до свидания', 'ru', 'bye'],
      // Letters held down, and Kazakh in its Latin alphabet with its marks: the same words.
      ['spasibooo', 'ru', 'thanks'],
      ['Rahmeeet', 'kk', 'thanks'],
      // Thanks that says what for: it found no entry and went to an operator as a question.
      ['Спасибо за быстрый ремонт дороги!', 'ru', 'thanks'],
      ['thank you for the quick answer', 'en', 'thanks'],
      ['жылдам жауап бергеніңіз үшін рахмет', 'kk', 'thanks'],
    ] as const;
    for (const [text, lang, kind] of cases) {
      const result = await h.say(text, { chatId: text });
      expect(result.outcome).toEqual({ kind: 'small-talk', said: kind });
      expect(result.lang).toBe(lang);
      expect(texts(result.replies)).toEqual([tr.t(lang, `smallTalkReply.${kind}`)]);
    }
    expect(await h.store.tickets.list()).toEqual([]);
  });

  test('a greeting gets the greeting and the menu, as /start does', async () => {
    const result = await h.say('Добрый день!');
    expect(result.outcome).toEqual({ kind: 'command', name: 'start' });
    expect(result.replies[0].text).toBe(tr.t('ru', 'greeting'));
    expect(choiceIds(result.replies)).toContain(CHOICE.operator);
    // "How are you?" is a greeting too, not a question about a way of doing something.
    for (const [typed, lang] of [['Привет! Как дела?', 'ru'], ['how are you?', 'en'], ['Sálemetsiz be!', 'kk']] as const) {
      const asked = await h.say(typed, { chatId: typed });
      expect(asked.outcome).toEqual({ kind: 'command', name: 'start' });
      expect(asked.replies[0].text).toBe(tr.t(lang, 'greeting'));
    }
  });

  test('asking for help with no subject is invited to ask, opens no ticket, and the question after it is answered', async () => {
    // "hello i need help" went to an operator as a question the FAQ could not answer, and the
    // question the resident wrote next was only added to that ticket.
    for (const [typed, lang] of [['hello, I need help', 'en'], ['can you help me?', 'en'], ['Помогите мне пожалуйста', 'ru'], ['у меня проблема', 'ru'], ['көмектесіңізші', 'kk']] as const) {
      const asked = await h.say(typed, { chatId: typed });
      expect(asked.outcome).toEqual({ kind: 'command', name: 'start' });
      expect(asked.replies[0].text).toBe(tr.t(lang, 'greeting'));
    }
    expect((await h.say('when does the curfew start?', { chatId: 'hello, I need help' })).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
    // A help request with its subject is a question; a help request before the question goes without.
    expect((await h.say('Здравствуйте, у меня проблема, когда начинается комендантский час?', { chatId: 'q' })).outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
    expect(await h.store.tickets.list()).toEqual([]);
  });

  test('a typed command with courtesy around it is the command', async () => {
    expect((await h.say('Меню, пожалуйста', { chatId: 'm' })).outcome).toEqual({ kind: 'command', name: 'menu' });
    expect((await h.say('помощь, пожалуйста', { chatId: 'h' })).outcome).toEqual({ kind: 'command', name: 'help' });
    const english = await h.say('english please', { chatId: 'e' });
    expect(english.outcome).toEqual({ kind: 'command', name: 'lang' });
    expect(english.lang).toBe('en');
    expect((await h.say('Здравствуйте, соедините с оператором', { chatId: 'o' })).outcome).toMatchObject({ kind: 'escalate', reason: 'requested' });
  });

  test('a question after a courtesy is still a question', async () => {
    const result = await h.say('спасибо, а во сколько начинается комендантский час?');
    expect(result.outcome).toMatchObject({ kind: 'answer', faqId: 'curfew-time' });
  });

  test('thanks after an answer is its "yes, it helped"', async () => {
    await h.say('во сколько начинается комендантский час');
    const thanks = await h.say('Да, спасибо');
    expect(thanks.outcome).toEqual({ kind: 'feedback', helpful: true });
    expect(texts(thanks.replies)).toEqual([tr.t('ru', 'feedback.thanks')]);
    expect((await h.store.audit.list(5))[0]).toMatchObject({ action: 'feedback.helpful', target: 'curfew-time' });
  });

  test('the emoji of the choices answer them: 👍 after an answer is "yes, it helped", 👎 then 👍 hands the question over', async () => {
    await h.say('во сколько начинается комендантский час', { chatId: 'up' });
    const up = await h.say('👍🏻', { chatId: 'up' });
    expect(up.outcome).toEqual({ kind: 'feedback', helpful: true });
    expect((await h.store.audit.list(5))[0]).toMatchObject({ action: 'feedback.helpful', target: 'curfew-time' });
    await h.say('во сколько начинается комендантский час', { chatId: 'down' });
    const sorry = await h.say('👎', { chatId: 'down' });
    expect(texts(sorry.replies)).toEqual([tr.t('ru', 'feedback.sorry')]);
    const escalated = await h.say('👍', { chatId: 'down' });
    expect(escalated.outcome).toMatchObject({ kind: 'escalate', reason: 'not-helpful' });
  });

  test('folded hands or a heart are thanks, and a thumbs-up with nothing asked is an "ok"; no ticket is opened', async () => {
    for (const [typed, kind] of [['🙏', 'thanks'], ['❤️🙂', 'thanks'], ['👍', 'ok']] as const) {
      const result = await h.say(typed, { chatId: typed });
      expect(result.outcome).toEqual({ kind: 'small-talk', said: kind });
      expect(texts(result.replies)).toEqual([tr.t('ru', `smallTalkReply.${kind}`)]);
    }
    expect(await h.store.tickets.list()).toEqual([]);
  });

  test('typed "no", then "yes" to an operator, hands over the question that did not help', async () => {
    await h.say('во сколько начинается комендантский час');
    const sorry = await h.say('нет');
    expect(texts(sorry.replies)).toEqual([tr.t('ru', 'feedback.sorry')]);
    const escalated = await h.say('да');
    expect(escalated.outcome).toMatchObject({ kind: 'escalate', reason: 'not-helpful' });
    const ticket = await h.store.tickets.get((escalated.outcome as { ticketId: string }).ticketId);
    expect(ticket?.question).toBe('во сколько начинается комендантский час');
  });

  test('typed "no" to an operator shows the topics and opens no ticket', async () => {
    await h.say('во сколько начинается комендантский час');
    await h.say('нет');
    const topics = await h.say('нет');
    expect(topics.outcome).toEqual({ kind: 'command', name: 'menu' });
    expect(await h.store.tickets.list()).toEqual([]);
  });

  test('"no" to "did you mean" is "none of these"; a bare "yes" to several choices offers them again', async () => {
    await h.close();
    h = await createHarness({ thresholds: { answer: 1.01, suggest: 0.01, hint: 0.01 } });
    const offered = await h.say('почтовое отделение вода');
    expect(offered.outcome.kind).toBe('suggest');
    expect(choiceIds(offered.replies).length).toBeGreaterThan(2);
    const again = await h.say('да');
    expect(again.outcome).toEqual({ kind: 'small-talk', said: 'ok' });
    expect(texts(again.replies)).toEqual([tr.t('ru', 'smallTalkReply.pick')]);
    expect(choiceIds(again.replies)).toEqual(choiceIds(offered.replies));
    const none = await h.say('нет');
    expect(none.outcome).toMatchObject({ kind: 'escalate', reason: 'requested' });
    const ticket = await h.store.tickets.get((none.outcome as { ticketId: string }).ticketId);
    expect(ticket?.question).toBe('почтовое отделение вода');
  });

  test('while an operator has the conversation, thanks is for the operator and goes on the ticket', async () => {
    const escalated = await h.say('/operator');
    const ticketId = (escalated.outcome as { ticketId: string }).ticketId;
    const thanks = await h.say('спасибо');
    expect(thanks.outcome).toEqual({ kind: 'queued', ticketId });
    expect((await h.store.tickets.get(ticketId))?.messages.map((m) => m.text)).toEqual(['спасибо']);
  });
});
