/**
 * Alerts over the Telegram Bot API: plain sendMessage calls paced by the shared flood control.
 * The pacing is global only (no chat key): an alert sends one message per chat, and a 429 during a
 * fan-out is Telegram saying "the bot as a whole is too fast", so every following send waits out
 * the `retry_after`, not just the one chat's.
 */
import type { AlertTransport, DeliveryOutcome } from '../../src/alerts/sender';
import { FloodControl, type FloodOptions } from '../shared/flood';

interface BotApiReply {
  ok: boolean;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/** A refused call, carrying what the flood control and the classification need. */
class BotApiError extends Error {
  constructor(
    readonly code: number,
    description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

const retryAfterOf = (error: unknown) => (error instanceof BotApiError && error.code === 429 ? error.retryAfter : undefined);

export interface TelegramAlertOptions {
  apiRoot: string;
  token: string;
  /** Messages per second across all chats (ALERT_TELEGRAM_PER_SECOND). */
  perSecond: number;
  /** Further flood settings (tests shrink retry_after units). */
  flood?: Omit<FloodOptions, 'globalPerSecond'>;
}

/**
 * Sends are spaced 3 % wider than the rate asks: Telegram counts arrivals on its own clock, and a
 * send delayed by a few milliseconds followed by one on time would otherwise put one message too
 * many into some one-second window.
 */
const PACING_MARGIN = 0.97;

export function telegramAlertTransport(options: TelegramAlertOptions): AlertTransport {
  const flood = new FloodControl({ maxRetries: 5, ...options.flood, globalPerSecond: options.perSecond * PACING_MARGIN });
  const url = `${options.apiRoot}/bot${options.token}/sendMessage`;

  const post = async (chatId: string, text: string): Promise<void> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Plain text, no parse mode: staff write alerts as text and nothing in them needs escaping.
      body: JSON.stringify({ chat_id: chatId, text }),
    });
    const body = (await res.json()) as BotApiReply;
    if (!body.ok) throw new BotApiError(body.error_code ?? res.status, body.description ?? `HTTP ${res.status}`, body.parameters?.retry_after);
  };

  return {
    async deliver(chatId, text): Promise<DeliveryOutcome> {
      try {
        await flood.run(() => post(chatId, text), retryAfterOf);
        return { status: 'sent' };
      } catch (error) {
        if (!(error instanceof BotApiError)) {
          // fetch itself failed: Telegram unreachable. Keep the rest pending for the next run.
          return { status: 'retry', reason: error instanceof Error ? error.message : String(error) };
        }
        // 403: the resident blocked the bot or deleted the account; retrying cannot help.
        if (error.code === 403) return { status: 'blocked', reason: error.message };
        if (error.code === 429 || error.code >= 500) return { status: 'retry', reason: error.message };
        return { status: 'failed', reason: error.message };
      }
    },
  };
}
