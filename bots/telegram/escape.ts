/**
 * Escaping for Telegram's HTML parse mode. The engine's texts are plain; Telegram would read a
 * resident-facing "<по будням> & …" as broken markup and refuse the whole message, so every text
 * goes through here before it is sent with `parse_mode: 'HTML'`.
 */

/** The parse mode every outgoing text is escaped for. */
export const PARSE_MODE = 'HTML' as const;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes the three characters Telegram's HTML mode requires escaped. Quotes need no escaping
 * outside attributes, and `*`/`_` mean nothing in HTML mode, so they pass through as written.
 *
 * @example escapeHtml('09:00 <weekdays> & Sat') // '09:00 &lt;weekdays&gt; &amp; Sat'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ENTITIES[ch]);
}
