/**
 * What the browser tests share: Debian's Chromium driven by playwright-core (headless, without
 * the network chatter), pages that record Content-Security-Policy violations, and the folder the
 * screenshots go to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
export const chromiumPresent = fs.existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** A page (in a context of its own) that records every CSP violation it reports (event and console message). */
export async function watchedPage(browser: Browser, options: BrowserContextOptions = { viewport: { width: 1200, height: 1400 } }): Promise<{ page: Page; violations: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  // Page code as text: the test's TypeScript has no DOM types.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI + ' at ' + location.pathname));`,
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return { page, violations };
}

/** Saves a full-page screenshot as test-artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
