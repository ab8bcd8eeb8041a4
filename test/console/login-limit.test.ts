/**
 * The login limit holds under parallel attempts: an attempt is counted when it arrives, before its
 * password is compared, so a burst of guesses cannot all be checked while the slow hashes run.
 */
import { hashPassword } from '../../src/console/passwords';
import { consoleFixture, PASSWORD, type ConsoleFixture } from './helpers';

const MAX = 3;
const EMAIL = 'slow@helpline.kz';
/** A real cost, so that each comparison takes long enough for the burst to overlap it. */
const COST = 10;

describe('login limit under parallel attempts', () => {
  let f: ConsoleFixture;
  beforeEach(async () => {
    f = await consoleFixture({ loginMaxFailures: MAX });
    await f.store.staff.create({ email: EMAIL, role: 'editor', passwordHash: await hashPassword(PASSWORD, COST) });
  });
  afterEach(() => f.close());

  const login = (password: string) => f.call('POST', '/api/login', { body: { email: EMAIL, password } });

  it(`40 parallel wrong passwords: ${MAX} are checked (401), the other 37 get 429 without a check`, async () => {
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`wrong password ${i}`)));
    const codes = replies.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(MAX);
    expect(codes.filter((c) => c === 429)).toHaveLength(40 - MAX);
    expect(replies.find((r) => r.statusCode === 429)?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    // Only the checked attempts are in the audit log as failures.
    expect((await f.store.audit.list()).filter((r) => r.action === 'login.failure')).toHaveLength(MAX);
  });

  it('a correct password in a burst of 30 wrong ones, with the limit all but used, is refused', async () => {
    for (let i = 0; i < MAX - 1; i++) expect((await login(`wrong password ${i}`)).statusCode).toBe(401);
    // One attempt is left; the correct password is sent last of 31 parallel requests.
    const wrong = Array.from({ length: 30 }, (_, i) => login(`another wrong password ${i}`));
    const right = login(PASSWORD);
    const codes = (await Promise.all(wrong)).map((r) => r.statusCode);
    const rightCode = (await right).statusCode;
    // Whatever the order of arrival, exactly one of the 31 was checked: the limit held.
    expect([...codes, rightCode].filter((c) => c !== 429)).toHaveLength(1);
    expect(rightCode).toBe(429);
    expect(codes.filter((c) => c === 401)).toHaveLength(1);
  });

  it('a successful login gives its attempt back: logins in parallel with the right password all succeed', async () => {
    const replies = await Promise.all(Array.from({ length: MAX }, () => login(PASSWORD)));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(MAX).fill(200));
    expect((await login(PASSWORD)).statusCode).toBe(200);
    expect((await login('wrong password')).statusCode).toBe(401);
  });
});
