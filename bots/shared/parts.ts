/**
 * What every channel is built from: the engine it feeds and the logger it writes to. Each channel
 * adds the few things of its own (its settings, the translator for Telegram's command menu, the
 * outbox for WhatsApp) — never the whole app. The composition root (`src/compose.ts`) fills them.
 */
import type { ConversationEngine } from '../../src/engine/engine';
import type { Logger } from '../../src/logging';

export interface ChannelParts {
  engine: ConversationEngine;
  logger: Logger;
}
