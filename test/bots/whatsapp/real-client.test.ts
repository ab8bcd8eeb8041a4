/**
 * The real whatsapp-web.js Client with Debian's Chromium, as far as this closed network lets it
 * go: the browser launches, loading https://web.whatsapp.com fails, and the channel must report
 * that at once and clearly — never hang — and leave no browser behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createWhatsAppChannel } from '../../../bots/whatsapp';
import { createApp } from '../../../src/app';
import { whatsappParts } from '../../../src/compose';
import { loadConfig } from '../../../src/config';
import { tempDir } from '../../support/fixtures';
import { waitFor } from '../../support/wait';

const CHROMIUM = '/usr/bin/chromium';
const exists = fs.existsSync(CHROMIUM);

/** Processes whose command line mentions `marker` (our temp folder: only our browser has it). */
function processesMentioning(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(path.join('/proc', entry, 'cmdline'), 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

const title = exists
  ? 'the real client launches Chromium, and a WhatsApp Web that cannot load fails start() cleanly and fast'
  : `the real client launches Chromium … (skipped: ${CHROMIUM} not installed; apt-get install -y chromium)`;

(exists ? test : test.skip)(
  title,
  async () => {
    const tmp = tempDir('helpline-whatsapp-real-');
    const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: tmp.dir, WHATSAPP_ENABLED: '1' }));
    const channel = createWhatsAppChannel(whatsappParts(app), { startTimeoutMs: 45_000 });
    let launched = false;
    // Watch for our browser while start() runs, to know Chromium really started.
    const watch = setInterval(() => {
      if (processesMentioning(tmp.dir).length > 0) launched = true;
    }, 50);
    try {
      const began = Date.now();
      const outcome = await channel.start().then(
        () => 'started',
        (error: Error) => error.message,
      );
      const took = Date.now() - began;
      clearInterval(watch);

      // No network here: either the name does not resolve or the connection is refused.
      expect(outcome).toMatch(/^WhatsApp Web could not be loaded \(net::ERR_[A-Z_]+ at https:\/\/web\.whatsapp\.com\/?\)/);
      expect(channel.status()).toMatchObject({ state: 'failed', detail: outcome });
      expect(launched).toBe(true);
      expect(took).toBeLessThan(45_000);
      // The browser was closed by the channel, not left running: its last helper processes (a
      // crash handler) may take a moment to follow the main one out, a left-over browser never does.
      await waitFor(() => processesMentioning(tmp.dir).length === 0, 'every browser process of ours to exit', 10_000);
    } finally {
      clearInterval(watch);
      await channel.stop();
      await app.close();
      for (const pid of processesMentioning(tmp.dir)) process.kill(pid, 'SIGKILL');
      tmp.cleanup();
    }
  },
  60_000,
);
