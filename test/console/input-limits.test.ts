/**
 * Every text staff can send has a length limit and must arrive as valid UTF-8: a refusal is a 400
 * that names the field, never a stored damaged or megabyte-long text.
 */
import { SMALL_FAQ } from '../support/fixtures';
import { consoleFixture, emailOf, type ConsoleFixture, type Session } from './helpers';

const curfew = SMALL_FAQ[0];
const withAnswer = (ru: string) => ({ entry: { ...curfew, id: 'long-answer', answer: { ...curfew.answer, ru } } });

interface Refusal {
  error: string;
  problems?: string[];
}

describe('console input limits', () => {
  let f: ConsoleFixture;
  let editor: Session;
  let admin: Session;
  let operator: Session;
  beforeAll(async () => {
    f = await consoleFixture();
    [editor, admin, operator] = [await f.login('editor'), await f.login('admin'), await f.login('operator')];
  });
  afterAll(() => f.close());

  /** Sends a request and expects a 400 whose problems name `field`. */
  async function refused(method: 'POST' | 'PUT', url: string, session: Session | undefined, body: unknown, field: string): Promise<string[]> {
    const res = await f.call(method, url, { session, body });
    const where = `${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect([where, res.statusCode]).toEqual([where, 400]);
    const problems = res.json<Refusal>().problems ?? [];
    expect([where, problems.some((p) => p.startsWith(field))]).toEqual([where, true]);
    return problems;
  }

  it('FAQ answers up to 4,000 characters (a Telegram message), questions up to 500', async () => {
    const answer = await refused('POST', '/api/faq', editor, withAnswer('а'.repeat(4001)), 'answer.ru');
    expect(answer).toContain('answer.ru must be at most 4000 characters');
    // The million-character answer (in Latin letters, so that the body stays under 1 MB).
    await refused('POST', '/api/faq', editor, withAnswer('a'.repeat(1_000_000)), 'answer.ru');
    const question = { entry: { ...curfew, id: 'long-question', questions: { ru: ['в'.repeat(501)] } } };
    await refused('POST', '/api/faq', editor, question, 'questions.ru[0]');
    await refused('POST', '/api/schedule', editor, { faqId: 'long-answer', action: 'save', runAt: '2026-02-01T00:00:00Z', entry: withAnswer('а'.repeat(4001)).entry }, 'answer.ru');
    // At the limit it is accepted.
    expect((await f.call('POST', '/api/faq', { session: editor, body: withAnswer('а'.repeat(4000)) })).statusCode).toBe(201);
  });

  it('alert texts, districts, operator replies, transfer addresses, passwords', async () => {
    const alert = { topics: ['curfew'], text: { ru: 'т'.repeat(4001) } };
    await refused('POST', '/api/alerts', editor, alert, 'text.ru');
    await refused('POST', '/api/alerts/preview', editor, alert, 'text.ru');
    await refused('POST', '/api/alerts/preview', editor, { topics: ['curfew'], text: { ru: 'ок' }, districts: ['д'.repeat(101)] }, 'districts.0');
    const ticket = await f.store.tickets.create({ channel: 'telegram', chatId: '9', lang: 'ru', question: 'Вопрос', reason: 'requested', excerpt: [] });
    await refused('POST', `/api/tickets/${ticket.id}/reply`, operator, { text: 'о'.repeat(4001) }, 'text');
    await refused('POST', `/api/tickets/${ticket.id}/transfer`, operator, { to: `${'x'.repeat(250)}@helpline.kz` }, 'to');
    await refused('POST', '/api/staff', admin, { email: 'new@helpline.kz', role: 'operator', password: 'p'.repeat(201) }, 'password');
    await refused('PUT', `/api/staff/${emailOf('operator')}`, admin, { password: 'p'.repeat(201) }, 'password');
    await refused('POST', '/api/login', undefined, { email: emailOf('editor'), password: 'p'.repeat(201) }, 'password');
    expect((await f.store.tickets.get(ticket.id))?.messages).toEqual([]);
  });

  it('refuses a JSON body that is not valid UTF-8 instead of storing replacement characters', async () => {
    // The answer's text with three bytes that are not UTF-8 in the middle (e.g. a Windows-1251 paste).
    const [before, after] = JSON.stringify({ entry: { ...curfew, id: 'bad-bytes', answer: { ru: 'Комендантский час MARK' } } }).split('MARK');
    const body = Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0xc0, 0xff, 0xfe]), Buffer.from(after, 'utf8')]);
    const res = await f.call('POST', '/api/faq', { session: editor, raw: { bytes: body, type: 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<Refusal>().error).toMatch(/not valid UTF-8/);
    expect(await f.store.faq.get('bad-bytes')).toBeNull();
  });

  it('refuses text already damaged on its way (U+FFFD), naming the field', async () => {
    const problems = await refused('PUT', '/api/faq/curfew-time', editor, { entry: { ...curfew, answer: { ...curfew.answer, kk: 'Коменданттық сағат \uFFFD\uFFFD' } } }, 'answer.kk');
    expect(problems.join('\n')).toMatch(/U\+FFFD/);
    await refused('POST', '/api/alerts/preview', editor, { topics: ['curfew'], text: { en: 'Curfew \uFFFD' } }, 'text.en');
    expect((await f.store.faq.get('curfew-time'))?.version).toBe(1);
  });
});
