import { maskId } from './index';

/**
 * Masks every phone-number-like run of digits in a text. Error messages from WhatsApp Web can
 * quote the chat id ("invalid wid 77011234567@c.us"); they pass through here before a log line.
 */
export function maskNumbers(text: string): string {
  return text.replace(/\d{7,}/g, (digits) => maskId(digits));
}
