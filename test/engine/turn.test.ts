import { compose, Turn, type Handler } from '../../src/engine/turn';
import type { Conversation } from '../../src/store/types';

function turn(): Turn {
  const at = new Date('2022-01-10T10:00:00Z');
  const conversation: Conversation = { channel: 't', chatId: '1', langChosen: false, mode: 'bot', offered: [], recent: [], createdAt: at, updatedAt: at };
  return new Turn({ channel: 't', chatId: '1', kind: 'text', text: 'hi' }, conversation, { text: 'hi', question: 'hi', kind: 'question', choice: null, command: null, smallTalk: null, residentLine: 'hi' }, at, 'kk');
}

describe('compose (the handler chain)', () => {
  test('runs handlers in order; each decides whether the rest runs, and can act after it', async () => {
    const seen: string[] = [];
    const log = (name: string): Handler => async (_turn, next) => {
      seen.push(`${name} in`);
      await next();
      seen.push(`${name} out`);
    };
    const stop: Handler = (t) => {
      seen.push('stop');
      t.answer({ kind: 'unsupported' }, { text: 'done' });
    };
    const never: Handler = () => {
      seen.push('never');
    };
    const t = turn();
    await compose([log('a'), log('b'), stop, never])(t, async () => {
      seen.push('last');
    });
    expect(seen).toEqual(['a in', 'b in', 'stop', 'b out', 'a out']);
    expect(t.replies).toEqual([{ text: 'done' }]);
  });

  test('after the last handler passes, the final `next` runs; an empty chain runs only that', async () => {
    const seen: string[] = [];
    await compose([(_t, next) => next()])(turn(), async () => void seen.push('last'));
    await compose([])(turn(), async () => void seen.push('empty'));
    expect(seen).toEqual(['last', 'empty']);
  });

  test('a turn speaks the conversation language, else the default', () => {
    const t = turn();
    expect(t.lang).toBe('kk');
    t.conversation.lang = 'en';
    expect(t.lang).toBe('en');
  });
});
