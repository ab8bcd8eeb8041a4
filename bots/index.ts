/**
 * The channels a process serves, chosen from the configuration: Telegram when a bot token is set,
 * WhatsApp when enabled. The terminal chat is added by `src/main.ts`.
 */
import type { App } from '../src/app';
import type { Channel } from '../src/engine/channel';
import { createTelegramChannel } from './telegram';

export function createChannels(app: App): Channel[] {
  const channels: Channel[] = [];
  if (app.config.telegram.token) channels.push(createTelegramChannel(app));
  if (app.config.whatsapp.enabled) {
    app.logger.warn('WHATSAPP_ENABLED is set, but the WhatsApp channel is not part of this build yet');
  }
  return channels;
}
