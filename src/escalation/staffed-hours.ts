/**
 * When operators are on duty, written as operators say it: "Mon-Fri 09:00-13:00,14:00-18:00;
 * Sat 10:00-14:00" (split shifts allowed), in one fixed UTC offset (Kazakhstan has no summer time).
 */
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** One shift on one weekday, minutes from local midnight. */
export interface Shift {
  day: number;
  from: number;
  to: number;
}

export interface StaffedHours {
  shifts: Shift[];
  /** Local time minus UTC, in minutes (+05:00 → 300). */
  offsetMinutes: number;
}

function dayIndex(name: string): number {
  const i = DAYS.indexOf(name.trim().slice(0, 3).toLowerCase() as (typeof DAYS)[number]);
  if (i < 0) throw new Error(`"${name}" is not a weekday (Mon, Tue, … Sun)`);
  return i;
}

function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) throw new Error(`"${hhmm}" is not a time like 09:00`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Parses "+05:00" / "-03:30" / "5" into minutes east of UTC. */
export function parseUtcOffset(text: string): number {
  const m = /^([+-])?(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m || Number(m[2]) > 14) throw new Error(`"${text}" is not a UTC offset like +05:00`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** Parses the STAFFED_HOURS text; throws with what is wrong in it. */
export function parseStaffedHours(text: string, offsetMinutes: number): StaffedHours {
  const shifts: Shift[] = [];
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]{3,9})(?:\s*-\s*([A-Za-z]{3,9}))?\s+(.+)$/.exec(part);
    if (!m) throw new Error(`"${part}" should look like "Mon-Fri 09:00-18:00"`);
    const first = dayIndex(m[1]);
    const last = m[2] ? dayIndex(m[2]) : first;
    const ranges = m[3].split(',').map((r) => {
      const [from, to] = r.split('-');
      if (to === undefined) throw new Error(`"${r}" should look like 09:00-13:00`);
      const range = { from: minutes(from), to: minutes(to) };
      if (range.from >= range.to) throw new Error(`"${r}" ends before it starts`);
      return range;
    });
    for (let d = first; ; d = (d + 1) % 7) {
      for (const r of ranges) shifts.push({ day: d, ...r });
      if (d === last) break;
    }
  }
  if (shifts.length === 0) throw new Error('names no shift');
  return { shifts, offsetMinutes };
}

function local(hours: StaffedHours, at: Date): { day: number; minute: number } {
  const shifted = new Date(at.getTime() + hours.offsetMinutes * 60_000);
  return { day: shifted.getUTCDay(), minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

export function isStaffed(hours: StaffedHours, at: Date): boolean {
  const { day, minute } = local(hours, at);
  return hours.shifts.some((s) => s.day === day && s.from <= minute && minute < s.to);
}

/** The start of the next shift after `at` (within a week). */
export function nextShiftStart(hours: StaffedHours, at: Date): Date {
  const { day, minute } = local(hours, at);
  let best = Infinity;
  for (const s of hours.shifts) {
    let ahead = ((s.day - day + 7) % 7) * 1440 + s.from - minute;
    if (ahead <= 0) ahead += 7 * 1440;
    best = Math.min(best, ahead);
  }
  const exact = new Date(at.getTime() + best * 60_000);
  exact.setUTCSeconds(0, 0);
  return exact;
}

/** The weekday ('mon' … 'sun') and "09:00" of a moment in the operators' local time. */
export function localMoment(hours: StaffedHours, at: Date): { day: (typeof DAYS)[number]; time: string } {
  const shifted = new Date(at.getTime() + hours.offsetMinutes * 60_000);
  const hh = String(shifted.getUTCHours()).padStart(2, '0');
  const mm = String(shifted.getUTCMinutes()).padStart(2, '0');
  return { day: DAYS[shifted.getUTCDay()], time: `${hh}:${mm}` };
}
