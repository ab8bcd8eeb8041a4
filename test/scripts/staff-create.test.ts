import { verifyPassword } from '../../src/console/passwords';
import { SqliteStore } from '../../src/store/sqlite';
import { tempDir } from '../support/fixtures';
import { runTs } from '../support/run-ts';

const run = (args: string[], dataDir: string, stdin: string) =>
  runTs('scripts/staff-create.ts', args, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, stdin);

describe('npm run staff:create', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('creates an account with the piped password as a bcrypt hash; refuses a second one with that e-mail', async () => {
    const first = await run(['--email', 'Ada@Helpline.kz', '--role', 'admin'], tmp.dir, 'a long enough password\n');
    expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/Created admin account ada@helpline\.kz/) });
    const again = await run(['--email', 'ada@helpline.kz', '--role', 'editor'], tmp.dir, 'another long password\n');
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/exists already/) });
    const store = new SqliteStore(tmp.dir);
    try {
      const account = await store.staff.get('ada@helpline.kz');
      expect(account).toMatchObject({ role: 'admin', disabled: false });
      expect(account?.passwordHash).toMatch(/^\$2[aby]\$12\$/);
      expect(await verifyPassword('a long enough password', account?.passwordHash ?? '')).toBe(true);
      expect((await store.audit.list())[0]).toMatchObject({ action: 'staff.create', target: 'ada@helpline.kz' });
    } finally {
      await store.close();
    }
  });

  it('refuses a bad role (usage, 2) and a short or overlong password (1), creating nothing', async () => {
    const [badRole, shortPassword, longPassword] = await Promise.all([
      run(['--email', 'a@x.kz', '--role', 'chief'], tmp.dir, 'a long enough password\n'),
      run(['--email', 'b@x.kz', '--role', 'editor'], tmp.dir, 'short\n'),
      run(['--email', 'c@x.kz', '--role', 'editor'], tmp.dir, `${'p'.repeat(201)}\n`),
    ]);
    expect(badRole).toMatchObject({ code: 2, stderr: expect.stringMatching(/--role must be one of admin, editor, operator/) });
    expect(shortPassword).toMatchObject({ code: 1, stderr: expect.stringMatching(/at least 10 characters/) });
    expect(longPassword).toMatchObject({ code: 1, stderr: expect.stringMatching(/at most 200 characters/) });
    const store = new SqliteStore(tmp.dir);
    expect(await store.staff.list()).toEqual([]);
    await store.close();
  });
});
