/**
 * From a Telegram update to the engine's IncomingMessage, or a reason to ignore it. Written once
 * for both drivers: the view types below name only the fields we read, and both grammY's and
 * Telegraf's `Update` types fit them, so neither library's types leak into the other's driver.
 */
import type { IncomingMessage, MessageKind } from '../../src/engine/types';

export const CHANNEL_NAME = 'telegram';

export interface UserView {
  id: number;
  is_bot: boolean;
  username?: string;
  language_code?: string;
}

export interface ChatView {
  id: number;
  type: string;
}

export interface EntityView {
  type: string;
  offset: number;
  length: number;
  user?: { id: number };
}

export interface MessageView {
  message_id: number;
  chat: ChatView;
  from?: UserView;
  text?: string;
  caption?: string;
  entities?: readonly EntityView[];
  caption_entities?: readonly EntityView[];
  reply_to_message?: { from?: UserView; text?: string; forum_topic_created?: { name: string } };
  /** Set in forum groups: the topic the message belongs to. */
  message_thread_id?: number;
  photo?: unknown;
  video?: unknown;
  video_note?: unknown;
  animation?: unknown;
  voice?: unknown;
  audio?: unknown;
  sticker?: unknown;
  location?: unknown;
  venue?: unknown;
  contact?: unknown;
  document?: unknown;
}

export interface CallbackQueryView {
  id: string;
  from: UserView;
  data?: string;
  message?: { message_id: number; chat: ChatView };
}

/** A reaction as the Bot API types it: an emoji, or a custom emoji or paid star the bot cannot read. */
export interface ReactionTypeView {
  type: string;
  emoji?: string;
}

/** A user changed their reactions to a message (Bot API `MessageReactionUpdated`). */
export interface ReactionView {
  chat: ChatView;
  message_id: number;
  /** Absent when an anonymous group admin reacted. */
  user?: UserView;
  old_reaction: readonly ReactionTypeView[];
  new_reaction: readonly ReactionTypeView[];
}

export interface UpdateView {
  update_id: number;
  message?: MessageView;
  edited_message?: unknown;
  channel_post?: unknown;
  edited_channel_post?: unknown;
  callback_query?: CallbackQueryView;
  message_reaction?: ReactionView;
}

/**
 * The update types the helpline asks Telegram for (getUpdates' and setWebhook's `allowed_updates`).
 * Telegram's default leaves reactions out, and a 👍 on an answer is a resident's "it helped".
 */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'message_reaction'] as const;

/** Who the bot is, from getMe: needed to tell whether a group message addresses it. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** The identity part of getMe's answer (grammY's and Telegraf's `UserFromGetMe` both fit). */
export function botIdentity(me: { id: number; username: string }): BotIdentity {
  return { id: me.id, username: me.username };
}

export type Mapped =
  | {
      kind: 'message';
      message: IncomingMessage;
      chatId: number;
      /** Set in groups: the message the answer should quote, so the group sees who is answered. */
      replyTo?: number;
      /** Set for a button press: answer it, and the message whose keyboard was pressed. */
      callback?: { id: string; messageId?: number };
    }
  /** A callback query we cannot route (no data, or an inline message): only answer it. */
  | { kind: 'answer-only'; callbackId: string; reason: string }
  | { kind: 'ignore'; reason: string };

/**
 * Maps one update.
 *
 * @example mapUpdate({ update_id: 1, message: { message_id: 5, chat: { id: 42, type: 'private' }, text: 'hi' } }, me)
 * // { kind: 'message', chatId: 42, message: { channel: 'telegram', chatId: '42', kind: 'text', text: 'hi' } }
 */
export function mapUpdate(update: UpdateView, me: BotIdentity): Mapped {
  if (update.callback_query) return mapCallback(update.callback_query);
  if (update.message) return mapMessage(update.message, me);
  if (update.message_reaction) return mapReaction(update.message_reaction);
  if (update.edited_message) return { kind: 'ignore', reason: 'edited message' };
  if (update.channel_post || update.edited_channel_post) return { kind: 'ignore', reason: 'channel post' };
  return { kind: 'ignore', reason: 'update type not handled' };
}

