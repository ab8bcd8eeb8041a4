/**
 * A ticket the resident closed: the audit record the hand-off desk writes for it, and how the
 * console and the figures read it back. One place, so the record and its readers cannot drift.
 */
import type { WithdrawReason } from '../engine/ports';
import type { AuditInput } from '../store/types';

/** The audit action of a withdrawal; its detail says why. */
export const WITHDRAW_ACTION = 'ticket.withdraw' as const;

/** The audit record of a resident withdrawing `ticketId` from `channel`. */
export function withdrawalRecord(channel: string, ticketId: string, why: WithdrawReason): AuditInput {
  return { actor: `resident:${channel}`, action: WITHDRAW_ACTION, target: ticketId, detail: { why } };
}

/**
 * Why a withdrawal's record says the ticket was closed. Records written before /cancel existed
 * carry no reason: an entry offered with the hand-off had answered the resident.
 */
export function withdrawReasonOf(record: Pick<AuditInput, 'detail'>): WithdrawReason {
  return record.detail?.why === 'cancelled' ? 'cancelled' : 'answered';
}
