/**
 * WhatsApp message → the engine's IncomingMessage. Only what a resident wrote to us in a private
 * chat reaches the engine: groups, status updates, broadcast lists, channels (newsletters), our
 * own messages and WhatsApp's system notices are dropped here.
 */
import type { IncomingMessage, MessageKind } from '../../src/engine/types';
import type { WhatsAppMessage, WhatsAppReaction } from './client';

export const CHANNEL_NAME = 'whatsapp';

/** whatsapp-web.js message types a resident sends, and the engine's kind for each. */
const KINDS: Readonly<Record<string, MessageKind>> = {
  chat: 'text',
  image: 'photo',
  album: 'photo',
  video: 'video',
  audio: 'audio',
  ptt: 'voice',
  sticker: 'sticker',
  location: 'location',
  vcard: 'contact',
  multi_vcard: 'contact',
  document: 'document',
};

/**
 * Types that are not something the resident said: deleted messages, reactions, encryption and
 * group notices, call logs, messages not yet decrypted. Answering those would talk to nobody.
 */
const SYSTEM_TYPES = new Set([
  'revoked',
  'reaction',
  'protocol',
  'ciphertext',
  'e2e_notification',
  'notification',
  'notification_template',
  'group_notification',
  'gp2',
  'call_log',
  'broadcast_notification',
  'debug',
]);

/** Private chats: a phone number ('…@c.us') or WhatsApp's newer hidden-number id ('…@lid'). */
export function isPrivateChat(chatId: string): boolean {
  return /^[^@]+@(c\.us|lid)$/.test(chatId);
}

/** The engine message for a resident's message, or null when the channel must ignore it. */
export function toIncoming(message: WhatsAppMessage): IncomingMessage | null {
  if (message.fromMe || message.isStatus || message.broadcast) return null;
  if (!isPrivateChat(message.from)) return null;
  if (SYSTEM_TYPES.has(message.type)) return null;
  const kind = KINDS[message.type] ?? 'other';
  const incoming: IncomingMessage = { channel: CHANNEL_NAME, chatId: message.from, kind };
  // For media, body is the caption; the engine decides what a caption is worth.
  if (message.body) incoming.text = message.body;
  if (message.timestamp > 0) incoming.receivedAt = new Date(message.timestamp * 1000);
  return incoming;
}

/**
 * The engine message for a resident's reaction to one of the bot's messages in a private chat (the
 * engine takes a 👍 or 👎 as the answer to its open yes-or-no question), or null: our own
 * reactions, reactions to the resident's own messages, taken-back ones and those in groups.
 */
export function reactionToIncoming(reaction: WhatsAppReaction): IncomingMessage | null {
  if (reaction.id.fromMe || !reaction.msgId.fromMe || !reaction.reaction) return null;
  const chatId = reaction.msgId.remote;
  if (!isPrivateChat(chatId)) return null;
  const incoming: IncomingMessage = { channel: CHANNEL_NAME, chatId, kind: 'text', text: reaction.reaction, reaction: true };
  if (reaction.timestamp > 0) incoming.receivedAt = new Date(reaction.timestamp * 1000);
  return incoming;
}
