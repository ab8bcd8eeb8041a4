/**
 * Renders the engine's replies as Telegram messages: escaped HTML text, split to fit, and the
 * choices as an inline keyboard (one button per row, so long labels in Russian or Kazakh stay
 * readable on a phone) attached to the last part of the reply.
 */
import type { Reply } from '../../src/engine/types';
import type { Logger } from '../../src/logging';
import { escapeHtml } from './escape';
import { splitText, TELEGRAM_TEXT_LIMIT } from './split';

/** Telegram refuses callback data above 64 bytes (UTF-8), and with it the whole message. */
export const CALLBACK_DATA_LIMIT = 64;

export interface CallbackButton {
  text: string;
  callback_data: string;
}

/** The inline keyboard shape both grammY's and Telegraf's `InlineKeyboardMarkup` accept. */
export interface InlineKeyboard {
  inline_keyboard: CallbackButton[][];
}

/** One Telegram message: `html` is already escaped for `parse_mode: 'HTML'`. */
export interface OutgoingMessage {
  html: string;
  keyboard?: InlineKeyboard;
}

/**
 * Turns replies into messages. A choice whose id does not fit in callback data is left out with a
 * warning (a button Telegram would refuse would cost the resident the whole answer); the engine
 * keeps its ids short, so this only catches a future mistake.
 *
 * @example renderReplies([{ text: 'A & B', choices: [{ id: 'op', label: 'Operator' }] }], log)
 * // [{ html: 'A &amp; B', keyboard: { inline_keyboard: [[{ text: 'Operator', callback_data: 'op' }]] } }]
 */
export function renderReplies(replies: Reply[], logger: Logger, limit = TELEGRAM_TEXT_LIMIT): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  for (const reply of replies) {
    const keyboard = renderKeyboard(reply, logger);
    const parts = splitText(reply.text, limit);
    // Telegram refuses an empty text; a keyboard still needs something to hang on.
    if (parts.length === 0 && keyboard) parts.push('…');
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      messages.push(last && keyboard ? { html: escapeHtml(part), keyboard } : { html: escapeHtml(part) });
    });
  }
  return messages;
}

function renderKeyboard(reply: Reply, logger: Logger): InlineKeyboard | undefined {
  const rows: CallbackButton[][] = [];
  for (const choice of reply.choices ?? []) {
    const bytes = Buffer.byteLength(choice.id, 'utf8');
    if (bytes > CALLBACK_DATA_LIMIT) {
      logger.warn({ choice: choice.id.slice(0, 24), bytes }, 'choice id exceeds 64 bytes of callback data; button left out');
      continue;
    }
    rows.push([{ text: choice.label, callback_data: choice.id }]);
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}
