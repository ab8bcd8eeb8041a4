import { consoleFixture, type ConsoleFixture } from './helpers';

describe('console alerts API', () => {
  let f: ConsoleFixture;
  beforeEach(async () => {
    f = await consoleFixture();
    await f.store.alerts.saveSubscription({ channel: 'telegram', chatId: '1', topics: ['curfew'], lang: 'ru', district: 'Aksu' });
    await f.store.alerts.saveSubscription({ channel: 'telegram', chatId: '2', topics: ['curfew', 'loans'], lang: 'kk' });
    await f.store.alerts.saveSubscription({ channel: 'whatsapp', chatId: '77010000000', topics: ['curfew'], lang: 'en', district: 'Pavlodar' });
  });
  afterEach(() => f.close());

  const text = { ru: 'Комендантский час с 22:00', en: 'Curfew from 22:00' };

  it('counts recipients and previews per language; only editors and admins may', async () => {
    const editor = await f.login('editor');
    const res = await f.call('POST', '/api/alerts/preview', { session: editor, body: { text, topics: ['curfew'], districts: ['Aksu'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      recipients: { total: 2, byChannel: { telegram: 2 }, byLang: { ru: 1, kk: 1, en: 0 } },
      // Kazakh is missing: the Russian text stands in.
      preview: { ru: text.ru, kk: text.ru, en: text.en },
      // Telegram runs in this process: nobody waits for another one.
      unavailable: [],
    });
    const operator = await f.login('operator');
    expect((await f.call('POST', '/api/alerts/preview', { session: operator, body: { text, topics: ['curfew'] } })).statusCode).toBe(403);
    const bad = await f.call('POST', '/api/alerts', { session: editor, body: { text, topics: ['curfew'], districts: ['Atlantis'] } });
    expect(bad.statusCode).toBe(400);
  });

  it('sends now (recipients written), shows progress per channel, exports failures, cancels, and can update the FAQ', async () => {
    const admin = await f.login('admin');
    const res = await f.call('POST', '/api/alerts', {
      session: admin,
      body: { text, topics: ['curfew'], faq: { id: 'curfew-time', answer: { ru: 'Комендантский час теперь с 22:00.' } } },
    });
    expect(res.statusCode).toBe(201);
    const { alert } = res.json<{ alert: { id: string; status: string } }>();
    expect(alert.status).toBe('sending');
    expect((await f.store.faq.get('curfew-time'))?.answer.ru).toBe('Комендантский час теперь с 22:00.');

    await f.store.alerts.markRecipient(alert.id, 'telegram', '1', 'sent');
    await f.store.alerts.markRecipient(alert.id, 'telegram', '2', 'blocked', 'Forbidden: bot was blocked by the user');
    const progress = await f.call('GET', `/api/alerts/${alert.id}`, { session: admin });
    expect(progress.json<{ progress: unknown }>().progress).toEqual({
      telegram: { pending: 0, sent: 1, failed: 0, blocked: 1, skipped: 0 },
      whatsapp: { pending: 1, sent: 0, failed: 0, blocked: 0, skipped: 0 },
    });
    const csv = await f.call('GET', `/api/alerts/${alert.id}/failures.csv`, { session: admin });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body.trim().split('\r\n')).toEqual([
      '"alert","channel","chat_id","language","status","reason","at"',
      expect.stringMatching(/^"\d+","telegram","2","kk","blocked","Forbidden: bot was blocked by the user","/),
    ]);

    const cancel = await f.call('POST', `/api/alerts/${alert.id}/cancel`, { session: admin, body: {} });
    expect(cancel.statusCode).toBe(200);
    expect((await f.store.alerts.progress(alert.id)).whatsapp).toMatchObject({ pending: 0, skipped: 1 });
    expect((await f.call('POST', `/api/alerts/${alert.id}/cancel`, { session: admin, body: {} })).statusCode).toBe(404);
  });

  it('schedules for later: no recipients until it is due; a past time is refused', async () => {
    const editor = await f.login('editor');
    const later = new Date(f.now.value.getTime() + 3600_000).toISOString();
    const res = await f.call('POST', '/api/alerts', { session: editor, body: { text, topics: ['loans'], runAt: later } });
    expect(res.statusCode).toBe(201);
    const { alert } = res.json<{ alert: { id: string; status: string } }>();
    expect(alert.status).toBe('scheduled');
    expect(await f.store.alerts.progress(alert.id)).toEqual({});
    const past = new Date(f.now.value.getTime() - 1000).toISOString();
    expect((await f.call('POST', '/api/alerts', { session: editor, body: { text, topics: ['loans'], runAt: past } })).statusCode).toBe(400);
    const list = await f.call('GET', '/api/alerts', { session: editor });
    expect(list.json<{ alerts: { id: string }[] }>().alerts.map((a) => a.id)).toEqual([alert.id]);
  });

  it('the alerts page shows the compose form and each alert with its progress, text escaped', async () => {
    const editor = await f.login('editor');
    const res = await f.call('POST', '/api/alerts', { session: editor, body: { text: { en: '<b>Roads</b> closed' }, topics: ['curfew'] } });
    const { alert } = res.json<{ alert: { id: string } }>();
    const page = await f.call('GET', '/alerts', { session: editor });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-api="/api/alerts"');
    expect(page.body).toContain('&lt;b&gt;Roads&lt;/b&gt; closed');
    expect(page.body).toContain('telegram: 0 sent, 2 pending');
    expect(page.body).toContain(`/api/alerts/${alert.id}/failures.csv`);
    expect(page.body).toContain(`data-api="/api/alerts/${alert.id}/cancel"`);
  });
});
