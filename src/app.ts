/**
 * Assembles the parts every process needs — store, FAQ catalog with its matcher, hand-off desk,
 * engine — from a validated Config. Channels are added on top by `src/main.ts`.
 */
import type { Config } from './config';
import { ConversationEngine } from './engine/engine';
import type { HandoffDesk } from './escalation';
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
    await seedFaqIfEmpty(store, config.faqSeedFile, logger);
    const catalog = new FaqCatalog(createMatcher());
    await catalog.refresh(store);
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
    });

    let refreshing = false;
    const timer = setInterval(() => {
      if (refreshing) return;
      refreshing = true;
      catalog
        .refresh(store)
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
      async close() {
        clearInterval(timer);
        await engine.drain();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
