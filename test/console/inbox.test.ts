import { createTranslator } from '../../src/i18n';
import { consoleFixture, type ConsoleFixture } from './helpers';

const tr = createTranslator();

describe('console inbox pages', () => {
  let f: ConsoleFixture;
  beforeAll(async () => {
    f = await consoleFixture();
  });
  afterAll(() => f.close());

  it('lists open tickets with empty filters, filters by language, and shows a ticket with its actions', async () => {
    const ru = await f.store.tickets.create({ channel: 'telegram', chatId: '1', lang: 'ru', question: 'Где получить пропуск?', reason: 'no-match', excerpt: [] });
    await f.store.tickets.create({ channel: 'whatsapp', chatId: '2', lang: 'kk', question: 'Рұқсатнаманы қайдан алуға болады?', reason: 'requested', excerpt: [] });
    const operator = await f.login('operator');

    const all = await f.call('GET', '/inbox?status=&lang=&topic=', { session: operator });
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Где получить пропуск?');
    expect(all.body).toContain('data-live="/api/tickets/events"');
    const kk = await f.call('GET', '/inbox?lang=kk', { session: operator });
    expect(kk.body).not.toContain('Где получить пропуск?');

    const page = await f.call('GET', `/inbox/${ru.id}`, { session: operator });
    expect(page.body).toContain(`/api/tickets/${ru.id}/claim`);
    expect(page.body).toContain(tr.t('ru', 'operator.canned.details'));
    // Operators cannot create FAQ entries; the link is for those who can.
    expect(page.body).not.toContain('Turn this into a FAQ entry');
    const admin = await f.login('admin');
    expect((await f.call('GET', `/inbox/${ru.id}`, { session: admin })).body).toContain('/faq/new?q=');
    expect((await f.call('GET', '/inbox', { session: await f.login('editor') })).statusCode).toBe(403);
  });
});
