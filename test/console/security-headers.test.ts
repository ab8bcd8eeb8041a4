/**
 * Every console response carries the security headers, and nothing but the static assets may be
 * stored by a browser or proxy; pages hold no inline script or style, so the strict
 * Content-Security-Policy can forbid them. Walks every GET route the server registers.
 */
import { consoleFixture, type ConsoleFixture, type Reply } from './helpers';

/** A concrete address for a GET route pattern. */
function concrete(url: string, ticketId: string): string {
  return url
    .replace('/api/tickets/:id', `/api/tickets/${ticketId}`)
    .replace('/inbox/:id', `/inbox/${ticketId}`)
    .replace('/api/alerts/:id', '/api/alerts/1')
    .replace(':id', 'curfew-time');
}

function directives(reply: Reply): Map<string, string> {
  const policy = reply.headers.get('content-security-policy') ?? '';
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).join(' ')]));
}

describe('console security headers', () => {
  let f: ConsoleFixture;
  let ticketId: string;
  beforeAll(async () => {
    f = await consoleFixture();
    ticketId = (await f.store.tickets.create({ channel: 'telegram', chatId: '5', lang: 'ru', question: 'Где пропуск?', reason: 'no-match', excerpt: [] })).id;
  });
  afterAll(() => f.close());

  it('every GET route: CSP without inline script, no framing, nosniff, referrer policy, no-store except assets', async () => {
    const admin = await f.login('admin');
    const gets = f.console.routes.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(15);
    for (const route of gets) {
      const url = concrete(route.url, ticketId);
      const res = await f.call('GET', url, { session: admin });
      const where = `GET ${url} → ${res.statusCode}`;
      const csp = directives(res);
      expect([where, csp.get('default-src')]).toEqual([where, "'self'"]);
      expect([where, csp.get('script-src')]).toEqual([where, "'self'"]);
      expect([where, csp.get('style-src')]).toEqual([where, "'self'"]);
      expect([where, csp.get('frame-ancestors')]).toEqual([where, "'none'"]);
      expect([where, res.headers.get('content-security-policy')]).not.toEqual([where, expect.stringContaining('unsafe-')]);
      expect([where, res.headers.get('x-frame-options')]).toEqual([where, 'DENY']);
      expect([where, res.headers.get('x-content-type-options')]).toEqual([where, 'nosniff']);
      expect([where, res.headers.get('referrer-policy')]).toEqual([where, 'same-origin']);
      const expected = url.startsWith('/assets/') ? 'no-cache' : 'no-store';
      expect([where, res.headers.get('cache-control')]).toEqual([where, expected]);
    }
  });

  it('the live ticket stream, errors and unknown addresses are not stored either', async () => {
    const operator = await f.login('operator');
    const stream = await f.call('GET', '/api/tickets/events', { session: operator });
    expect(stream.headers.get('cache-control')).toBe('no-store');
    for (const res of [await f.call('GET', '/api/tickets', {}), await f.call('GET', '/no/such/page', { session: operator }), await f.call('GET', '/login')]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('pages carry no inline script, inline style or event-handler attribute', async () => {
    const admin = await f.login('admin');
    const pages = f.console.routes.filter((r) => r.method === 'GET' && !r.url.startsWith('/api/') && !r.url.startsWith('/assets/') && r.url !== '/healthz');
    for (const route of pages) {
      const url = concrete(route.url, ticketId);
      const res = await f.call('GET', url, { session: admin });
      if (!res.headers.get('content-type')?.startsWith('text/html')) continue;
      const where = `GET ${url}`;
      expect([where, res.body.match(/<script(?![^>]*\bsrc=)[^>]*>/gi)]).toEqual([where, null]);
      expect([where, res.body.match(/<style\b|\sstyle=/gi)]).toEqual([where, null]);
      expect([where, res.body.match(/\son[a-z]+=/gi)]).toEqual([where, null]);
    }
    expect((await f.call('GET', '/login')).body).toContain('<link rel="stylesheet" href="/assets/console.css">');
    const css = await f.call('GET', '/assets/console.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.body).toContain('.result.error');
  });
});
