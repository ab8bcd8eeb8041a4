/**
 * The helpline as one middleware step, whatever the library: it reads the update, the client and
 * the bot's identity from the library's context, hands them to the shared handler, and calls the
 * next middleware only for updates the helpline leaves alone. Each driver adds one line of glue.
 *
 * Inside a centre's own bot there is no outbox of ours: a step answers within the update, through a
 * paced pipe of its own, and resolves when the replies are sent — so the host bot's polling
 * confirms the update only after it was answered. Updates delivered twice are recognised in memory.
 */
import type { ConversationEngine } from '../../src/engine/engine';
import type { Reply } from '../../src/engine/types';
import { FloodControl, type FloodOptions } from '../../src/delivery/flood-control';
import { RecentIds } from '../../src/delivery/recent-ids';
import { maskId, silentLogger, type Logger } from '../../src/logging';
import { safeError } from '../shared/errors';
import { UpdateHandler, type HandlerOptions, type TelegramApi, type TelegramSink } from './handler';
import type { BotIdentity, UpdateView } from './map-update';
import { telegramMessages } from './transport';

export type MiddlewareOptions = Omit<HandlerOptions, 'engine' | 'logger'> &
  Partial<Pick<HandlerOptions, 'logger'>> & {
    /** Outgoing pace (tests shrink it). */
    flood?: FloodOptions;
    /** How many recent update ids are remembered to drop duplicates. Default 1000. */
    dedupeSize?: number;
  };

/** What the step needs from a library's context. */
export interface ContextParts {
  update: UpdateView;
  api: TelegramApi;
  me: BotIdentity;
}

/**
 * A `(ctx, next)` step for a library whose context `read` understands.
 *
 * @example middlewareStep(engine, {}, (ctx: Context) => ({ update: ctx.update, api: grammyApi(ctx.api), me: botIdentity(ctx.me) }))
 */
export function middlewareStep<C>(
  engine: ConversationEngine,
  options: MiddlewareOptions,
  read: (ctx: C) => ContextParts,
): (ctx: C, next: () => Promise<void>) => Promise<void> {
  const logger = options.logger ?? silentLogger;
  const handler = new UpdateHandler({ ...options, engine, logger });
  const flood = new FloodControl(options.flood);
  const recent = new RecentIds(options.dedupeSize);
  return async (ctx, next) => {
    const { update, api, me } = read(ctx);
    if (recent.seen(update.update_id)) return;
    let outcome;
    try {
      outcome = await handler.handle(update, me, directSink(api, flood, logger));
    } catch {
      // Logged by the handler; the host bot's polling must not stop for one resident's update.
      return;
    }
    if (outcome === 'ignored') await next();
  };
}

/** Outgoing calls made at once, through the step's pace. */
function directSink(api: TelegramApi, flood: FloodControl, log: Logger): TelegramSink {
  return {
    answerCallback: async (id) => void (await flood.run(() => api.answerCallbackQuery(id), api.retryAfterOf)),
    removeKeyboard: async (chatId, messageId) => void (await flood.run(() => api.removeKeyboard(chatId, messageId), api.retryAfterOf)),
    async replies(chatId: number, replies: Reply[], replyTo: number | undefined) {
      const messages = replies.flatMap((reply, i) => telegramMessages({ reply, ...(i === 0 && replyTo !== undefined ? { replyTo } : {}) }, log));
      for (const [i, payload] of messages.entries()) {
        try {
          await flood.run(() => api.sendMessage(chatId, payload), api.retryAfterOf, String(chatId));
        } catch (error) {
          // A blocked bot or a deleted chat: the rest of the replies would fail the same way.
          log.warn({ err: safeError(error), chat: maskId(String(chatId)), part: i + 1, of: messages.length }, 'reply not delivered');
          return;
        }
      }
    },
  };
}
