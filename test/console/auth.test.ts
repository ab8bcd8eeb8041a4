import { consoleFixture, emailOf, PASSWORD, type ConsoleFixture } from './helpers';

describe('console login and sessions', () => {
  let f: ConsoleFixture;
  beforeEach(async () => {
    f = await consoleFixture({ loginMaxFailures: 3 });
  });
  afterEach(() => f.close());

  it('logs in with a HttpOnly SameSite=Strict cookie, returns the CSRF token, audits the login', async () => {
    const res = await f.call('POST', '/api/login', { body: { email: 'EDITOR@helpline.kz', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: emailOf('editor'), role: 'editor', csrfToken: expect.any(String) });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^helpline_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const stored = await f.store.audit.list();
    expect(stored[0]).toMatchObject({ actor: emailOf('editor'), action: 'login.success' });
    // The store never holds the cookie value itself.
    const value = cookie.split(';')[0].split('=')[1];
    expect(await f.store.staff.getSession(value)).toBeNull();
  });

  it('refuses a wrong password or an unknown e-mail alike, and audits the failure', async () => {
    const wrong = await f.call('POST', '/api/login', { body: { email: emailOf('editor'), password: 'nope nope nope' } });
    const unknown = await f.call('POST', '/api/login', { body: { email: 'who@x.kz', password: PASSWORD } });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const actions = (await f.store.audit.list(2)).map((r) => `${r.actor} ${r.action}`);
    expect(actions).toEqual(['who@x.kz login.failure', `${emailOf('editor')} login.failure`]);
  });

  it('rate-limits failed logins per IP and e-mail with 429 and Retry-After, until the window passes', async () => {
    for (let i = 0; i < 3; i++) await f.call('POST', '/api/login', { body: { email: emailOf('editor'), password: 'wrong password' } });
    const blocked = await f.call('POST', '/api/login', { body: { email: emailOf('editor'), password: PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not blocked.
    expect((await f.call('POST', '/api/login', { body: { email: emailOf('admin'), password: PASSWORD } })).statusCode).toBe(200);
    f.now.value = new Date(f.now.value.getTime() + 16 * 60_000);
    expect((await f.call('POST', '/api/login', { body: { email: emailOf('editor'), password: PASSWORD } })).statusCode).toBe(200);
  });

  it('rejects malformed login input with 400 naming the fields, and non-JSON bodies with 415', async () => {
    const res = await f.call('POST', '/api/login', { body: { email: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'Invalid request body', problems: ['email: must be an e-mail address', expect.stringMatching(/^password: /)] });
    const form = await fetch(`${f.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${emailOf('admin')}&password=x`,
    });
    expect(form.status).toBe(415);
  });

  it('ends a session on logout, on expiry, and when the account is disabled', async () => {
    const s1 = await f.login('editor');
    expect((await f.call('GET', '/api/me', { session: s1 })).statusCode).toBe(200);
    expect((await f.call('POST', '/api/logout', { session: s1 })).statusCode).toBe(200);
    expect((await f.call('GET', '/api/me', { session: s1 })).statusCode).toBe(401);

    const s2 = await f.login('editor');
    f.now.value = new Date(f.now.value.getTime() + 13 * 3600_000);
    expect((await f.call('GET', '/api/me', { session: s2 })).statusCode).toBe(401);

    const s3 = await f.login('editor');
    const admin = await f.login('admin');
    const disable = await f.call('PUT', `/api/staff/${emailOf('editor')}`, { session: admin, body: { disabled: true } });
    expect(disable.statusCode).toBe(200);
    expect((await f.call('GET', '/api/me', { session: s3 })).statusCode).toBe(401);
    expect((await f.call('POST', '/api/login', { body: { email: emailOf('editor'), password: PASSWORD } })).statusCode).toBe(401);
  });

  it('refuses a wrong CSRF token', async () => {
    const s = await f.login('editor');
    const res = await f.call('DELETE', '/api/faq/post-hours', { session: { ...s, csrf: 'x'.repeat(s.csrf.length) } });
    expect(res.statusCode).toBe(403);
    expect(await f.store.faq.get('post-hours')).not.toBeNull();
  });

  it('lets an admin create staff (password hashed, validated) and see the audit log; others may not', async () => {
    const admin = await f.login('admin');
    const bad = await f.call('POST', '/api/staff', { session: admin, body: { email: 'not-an-email', role: 'chief', password: 'short' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ problems: string[] }>().problems).toHaveLength(3);
    const ok = await f.call('POST', '/api/staff', { session: admin, body: { email: 'new@helpline.kz', role: 'operator', password: 'a long enough password' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.body).not.toMatch(/passwordHash|\$2[aby]\$/);
    expect((await f.store.staff.get('new@helpline.kz'))?.passwordHash).toMatch(/^\$2[aby]\$04\$/);
    expect((await f.call('POST', '/api/staff', { session: admin, body: { email: 'new@helpline.kz', role: 'operator', password: 'a long enough password' } })).statusCode).toBe(409);
    const audit = await f.call('GET', '/api/audit', { session: admin });
    expect(audit.json<{ records: { action: string }[] }>().records.map((r) => r.action)).toContain('staff.create');
    const editor = await f.login('editor');
    expect((await f.call('GET', '/api/audit', { session: editor })).statusCode).toBe(403);
    // An admin cannot lock themselves out.
    expect((await f.call('PUT', `/api/staff/${emailOf('admin')}`, { session: admin, body: { role: 'editor' } })).statusCode).toBe(400);
  });

  it('sends only local paths after the login (no open redirect)', async () => {
    const page = await f.call('GET', '/login?next=//evil.example/x');
    expect(page.body).toContain('data-next="/"');
    const local = await f.call('GET', '/login?next=/faq/curfew-time');
    expect(local.body).toContain('data-next="/faq/curfew-time"');
  });
});
