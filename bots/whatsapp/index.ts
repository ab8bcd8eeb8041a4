/**
 * The WhatsApp channel (whatsapp-web.js). See README.md in this folder for linking the number.
 */
import type { App } from '../../src/app';
import { WhatsAppChannel, type WhatsAppChannelOptions } from './channel';

// Commonly used
export { WhatsAppChannel, SESSION_DIR, type WhatsAppChannelOptions } from './channel';
export type { WhatsAppState, WhatsAppStatus } from './status';
export { QR_FILE } from './login-qr';

// Advanced: other clients, tests, tools
export type { ClientEvents, ClientFactory, ClientSetup, RemoteSessionStore, SessionPlan, WhatsAppClient, WhatsAppMessage } from './client';
export { createWebClient, BROWSER_ARGS } from './web-client';
export { MongoSessionStore, SESSION_BUCKET } from './mongo-session-store';
export { toIncoming, isPrivateChat, CHANNEL_NAME } from './map-message';
export { OutboxSender, type OutboxSenderOptions } from './outbox-sender';
export { realTimers, type Timers } from './timers';

/**
 * The WhatsApp channel for an app: Chromium at `config.whatsapp.executablePath`, session in
 * `<dataDir>/whatsapp-session` (or MongoDB when MONGODB_URI is set), replies paced at one a second
 * per chat and `config.whatsapp.globalRatePerMin` overall.
 *
 * @example
 * const whatsapp = createWhatsAppChannel(app);
 * await whatsapp.start(); // prints the login QR on the first run
 * whatsapp.status();      // { state: 'qr' | 'ready' | …, detail?, since }
 */
export function createWhatsAppChannel(app: App, options?: WhatsAppChannelOptions): WhatsAppChannel {
  return new WhatsAppChannel(app, options);
}
