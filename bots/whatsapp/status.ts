/** The channel's states, which disconnects end a session, and how start-up failures are worded. */
import { reason } from '../shared/errors';

/** The channel's state for logs and the health endpoint. */
export type WhatsAppState =
  /** Launching the browser and loading WhatsApp Web (also while reconnecting). */
  | 'starting'
  /** Waiting for the login QR to be scanned from the phone. */
  | 'qr'
  /** Logged in; messages flow. */
  | 'ready'
  /** Connection lost; a reconnect is scheduled (or the channel was stopped). */
  | 'disconnected'
  /** The session ended on WhatsApp's side (unlinked, banned, taken over): a person must link the number again. */
  | 'logged-out'
  /** Start-up failed (no browser, WhatsApp Web unreachable): see `detail`. */
  | 'failed';

export interface WhatsAppStatus {
  state: WhatsAppState;
  /** Why, for the states that need one. */
  detail?: string;
  /** When the state was entered. */
  since: Date;
}

/**
 * Disconnect reasons after which reconnecting cannot help: the phone unlinked the session or
 * logged out, WhatsApp Web was opened elsewhere, or the number was blocked for the terms of service.
 */
const ENDED = new Set(['LOGOUT', 'UNPAIRED', 'UNPAIRED_IDLE', 'CONFLICT', 'TOS_BLOCK', 'SMB_TOS_BLOCK']);

export function sessionEnded(reason: string): boolean {
  return ENDED.has(reason);
}

/** A start-up error in one line, with what to check. */
export function explainStartFailure(error: unknown): string {
  const message = reason(error).split('\n')[0];
  if (/net::ERR_|ENOTFOUND|EAI_AGAIN/.test(message)) {
    return `WhatsApp Web could not be loaded (${message}): this machine must reach https://web.whatsapp.com`;
  }
  if (/Failed to launch|ENOENT|executable|spawn/i.test(message)) {
    return `Chromium could not be started (${message}): check PUPPETEER_EXECUTABLE_PATH (Debian: apt-get install -y chromium)`;
  }
  return `WhatsApp Web could not be started: ${message}`;
}
