/**
 * Structured logs (pino, JSON lines). Residents' phone numbers and chat ids are personal data:
 * log them through `maskId` only.
 */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** A logger that drops everything: for tests and tools that print their own output. */
export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * Masks a phone number or chat id for logs, keeping enough to tell conversations apart:
 * '77011234567@c.us' → '770•••••567@c.us', '123456789' → '12•••••89'.
 */
export function maskId(id: string): string {
  const at = id.indexOf('@');
  const local = at >= 0 ? id.slice(0, at) : id;
  const suffix = at >= 0 ? id.slice(at) : '';
  if (local.length <= 4) return '•'.repeat(local.length) + suffix;
  const keep = local.length >= 10 ? 3 : 2;
  return local.slice(0, keep) + '•'.repeat(local.length - keep * 2) + local.slice(-keep) + suffix;
}
