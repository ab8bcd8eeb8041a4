/**
 * A count given on a script's command line, as the bench and the evaluation read theirs: digits
 * only ("2"; not "2.0", "1e3", "0x10" or "-1", which `Number` would take), and no larger than a
 * number holds exactly. Undefined for anything else; each script says what it wanted.
 */
export function wholeNumber(value: string): number | undefined {
  const digits = value.trim();
  if (!/^\d+$/.test(digits)) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
}
