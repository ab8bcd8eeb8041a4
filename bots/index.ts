/**
 * The channels a process serves, chosen from the configuration: Telegram when a bot token is set,
 * WhatsApp when enabled. The terminal chat is added by `src/main.ts`.
 */
import type { App } from '../src/app';
import type { Channel } from '../src/engine/channel';
import { createTelegramChannel, DEFAULT_API_ROOT } from './telegram';
import { botApiGroupClient, OperatorGroup } from './telegram/operator-group';
import { createWhatsAppChannel } from './whatsapp';

export function createChannels(app: App): Channel[] {
  const channels: Channel[] = [];
  const { token, apiRoot } = app.config.telegram;
  const groupChat = app.config.operators.chatId;
  if (token && groupChat) {
    // The group's updates arrive through the same bot; the channel hands them to the group.
    const once = (marker: string) => app.store.leases.once(marker, new Date());
    const group = new OperatorGroup({ desk: app.desk, chatId: groupChat, api: botApiGroupClient(apiRoot ?? DEFAULT_API_ROOT, token), logger: app.logger, once });
    group.start();
    channels.push(createTelegramChannel(app, { intercept: group.intercept }));
  } else if (token) {
    channels.push(createTelegramChannel(app));
  }
  if (app.config.whatsapp.enabled) channels.push(createWhatsAppChannel(app));
  return channels;
}
