/** Alert rules both stores share, so SQLite and MongoDB pick the same recipients. */
import type { AlertProgress, RecipientStatus, Subscription } from './types';

export const RECIPIENT_STATUSES: readonly RecipientStatus[] = ['pending', 'sent', 'failed', 'blocked', 'skipped'];

/**
 * Any topic in common, and the district fits: an alert without districts reaches everyone, and a
 * subscriber without a district (the whole region) receives every district's alerts.
 */
export function subscriptionMatches(sub: Subscription, topics: string[], districts: string[]): boolean {
  if (!sub.topics.some((t) => topics.includes(t))) return false;
  return districts.length === 0 || sub.district === undefined || districts.includes(sub.district);
}

export function addToProgress(progress: AlertProgress, channel: string, status: RecipientStatus, count: number): void {
  const row = (progress[channel] ??= { pending: 0, sent: 0, failed: 0, blocked: 0, skipped: 0 });
  row[status] += count;
}
