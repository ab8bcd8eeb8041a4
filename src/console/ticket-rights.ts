/**
 * Who may do what to a ticket from the console. Once an operator has claimed a ticket, only they
 * (or an admin) reply on it, hand it on or close it: residents get one voice, and an operator
 * cannot take over a colleague's conversation unnoticed. A ticket is handed only to an active
 * account that works the inbox. The Telegram operator group does not come through here: the group
 * speaks for the operators in it, through the desk directly.
 */
import type { StaffStore, Ticket } from '../store/types';
import { OPERATORS } from './access';
import { HttpError } from './errors';
import type { StaffContext } from './sessions';

/** Whether `staff` may act on `ticket`: anyone while it is queued, then its assignee or an admin. */
export function mayAct(ticket: Ticket, staff: StaffContext): boolean {
  if (ticket.status === 'queued' || ticket.status === 'closed') return true;
  return staff.account.role === 'admin' || ticket.assignee === staff.account.email;
}

/** 403 unless `staff` may act on `ticket` (see `mayAct`). */
export function assertMayAct(ticket: Ticket, staff: StaffContext): void {
  if (mayAct(ticket, staff)) return;
  const operator = ticket.assignee ?? 'another operator';
  throw new HttpError(403, `Ticket ${ticket.id} is being handled by ${operator}: only they or an admin may act on it`, undefined, { key: 'ticketHeld', vars: { id: ticket.id, operator } });
}

/** The account a ticket may be handed to (its stored e-mail), or 400 when `to` is not an active operator or admin. */
export async function transferTarget(staff: Pick<StaffStore, 'get'>, to: string): Promise<string> {
  const account = await staff.get(to);
  if (!account || account.disabled || !OPERATORS.includes(account.role)) {
    throw new HttpError(400, `"${to}" is not an active operator or admin account: pick one of them, or leave the field empty to put the ticket back in the queue`, undefined, {
      key: 'transferTarget',
      vars: { to },
    });
  }
  return account.email;
}
