/**
 * How delivery stands, for `/healthz` and the staff: writes the store refused and that wait in
 * memory (the store is in trouble: degraded), conversations whose state waits likewise, and the
 * messages each channel gave up on lately (too old, refused, or the resident blocked the bot).
 */
import type { OutboxStore } from '../store/types';
import type { HeldWrites } from './held-writes';

export interface DeliveryHealth {
  /** True while anything waits in memory for the store. */
  degraded: boolean;
  heldWrites: number;
  unsavedConversations: number;
  /** Since when the store has refused writes. */
  since?: Date;
  lastError?: string;
  /** Messages given up in the last 24 hours, by channel. */
  failedLastDay: Record<string, number>;
}

export interface DeliveryHealthParts {
  held: Pick<HeldWrites, 'status'>;
  engine: { readonly unsavedConversations: number };
  outbox: Pick<OutboxStore, 'failed'>;
  /** The channels whose outboxes are reported. */
  channels: () => readonly string[];
  clock?: () => Date;
}

/** Failed messages looked at per channel; more than this in a day is reported as this many. */
const FAILED_WINDOW = 1000;

export async function deliveryHealth(parts: DeliveryHealthParts): Promise<DeliveryHealth> {
  const status = parts.held.status();
  const unsaved = parts.engine.unsavedConversations;
  const dayAgo = (parts.clock?.() ?? new Date()).getTime() - 24 * 3600_000;
  const failedLastDay: Record<string, number> = {};
  for (const channel of parts.channels()) {
    const failed = await parts.outbox.failed(channel, FAILED_WINDOW);
    failedLastDay[channel] = failed.filter((m) => m.createdAt.getTime() >= dayAgo).length;
  }
  return {
    degraded: status.held > 0 || unsaved > 0,
    heldWrites: status.held,
    unsavedConversations: unsaved,
    ...(status.since ? { since: status.since } : {}),
    ...(status.lastError ? { lastError: status.lastError } : {}),
    failedLastDay,
  };
}
