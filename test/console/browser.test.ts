/**
 * The console in a real headless Chromium (Debian's, driven by playwright-core): log in, edit the
 * curfew answer, save, and the engine answers with the new text within one second. Leaves a
 * screenshot of the FAQ editor in test-artifacts/faq-editor.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/console/passwords';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server';
import { tempDir } from '../support/fixtures';
import { waitFor } from '../support/wait';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const present = fs.existsSync(CHROMIUM);
const suite = present ? describe : describe.skip;

suite(present ? 'console in headless Chromium' : 'console in headless Chromium (skipped: /usr/bin/chromium is not installed)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: App;
  let server: ConsoleServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    tmp = tempDir('helpline-browser-');
    app = await createApp(loadConfig({ DATA_DIR: tmp.dir, LOG_LEVEL: 'silent' }));
    await app.store.staff.create({ email: 'editor@helpline.kz', role: 'editor', passwordHash: await hashPassword('a long password', 4) });
    server = await createConsoleServer({ store: app.store, catalog: app.catalog, thresholds: app.config.thresholds, logger: app.logger, translator: app.translator }, { bcryptCost: 4 });
    base = await server.listen(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
    tmp?.cleanup();
  });

  it('logs in, edits the curfew answer, and the engine answers with the new text within 1 s', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    await page.goto(`${base}/faq/curfew-hours`);
    // Not logged in: sent to the login page, and back to the entry afterwards.
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name=email]', 'editor@helpline.kz');
    await page.fill('input[name=password]', 'wrong password');
    await page.click('form.login button');
    await page.waitForSelector('output.result.error');
    expect(await page.textContent('output.result')).toContain('Wrong e-mail or password');
    await page.fill('input[name=password]', 'a long password');
    await Promise.all([page.waitForURL(`${base}/faq/curfew-hours`), page.click('form.login button')]);

    const newText = 'From 18 January the curfew runs from 21:00 to 07:00. <Stay home> & stay safe.';
    await page.fill('textarea[name="entry.answer.en"]', newText);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'faq-editor.png'), fullPage: true });

    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/faq/curfew-hours') && r.request().method() === 'PUT'),
      page.click('button.save'),
    ]);
    expect(saved.status()).toBe(200);
    const savedAt = Date.now();
    let chat = 0;
    await waitFor(
      async () => {
        const result = await app.engine.handle({ channel: 'probe', chatId: String(++chat), kind: 'text', text: 'What time does the curfew start?', langHint: 'en' });
        return result.replies[0]?.text === newText;
      },
      'the engine to answer with the new text',
      1000,
    );
    expect(Date.now() - savedAt).toBeLessThan(1000);

    // After the reload the page shows version 2, and the preview shows the new answer, escaped.
    await page.waitForSelector('text=Version 2');
    await page.fill('form[data-render=preview] input[name=text]', 'What time does the curfew start?');
    await page.click('form[data-render=preview] button');
    await page.waitForSelector('#preview-box .preview-answer');
    expect(await page.textContent('#preview-box .preview-answer')).toBe(newText);
    expect((await app.store.faq.get('curfew-hours'))?.updatedBy).toBe('editor@helpline.kz');
  });
});
