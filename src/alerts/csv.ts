/** The failure report of an alert as CSV, for staff to open in a spreadsheet. */
import type { AlertRecipient } from '../store/types';

/**
 * Quotes every field; a field that a spreadsheet would run as a formula (=, +, -, @ first) gets
 * a leading apostrophe, since a reason text comes from the platform, not from us.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows (the first one the header) as CSV text, every field quoted and made safe for spreadsheets. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function failuresCsv(rows: AlertRecipient[]): string {
  return toCsv([
    ['alert', 'channel', 'chat_id', 'language', 'status', 'reason', 'at'],
    ...rows.map((r) => [r.alertId, r.channel, r.chatId, r.lang, r.status, r.reason ?? '', r.updatedAt.toISOString()]),
  ]);
}
