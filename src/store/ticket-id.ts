/**
 * Ticket ids are small sequential numbers written in decimal ("42"): operators read them aloud and
 * type them in commands. Both stores hand out the next number atomically.
 */

/** The number a ticket id stands for, or undefined when the text is no ticket id at all. */
export function ticketNumber(id: string): number | undefined {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : undefined;
}
