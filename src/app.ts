/**
 * Assembles the parts every process needs — store, FAQ catalog with its matcher, hand-off desk,
 * engine — from a validated Config. Channels are added on top by `src/main.ts`.
 */
import type { Config } from './config';
import { ConversationEngine } from './engine/engine';
import type { Channel } from './engine/channel';
import type { HandoffDesk } from './escalation';
import { OperatorDesk } from './escalation/operator-desk';
import { ReplyRelay } from './escalation/reply-relay';
import { FaqCatalog } from './faq/catalog';
import { createTranslator, type Translator } from './i18n';
import { silentLogger, type Logger } from './logging';
import { createMatcher } from './matcher';
import { openStore, seedFaqIfEmpty } from './store';
import type { Store } from './store/types';

/** How often a process checks the store for FAQ edits made elsewhere (console, another process). */
export const FAQ_REFRESH_MS = 500;

export interface App {
  config: Config;
  logger: Logger;
  store: Store;
  catalog: FaqCatalog;
  handoff: HandoffDesk;
  translator: Translator;
  engine: ConversationEngine;
  /** The running channels by name; `src/main.ts` registers them so operator replies can reach residents. */
  channels: Map<string, Pick<Channel, 'send'>>;
  /** Delivers operator replies (and the rating question) through the outbox. */
  relay: ReplyRelay;
  /** What operators do with tickets; the console inbox and the operator group share it. */
  desk: OperatorDesk;
  /** Stops the FAQ refresh, waits for messages in flight and closes the store. */
  close(): Promise<void>;
}

export async function createApp(
  config: Config,
  options: { logger?: Logger; clock?: () => Date } = {},
): Promise<App> {
  const logger = options.logger ?? silentLogger;
  const store = await openStore(config, logger);
  try {
    await seedFaqIfEmpty(store.faq, config.faqSeedFile, logger);
    const catalog = new FaqCatalog(createMatcher());
    await catalog.refresh(store.faq);
    logger.info({ store: store.description, entries: catalog.size }, 'FAQ loaded');

    const translator = createTranslator();
    const engine = new ConversationEngine({
      store,
      catalog,
      translator,
      thresholds: config.thresholds,
      defaultLang: config.defaultLang,
      clock: options.clock,
      logger,
      alertDistricts: config.alerts.districts,
    });

    const channels = new Map<string, Pick<Channel, 'send'>>();
    const relay = new ReplyRelay({
      store,
      channels: (name) => channels.get(name),
      channelNames: () => [...channels.keys()],
      clock: options.clock,
      logger,
    });
    const desk = new OperatorDesk({
      store,
      handoff: engine.handoff,
      relay,
      afterClose: (ticket) => engine.resumeAfterHandoff(ticket),
      clock: options.clock,
    });

    let refreshing = false;
    const timer = setInterval(() => {
      if (refreshing) return;
      refreshing = true;
      catalog
        .refresh(store.faq)
        .then((changed) => changed > 0 && logger.info({ changed, entries: catalog.size }, 'FAQ reloaded'))
        .catch((error: unknown) => logger.warn({ err: error }, 'FAQ reload failed; answering from the last good copy'))
        .finally(() => (refreshing = false));
    }, FAQ_REFRESH_MS);
    timer.unref();

    return {
      config,
      logger,
      store,
      catalog,
      handoff: engine.handoff,
      translator,
      engine,
      channels,
      relay,
      desk,
      async close() {
        clearInterval(timer);
        relay.stop();
        await engine.drain();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
