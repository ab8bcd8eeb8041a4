/**
 * The whole-FAQ check page while the check is still running: it says how far it got and asks the
 * browser to come back, and shows the result once there is one.
 */
import { FaqCatalog } from '../../src/faq/catalog';
import { createTranslator } from '../../src/i18n';
import { DEFAULT_THRESHOLDS } from '../../src/matcher';
import { SMALL_FAQ } from '../support/fixtures';
import { HeldMatcher } from '../support/held-matcher';
import { consoleFixture, type ConsoleFixture } from './helpers';

const tr = createTranslator();
const en = (key: string, vars?: Record<string, string | number>) => tr.t('en', `console.${key}`, vars);

describe('the FAQ check page', () => {
  let f: ConsoleFixture;
  const matcher = new HeldMatcher();
  beforeAll(async () => {
    f = await consoleFixture({ catalog: new FaqCatalog(matcher) });
  });
  afterAll(() => f.close());

  it('says how far a running check got and reloads, then shows the result', async () => {
    const editor = await f.login('editor');
    const running = await f.call('GET', '/faq-check', { session: editor });
    expect(running.statusCode).toBe(200);
    expect(running.headers.get('refresh')).toBe('3');
    expect(running.body).toContain(en('faq.checkAll.running', { done: 0, total: SMALL_FAQ.length }));

    matcher.release();
    const done = await f.call('GET', '/faq-check', { session: editor });
    expect(done.headers.get('refresh')).toBeNull();
    const { entries, totals } = await f.catalog.checkAll(DEFAULT_THRESHOLDS);
    const questions = entries.reduce((n, c) => n + c.variants.length, 0);
    expect(done.body).toContain(
      en('faq.checkAll.totals', { entries: SMALL_FAQ.length, questions, answered: totals.answered, offered: totals.offered, other: totals.other, handedOver: totals['handed-over'] }),
    );
    expect(f.catalog.checkProgress).toEqual({ done: SMALL_FAQ.length, total: SMALL_FAQ.length });
  });
});
