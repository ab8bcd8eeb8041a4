/** Conversation state. */
import type { Conversation, Store } from '../../../src/store/types';
import { eachTest, type StoreUnderTest } from './index';

export function conversationsContract(open: StoreUnderTest): void {
  describe('conversations', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    const conversation = (): Conversation => ({
      channel: 'whatsapp',
      chatId: '77011234567@c.us',
      lang: 'kk',
      langChosen: true,
      mode: 'operator',
      ticketId: '7',
      offered: [{ id: 'faq:bank-hours', label: 'Банктер' }],
      lastFaqId: 'bank-hours',
      lastQuestion: 'Банк қашан ашылады?',
      recent: [
        { from: 'resident', text: 'Сәлем', at: new Date('2022-01-10T08:00:00.001Z') },
        { from: 'bot', text: '2022-01-10T08:00:00Z', at: new Date('2022-01-10T08:00:01Z') },
      ],
      createdAt: new Date('2022-01-10T08:00:00Z'),
      updatedAt: new Date('2022-01-10T08:00:01Z'),
    });

    it('is null before the first save', async () => {
      expect(await store.conversations.get('telegram', '1')).toBeNull();
    });

    it('round-trips every field, dates as Date objects', async () => {
      await store.conversations.save(conversation());
      const got = await store.conversations.get('whatsapp', '77011234567@c.us');
      expect(got).toEqual(conversation());
      expect(got?.recent[0].at).toBeInstanceOf(Date);
      expect(got?.createdAt).toBeInstanceOf(Date);
      // A text that looks like a date stays a text.
      expect(got?.recent[1].text).toBe('2022-01-10T08:00:00Z');
    });

    it('overwrites on save, clearing optional fields, and keys on channel and chat id', async () => {
      await store.conversations.save(conversation());
      const minimal: Conversation = {
        channel: 'whatsapp',
        chatId: '77011234567@c.us',
        langChosen: false,
        mode: 'bot',
        offered: [],
        recent: [],
        createdAt: new Date('2022-01-10T08:00:00Z'),
        updatedAt: new Date('2022-01-11T08:00:00Z'),
      };
      await store.conversations.save(minimal);
      await store.conversations.save({ ...conversation(), channel: 'telegram' });
      expect(await store.conversations.get('whatsapp', '77011234567@c.us')).toEqual(minimal);
      expect(await store.conversations.get('telegram', '77011234567@c.us')).toEqual({
        ...conversation(),
        channel: 'telegram',
      });
    });

    it('saves a batch of conversations, the later state of one winning', async () => {
      const other = { ...conversation(), chatId: '42', lang: 'en' as const };
      const later = { ...conversation(), mode: 'bot' as const, ticketId: undefined, updatedAt: new Date('2022-01-10T09:00:00Z') };
      await store.conversations.saveMany([conversation(), other, later]);
      const { ticketId: _dropped, ...expected } = later;
      expect(await store.conversations.get('whatsapp', '77011234567@c.us')).toEqual(expected);
      expect(await store.conversations.get('whatsapp', '42')).toEqual(other);
      await store.conversations.saveMany([]);
    });

    it("gives a conversation to an open ticket's operator, touching nothing else, unless an operator has it", async () => {
      const at = new Date('2022-01-10T10:00:00Z');
      const withBot: Conversation = { ...conversation(), mode: 'bot', ticketId: undefined };
      await store.conversations.save(withBot);
      const ticket = { id: '8', channel: withBot.channel, chatId: withBot.chatId, lang: 'ru' as const };
      expect(await store.conversations.restoreHandoff(ticket, at)).toBe(true);
      const { lastFaqId: _faq, lastQuestion: _question, ...kept } = withBot;
      expect(await store.conversations.get(withBot.channel, withBot.chatId)).toEqual({ ...kept, mode: 'operator', ticketId: '8', updatedAt: at });
      // With an operator already (this ticket or another): left as it is.
      expect(await store.conversations.restoreHandoff({ ...ticket, id: '9' }, new Date('2022-01-10T11:00:00Z'))).toBe(false);
      expect(await store.conversations.get(withBot.channel, withBot.chatId)).toMatchObject({ ticketId: '8', updatedAt: at });
      // None stored yet: a fresh one, in the ticket's language.
      expect(await store.conversations.restoreHandoff({ ...ticket, chatId: '43', lang: 'en' }, at)).toBe(true);
      expect(await store.conversations.get(withBot.channel, '43')).toEqual({
        channel: withBot.channel,
        chatId: '43',
        lang: 'en',
        langChosen: false,
        mode: 'operator',
        ticketId: '8',
        offered: [],
        recent: [],
        createdAt: at,
        updatedAt: at,
      });
    });
  });
}
