/**
 * Assembles the parts every process needs — store, FAQ catalog with its matcher, the one
 * translator, the event bus, the engine with its handlers, hand-off desk, operator desk — from a
 * validated Config. No channel here: the composition root (`src/compose.ts`) adds them on top.
 */
import { SubscriptionDialog } from './alerts/subscription-dialog';
import { subscriptionHandler } from './alerts/subscription-handlers';
import { DEFAULT_DISTRICTS } from './alerts/topics';
import type { Config } from './config';
import { holdable, HeldWrites } from './delivery/held-writes';
import { ConversationEngine } from './engine/engine';
import type { Channel } from './engine/channel';
import { escalationHandler } from './engine/handlers/escalation';
import { fallbackHandler } from './engine/handlers/fallback';
import { faqAnswerHandler } from './engine/handlers/faq-answer';
import { feedbackHandler } from './engine/handlers/feedback';
import { handoffGate } from './engine/handlers/handoff-gate';
import { languageHandler } from './engine/handlers/language';
import { helpHandler, menuHandler, typedTopicHandler } from './engine/handlers/menu';
import { outcomeCounter } from './engine/handlers/outcome-count';
import { smallTalkHandler } from './engine/handlers/small-talk';
import type { LearningPort, OutcomePort } from './engine/ports';
import type { Reply } from './engine/types';
import { HandoffDesk } from './escalation';
import { restoreHandoffs } from './escalation/restore-handoffs';
import { handBack } from './escalation/hand-back';
import { OperatorDesk } from './escalation/operator-desk';
import { ReplyRelay } from './escalation/reply-relay';
import { TicketEvents } from './escalation/ticket-events';
import { EventBus } from './events/bus';
import { FaqCatalog } from './faq/catalog';
import { createTranslator, type Translator } from './i18n';
import type { Lang } from './i18n/languages';
import { loadCommonEnglishWords } from './language/english-words';
import { silentLogger, type Logger } from './logging';
import { createMatcher } from './matcher';
import type { Thresholds } from './matcher/types';
import { OutcomeTally } from './stats/outcome-tally';
import { openStore, seedFaqIfEmpty } from './store';
import type { AuditInput, Store, Ticket } from './store/types';

/** How often a process checks the store for FAQ edits made elsewhere (console, another process). */
export const FAQ_REFRESH_MS = 500;

/**
 * How long a write waits for another process's SQLite write lock before it is held instead (ms):
 * longer than any of the bot's own transactions, short enough not to freeze answering.
 */
const BUSY_TIMEOUT_MS = 50;

export interface EngineParts {
  store: Pick<Store, 'conversations' | 'tickets' | 'audit' | 'alerts' | 'learning'>;
  catalog: FaqCatalog;
  translator: Translator;
  thresholds: Thresholds;
  /** Language of a conversation nothing is known about yet. */
  defaultLang?: Lang;
  /** Districts a resident may pick for alerts (ALERT_DISTRICTS). */
  alertDistricts?: readonly string[];
  clock?: () => Date;
  logger?: Logger;
  /** Carries ticket events to the other processes on the store; without it they stay in this one. */
  bus?: EventBus;
  /** Where writes wait while the store refuses them; without it such a write fails the turn. */
  held?: HeldWrites;
  /** Counts what became of each message (the console's figures); without it nothing is counted. */
  outcomes?: OutcomePort;
}

export interface AssembledEngine {
  engine: ConversationEngine;
  /** The engine's hand-off port: tickets for human operators. */
  handoff: HandoffDesk;
  /** Gives a conversation back to the bot when its ticket closes; resolves the rating question. */
  handBack: (ticket: Ticket) => Promise<Reply[]>;
}

/**
 * The engine with the helpline's handlers, in the order a turn meets them: the outcome counter
 * (around everything, when given), what works whoever has
 * the conversation (language, help, alert subscriptions), the hand-off gate, then the bot's own
 * (small talk, menu, FAQ answers, a topic's name typed, feedback, escalation of what is left) and
 * the fallback.
 *
 * @example const { engine } = createEngine({ store, catalog, translator, thresholds });
 */
