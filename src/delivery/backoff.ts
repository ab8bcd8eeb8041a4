/** Exponential backoff for retries and reconnects: base, 2×base, 4×base, … up to the cap. */
export interface BackoffOptions {
  /** First delay (ms). Default 5000. */
  baseMs?: number;
  /** Longest delay (ms). Default 300000 (5 min). */
  maxMs?: number;
}

/** The delay before attempt `attempt` (0-based). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 5000;
  const max = options.maxMs ?? 300_000;
  // Capping the exponent first keeps 2 ** attempt finite however long the outage lasts.
  return Math.min(max, base * 2 ** Math.min(attempt, 30));
}
