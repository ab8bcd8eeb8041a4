/** Real conversations through the WhatsApp channel: fake client, real engine, real SQLite store. */
import { renderPlain } from '../../../bots/terminal';
import { createTranslator } from '../../../src/i18n';
import { runUntil, settle } from './manual-timers';
import { createRig, OTHER, RESIDENT, startLinked, type Rig } from './helpers';

const tr = createTranslator();
const CURFEW_RU = 'Комендантский час: с 23:00 до 07:00.';

describe('WhatsApp conversations', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await createRig();
    await startLinked(rig);
  });
  afterEach(() => rig.close());

  it('answers a question, then asks "did this help" as a numbered list, and takes "2"', async () => {
    rig.phone.write(RESIDENT, 'Когда начинается комендантский час?');
    const replies = await rig.replies(RESIDENT, 2);
    expect(replies[0]).toBe(CURFEW_RU);
    expect(replies[1]).toBe(`${tr.t('ru', 'answer.ask')}\n  1. ${tr.t('ru', 'answer.yes')}\n  2. ${tr.t('ru', 'answer.no')}`);

    rig.phone.write(RESIDENT, '2');
    const after = await rig.replies(RESIDENT, 3);
    expect(after[2].startsWith(tr.t('ru', 'feedback.sorry'))).toBe(true);
    expect(after[2]).toContain(`  1. ${tr.t('ru', 'feedback.operator')}`);
  });

  it('switches the language from the numbered language list', async () => {
    rig.phone.write(RESIDENT, '/lang');
    const [prompt] = await rig.replies(RESIDENT, 1);
    const lines = prompt.split('\n');
    const english = lines.find((l) => l.endsWith(tr.t('en', 'lang.name')));
    expect(english).toBeDefined();
    rig.phone.write(RESIDENT, english!.trim().split('.')[0]);
    const [, set] = await rig.replies(RESIDENT, 2);
    expect(set).toBe(tr.t('en', 'lang.set'));

    rig.phone.write(RESIDENT, 'когда начинается комендантский час');
    const replies = await rig.replies(RESIDENT, 4);
    expect(replies[3].startsWith(tr.t('en', 'answer.ask'))).toBe(true);
  });

  it.each(['/operator', 'оператор'])('hands the conversation to an operator on "%s"', async (text) => {
    rig.phone.write(RESIDENT, text);
    await rig.replies(RESIDENT, 1);
    const tickets = await rig.app.store.tickets.list({ status: ['queued'] });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ channel: 'whatsapp', chatId: RESIDENT, reason: 'requested' });
    expect(rig.phone.sentTo(RESIDENT)[0]).toContain(tickets[0].id);
  });

  it('ignores groups, status updates, broadcasts, channels and its own messages', async () => {
    rig.phone.write('120363012345678901@g.us', 'Когда начинается комендантский час?');
    rig.phone.write('status@broadcast', 'Когда начинается комендантский час?');
    rig.phone.write('120363098765432109@newsletter', 'Когда начинается комендантский час?');
    rig.phone.write('1650000000@broadcast', 'Когда начинается комендантский час?');
    rig.phone.write(RESIDENT, 'Когда начинается комендантский час?', { fromMe: true });
    rig.phone.write(RESIDENT, 'Когда начинается комендантский час?', { broadcast: true });
    rig.phone.write(RESIDENT, '', { type: 'revoked' });
    // Something the channel does answer, to know the ignored ones had their chance.
    rig.phone.write(OTHER, '/help');
    await rig.replies(OTHER, 1);
    await settle();
    expect(rig.phone.sent.map((m) => m.chatId)).toEqual([OTHER]);
    await rig.app.engine.drain();
    expect(await rig.app.store.conversations.get('whatsapp', RESIDENT)).toBeNull();
  });

  it.each([
    ['image', 'input.unsupported'],
    ['sticker', 'input.unsupported'],
    ['ptt', 'input.voice'],
    ['location', 'input.location'],
  ])('answers a %s politely', async (type, key) => {
    rig.phone.write(RESIDENT, '', { type, hasMedia: type !== 'location' });
    const [reply] = await rig.replies(RESIDENT, 1);
    expect(reply).toBe(tr.t('ru', key));
  });

  it('keeps the conversation across a restart: "1" after the restart answers the offer made before it', async () => {
    rig.phone.write(RESIDENT, 'Когда начинается комендантский час?');
    await rig.replies(RESIDENT, 2);
    await rig.restart();
    await startLinked(rig);
    expect(rig.phone.clients).toHaveLength(2);
    rig.phone.write(RESIDENT, '1');
    const replies = await rig.replies(RESIDENT, 3);
    expect(replies[2]).toBe(tr.t('ru', 'feedback.thanks'));
  });

  it('renders replies sent by others (operators) the same way through send()', async () => {
    const replies = [{ text: 'Оператор: чем помочь?', choices: [{ id: 'menu', label: 'Меню' }] }];
    await rig.channel.send(RESIDENT, replies);
    expect(await rig.replies(RESIDENT, 1)).toEqual([renderPlain(replies)]);
  });

  it('never logs a full phone number', async () => {
    rig.phone.write(RESIDENT, 'Когда начинается комендантский час?');
    rig.phone.write(RESIDENT, '', { type: 'image', hasMedia: true });
    await rig.replies(RESIDENT, 3);
    await runUntil(rig.timers, () => rig.logs.some((l) => l.includes('770•••••567')), 'a masked id in the logs');
    expect(rig.logs.join('\n')).not.toContain('77011234567');
  });

  describe('reactions', () => {
    const QUESTION = 'во сколько начинается комендантский час';

    it('a 👍 on the answer answers "did this help?": the resident is thanked and the wording kept for the editors', async () => {
      rig.phone.write(RESIDENT, QUESTION);
      expect((await rig.replies(RESIDENT, 2))[0]).toBe(CURFEW_RU);
      rig.phone.react(RESIDENT, '👍🏽', { nth: 1 });
      expect((await rig.replies(RESIDENT, 3))[2]).toBe(tr.t('ru', 'feedback.thanks'));
      expect(await rig.app.store.learning.list()).toEqual([expect.objectContaining({ text: QUESTION, helpful: 1 })]);
      await rig.app.engine.drain();
      const conversation = await rig.app.store.conversations.get('whatsapp', RESIDENT);
      expect(conversation?.recent.map((l) => l.text)).toContain('[reaction] 👍🏽');
    });

    it('a 👎 on "did this help?" offers the operator, as a typed "нет" does', async () => {
      rig.phone.write(RESIDENT, QUESTION);
      await rig.replies(RESIDENT, 2);
      rig.phone.react(RESIDENT, '👎');
      expect((await rig.replies(RESIDENT, 3))[2].startsWith(tr.t('ru', 'feedback.sorry'))).toBe(true);
    });

    it('any other reaction, one taken back, our own, one on the resident\'s own message, or one with no question open gets no reply', async () => {
      rig.phone.write(RESIDENT, QUESTION);
      await rig.replies(RESIDENT, 2);
      rig.phone.react(RESIDENT, '🤔');
      rig.phone.react(RESIDENT, '');
      rig.phone.react(RESIDENT, '👍', { fromMe: true });
      rig.phone.react(RESIDENT, '👍', { toOwn: true });
      rig.phone.react(OTHER, '👍');
      // The question is still open: a 👍 now answers it; another one after that answers nothing.
      rig.phone.react(RESIDENT, '👍');
      await rig.replies(RESIDENT, 3);
      rig.phone.react(RESIDENT, '❤️');
      rig.phone.write(RESIDENT, '/help');
      const replies = await rig.replies(RESIDENT, 4);
      expect(replies.slice(2)).toEqual([tr.t('ru', 'feedback.thanks'), tr.t('ru', 'help')]);
      await settle();
      expect(rig.phone.sent.map((m) => m.chatId)).toEqual([RESIDENT, RESIDENT, RESIDENT, RESIDENT]);
      expect(await rig.app.store.learning.list()).toEqual([expect.objectContaining({ text: QUESTION, helpful: 1 })]);
    });

    it('a reaction delivered twice is taken once', async () => {
      rig.phone.write(RESIDENT, QUESTION);
      await rig.replies(RESIDENT, 2);
      const reaction = rig.phone.react(RESIDENT, '👍');
      rig.phone.client.emit('message_reaction', reaction);
      rig.phone.write(RESIDENT, '/help');
      const replies = await rig.replies(RESIDENT, 4);
      expect(replies.slice(2)).toEqual([tr.t('ru', 'feedback.thanks'), tr.t('ru', 'help')]);
      expect(await rig.app.store.learning.list()).toEqual([expect.objectContaining({ helpful: 1 })]);
    });
  });
});
