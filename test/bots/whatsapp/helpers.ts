/** A real app (engine + SQLite store in a temp folder) with the WhatsApp channel on a fake client. */
import fs from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { createWhatsAppChannel, type WhatsAppChannel, type WhatsAppChannelOptions, type WhatsAppParts } from '../../../bots/whatsapp';
import { createApp, type App } from '../../../src/app';
import { whatsappParts } from '../../../src/compose';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logging';
import { SqliteStore } from '../../../src/store/sqlite';
import { SMALL_FAQ, tempDir } from '../../support/fixtures';
import { FakeWhatsApp } from './fake-client';
import { ManualTimers, runUntil } from './manual-timers';

export const RESIDENT = '77011234567@c.us';
export const OTHER = '77017654321@c.us';

export interface Rig {
  dir: string;
  app: App;
  channel: WhatsAppChannel;
  phone: FakeWhatsApp;
  timers: ManualTimers;
  /** Everything logged so far (JSON lines), to check what never appears in logs. */
  logs: string[];
  /** What was printed where the QR goes. */
  qrText: () => string;
  /** Runs until `chatId` has received `count` messages in total; returns them. */
  replies(chatId: string, count: number): Promise<string[]>;
  /** Stops the channel and the app, then opens both again on the same folder and phone (a process restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function createRig(options: WhatsAppChannelOptions = {}, env: Record<string, string> = {}, overrides: Partial<WhatsAppParts> = {}): Promise<Rig> {
  const tmp = tempDir('helpline-whatsapp-');
  // The small test FAQ, written before the app opens, so the demo FAQ is not seeded.
  const seed = new SqliteStore(tmp.dir);
  await seed.faq.import(SMALL_FAQ, 'test');
  await seed.close();

  const timers = new ManualTimers();
  const phone = new FakeWhatsApp(timers);
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  let qr = '';
  const qrOutput = new PassThrough();
  qrOutput.on('data', (d: Buffer) => (qr += d.toString()));

  const open = async () => {
    const config = loadConfig({ LOG_LEVEL: 'debug', DATA_DIR: tmp.dir, WHATSAPP_ENABLED: '1', WHATSAPP_GLOBAL_RATE_PER_MIN: '600', ...env });
    const app = await createApp(config, { logger: createLogger('debug', logStream) });
    const channel = createWhatsAppChannel({ ...whatsappParts(app), ...overrides }, { createClient: phone.factory, timers, qrOutput, ...options });
    return { app, channel };
  };
  let parts = await open();

  const rig: Rig = {
    dir: tmp.dir,
    get app() {
      return parts.app;
    },
    get channel() {
      return parts.channel;
    },
    phone,
    timers,
    logs,
    qrText: () => qr,
    async replies(chatId, count) {
      await runUntil(timers, () => phone.sentTo(chatId).length >= count, `${count} messages to ${chatId}`);
      return phone.sentTo(chatId);
    },
    async restart() {
      await parts.channel.stop();
      await parts.app.close();
      parts = await open();
    },
    async close() {
      await parts.channel.stop();
      await parts.app.close();
      if (fs.existsSync(tmp.dir)) tmp.cleanup();
    },
  };
  return rig;
}

/** Starts the channel and links the number, as on a first run. */
export async function startLinked(rig: Rig): Promise<void> {
  await rig.channel.start();
  if (rig.channel.status().state === 'qr') rig.phone.client.scan();
  await runUntil(rig.timers, () => rig.channel.status().state === 'ready', 'the channel to be ready');
}
