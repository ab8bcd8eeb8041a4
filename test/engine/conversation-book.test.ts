import { ConversationBook } from '../../src/engine/conversation-book';
import { SqliteStore } from '../../src/store/sqlite';
import type { Conversation } from '../../src/store/types';
import { waitFor } from '../support/wait';

function conversation(chatId: string, lang: 'ru' | 'kk' | 'en'): Conversation {
  const at = new Date('2022-01-10T10:00:00Z');
  return { channel: 't', chatId, lang, langChosen: true, mode: 'bot', offered: [], recent: [], createdAt: at, updatedAt: at };
}

describe('ConversationBook', () => {
  test('reads see pending writes before they reach the store', async () => {
    const store = new SqliteStore(':memory:');
    const book = new ConversationBook(store.conversations, { flushDelayMs: 60_000 });
    book.put(conversation('a', 'kk'));
    expect((await book.get('t', 'a'))?.lang).toBe('kk');
    expect(await store.conversations.get('t', 'a')).toBeNull();
    await book.flush();
    expect((await store.conversations.get('t', 'a'))?.lang).toBe('kk');
    await store.close();
  });

  test('reads see a batch while the store is still writing it', async () => {
    const store = new SqliteStore(':memory:');
    const real = store.conversations.saveMany.bind(store.conversations);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // A store whose write takes a while (MongoDB's takes a round trip).
    store.conversations.saveMany = async (list) => {
      await released;
      return real(list);
    };
    const book = new ConversationBook(store.conversations, { flushDelayMs: 60_000 });
    book.put(conversation('a', 'kk'));
    const flushed = book.flush();
    expect(await store.conversations.get('t', 'a')).toBeNull();
    expect((await book.get('t', 'a'))?.lang).toBe('kk');
    release();
    await flushed;
    expect((await book.get('t', 'a'))?.lang).toBe('kk');
    await store.close();
  });

  test('a failed batch is kept and written by the next flush, without overwriting newer state', async () => {
    const store = new SqliteStore(':memory:');
    const real = store.conversations.saveMany.bind(store.conversations);
    let failures = 1;
    store.conversations.saveMany = async (list) => {
      if (failures-- > 0) throw new Error('disk full');
      return real(list);
    };
    const book = new ConversationBook(store.conversations, { flushDelayMs: 60_000 });
    book.put(conversation('a', 'ru'));
    book.put(conversation('b', 'ru'));
    await book.flush(); // fails
    book.put(conversation('b', 'en')); // newer state for b arrives meanwhile
    await book.flush();
    expect((await store.conversations.get('t', 'a'))?.lang).toBe('ru');
    expect((await store.conversations.get('t', 'b'))?.lang).toBe('en');
    await store.close();
  });

  test('many pending conversations are written at once without waiting for the timer', async () => {
    const store = new SqliteStore(':memory:');
    const book = new ConversationBook(store.conversations, { flushDelayMs: 60_000, maxPending: 10 });
    for (let i = 0; i < 10; i++) book.put(conversation(`c${i}`, 'en'));
    // The timer is a minute away: only the size trigger can have written them.
    await waitFor(() => store.conversations.get('t', 'c9'), 'the batch to be written');
    await store.close();
  });
});
