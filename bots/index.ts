/**
 * The channels a process serves, chosen from the configuration. Telegram and WhatsApp join
 * here when their tokens or flags are set; the terminal chat is added by `src/main.ts`.
 */
import type { App } from '../src/app';
import type { Channel } from '../src/engine/channel';

export function createChannels(app: App): Channel[] {
  const channels: Channel[] = [];
  if (app.config.telegram.token) {
    app.logger.warn('TELEGRAM_BOT_TOKEN is set, but the Telegram channel is not part of this build yet');
  }
  if (app.config.whatsapp.enabled) {
    app.logger.warn('WHATSAPP_ENABLED is set, but the WhatsApp channel is not part of this build yet');
  }
  return channels;
}
