import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './support/fixtures';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs `src/main.ts` as `npm start` would, with piped (non-terminal) standard streams. */
function runMain(args: string[], env: NodeJS.ProcessEnv, stdin: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(TSX, ['src/main.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
});
