import type { Reply } from './types';

/**
 * The one adapter contract every channel fills (terminal, Telegram, WhatsApp). An adapter turns
 * its platform's updates into `IncomingMessage`s for `ConversationEngine.handle` and renders the
 * returned `Reply`s; `send` delivers replies that do not answer an update (operator replies, alerts).
 */
export interface Channel {
  /** The `channel` value of the messages this adapter produces, e.g. 'telegram'. */
  readonly name: string;
  start(): Promise<void>;
  /** Stops taking updates, finishes the ones in flight, then resolves. */
  stop(): Promise<void>;
  send(chatId: string, replies: Reply[]): Promise<void>;
}
