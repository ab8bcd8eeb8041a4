import { CONSOLE_HOME, safeNext } from '../../src/console/next-path';
import { consoleFixture, type ConsoleFixture } from './helpers';

describe('where the login sends the browser (next)', () => {
  it.each([
    ['/faq/curfew-time', '/faq/curfew-time'],
    ['/faq?topic=curfew&q=a%20b#top', '/faq?topic=curfew&q=a%20b#top'],
    ['/inbox/12', '/inbox/12'],
  ])('keeps the local path %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it.each([
    ['nothing', undefined],
    ['a tab a browser drops', '/\t/evil.example/'],
    ['an encoded tab', '/%09/evil.example/'],
    ['a doubly encoded tab', '/%2509/evil.example/'],
    ['a newline', '/\n/evil.example'],
    ['a leading space', ' //evil.example'],
    ['a protocol-relative address', '//evil.example'],
    ['an encoded protocol-relative address', '%2F%2Fevil.example'],
    ['a doubly encoded one', '/%252Fevil.example'],
    ['a backslash a browser reads as a slash', '/\\evil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'faq'],
    ['a NUL character', '/faq%00'],
    ['a C1 control character', '/\u0085/evil.example'],
    ['a malformed escape', '/faq%E0%A4%A'],
  ])('falls back to the console home for %s', (_what, next) => {
    expect(safeNext(next)).toBe(CONSOLE_HOME);
  });

  describe('on the login page', () => {
    let f: ConsoleFixture;
    beforeAll(async () => {
      f = await consoleFixture();
    });
    afterAll(() => f.close());

    it('sends /login?next=/%09/evil.example/ to the console home after the login', async () => {
      const page = await f.call('GET', '/login?next=/%09/evil.example/');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`data-next="${CONSOLE_HOME}"`);
      expect(page.body).not.toContain('evil.example');
    });
  });
});
