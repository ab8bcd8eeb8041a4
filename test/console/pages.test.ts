/**
 * The console's pages as HTML: the dashboard at home for every role, the inbox's triage (waiting
 * times, overdue, order, actions by who holds a ticket, no raw codes), the FAQ list in pages, and
 * the language — the account's choice, else the browser's — with `<html lang>` set.
 */
import { createTranslator } from '../../src/i18n';
import { DEFAULT_THRESHOLDS } from '../../src/matcher';
import { SqliteStore } from '../../src/store/sqlite';
import { seededStore } from '../support/fixtures';
import { consoleFixture, type ConsoleFixture } from './helpers';

const tr = createTranslator();
const en = (key: string, vars?: Record<string, string | number>) => tr.t('en', `console.${key}`, vars);
const kk = (key: string, vars?: Record<string, string | number>) => tr.t('kk', `console.${key}`, vars);
/** The page's text without markup, roughly as a reader sees it. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('console pages', () => {
  let f: ConsoleFixture;
  let store: SqliteStore;
  let seeded: Awaited<ReturnType<typeof seededStore>>;
  const now = { value: new Date('2026-01-17T12:00:00Z') };

  beforeAll(async () => {
    seeded = await seededStore('seed', { now: () => now.value });
    store = seeded.store;
    f = await consoleFixture({ store, now });
  });
  afterAll(async () => {
    await f.close();
    await seeded.close();
  });

  it('serves the dashboard as the home page to every role, each with its own links', async () => {
    for (const role of ['admin', 'editor', 'operator'] as const) {
      const page = await f.call('GET', '/', { session: await f.login(role) });
      expect([role, page.statusCode]).toEqual([role, 200]);
      expect(page.body).toContain(`<h1>${en('dash.title')}</h1>`);
      expect(page.body).toContain('data-live="/api/stats/events"');
      expect(page.body).toContain('href="/api/stats?from=');
      expect([role, page.body.includes('href="/inbox"')]).toEqual([role, role !== 'editor']);
      expect([role, page.body.includes('href="/unanswered"')]).toEqual([role, role !== 'operator']);
    }
    expect((await f.call('GET', '/')).headers.get('location')).toBe('/login?next=%2F');
    expect((await f.call('GET', '/?range=decade', { session: await f.login('admin') })).statusCode).toBe(400);
  });

  it('computes the figures once for dashboards open at the same time, and again after a ticket changed', async () => {
    const reads = jest.spyOn(store.tickets, 'openedBetween');
    const admin = await f.login('admin');
    const operator = await f.login('operator');
    await f.call('GET', '/?range=yesterday', { session: admin });
    await f.call('GET', '/?range=yesterday', { session: operator });
    expect(reads).toHaveBeenCalledTimes(1);
    const ticket = await store.tickets.create({ channel: 'telegram', chatId: '77', lang: 'ru', question: 'Вопрос', reason: 'requested', excerpt: [] });
    expect((await f.call('POST', `/api/tickets/${ticket.id}/claim`, { session: operator })).statusCode).toBe(200);
    await f.call('GET', '/?range=yesterday', { session: admin });
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockRestore();
    await store.tickets.setStatus(ticket.id, 'closed', 'operator@helpline.kz');
  });

  it('sorts the inbox by waiting time, marks overdue tickets, and names statuses and reasons in words', async () => {
    now.value = new Date('2026-01-17T11:00:00Z');
    const old = await store.tickets.create({ channel: 'telegram', chatId: '1', lang: 'ru', question: 'Где пропуск?', reason: 'no-match', excerpt: [] });
    now.value = new Date('2026-01-17T11:50:00Z');
    const recent = await store.tickets.create({ channel: 'whatsapp', chatId: '2', lang: 'kk', question: 'Оператор керек', reason: 'requested', excerpt: [] });
    now.value = new Date('2026-01-17T12:00:00Z');
    const operator = await f.login('operator');

    const inbox = await f.call('GET', '/inbox', { session: operator });
    const body = inbox.body;
    expect(body.indexOf(`/inbox/${old.id}"`)).toBeLessThan(body.indexOf(`/inbox/${recent.id}"`));
    expect(body).toMatch(new RegExp(`<tr class="overdue"><td data-label="[^"]*"><div><a href="/inbox/${old.id}">`));
    expect(body).not.toMatch(new RegExp(`<tr class="overdue"><td data-label="[^"]*"><div><a href="/inbox/${recent.id}">`));
    expect(textOf(body)).toContain(en('time.hours', { h: 1, m: 0 }));
    expect(textOf(body)).toContain(en('time.minutes', { m: 10 }));
    expect(textOf(body)).toContain(en('inbox.overdueCount', { count: 1 }));
    // Local time (+05:00), not UTC.
    expect(body).toContain('2026-01-17 16:00');
    expect(textOf(body)).not.toMatch(/\bqueued\b|no-match|\bUTC\b(?!\+)/);
    const newest = await f.call('GET', '/inbox?sort=newest', { session: operator });
    expect(newest.body.indexOf(`/inbox/${recent.id}"`)).toBeLessThan(newest.body.indexOf(`/inbox/${old.id}"`));

    const ticket = await f.call('GET', `/inbox/${old.id}`, { session: operator });
    expect(textOf(ticket.body)).toContain(en('reason.no-match'));
    expect(textOf(ticket.body)).not.toContain('no-match');
    for (const key of ['ticket.claim', 'ticket.sendReply', 'ticket.sendCanned', 'ticket.transfer', 'ticket.close']) expect(ticket.body).toContain(`>${en(key)}</button>`);
    expect(ticket.body).not.toContain('>Send</button>');
  });

  it('puts urgent tickets first in either order while queued, marks them, and counts them for the supervisor', async () => {
    now.value = new Date('2026-01-17T12:00:00Z');
    const calm = await store.tickets.create({ channel: 'telegram', chatId: '31', lang: 'ru', question: 'Где справка?', reason: 'no-match', excerpt: [] });
    now.value = new Date('2026-01-17T12:05:00Z');
    const urgent = await store.tickets.create({ channel: 'telegram', chatId: '32', lang: 'ru', question: 'Помогите, избивают', reason: 'no-match', excerpt: [], urgent: true });
    now.value = new Date('2026-01-17T12:10:00Z');
    const later = await store.tickets.create({ channel: 'telegram', chatId: '33', lang: 'ru', question: 'Когда вывоз мусора?', reason: 'no-match', excerpt: [] });
    const operator = await f.login('operator');
    const position = (body: string, id: string) => body.indexOf(`/inbox/${id}"`);
    const row = (id: string, className: string) => new RegExp(`<tr class="${className}"><td data-label="[^"]*"><div><a href="/inbox/${id}">`);

    for (const sort of ['oldest', 'newest']) {
      const body = (await f.call('GET', `/inbox?sort=${sort}`, { session: operator })).body;
      expect(position(body, urgent.id)).toBeGreaterThan(-1);
      expect(position(body, urgent.id)).toBeLessThan(Math.min(position(body, calm.id), position(body, later.id)));
      expect(body).toMatch(row(urgent.id, 'urgent'));
      expect(body).not.toMatch(row(later.id, 'urgent'));
    }
    const inbox = (await f.call('GET', '/inbox', { session: operator })).body;
    expect(inbox).toContain(`<span class="badge urgent">${en('inbox.urgent')}</span>`);
    expect(inbox.match(/class="badge urgent"/g)).toHaveLength(1);
    expect(textOf(inbox)).toContain(en('inbox.urgentCount', { count: 1 }));
    expect(textOf(inbox)).toContain(en('inbox.live', { minutes: 30 }));
    const dashboard = textOf((await f.call('GET', '/', { session: await f.login('admin') })).body);
    expect(dashboard).toMatch(new RegExp(`${en('dash.queue.urgent')}\\s*1\\b`));

    // Taken by an operator, it is no longer ahead of the queue; the ticket still says what it was.
    await store.tickets.claim(urgent.id, 'operator@helpline.kz');
    const after = (await f.call('GET', '/inbox', { session: operator })).body;
    expect(position(after, urgent.id)).toBeGreaterThan(position(after, calm.id));
    expect((await f.call('GET', `/inbox/${urgent.id}`, { session: operator })).body).toContain(`<span class="badge urgent">${en('inbox.urgent')}</span>`);
    for (const t of [calm, urgent, later]) await store.tickets.setStatus(t.id, 'closed', 'operator@helpline.kz');
  });

  it("shows a claimed ticket's reply and hand-over only to its holder and admins", async () => {
    const t = await store.tickets.create({ channel: 'telegram', chatId: '9', lang: 'en', question: 'Help', reason: 'requested', excerpt: [] });
    await store.staff.create({ email: 'second@helpline.kz', role: 'operator', passwordHash: (await store.staff.get('operator@helpline.kz'))?.passwordHash ?? '' });
    await store.tickets.claim(t.id, 'operator@helpline.kz');
    const forms = (body: string) => ['reply', 'transfer', 'close'].filter((a) => body.includes(`data-api="/api/tickets/${t.id}/${a}"`));
    expect(forms((await f.call('GET', `/inbox/${t.id}`, { session: await f.login('operator') })).body)).toEqual(['reply', 'transfer', 'close']);
    expect(forms((await f.call('GET', `/inbox/${t.id}`, { session: await f.login('admin') })).body)).toEqual(['reply', 'transfer', 'close']);
    const other = await f.call('GET', `/inbox/${t.id}`, { session: await f.loginAs('second@helpline.kz') });
    expect(forms(other.body)).toEqual([]);
    expect(other.body).toContain(en('ticket.heldBy', { operator: 'operator@helpline.kz' }));
    // The hand-over offers active operators and admins, not editors.
    const holder = await f.call('GET', `/inbox/${t.id}`, { session: await f.login('operator') });
    expect(holder.body).toContain('<option value="second@helpline.kz">');
    expect(holder.body).toContain('<option value="admin@helpline.kz">');
    expect(holder.body).not.toContain('<option value="editor@helpline.kz">');
  });

  it('pages the FAQ list, keeping the search', async () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ id: `extra-${String(i).padStart(2, '0')}`, topic: 'transport', questions: { en: [`Bus ${i}?`] }, answer: { en: `Route ${i}.` } }));
    await store.faq.import(many, 'seed');
    const editor = await f.login('editor');
    const first = await f.call('GET', '/faq?q=route', { session: editor });
    expect(first.body.match(/<a href="\/faq\/extra-/g)).toHaveLength(20);
    expect(first.body).toContain(en('faq.list.page', { page: 1, pages: 3 }));
    expect(first.body).toContain('href="/faq?q=route&amp;page=2"');
    const last = await f.call('GET', '/faq?q=route&page=3', { session: editor });
    expect(last.body.match(/<a href="\/faq\/extra-/g)).toHaveLength(5);
    // Past the end: the last page.
    expect((await f.call('GET', '/faq?q=route&page=9', { session: editor })).body).toContain(en('faq.list.page', { page: 3, pages: 3 }));
  });

  it("shows on an entry's page what the bot would make of each question asked in other words, for the version it has", async () => {
    const pool = {
      id: 'pool-hours',
      topic: 'sport',
      questions: { ru: ['Во сколько открывается бассейн?', 'Когда открывается городской бассейн?', 'Бассейн открывается рано утром?', 'Сколько стоит абонемент?'] },
      answer: { ru: 'Бассейн открыт с 7:00 до 22:00.', en: 'The pool is open 7:00 to 22:00.' },
    };
    const prices = {
      id: 'pool-prices',
      topic: 'sport',
      questions: { ru: ['Сколько стоит абонемент на месяц?', 'Какая цена абонемента?', 'Сколько стоит разовое посещение?'] },
      answer: { ru: 'Абонемент на месяц стоит 12 000 тенге.' },
    };
    await store.faq.import([pool, prices], 'seed');
    await f.catalog.refresh(store.faq);
    const operator = await f.login('operator');
    const page = await f.call('GET', '/faq/pool-hours', { session: operator });
    expect(page.statusCode).toBe(200);
    const check = f.catalog.checkEntry('pool-hours', DEFAULT_THRESHOLDS)?.check;
    expect(check?.variants).toHaveLength(4);
    expect(page.body).toContain(en('faq.check.title'));
    expect(page.body).toContain(en('faq.check.summary', { answered: check?.answered ?? -1, offered: check?.offered ?? -1, total: 4 }));
    // The questions it would not answer are listed: the price question, taken for the price entry, linked.
    expect(textOf(page.body)).toContain(`Сколько стоит абонемент? ${en('faq.check.ownWords', { words: 'стоит, абонемент' })} ${en('faq.check.outcome.other')} pool-prices`);
    expect(page.body).toContain('<a href="/faq/pool-prices">pool-prices</a>');
    expect(page.body.match(/<tr class="attention">/g)).toHaveLength(4 - (check?.answered ?? 0));
    for (const v of check?.variants ?? []) expect(page.body.includes(`<span lang="ru">${v.text}</span>`)).toBe(v.outcome !== 'answered');
    // English has an answer but no question; Kazakh has neither (not a language this entry serves).
    expect(page.body).toContain(en('faq.check.few', { langs: 'English' }).replace(/'/g, '&#39;'));

    // A version the bot has not loaded yet is not checked with the old one's questions.
    await store.faq.save({ ...pool, questions: { ru: [...pool.questions.ru, 'Бассейн работает в выходные?'] } }, 'editor@helpline.kz');
    const loading = await f.call('GET', '/faq/pool-hours', { session: operator });
    expect(loading.body).toContain(en('faq.check.loading'));
    expect(loading.body).not.toContain(en('faq.check.col.outcome'));
    await f.catalog.refresh(store.faq);
    const fresh = await f.call('GET', '/faq/pool-hours', { session: operator, lang: 'kk' });
    expect(fresh.body).toContain(kk('faq.check.title'));
    const answered = f.catalog.checkEntry('pool-hours', DEFAULT_THRESHOLDS)?.check.answered ?? -1;
    expect(fresh.body).toContain(kk('faq.check.summary', { answered, offered: f.catalog.checkEntry('pool-hours', DEFAULT_THRESHOLDS)?.check.offered ?? -1, total: 5 }));
    expect(fresh.body.match(/<tr class="attention">/g)).toHaveLength(5 - answered);
  });

  it('checks the whole FAQ on a page of its own, the entries least carried first', async () => {
    // An entry with a price question in the words of the price entry, which is asked many ways.
    await store.faq.import(
      [
        { id: 'gym-hours', topic: 'sport', questions: { ru: ['Когда открывается спортзал?', 'Во сколько открывается спортзал?', 'Сколько стоит месяц занятий?'] }, answer: { ru: 'С 8:00 до 22:00.' } },
        { id: 'gym-prices', topic: 'sport', questions: { ru: ['Сколько стоит месяц занятий в спортзале?', 'Какая цена месяца занятий?', 'Сколько стоит разовое занятие?'] }, answer: { ru: 'Месяц стоит 9 000 тенге.' } },
      ],
      'seed',
    );
    await f.catalog.refresh(store.faq);
    const operator = await f.login('operator');
    const list = await f.call('GET', '/faq', { session: operator });
    expect(list.body).toContain(`<a href="/faq-check">${en('faq.checkAll.link')}</a>`);
    const page = await f.call('GET', '/faq-check', { session: operator, lang: 'kk' });
    expect(page.statusCode).toBe(200);
    const { entries, totals } = await f.catalog.checkAll(DEFAULT_THRESHOLDS);
    const questions = Object.values(totals).reduce((a, b) => a + b, 0);
    expect(page.body).toContain(kk('faq.checkAll.title'));
    expect(page.body).toContain(kk('faq.checkAll.totals', { entries: entries.length, questions, answered: totals.answered, offered: totals.offered, other: totals.other, handedOver: totals['handed-over'] }));
    // Rows in order of the share answered, lowest first; the price question's entry links to what it is taken for.
    const rowIds = [...page.body.matchAll(/<tr><td data-label="[^"]*"><div><a href="\/faq\/([^"]+)">/g)].map((m) => m[1]);
    expect(rowIds.length).toBeGreaterThan(0);
    const share = (id: string) => {
      const c = entries.find((e) => e.id === id);
      return c ? c.answered / c.variants.length : NaN;
    };
    expect(rowIds.map(share)).toEqual(rowIds.map(share).sort((a, b) => a - b));
    expect(rowIds).toContain('gym-hours');
    expect(page.body).toContain('<a href="/faq/gym-prices">gym-prices</a>');
  });

  it("speaks the browser's language until the account chooses one, and says so in <html lang>", async () => {
    const login = await f.call('GET', '/login', { lang: 'kk-KZ,kk;q=0.9,ru;q=0.8' });
    expect(login.body).toContain('<html lang="kk">');
    expect(login.body).toContain(`<h1>${kk('login.title')}</h1>`);
    const ru = await f.call('GET', '/login?next=%2Finbox&lang=ru', { lang: 'en' });
    expect(ru.body).toContain('<html lang="ru">');
    // The other languages keep where the login leads.
    expect(ru.body).toContain('href="?next=%2Finbox&amp;lang=kk"');
    expect((await f.call('GET', '/login', { lang: 'de' })).body).toContain('<html lang="ru">');

    const editor = await f.login('editor');
    expect((await f.call('GET', '/faq', { session: editor, lang: 'en' })).body).toContain('<html lang="en">');
    expect((await f.call('PUT', '/api/me', { session: editor, body: { lang: 'de' } })).statusCode).toBe(400);
    expect((await f.call('PUT', '/api/me', { session: editor, body: { lang: 'kk' }, csrf: false })).statusCode).toBe(403);
    const chosen = await f.call('PUT', '/api/me', { session: editor, body: { lang: 'kk' } });
    expect(chosen.json()).toEqual({ email: 'editor@helpline.kz', role: 'editor', lang: 'kk' });
    const page = await f.call('GET', '/faq', { session: editor, lang: 'en' });
    expect(page.body).toContain('<html lang="kk">');
    expect(page.body).toContain(`<h1>${kk('faq.list.title')}</h1>`);
    // Errors too, in the API's `message` (its `error` stays English for API clients).
    const held = await f.call('POST', '/api/login', { body: { email: 'editor@helpline.kz', password: 'wrong password' }, lang: 'kk' });
    expect(held.json()).toEqual({ error: 'Wrong e-mail or password', message: kk('errors.wrongLogin') });
    expect((await f.call('GET', '/api/me', { session: editor })).json()).toMatchObject({ lang: 'kk' });
  });
});
