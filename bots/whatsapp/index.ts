/**
 * The WhatsApp channel (whatsapp-web.js). See README.md in this folder for linking the number.
 */
import { WhatsAppChannel, type WhatsAppChannelOptions, type WhatsAppParts } from './channel';

// Commonly used
export { WhatsAppChannel, SESSION_DIR, type WhatsAppChannelOptions, type WhatsAppParts, type WhatsAppPacing } from './channel';
export type { WhatsAppState, WhatsAppStatus } from './status';
export { QR_FILE } from './login-qr';

// Advanced: other clients, tests, tools
export type { ClientEvents, ClientFactory, ClientSetup, RemoteSessionStore, SessionPlan, WhatsAppChat, WhatsAppClient, WhatsAppMessage, WhatsAppReaction } from './client';
export { createWebClient, BROWSER_ARGS } from './web-client';
export { SessionFiles } from './session-files';
export { toIncoming, reactionToIncoming, isPrivateChat, CHANNEL_NAME } from './map-message';
export { realTimers, type Timers } from '../../src/delivery/timers';

/**
 * The WhatsApp channel from its parts: Chromium at `whatsapp.executablePath`, session in
 * `<dataDir>/whatsapp-session` (or in the store's files when it keeps them: MongoDB), replies paced
 * at one a second per chat and `whatsapp.globalRatePerMin` overall.
 *
 * @example
 * const whatsapp = createWhatsAppChannel({ engine, logger, whatsapp: config.whatsapp, dataDir, inbox: store.inbox, outbox: store.outbox, sessionFiles: store.files });
 * await whatsapp.start(); // prints the login QR on the first run
 * whatsapp.status();      // { state: 'qr' | 'ready' | …, detail?, since }
 */
export function createWhatsAppChannel(parts: WhatsAppParts, options?: WhatsAppChannelOptions): WhatsAppChannel {
  return new WhatsAppChannel(parts, options);
}
