/**
 * Alerts over Telegram, through the token's one pipe (`TelegramChannel`): each send takes a global
 * slot only when replies to residents leave one free, waits its chat's second like any message,
 * and a 429 holds the whole pipe for its `retry_after`. On top, alerts keep their own ceiling
 * (ALERT_TELEGRAM_PER_SECOND), so a fan-out never takes the whole of Telegram's ~30/s even when
 * nobody is asking anything. The alert job is durable per recipient (`src/alerts/sender.ts`): it is
 * the alerts' outbox, marked after each send.
 */
import type { AlertTransport, DeliveryOutcome } from '../../src/alerts/sender';
import { FloodAborted, FloodControl, type FloodOptions } from '../../src/delivery/flood-control';
import { reason } from '../shared/errors';
import { escapeHtml, PARSE_MODE } from './escape';
import type { TelegramApi } from './handler';
import { classifyTelegramError, telegramChatId } from './transport';

/** The token's pipe: its client and its pace (a running `TelegramChannel` is one). */
export interface TelegramPipe {
  readonly api: TelegramApi;
  readonly sender: { readonly flood: FloodControl };
}

export interface TelegramAlertOptions {
  pipe: TelegramPipe;
  /** Alert messages per second at most (ALERT_TELEGRAM_PER_SECOND). */
  perSecond: number;
  /** The ceiling's clock (tests). */
  clock?: Pick<FloodOptions, 'sleep' | 'now'>;
}

/**
 * Sends are spaced 3 % wider than the rate asks: Telegram counts arrivals on its own clock, and a
 * send delayed by a few milliseconds followed by one on time would otherwise put one message too
 * many into some one-second window.
 */
const PACING_MARGIN = 0.97;

const noRetryAfter = (): undefined => undefined;

export function telegramAlertTransport(options: TelegramAlertOptions): AlertTransport {
  const ceiling = new FloodControl({ ...options.clock, globalPerSecond: options.perSecond * PACING_MARGIN });
  const { api, sender } = options.pipe;
  return {
    async deliver(chatId, text): Promise<DeliveryOutcome> {
      // Plain text as staff wrote it: escaped for HTML, nothing in it is markup.
      const payload = { text: escapeHtml(text), parse_mode: PARSE_MODE };
      const send = () => sender.flood.run(() => api.sendMessage(telegramChatId(chatId), payload), api.retryAfterOf, chatId, 'low');
      try {
        await ceiling.run(send, noRetryAfter);
        return { status: 'sent' };
      } catch (error) {
        // The channel stopped: the rest stays pending for the next run.
        if (error instanceof FloodAborted) return { status: 'retry', reason: error.message };
        const failure = classifyTelegramError(api, error);
        if (failure.kind === 'blocked') return { status: 'blocked', reason: reason(error) };
        if (failure.kind === 'rejected') return { status: 'failed', reason: reason(error) };
        // 429 beyond the retries, 5xx, Telegram unreachable: keep the rest pending for the next run.
        return { status: 'retry', reason: reason(error) };
      }
    },
  };
}
