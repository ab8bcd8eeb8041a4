/**
 * Ticket events between processes: two bot processes on one SQLite data folder. The test process
 * runs an app with the console; a child process (tsx) answers residents. A ticket the child opens
 * must appear, live, in the event stream of the test process's inbox.
 */
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/console/passwords';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server';
import { tempDir } from '../support/fixtures';
import { startOtherProcess, type OtherProcess } from '../support/other-process';
import { waitFor } from '../support/wait';

describe('ticket events across processes', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: App;
  let server: ConsoleServer;
  let other: OtherProcess;
  const abort = new AbortController();
  afterAll(async () => {
    abort.abort();
    other?.stop();
    await server?.close();
    await app?.close();
    tmp?.cleanup();
  });

  it("a ticket opened in one process appears in the other process's inbox stream", async () => {
    tmp = tempDir('helpline-events-');
    const env = { DATA_DIR: tmp.dir, LOG_LEVEL: 'silent' };
    app = await createApp(loadConfig(env));
    await app.store.staff.create({ email: 'op@x.kz', role: 'operator', passwordHash: await hashPassword('a long password', 4) });
    const deps = { store: app.store, catalog: app.catalog, thresholds: app.config.thresholds, logger: app.logger, translator: app.translator, desk: app.desk };
    server = await createConsoleServer(deps, { bcryptCost: 4 });
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
    other = await startOtherProcess(env);
    const answer = await other.ask('/operator');
    const [ticket] = await app.store.tickets.list();
    expect(ticket).toBeDefined();
    expect(answer).toContain(ticket.id);
    await waitFor(() => seen.includes(`event: opened\ndata: {"kind":"opened","ticketId":"${ticket.id}","status":"queued"}`), 'the opened event in the inbox stream', 5000);
  });
});
