/** The connection's life on a fake client: login QR, session folder, failures, reconnects, logout, stop. */
import { open } from '../../../src/delivery/envelope';
import fs from 'node:fs';
import path from 'node:path';
import { QR_FILE, SESSION_DIR } from '../../../bots/whatsapp';
import type { FileStore } from '../../../src/store/types';
import { createRig, RESIDENT, startLinked, type Rig } from './helpers';
import { runUntil, settle } from './manual-timers';

describe('WhatsApp connection', () => {
  let rig: Rig;
  afterEach(() => rig.close());

  it('on the first start shows the login QR in the terminal and as a PNG, removed once linked', async () => {
    rig = await createRig();
    await rig.channel.start();
    const { setup } = rig.phone.client;
    expect(setup.session).toEqual({ kind: 'local', dataPath: path.join(rig.dir, SESSION_DIR) });
    expect(setup.executablePath).toBe(rig.app.config.whatsapp.executablePath);
    expect(rig.channel.status()).toMatchObject({ state: 'qr' });

    const png = path.join(rig.dir, QR_FILE);
    await runUntil(rig.timers, () => fs.existsSync(png) && rig.logs.some((l) => l.includes(png)), 'the QR PNG');
    expect(fs.readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    // qrcode-terminal's small mode draws with half blocks.
    expect(rig.qrText()).toMatch(/[▀▄█]/);

    rig.phone.client.scan();
    await runUntil(rig.timers, () => rig.channel.status().state === 'ready' && !fs.existsSync(png), 'ready, PNG removed');
  });

  it('rejects start with one clear message and reports "failed" when WhatsApp Web cannot load', async () => {
    rig = await createRig();
    rig.phone.initializeError = new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/');
    await expect(rig.channel.start()).rejects.toThrow(
      'WhatsApp Web could not be loaded (net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/): this machine must reach https://web.whatsapp.com',
    );
    expect(rig.channel.status()).toMatchObject({ state: 'failed', detail: expect.stringContaining('ERR_NAME_NOT_RESOLVED') });
    expect(rig.phone.client.destroyed).toBe(true);
  });

  it('gives up on a start that hangs, after the start timeout', async () => {
    rig = await createRig({ startTimeoutMs: 30_000 });
    rig.phone.initializeHangs = true;
    const started = rig.channel.start();
    const outcome = started.then(() => 'started', (error: Error) => error.message);
    await runUntil(rig.timers, () => rig.channel.status().state === 'failed', 'the start to fail');
    expect(await outcome).toMatch(/did not load within 30000 ms/);
    expect(rig.phone.client.destroyed).toBe(true);
  });

  it('reconnects after a dropped connection with growing, capped delays', async () => {
    rig = await createRig({ reconnect: { baseMs: 1000, maxMs: 4000 } });
    await startLinked(rig);
    rig.phone.initializeError = new Error('net::ERR_INTERNET_DISCONNECTED');
    const t0 = rig.timers.now();
    rig.phone.client.emit('disconnected', 'NAVIGATION');
    expect(rig.channel.status()).toMatchObject({ state: 'disconnected', detail: 'NAVIGATION' });

    // Attempts at +1 s, then +2 s, +4 s, +4 s (capped).
    const attemptsAt: number[] = [];
    const count = () => rig.phone.clients.length - 1;
    for (let n = 1; n <= 4; n++) {
      await runUntil(rig.timers, () => count() >= n, `reconnect attempt ${n}`);
      attemptsAt.push(rig.timers.now() - t0);
    }
    expect(attemptsAt).toEqual([1000, 3000, 7000, 11000]);
    await runUntil(rig.timers, () => rig.channel.status().state === 'disconnected', 'the fourth attempt to fail');
    expect(rig.channel.status().detail).toMatch(/ERR_INTERNET_DISCONNECTED/);

    // The network is back: the next attempt gets in with the saved session, and the queue flows again.
    rig.phone.initializeError = undefined;
    await rig.channel.send(RESIDENT, [{ text: 'back' }]);
    await runUntil(rig.timers, () => rig.channel.status().state === 'ready', 'ready again');
    expect(await rig.replies(RESIDENT, 1)).toEqual(['back']);
    expect(rig.phone.clients.slice(0, -1).every((c) => c.destroyed)).toBe(true);
  });

  it.each([
    ['disconnected', 'LOGOUT'],
    ['disconnected', 'UNPAIRED'],
    ['disconnected', 'CONFLICT'],
    ['auth_failure', 'Unable to log in. Are the session details valid?'],
  ] as const)('reports %s (%s) as logged out and does not reconnect', async (event, reason) => {
    rig = await createRig();
    await startLinked(rig);
    rig.phone.client.emit(event, reason);
    expect(rig.channel.status()).toMatchObject({ state: 'logged-out', detail: expect.stringContaining(reason) });
    await rig.channel.send(RESIDENT, [{ text: 'kept for later' }]);
    rig.timers.advance(600_000);
    await settle();
    expect(rig.phone.clients).toHaveLength(1);
    expect(rig.phone.client.destroyed).toBe(true);
    expect(rig.phone.sent).toEqual([]);
    expect(rig.logs.some((l) => l.includes('"level":50') && l.includes('WhatsApp session ended'))).toBe(true);
    expect((await rig.app.store.outbox.pending('whatsapp')).map((m) => open(m.text).reply.text)).toEqual(['kept for later']);
  });

  it('stops gracefully: answers a message in flight, takes no new ones, closes the browser', async () => {
    rig = await createRig();
    await startLinked(rig);
    rig.phone.write(RESIDENT, '/help');
    const client = rig.phone.client;
    await rig.channel.stop();
    client.emit('message', rig.phone.message(RESIDENT, '/menu'));
    await settle();
    await rig.app.engine.drain();
    // The /help reply was queued (durably) before stop resolved; /menu was never taken.
    const pending = await rig.app.store.outbox.pending('whatsapp');
    const answered = [...rig.phone.sentTo(RESIDENT), ...pending.map((m) => m.text)];
    expect(answered).toHaveLength(1);
    expect(client.destroyed).toBe(true);
    expect(rig.channel.status()).toMatchObject({ state: 'disconnected', detail: 'stopped' });
  });

  it("keeps the login in the store's files when the store has them, through no connection of its own", async () => {
    const files = new MemoryFiles();
    rig = await createRig({}, {}, { sessionFiles: files });
    await rig.channel.start();
    const { session } = rig.phone.client.setup;
    if (session.kind !== 'remote') throw new Error(`expected the remote session plan, got ${session.kind}`);
    expect(session.dataPath).toBe(path.join(rig.dir, SESSION_DIR));
    // RemoteAuth zips the profile into dataPath and asks the store to keep it; later starts get it back.
    fs.mkdirSync(session.dataPath, { recursive: true });
    fs.writeFileSync(path.join(session.dataPath, 'RemoteAuth.zip'), 'zipped profile');
    await session.store.save({ session: 'RemoteAuth' });
    expect(await session.store.sessionExists({ session: 'RemoteAuth' })).toBe(true);
    expect(files.saved.get('RemoteAuth')?.toString()).toBe('zipped profile');
    const restored = path.join(rig.dir, 'restored.zip');
    await session.store.extract({ session: 'RemoteAuth', path: restored });
    expect(fs.readFileSync(restored, 'utf8')).toBe('zipped profile');
  });

  it('names the saved login after WHATSAPP_CLIENT_ID, in the store and in the data folder', async () => {
    rig = await createRig({}, { WHATSAPP_CLIENT_ID: 'line-2' }, { sessionFiles: new MemoryFiles() });
    await rig.channel.start();
    expect(rig.phone.client.setup.session).toMatchObject({ kind: 'remote', clientId: 'line-2' });
    await rig.close();
    rig = await createRig({}, { WHATSAPP_CLIENT_ID: 'line-2' });
    await rig.channel.start();
    expect(rig.phone.client.setup.session).toEqual({ kind: 'local', dataPath: path.join(rig.dir, SESSION_DIR), clientId: 'line-2' });
  });
});

/** The store's files, in memory (what MongoDB keeps in GridFS). */
class MemoryFiles implements FileStore {
  readonly saved = new Map<string, Buffer>();
  async exists(name: string): Promise<boolean> {
    return this.saved.has(name);
  }
  async put(name: string, from: NodeJS.ReadableStream): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of from) chunks.push(Buffer.from(chunk));
    this.saved.set(name, Buffer.concat(chunks));
  }
  async get(name: string, to: NodeJS.WritableStream): Promise<void> {
    await new Promise<void>((resolve, reject) => to.end(this.saved.get(name) ?? Buffer.alloc(0), () => resolve()).on('error', reject));
  }
  async delete(name: string): Promise<void> {
    this.saved.delete(name);
  }
}