function mapCallback(query: CallbackQueryView): Mapped {
  // Buttons on inline-mode messages carry no chat; the helpline never sends those.
  if (!query.message) return { kind: 'answer-only', callbackId: query.id, reason: 'callback without a message' };
  if (query.data === undefined) return { kind: 'answer-only', callbackId: query.id, reason: 'callback without data' };
  const chat = query.message.chat;
  return {
    kind: 'message',
    chatId: chat.id,
    message: withSender(
      { channel: CHANNEL_NAME, chatId: String(chat.id), kind: 'text', choiceId: query.data },
      query.from,
    ),
    callback: { id: query.id, messageId: query.message.message_id },
  };
}

/**
 * A resident's reaction in a private chat, as the emoji just set (the engine takes a 👍 or 👎 as
 * the answer to its open yes-or-no question); reactions taken back, custom emoji and reactions in
 * groups are ignored.
 */
function mapReaction(reaction: ReactionView): Mapped {
  if (reaction.chat.type !== 'private') return { kind: 'ignore', reason: 'reaction outside a private chat' };
  if (!reaction.user || reaction.user.is_bot) return { kind: 'ignore', reason: 'reaction not from a resident' };
  const before = new Set(reaction.old_reaction.map((r) => r.emoji));
  const added = reaction.new_reaction.find((r) => r.type === 'emoji' && r.emoji && !before.has(r.emoji));
  if (!added?.emoji) return { kind: 'ignore', reason: 'no emoji reaction set' };
  return {
    kind: 'message',
    chatId: reaction.chat.id,
    message: withSender({ channel: CHANNEL_NAME, chatId: String(reaction.chat.id), kind: 'text', text: added.emoji, reaction: true }, reaction.user),
  };
}

function mapMessage(msg: MessageView, me: BotIdentity): Mapped {
  const group = msg.chat.type === 'group' || msg.chat.type === 'supergroup';
  if (msg.chat.type === 'channel') return { kind: 'ignore', reason: 'channel post' };
  if (msg.from?.is_bot) return { kind: 'ignore', reason: 'message from a bot' };
  let text = msg.text ?? msg.caption;
  if (group) {
    const entities = (msg.text !== undefined ? msg.entities : msg.caption_entities) ?? [];
    const addressed = mentions(text ?? '', entities, me) || msg.reply_to_message?.from?.id === me.id;
    if (!addressed) return { kind: 'ignore', reason: 'group message not addressed to the bot' };
    // "@helpline_bot when is the curfew?" is a question about the curfew, not about the bot.
    if (text !== undefined) text = stripMention(text, me.username);
  }
  const message: IncomingMessage = { channel: CHANNEL_NAME, chatId: String(msg.chat.id), kind: kindOf(msg) };
  if (text !== undefined) message.text = text;
  return {
    kind: 'message',
    chatId: msg.chat.id,
    message: withSender(message, msg.from),
    ...(group ? { replyTo: msg.message_id } : {}),
  };
}

function withSender(message: IncomingMessage, from: UserView | undefined): IncomingMessage {
  if (from) message.userId = String(from.id);
  if (from?.language_code) message.langHint = from.language_code;
  return message;
}

function kindOf(msg: MessageView): MessageKind {
  if (msg.text !== undefined) return 'text';
  if (msg.photo !== undefined) return 'photo';
  if (msg.voice !== undefined) return 'voice';
  if (msg.audio !== undefined) return 'audio';
  if (msg.video !== undefined || msg.video_note !== undefined || msg.animation !== undefined) return 'video';
  if (msg.sticker !== undefined) return 'sticker';
  if (msg.location !== undefined || msg.venue !== undefined) return 'location';
  if (msg.contact !== undefined) return 'contact';
  if (msg.document !== undefined) return 'document';
  return 'other';
}

/** A /command@bot, an @bot mention, or a text mention of the bot's account. */
function mentions(text: string, entities: readonly EntityView[], me: BotIdentity): boolean {
  const handle = `@${me.username}`.toLowerCase();
  return entities.some((e) => {
    const part = text.slice(e.offset, e.offset + e.length).toLowerCase();
    if (e.type === 'mention') return part === handle;
    if (e.type === 'bot_command') return part.endsWith(handle);
    if (e.type === 'text_mention') return e.user?.id === me.id;
    return false;
  });
}

function stripMention(text: string, username: string): string {
  const escaped = username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Keep "/menu@bot" whole: the engine recognises that form of a command itself.
  return text.replace(new RegExp(`(^|[^/\\w])@${escaped}\\b`, 'gi'), '$1').replace(/\s+/g, ' ').trim();
}
