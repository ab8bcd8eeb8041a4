/**
 * What an outbox item carries, whoever queued it (the engine's turn, an operator, the SLA watch,
 * the operator group): a reply in the engine's channel-agnostic form, and where in the chat it goes.
 * The channel's sender renders it when it sends (HTML parts and buttons on Telegram, a numbered
 * list on WhatsApp), so a process that does not serve a channel can still queue for it.
 */
import type { Reply } from '../engine/types';

export interface Envelope {
  reply: Reply;
  /** The message the reply quotes (Telegram groups: so the group sees who is answered). */
  replyTo?: number;
  /** The forum topic it goes to (the Telegram operator group). */
  thread?: number;
}

/** The outbox text of an envelope. */
export function seal(envelope: Envelope): string {
  return JSON.stringify(envelope);
}

/**
 * The envelope of an outbox text. Texts queued by earlier releases are read too: a reply as JSON
 * (operator replies) or plain text (WhatsApp replies).
 */
export function open(text: string): Envelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { reply: { text } };
  }
  if (isRecord(parsed) && isReply(parsed.reply)) {
    const envelope: Envelope = { reply: parsed.reply };
    if (typeof parsed.replyTo === 'number') envelope.replyTo = parsed.replyTo;
    if (typeof parsed.thread === 'number') envelope.thread = parsed.thread;
    return envelope;
  }
  if (isReply(parsed)) return { reply: parsed };
  return { reply: { text } };
}

function isReply(value: unknown): value is Reply {
  if (!isRecord(value) || typeof value.text !== 'string') return false;
  return value.choices === undefined || (Array.isArray(value.choices) && value.choices.every((c) => isRecord(c) && typeof c.id === 'string' && typeof c.label === 'string'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
