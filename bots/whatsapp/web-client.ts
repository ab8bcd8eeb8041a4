/**
 * The real client: whatsapp-web.js driving Debian's Chromium. It is an unofficial client of
 * WhatsApp Web; see README.md for the ban risk and the Cloud API alternative.
 */
import type { EventEmitter } from 'node:events';
import { Client, LocalAuth, RemoteAuth } from 'whatsapp-web.js';
import type { ClientFactory, ClientSetup, WhatsAppClient } from './client';

/**
 * Flags every launch gets: we run as root in a container (no sandbox), without a GPU, and the
 * background networking flags keep Chromium from flooding a closed network with refused requests.
 */
export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

/** whatsapp-web.js's auth strategy for the channel's session plan. */
export function authStrategy(setup: ClientSetup): LocalAuth | RemoteAuth {
  const { clientId, ...plan } = setup.session;
  const named = clientId ? { clientId } : {};
  if (plan.kind === 'local') return new LocalAuth({ dataPath: plan.dataPath, ...named });
  return new RemoteAuth({ store: plan.store, dataPath: plan.dataPath, backupSyncIntervalMs: plan.backupSyncIntervalMs, ...named });
}

/**
 * Builds a whatsapp-web.js Client for the channel.
 *
 * @example createWhatsAppChannel(parts, { createClient: createWebClient }) // the default
 */
export const createWebClient: ClientFactory = (setup) => {
  const client = new Client({
    authStrategy: authStrategy(setup),
    puppeteer: {
      executablePath: setup.executablePath,
      headless: true,
      args: [...BROWSER_ARGS, ...setup.browserArgs],
    },
  });
  // Client overloads `on` per event; its EventEmitter base takes the channel's typed listeners as they are.
  const events: EventEmitter = client;
  const wrapped: WhatsAppClient = {
    on: (event, listener) => events.on(event, listener),
    removeAllListeners: () => events.removeAllListeners(),
    initialize: () => client.initialize(),
    destroy: () => client.destroy(),
    sendMessage: (chatId, text) => client.sendMessage(chatId, text),
    getChats: () => client.getChats(),
  };
  return wrapped;
};
