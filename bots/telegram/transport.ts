/**
 * How the Telegram channel's sender sends an outbox item through the driver's client: the envelope
 * rendered as HTML messages (split to fit, buttons on the last part, the quoted message and the
 * forum topic on the first), and what a refusal means — 429 waits, 5xx and a silent network retry,
 * 403 is a resident who blocked the bot, anything else a message Telegram will never take.
 */
import { open, type Envelope } from '../../src/delivery/envelope';
import type { OutboxTransport, SendFailure } from '../../src/delivery/outbox-sender';
import type { Logger } from '../../src/logging';
import { reason } from '../shared/errors';
import { PARSE_MODE } from './escape';
import type { SendPayload, TelegramApi } from './handler';
import { renderReplies } from './render';

/** The Bot API messages one envelope goes out as. */
export function telegramMessages(envelope: Envelope, log: Logger): SendPayload[] {
  return renderReplies([envelope.reply], log).map((message, i) => {
    const payload: SendPayload = { text: message.html, parse_mode: PARSE_MODE };
    if (message.keyboard) payload.reply_markup = message.keyboard;
    if (envelope.thread !== undefined) payload.message_thread_id = envelope.thread;
    // Only the first part quotes the resident's message; the rest follow it.
    if (i === 0 && envelope.replyTo !== undefined) payload.reply_parameters = { message_id: envelope.replyTo, allow_sending_without_reply: true };
    return payload;
  });
}

/** What a failed Bot API call means for the message. `unitMs`: milliseconds per second of retry_after (tests shrink it). */
export function classifyTelegramError(api: Pick<TelegramApi, 'retryAfterOf' | 'errorCodeOf'>, error: unknown, unitMs = 1000): SendFailure {
  const why = reason(error);
  const retryAfter = api.retryAfterOf(error);
  if (retryAfter !== undefined) return { kind: 'retry-after', ms: retryAfter * unitMs, reason: why };
  const code = api.errorCodeOf(error);
  if (code === undefined || code >= 500 || code === 429) return { kind: 'transient', reason: why };
  if (code === 403) return { kind: 'blocked', reason: why };
  return { kind: 'rejected', reason: why };
}

/** Private chat ids and group ids are numbers on the Bot API; anything else goes as it is (a @channel name). */
export function telegramChatId(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

export function telegramTransport(api: TelegramApi, log: Logger, unitMs = 1000): OutboxTransport<SendPayload> {
  return {
    render: (item) => telegramMessages(open(item.text), log),
    send: async (chatId, payload) => void (await api.sendMessage(telegramChatId(chatId), payload)),
    classify: (error) => classifyTelegramError(api, error, unitMs),
  };
}
