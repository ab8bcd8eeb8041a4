import path from 'node:path';
import { tempDir } from './support/fixtures';
import { closedPort } from './support/net';
import { runTs } from './support/run-ts';

/**
 * Runs `src/main.ts` as `npm start` would (it runs the same file's build from dist/), with piped
 * (non-terminal) standard streams.
 */
const runMain = (args: string[], env: NodeJS.ProcessEnv, stdin: string) => runTs('src/main.ts', args, env, stdin);

describe('npm start', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  test('with no channel and no terminal it says so and exits non-zero', async () => {
    const { code, stderr } = await runMain([], { DATA_DIR: tmp.dir }, '');
    expect(code).toBe(1);
    expect(stderr).toMatch(/No channel configured and no terminal attached/);
  });

  test('a bad environment is reported in one clear message', async () => {
    const { code, stderr } = await runMain([], { DATA_DIR: tmp.dir, TELEGRAM_DRIVER: 'nope' }, '');
    expect(code).toBe(2);
    expect(stderr).toMatch(/TELEGRAM_DRIVER/);
  });

  test('a channel that cannot start is reported in one line, and the process exits', async () => {
    const port = await closedPort();
    const { code, stderr } = await runMain(
      [],
      { DATA_DIR: tmp.dir, TELEGRAM_BOT_TOKEN: '123456:ABCdefGhIJKlmnoPQRstuVWXyz_12345', TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` },
      '',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot start: .*127\.0\.0\.1/);
    expect(stderr).not.toContain('ABCdefGhIJKlmnoPQRstuVWXyz_12345');
  });

  test('--chat seeds the demo FAQ into a fresh data folder and answers', async () => {
    const { code, stdout } = await runMain(['--chat'], { DATA_DIR: tmp.dir }, '/start\nкогда начинается комендантский час?\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(/109/);
    expect(stdout).toMatch(/23:00/);
  });

  test('logs a promise rejection nobody handled (a library background task), masked, and keeps running', async () => {
    const preload = path.join(__dirname, 'support', 'stray-rejection.cjs');
    const { code, stdout, stderr } = await runMain(['--chat'], { DATA_DIR: tmp.dir, NODE_OPTIONS: `--require ${preload}` }, '/start\nкогда начинается комендантский час?\n');
    expect(stderr).toMatch(/a promise rejection nobody handled/);
    expect(stderr).toContain('770•••••567@c.us');
    expect(stderr).not.toContain('77011234567');
    expect(code).toBe(0);
    expect(stdout).toMatch(/23:00/);
  });
});
