/**
 * Ticket events between processes: two bot processes on one SQLite data folder. The test process
 * runs an app with the console; a child process (tsx) answers residents. A ticket the child opens
 * must appear, live, in the event stream of the test process's inbox.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/console/passwords';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server';
import { tempDir } from '../support/fixtures';
import { ROOT } from '../support/run-ts';
import { waitFor } from '../support/wait';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

describe('ticket events across processes', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: App;
  let server: ConsoleServer;
  let child: ChildProcessWithoutNullStreams;
  const abort = new AbortController();
  afterAll(async () => {
    abort.abort();
    child?.stdin.end();
    child?.kill();
    await server?.close();
    await app?.close();
    tmp?.cleanup();
  });

  it("a ticket opened in one process appears in the other process's inbox stream", async () => {
    tmp = tempDir('helpline-events-');
    const env = { DATA_DIR: tmp.dir, LOG_LEVEL: 'silent' };
    app = await createApp(loadConfig(env));
    await app.store.staff.create({ email: 'op@x.kz', role: 'operator', passwordHash: await hashPassword('a long password', 4) });
    server = await createConsoleServer(
      { store: app.store, catalog: app.catalog, thresholds: app.config.thresholds, logger: app.logger, translator: app.translator, desk: app.desk },
      { bcryptCost: 4 },
    );
    const base = await server.listen(0);
    const login = await fetch(`${base}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'op@x.kz', password: 'a long password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const stream = await fetch(`${base}/api/tickets/events`, { headers: { cookie }, signal: abort.signal });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let seen = '';
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        seen += decoder.decode(value, { stream: true });
      }
    })();

    // The other process: the same data folder, its own store connection and event feed follower.
    child = spawn(TSX, [path.join('test', 'support', 'answer-process.ts')], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines: string[] = [];
    readline.createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`the answering process exited: ${stderr}`);
        return lines[0] === 'ready';
      },
      'the other process to start',
      20_000,
    );

    child.stdin.write('/operator\n');
    const answer = await waitFor(() => lines[1], 'the other process to answer', 10_000);
    const [ticket] = await app.store.tickets.list();
    expect(ticket).toBeDefined();
    expect((JSON.parse(answer) as { text: string }).text).toContain(ticket.id);
    await waitFor(() => seen.includes(`event: opened\ndata: {"kind":"opened","ticketId":"${ticket.id}","status":"queued"}`), 'the opened event in the inbox stream', 5000);
  });
});
