import { PassThrough } from 'node:stream';
import { renderPlain, TerminalChat } from '../../bots/terminal';
import { createTranslator } from '../../src/i18n';
import { createHarness, type Harness } from '../support/engine';

const tr = createTranslator();

/** Collects what the chat writes and resolves when `pattern` has appeared. */
function screen(output: PassThrough) {
  let text = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const w of waiters.filter((w) => w.pattern.test(text))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  return {
    get text() {
      return text;
    },
    waitFor: (pattern: RegExp) =>
      new Promise<void>((resolve) => (pattern.test(text) ? resolve() : waiters.push({ pattern, resolve }))),
  };
}

describe('terminal chat', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  test('renders choices as a numbered list', () => {
    expect(renderPlain([{ text: 'Pick', choices: [{ id: 'a', label: 'First' }, { id: 'b', label: 'Second' }] }])).toBe(
      'Pick\n  1. First\n  2. Second',
    );
  });

  test('a conversation: menu, pick by number, answer; Ctrl+D ends it', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const view = screen(output);
    const chat = new TerminalChat({ engine: h.engine, input, output, chatId: 'tty' });
    await chat.start();

    input.write('/menu\n');
    await view.waitFor(new RegExp(tr.t('ru', 'menu.title')));
    const curfewLine = view.text.split('\n').find((l) => l.includes(tr.t('ru', 'topics.curfew')))!;
    const number = /(\d+)\./.exec(curfewLine)![1];
    input.write(`${number}\n`);
    await view.waitFor(/Когда начинается комендантский час\?/);
    input.write('1\n');
    await view.waitFor(/Комендантский час: с 23:00 до 07:00\./);
    input.end();
    await chat.closed;
    await h.engine.drain();
    expect((await h.store.conversations.get('terminal', 'tty'))?.lastFaqId).toBe('curfew-time');
  });
});
