/**
 * "Is anybody delivering this alert?" An alert is sent by whichever bot process serves a
 * recipient's channel; a console sees only the channels of its own process. So a warning names
 * what is known for sure — this process cannot send on the channel (not served here, or its
 * WhatsApp login is gone) — and what the store shows: nothing delivered on a channel a while after
 * the start. Either way the rows stay pending (nothing is lost) until a process can send them.
 */
import type { Alert, AlertProgress } from '../store/types';

/** A channel as a process reports it (the health report's shape). */
export interface ChannelState {
  name: string;
  status: string;
}

/** States in which a channel sends. Others ('qr', 'logged-out', 'disconnected', …) do not. */
const SENDING_STATES: ReadonlySet<string> = new Set(['running', 'ready']);

/** How long after its start an alert may go without any delivery on a channel before that is a warning. */
export const STALL_MS = 60_000;

export type DeliveryWarning =
  /** This process cannot send on the channel; `state` is its state here, absent when not served here at all. */
  | { kind: 'unavailable'; channel: string; pending: number; state?: string }
  /** Nothing was delivered on the channel for `minutes` since the alert started. */
  | { kind: 'stalled'; channel: string; pending: number; minutes: number };

/** Whether this process can send on `channel` now. */
export function canSendHere(channels: readonly ChannelState[], channel: string): boolean {
  const here = channels.find((c) => c.name === channel);
  return here !== undefined && SENDING_STATES.has(here.status);
}

/**
 * The warnings for an alert being sent: per channel with recipients still pending.
 *
 * @example deliveryWarnings(alert, progress, channelHealth(channels), new Date())
 */
export function deliveryWarnings(alert: Pick<Alert, 'status' | 'runAt'>, progress: AlertProgress, channels: readonly ChannelState[], now: Date): DeliveryWarning[] {
  if (alert.status !== 'sending') return [];
  const warnings: DeliveryWarning[] = [];
  const runningFor = now.getTime() - alert.runAt.getTime();
  for (const [channel, p] of Object.entries(progress)) {
    if (p.pending === 0) continue;
    if (!canSendHere(channels, channel)) {
      const state = channels.find((c) => c.name === channel)?.status;
      warnings.push(state === undefined ? { kind: 'unavailable', channel, pending: p.pending } : { kind: 'unavailable', channel, pending: p.pending, state });
    }
    if (runningFor >= STALL_MS && p.sent + p.failed + p.blocked === 0) {
      warnings.push({ kind: 'stalled', channel, pending: p.pending, minutes: Math.floor(runningFor / 60_000) });
    }
  }
  return warnings;
}
