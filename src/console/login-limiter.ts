/**
 * Login rate limit: failed attempts are counted per IP address and e-mail in a sliding window; at the
 * limit further attempts are refused before the password is even checked, until the oldest failure
 * leaves the window. In memory: a restart forgets, which is acceptable for slowing down guessing.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  private key(ip: string, email: string): string {
    return `${ip}\u0000${email.trim().toLowerCase()}`;
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (kept.length > 0) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  retryAfter(ip: string, email: string, now: number): number {
    const recent = this.recent(this.key(ip, email), now);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.maxFailures] + this.windowMs - now) / 1000));
  }

  fail(ip: string, email: string, now: number): void {
    const key = this.key(ip, email);
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(ip: string, email: string): void {
    this.failures.delete(this.key(ip, email));
  }
}
