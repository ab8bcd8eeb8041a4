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

export function failuresCsv(rows: AlertRecipient[]): string {
  const lines = [['alert', 'channel', 'chat_id', 'language', 'status', 'reason', 'at'].map(cell).join(',')];
  for (const r of rows) {
    lines.push([r.alertId, r.channel, r.chatId, r.lang, r.status, r.reason ?? '', r.updatedAt.toISOString()].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
