/** The session plan as whatsapp-web.js's auth strategies receive it. */
import { LocalAuth, RemoteAuth } from 'whatsapp-web.js';
import { authStrategy } from '../../../bots/whatsapp/web-client';
import type { RemoteSessionStore } from '../../../bots/whatsapp';

const store: RemoteSessionStore = {
  sessionExists: async () => false,
  save: async () => undefined,
  extract: async () => undefined,
  delete: async () => undefined,
};
const setup = (session: Parameters<typeof authStrategy>[0]['session']) => ({ session, executablePath: '/usr/bin/chromium', browserArgs: [] });

describe('authStrategy', () => {
  it('names the session after the clientId, locally and in the store', () => {
    const remote = authStrategy(setup({ kind: 'remote', dataPath: '/tmp/s', store, backupSyncIntervalMs: 60_000, clientId: 'line-2' }));
    expect(remote).toBeInstanceOf(RemoteAuth);
    expect(remote.clientId).toBe('line-2');
    const local = authStrategy(setup({ kind: 'local', dataPath: '/tmp/s', clientId: 'line-2' }));
    expect(local).toBeInstanceOf(LocalAuth);
    expect(local.clientId).toBe('line-2');
  });

  it('keeps the unnamed session when no clientId is set', () => {
    expect(authStrategy(setup({ kind: 'remote', dataPath: '/tmp/s', store, backupSyncIntervalMs: 60_000 })).clientId).toBeUndefined();
    expect(authStrategy(setup({ kind: 'local', dataPath: '/tmp/s' })).clientId).toBeUndefined();
  });
});
