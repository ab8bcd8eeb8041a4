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

/**
 * Masks every phone-number-like run of digits in a text. Error messages from libraries can quote a
 * chat id ("invalid wid 77011234567@c.us"); they pass through here before a log line.
 */
export function maskNumbers(text: string): string {
  return text.replace(/\d{7,}/g, (digits) => maskId(digits));
}

/**
 * Logs a promise rejection nobody handled instead of letting Node end the process (its default):
 * libraries run background work that can reject where no caller is waiting — whatsapp-web.js's
 * session backup timer, an event handler. Resolves a function that removes the listener.
 *
 * @example logStrayRejections(logger); // once, at start (src/main.ts)
 */
export function logStrayRejections(logger: Logger, target: NodeJS.EventEmitter = process): () => void {
  const listener = (reason: unknown) => {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    logger.error(
      { reason: { name: error.name, message: maskNumbers(error.message), stack: maskNumbers(error.stack ?? '') } },
      "a promise rejection nobody handled (a library's background task): logged, the bot keeps running",
    );
  };
  target.on('unhandledRejection', listener);
  return () => void target.off('unhandledRejection', listener);
}
