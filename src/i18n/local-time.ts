/**
 * Times as the contact centre reads them: in its one fixed UTC offset (OPERATOR_UTC_OFFSET,
 * Kazakhstan has no summer time), whatever the time zone of the server or of a staff member's
 * phone. The console shows every time this way and reads typed times back the same way.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const two = (n: number) => String(n).padStart(2, '0');

/** `at` shifted so that its UTC fields read as the local clock. */
function shifted(at: Date, offsetMinutes: number): Date {
  return new Date(at.getTime() + offsetMinutes * MINUTE);
}

/**
 * The local date and time of `at`: `2026-01-17`, `17:05`, and both as a datetime-local input's value.
 *
 * @example localParts(new Date('2026-01-17T12:05:00Z'), 300) // { date: '2026-01-17', time: '17:05', input: '2026-01-17T17:05' }
 */
export function localParts(at: Date, offsetMinutes: number): { date: string; time: string; input: string } {
  const s = shifted(at, offsetMinutes);
  const date = `${s.getUTCFullYear()}-${two(s.getUTCMonth() + 1)}-${two(s.getUTCDate())}`;
  const time = `${two(s.getUTCHours())}:${two(s.getUTCMinutes())}`;
  return { date, time, input: `${date}T${time}` };
}

/** The moment the local day of `at` began. */
export function startOfLocalDay(at: Date, offsetMinutes: number): Date {
  const s = shifted(at, offsetMinutes).getTime();
  return new Date(s - (((s % DAY) + DAY) % DAY) - offsetMinutes * MINUTE);
}

/** The offset as people write it: `+05:00`. */
export function offsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
