/**
 * Live propagation between processes: two bot processes on one SQLite data folder. The test
 * process runs the console and edits the curfew answer through the API; a separate child process
 * (tsx) answers residents and must use the new text within one second.
 */
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/console/passwords';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server';
import { faqInputOf } from '../../src/store/faq-content';
import { tempDir } from '../support/fixtures';
import { startOtherProcess, type OtherProcess } from '../support/other-process';
import { waitFor } from '../support/wait';

const QUESTION = 'What time does the curfew start?';

describe('live propagation between two bot processes', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: App;
  let server: ConsoleServer;
  let other: OtherProcess;
  afterAll(async () => {
    other?.stop();
    await server?.close();
    await app?.close();
    tmp?.cleanup();
  });

  it('an answer saved in the console is used by the other process within 1 s', async () => {
    tmp = tempDir('helpline-propagation-');
    const env = { DATA_DIR: tmp.dir, LOG_LEVEL: 'silent' };
    app = await createApp(loadConfig(env));
    await app.store.staff.create({ email: 'ed@x.kz', role: 'editor', passwordHash: await hashPassword('a long password', 4) });
    server = await createConsoleServer({ store: app.store, catalog: app.catalog, thresholds: app.config.thresholds, logger: app.logger, translator: app.translator }, { bcryptCost: 4 });
    const base = await server.listen(0);

    other = await startOtherProcess(env);
    expect(await other.ask(QUESTION)).toMatch(/23:00/);

    const login = await fetch(`${base}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ed@x.kz', password: 'a long password' }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const entry = await app.store.faq.get('curfew-hours');
    if (!entry) throw new Error('the demo FAQ has no curfew-hours entry');
    const newText = 'From 18 January the curfew runs from 21:00 to 07:00.';
    const content = faqInputOf(entry);
    const put = await fetch(`${base}/api/faq/curfew-hours`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ entry: { ...content, answer: { ...content.answer, en: newText } } }),
    });
    expect(put.status).toBe(200);
    const savedAt = Date.now();
    await waitFor(async () => (await other.ask(QUESTION)) === newText, 'the other process to answer with the new text', 1000);
    expect(Date.now() - savedAt).toBeLessThan(1000);
  });
});
