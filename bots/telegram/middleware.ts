/**
 * The helpline as one middleware step, whatever the library: it reads the update, the client and
 * the bot's identity from the library's context, hands them to the shared handler, and calls the
 * next middleware only for updates the helpline leaves alone. Each driver adds one line of glue.
 */
import type { ConversationEngine } from '../../src/engine/engine';
import { silentLogger } from '../../src/logging';
import { UpdateHandler, type HandlerOptions, type TelegramApi } from './handler';
import type { BotIdentity, UpdateView } from './map-update';

export type MiddlewareOptions = Omit<HandlerOptions, 'engine' | 'logger'> & Partial<Pick<HandlerOptions, 'logger'>>;

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
  const handler = new UpdateHandler({ ...options, engine, logger: options.logger ?? silentLogger });
  return async (ctx, next) => {
    const { update, api, me } = read(ctx);
    if ((await handler.handle(update, api, me)) === 'ignored') await next();
  };
}