export function createEngine(parts: EngineParts): AssembledEngine {
  const { store, catalog, translator, logger } = parts;
  const handoff = new HandoffDesk(store, new TicketEvents(store.tickets, parts.bus), parts.held);
  const audit = { record: (entry: AuditInput) => holdable(parts.held, `audit ${entry.action}`, () => store.audit.record(entry)) };
  const learning: LearningPort = { note: (input) => holdable(parts.held, 'learned variant', () => store.learning.note(input)) };
  const dialog = new SubscriptionDialog(store.alerts, translator, parts.alertDistricts ?? DEFAULT_DISTRICTS);
  const menu = { catalog, translator };
  const engine = new ConversationEngine({
    conversations: store.conversations,
    translator,
    defaultLang: parts.defaultLang,
    clock: parts.clock,
    logger,
    vocabulary: catalog.vocabulary,
  });
  if (parts.outcomes) engine.use(outcomeCounter(parts.outcomes));
  engine.use(
    languageHandler({ translator, vocabulary: catalog.vocabulary, onChosen: (conv, lang) => dialog.languageChanged(conv, lang) }),
    helpHandler({ translator }),
    subscriptionHandler(dialog),
    handoffGate({ handoff, translator, faq: { catalog, thresholds: parts.thresholds } }),
    smallTalkHandler(menu),
    menuHandler(menu),
    faqAnswerHandler({ catalog, thresholds: parts.thresholds, translator, learning }),
    typedTopicHandler(menu),
    feedbackHandler({ audit, handoff, translator, learning }),
    escalationHandler({ handoff, catalog, translator, logger }),
    fallbackHandler(menu),
  );
  return { engine, handoff, handBack: handBack(engine, translator) };
}

export interface App {
  config: Config;
  logger: Logger;
  store: Store;
  catalog: FaqCatalog;
  handoff: HandoffDesk;
  translator: Translator;
  engine: ConversationEngine;
  /** The running channels by name; the composition root registers them so operator replies can reach residents. */
  channels: Map<string, Pick<Channel, 'send'>>;
  /** Queues operator replies (and the rating question) in the resident's channel's outbox. */
  relay: ReplyRelay;
  /** What operators do with tickets; the console inbox and the operator group share it. */
  desk: OperatorDesk;
  /** Ticket and alert events between the processes on the store (already following the feed). */
  bus: EventBus;
  /** Writes the store refused, waiting to be made (answering goes on from memory meanwhile). */
  held: HeldWrites;
  /** The engine's outcome counts on their way to the store (written about once a second). */
  tally: OutcomeTally;
  /** Stops the FAQ refresh and the event feed, waits for messages in flight and closes the store. */
  close(): Promise<void>;
}

export async function createApp(
  config: Config,
  options: { logger?: Logger; clock?: () => Date } = {},
): Promise<App> {
  const logger = options.logger ?? silentLogger;
  // A write the store cannot take at once is held, not waited for: better-sqlite3 waits synchronously.
  const store = await openStore(config, logger, { busyTimeoutMs: BUSY_TIMEOUT_MS });
  const held = new HeldWrites({ logger });
  let bus: EventBus | undefined;
  try {
    await seedFaqIfEmpty(store.faq, config.faqSeedFile, logger);
    const catalog = new FaqCatalog(createMatcher());
    await catalog.refresh(store.faq);
    logger.info({ store: store.description, entries: catalog.size }, 'FAQ loaded');
    // Language detection's common English words (about 30 ms): now, not on the first English message.
    loadCommonEnglishWords();

    const translator = createTranslator();
    const events = new EventBus(store.feed, { logger, clock: options.clock });
    bus = events;
    await events.start();
    const tally = new OutcomeTally(store.outcomes, { logger });
    const { engine, handoff, handBack: afterClose } = createEngine({
      store,
      catalog,
      translator,
      thresholds: config.thresholds,
      defaultLang: config.defaultLang,
      clock: options.clock,
      logger,
      alertDistricts: config.alerts.districts,
      bus: events,
      held,
      outcomes: tally,
    });

    // Before any message is handled: hand-offs whose conversation state the last run had not written yet.
    const restored = await restoreHandoffs(store, (options.clock ?? (() => new Date()))());
    if (restored > 0) logger.warn({ conversations: restored }, 'gave conversations back to the operators of their open tickets (the last run stopped before writing them)');

    const channels = new Map<string, Pick<Channel, 'send'>>();
    const relay = new ReplyRelay({ store, channels: (name) => channels.get(name) });
    const desk = new OperatorDesk({
      store,
      handoff,
      relay,
      afterClose,
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
      handoff,
      translator,
      engine,
      channels,
      relay,
      desk,
      bus: events,
      held,
      tally,
      async close() {
        clearInterval(timer);
        await events.stop();
        await engine.drain();
        await held.close();
        await tally.stop();
        await store.close();
      },
    };
  } catch (error) {
    await bus?.stop();
    await store.close();
    throw error;
  }
}
