import type { FaqEntryInput } from '../../src/faq/types';
import { LANGS } from '../../src/i18n/languages';
import { seededRandom } from '../../src/matcher/seeded-random';
import { createHarness, type Harness } from '../support/engine';
import { readDemoFaq } from '../support/fixtures';

/** Courtesy that must never reach an operator, whatever was said before it. */
const COURTESY = ['спасибо', 'рахмет', 'thanks a lot', 'ок', 'понятно', 'good', 'до свидания', 'сау болыңыз', 'bye', 'здравствуйте', 'hello'];
/** Other short things residents type between questions. */
const OTHER = ['да', 'нет', 'иә', 'no', 'не помогло', 'помогло', 'алло?', 'а штраф?', 'а в субботу?', 'где?', '2', 'второй', '9', '👍', '', '/start', '/menu', '/operator', '/cancel', '/lang', '/help'];

/**
 * Random conversations (seeded, so every run is the same) on the demo FAQ: questions, their
 * fragments, courtesy, yes and no, commands, numbers and taps on what was offered, with time
 * passing now and then. Whatever the order, the bot keeps a few promises.
 */
describe('conversation invariants', () => {
  let h: Harness;
  let faq: FaqEntryInput[];
  beforeAll(async () => {
    faq = await readDemoFaq();
  });
  beforeEach(async () => {
    h = await createHarness({ faq });
  });
  afterEach(() => h.close());

  test('replies are never empty nor half-filled, the bot is never silent while it has the conversation, and courtesy opens no ticket', async () => {
    const rnd = seededRandom(2022);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
    const questions = faq.flatMap((e) => LANGS.flatMap((l) => e.questions[l] ?? []));
    const broken: string[] = [];
    for (let c = 0; c < 40; c += 1) {
      const chatId = `resident-${c}`;
      let offered: string[] = [];
      for (let t = 0; t < 8; t += 1) {
        const roll = rnd();
        let text = '';
        let choiceId: string | undefined;
        if (roll < 0.3) text = pick(questions);
        else if (roll < 0.4) text = pick(questions).split(' ').slice(0, 2).join(' ');
        else if (roll < 0.6) text = pick(COURTESY);
        else if (roll < 0.85 || offered.length === 0) text = pick(OTHER);
        else choiceId = pick(offered);
        if (rnd() < 0.15) h.clock.advance(Math.floor(rnd() * 2 * 3600_000));
        const said = choiceId ? `[tap ${choiceId}]` : JSON.stringify(text);
        const result = await h.say(text, { chatId, ...(choiceId ? { choiceId } : {}) });
        for (const reply of result.replies) {
          if (!reply.text.trim() || /\{\{|\}\}|undefined|\[object/.test(reply.text)) broken.push(`${chatId} ${said}: reply ${JSON.stringify(reply.text)}`);
          const ids = (reply.choices ?? []).map((choice) => choice.id);
          if (new Set(ids).size !== ids.length) broken.push(`${chatId} ${said}: a choice offered twice`);
          if ((reply.choices ?? []).some((choice) => !choice.label.trim())) broken.push(`${chatId} ${said}: a choice without a label`);
        }
        // Only a queued turn (an operator has the conversation) may go unanswered.
        if (result.replies.length === 0 && result.outcome.kind !== 'queued') broken.push(`${chatId} ${said}: silence (${result.outcome.kind})`);
        if (!choiceId && COURTESY.includes(text) && result.outcome.kind === 'escalate') broken.push(`${chatId} ${said}: opened a ticket`);
        const last = result.replies.flatMap((reply) => reply.choices ?? []).map((choice) => choice.id);
        if (last.length > 0) offered = last;
      }
    }
    expect(broken).toEqual([]);
  });
});
