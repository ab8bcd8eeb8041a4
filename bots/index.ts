/**
 * The channels a process serves, chosen from the configuration: Telegram when a bot token is set,
 * WhatsApp when enabled. The terminal chat is added by `src/main.ts`.
 */
import type { App } from '../src/app';
import type { Channel } from '../src/engine/channel';
import { createTelegramChannel } from './telegram';
import { createWhatsAppChannel } from './whatsapp';

export function createChannels(app: App): Channel[] {
  const channels: Channel[] = [];
  if (app.config.telegram.token) channels.push(createTelegramChannel(app));
  if (app.config.whatsapp.enabled) channels.push(createWhatsAppChannel(app));
  return channels;
}
