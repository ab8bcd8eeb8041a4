/**
 * Login rate limit: attempts are counted per IP address and e-mail in a sliding window. An attempt
 * is counted *before* the password is checked — taken synchronously, so parallel requests cannot
 * all slip in while the (slow, off-thread) hash runs — and given back only when the password was
 * right. At the limit further attempts are refused without checking the password, until the oldest
 * one leaves the window. In memory, per process: a restart forgets, which is acceptable for slowing
 * down guessing; several processes each allow the limit.
 */

/** An attempt that was let through: say how it ended. */
export interface GrantedAttempt {
  granted: true;
  /** The password was right: this attempt and the failures before it are forgotten. */
  succeed(): void;
  /** The password was wrong: the attempt stays counted as a failure. */
  fail(): void;
}

export interface RefusedAttempt {
  granted: false;
  /** Seconds until another attempt is allowed. */
  retryAfter: number;
}

/** One counted attempt; `checking` while its password is being compared. */
interface Attempt {
  at: number;
  checking: boolean;
}

export class LoginLimiter {
  /** The attempts in the window, oldest first: failures, and attempts still being checked. */
  private readonly attempts = new Map<string, Attempt[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  private key(ip: string, email: string): string {
    return `${ip}\u0000${email.trim().toLowerCase()}`;
  }

  private recent(key: string, now: number): Attempt[] {
    this.keep(key, (a) => a.at > now - this.windowMs);
    return this.attempts.get(key) ?? [];
  }

  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  retryAfter(ip: string, email: string, now: number): number {
    const recent = this.recent(this.key(ip, email), now);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.maxFailures].at + this.windowMs - now) / 1000));
  }

  /**
   * Counts an attempt now, as a failure unless `succeed()` says otherwise, or refuses it when the
   * limit is reached. Check and count happen in one synchronous step.
   *
   * @example
   *   const attempt = limiter.attempt(ip, email, Date.now());
   *   if (!attempt.granted) return tooMany(attempt.retryAfter);
   *   if (await verifyPassword(password, hash)) attempt.succeed(); else attempt.fail();
   */
  attempt(ip: string, email: string, now: number): GrantedAttempt | RefusedAttempt {
    const wait = this.retryAfter(ip, email, now);
    if (wait > 0) return { granted: false, retryAfter: wait };
    const key = this.key(ip, email);
    const attempt: Attempt = { at: now, checking: true };
    this.attempts.set(key, [...this.recent(key, now), attempt]);
    return {
      granted: true,
      // Attempts of others still being checked stay counted: a success forgives only what is settled.
      succeed: () => this.keep(key, (a) => a.checking && a !== attempt),
      fail: () => {
        attempt.checking = false;
      },
    };
  }

  private keep(key: string, which: (a: Attempt) => boolean): void {
    const kept = (this.attempts.get(key) ?? []).filter(which);
    if (kept.length > 0) this.attempts.set(key, kept);
    else this.attempts.delete(key);
  }
}
