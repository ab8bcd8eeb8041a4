/**
 * Walks every route the console registers — the list comes from the server itself, so a new route
 * is walked without touching this test — without a session, with each role, and without the CSRF
 * token, and checks each answer against the route's declared access rule.
 */
import { allows } from '../../src/console/access';
import { consoleFixture, emailOf, ROLES, type ConsoleFixture } from './helpers';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A concrete address for a route pattern. */
function concrete(url: string): string {
  return url
    .replace(':id/', 'curfew-time/')
    .replace(/\/api\/schedule\/:id$/, '/api/schedule/1')
    .replace(/:id$/, 'post-hours')
    .replace(':email', encodeURIComponent(emailOf('operator')));
}

describe('console route access', () => {
  let f: ConsoleFixture;
  beforeAll(async () => {
    f = await consoleFixture();
  });
  afterAll(() => f.close());

  it('every route declares an access rule', () => {
    expect(f.console.routes.length).toBeGreaterThan(20);
    expect(f.console.routes.filter((r) => r.access === undefined)).toEqual([]);
  });

  it('without a session: API 401, pages redirect to the login, public routes answer', async () => {
    for (const route of f.console.routes) {
      const res = await f.call(route.method as 'GET', concrete(route.url), { body: SAFE.has(route.method) ? undefined : {} });
      const where = `${route.method} ${route.url} → ${res.statusCode}`;
      if (route.access === 'public') {
        expect([where, res.statusCode < 500 && res.statusCode !== 401 && res.statusCode !== 403]).toEqual([where, true]);
      } else if (route.url.startsWith('/api/') || route.method !== 'GET') {
        expect(where).toBe(`${route.method} ${route.url} → 401`);
      } else {
        expect(where).toBe(`${route.method} ${route.url} → 302`);
        expect(res.headers.get('location')).toMatch(/^\/login\?next=/);
      }
    }
  });

  it.each(ROLES)('as %s: 403 where the role is not allowed, otherwise neither 401/403 nor 5xx', async (role) => {
    for (const route of f.console.routes) {
      if (route.access === 'public' || route.access === undefined) continue;
      // A fresh session each time: one of the routes is the logout.
      const session = await f.login(role);
      const res = await f.call(route.method as 'GET', concrete(route.url), { session, body: SAFE.has(route.method) ? undefined : {} });
      const allowed = allows(route.access, role);
      const where = `${role} ${route.method} ${route.url} → ${res.statusCode}`;
      if (allowed) expect([where, res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500]).toEqual([where, true]);
      else expect(where).toBe(`${role} ${route.method} ${route.url} → 403`);
    }
  });

  it('refuses every state-changing route without the CSRF token, even for an admin', async () => {
    for (const route of f.console.routes) {
      if (route.access === 'public' || SAFE.has(route.method)) continue;
      const session = await f.login('admin');
      const res = await f.call(route.method as 'POST', concrete(route.url), { session, body: {}, csrf: false });
      expect(`${route.method} ${route.url} → ${res.statusCode} ${res.json<{ error: string }>().error}`).toMatch(/→ 403 Missing or wrong CSRF token/);
    }
  });
});
