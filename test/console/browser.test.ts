/**
 * The console in a real headless Chromium (Debian's, driven by playwright-core): log in, edit the
 * curfew answer, save, and the engine answers with the new text within one second. Leaves a
 * screenshot of the FAQ editor in test-artifacts/faq-editor.png. Every page visited is watched for
 * Content-Security-Policy violations: the console's script and styles must work under the policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { hashPassword } from '../../src/console/passwords';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server';
import { tempDir } from '../support/fixtures';
import { waitFor } from '../support/wait';
import { ARTIFACTS, chromiumPresent as present, launchChromium, watchedPage } from './browser-support';

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
    await app.store.staff.create({ email: 'admin@helpline.kz', role: 'admin', passwordHash: await hashPassword('a long password', 4) });
    server = await createConsoleServer(
      { store: app.store, catalog: app.catalog, thresholds: app.config.thresholds, logger: app.logger, translator: app.translator, desk: app.desk },
      { bcryptCost: 4 },
    );
    base = await server.listen(0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
    tmp?.cleanup();
  });

  it('logs in, edits the curfew answer, and the engine answers with the new text within 1 s', async () => {
    const { page, violations } = await watchedPage(browser);
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
    expect(violations).toEqual([]);
  });

  it('every page works under the Content-Security-Policy, and the policy does block inline script', async () => {
    const { page, violations } = await watchedPage(browser);
    await page.goto(`${base}/login?next=/%09/evil.example/`);
    await page.fill('input[name=email]', 'admin@helpline.kz');
    await page.fill('input[name=password]', 'a long password');
    // The doubtful "next" falls back to the console's home, the dashboard.
    await Promise.all([page.waitForURL(`${base}/`), page.click('form.login button')]);
    // The style sheet applies (it is a file, not inline).
    expect(await page.evaluate(`getComputedStyle(document.querySelector('header')).backgroundColor`)).toBe('rgb(18, 53, 91)');

    const ticket = await app.store.tickets.create({ channel: 'telegram', chatId: '1', lang: 'ru', question: 'Где пропуск?', reason: 'no-match', excerpt: [] });
    for (const pathname of ['/faq', '/faq/new', '/faq/curfew-hours', '/inbox', `/inbox/${ticket.id}`, '/unanswered', '/schedule', '/alerts', '/staff', '/audit']) {
      const res = await page.goto(`${base}${pathname}`);
      expect([pathname, res?.status()]).toEqual([pathname, 200]);
      expect([pathname, res?.headers()['content-security-policy']]).toEqual([pathname, expect.stringContaining("script-src 'self'")]);
    }

    // The import form sends the file's raw bytes through the script.
    await page.goto(`${base}/faq`);
    const yaml = `version: 1\nentries:\n  - id: imported-in-browser\n    topic: curfew\n    questions: { en: ["Imported?"] }\n    answer: { en: "Yes, as raw bytes." }\n`;
    await page.setInputFiles('input[type=file]', { name: 'faq.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/faq-file?format=yaml') && r.status() === 200),
      // The page reloads after a successful import.
      page.waitForEvent('load'),
      page.click('form[data-api="/api/faq-file"] button'),
    ]);
    expect((await app.store.faq.get('imported-in-browser'))?.answer.en).toBe('Yes, as raw bytes.');
    expect(violations).toEqual([]);

    // The watch is real: an inline script is refused by the policy and reported.
    const ran = await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.appendChild(script);
      return window.inlineRan === true;
    })()`);
    expect(ran).toBe(false);
    await waitFor(async () => violations.length > 0, 'the inline script to be reported');
    expect(violations.join('\n')).toMatch(/script-src/);
  });
});
