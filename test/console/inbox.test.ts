import { HandoffDesk } from '../../src/escalation';
import { answerText } from '../../src/faq/entry-text';
import { createTranslator } from '../../src/i18n';
import type { Ticket } from '../../src/store/types';
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

  it('says when the resident withdrew a ticket, and not when an operator closed it', async () => {
    const handoff = new HandoffDesk(f.store);
    const withdrawn = await handoff.start({ channel: 'telegram', chatId: '11', lang: 'ru', question: 'Когда дадут воду?', reason: 'no-match', excerpt: [] });
    expect(await handoff.withdraw(withdrawn.id)).toBe(true);
    const closed = await f.store.tickets.create({ channel: 'telegram', chatId: '12', lang: 'ru', question: 'Где пропуск?', reason: 'no-match', excerpt: [] });
    await f.store.tickets.setStatus(closed.id, 'closed', 'operator@helpline.kz');
    const operator = await f.login('operator');
    const note = tr.t('en', 'console.ticket.withdrawnNote');
    const page = await f.call('GET', `/inbox/${withdrawn.id}`, { session: operator });
    expect(page.body).toContain(note);
    expect(page.body).not.toContain(`/api/tickets/${withdrawn.id}/reply`);
    expect((await f.call('GET', `/inbox/${closed.id}`, { session: operator })).body).not.toContain(note);
    // Cancelled by the resident (/cancel): said as such, not as answered.
    const cancelled = await handoff.start({ channel: 'telegram', chatId: '13', lang: 'ru', question: 'Где справка?', reason: 'no-match', excerpt: [] });
    expect(await handoff.withdraw(cancelled.id, 'cancelled')).toBe(true);
    const cancelledPage = (await f.call('GET', `/inbox/${cancelled.id}`, { session: operator })).body;
    expect(cancelledPage).toContain(tr.t('en', 'console.ticket.cancelledNote'));
    expect(cancelledPage).not.toContain(note);
  });

  it('offers the FAQ entries the bot ranked first and sends one in the resident\'s language, noting their words for it', async () => {
    const question = 'пошта нешеде жабылады';
    const ticket = await f.store.tickets.create({ channel: 'telegram', chatId: '3', lang: 'kk', question, reason: 'no-match', excerpt: [] });
    const operator = await f.login('operator');
    const page = await f.call('GET', `/inbox/${ticket.id}`, { session: operator });
    expect(page.body).toContain(`data-api="/api/tickets/${ticket.id}/answer"`);
    expect(page.body).toContain('value="post-hours"');
    expect(page.body).toContain('Пошта қашан жұмыс істейді?');
    const api = (await f.call('GET', `/api/tickets/${ticket.id}`, { session: operator })).json<{ faqAnswers: Array<{ entryId: string; answer: string }> }>();
    expect(api.faqAnswers[0]).toMatchObject({ entryId: 'post-hours', answer: answerText(f.catalog.get('post-hours')!, 'kk', tr) });

    const sent = await f.call('POST', `/api/tickets/${ticket.id}/answer`, { session: operator, body: { entryId: 'post-hours' } });
    expect(sent.statusCode).toBe(200);
    const entry = f.catalog.get('post-hours')!;
    // The entry has no Kazakh answer: the Russian one goes, said so in Kazakh.
    const expected = answerText(entry, 'kk', tr);
    expect(expected.startsWith(tr.t('kk', 'answer.fallback'))).toBe(true);
    const { ticket: after } = sent.json<{ ticket: Ticket }>();
    expect(after.status).toBe('waiting');
    expect(after.messages.map((m) => [m.from, m.text])).toEqual([['operator', expected]]);
    const noted = await f.store.learning.list({ entryId: 'post-hours' });
    expect(noted.map((v) => [v.lang, v.text, v.picked])).toEqual([['kk', question, 1]]);

    expect((await f.call('POST', `/api/tickets/${ticket.id}/answer`, { session: operator, body: { entryId: 'no-such-entry' } })).statusCode).toBe(404);
    expect((await f.call('POST', `/api/tickets/${ticket.id}/answer`, { session: operator, body: { entryId: '' } })).statusCode).toBe(400);
    expect((await f.call('POST', `/api/tickets/${ticket.id}/answer`, { session: await f.login('editor'), body: { entryId: 'post-hours' } })).statusCode).toBe(403);
  });

  it('marks an answer the resident already had in the conversation: the one that did not help', async () => {
    const answer = answerText(f.catalog.get('post-hours')!, 'ru', tr);
    const at = new Date('2026-01-17T11:00:00Z');
    const excerpt = [
      { from: 'resident' as const, text: 'почта до скольки работает', at },
      { from: 'bot' as const, text: answer, at },
    ];
    const ticket = await f.store.tickets.create({ channel: 'telegram', chatId: '5', lang: 'ru', question: 'почта до скольки работает', reason: 'not-helpful', excerpt });
    const operator = await f.login('operator');
    const api = (await f.call('GET', `/api/tickets/${ticket.id}`, { session: operator })).json<{ faqAnswers: Array<{ entryId: string; alreadySent: boolean }> }>();
    expect(api.faqAnswers.find((a) => a.entryId === 'post-hours')?.alreadySent).toBe(true);
    expect(api.faqAnswers.filter((a) => a.entryId !== 'post-hours').every((a) => !a.alreadySent)).toBe(true);
    expect((await f.call('GET', `/inbox/${ticket.id}`, { session: operator })).body).toContain('Already sent in this conversation');
  });

  it('a ticket that only asked for a person offers no entries, and its answer teaches nothing', async () => {
    const label = tr.t('ru', 'choices.operator');
    const ticket = await f.store.tickets.create({ channel: 'telegram', chatId: '4', lang: 'ru', question: label, reason: 'requested', excerpt: [] });
    const operator = await f.login('operator');
    const page = await f.call('GET', `/inbox/${ticket.id}`, { session: operator });
    expect(page.body).toContain('No FAQ entry matches this question.');
    expect(page.body).not.toContain(`data-api="/api/tickets/${ticket.id}/answer"`);
    const before = (await f.store.learning.list()).length;
    const sent = await f.call('POST', `/api/tickets/${ticket.id}/answer`, { session: operator, body: { entryId: 'curfew-time' } });
    expect(sent.statusCode).toBe(200);
    expect(sent.json<{ ticket: Ticket }>().ticket.messages.at(-1)?.text).toBe('Комендантский час: с 23:00 до 07:00.');
    expect(await f.store.learning.list()).toHaveLength(before);
  });
});
