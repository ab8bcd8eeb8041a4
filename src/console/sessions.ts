/**
 * Console sessions: the browser holds a random id in an HttpOnly cookie; the store holds only its
 * SHA-256, with the account's e-mail, a per-session CSRF token and the expiry. A session of a
 * disabled or deleted account stops working at once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StaffAccount, StaffSession, StaffStore } from '../store/types';

export const SESSION_COOKIE = 'helpline_session';

/** A logged-in staff member, as routes see them. */
export interface StaffContext {
  account: StaffAccount;
  session: StaffSession;
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** True when `given` equals `expected`, in time that does not depend on where they differ. */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class SessionManager {
  constructor(
    private readonly staff: StaffStore,
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {}

  /** Starts a session; resolves the cookie value (shown to the browser only) and the stored session. */
  async open(email: string): Promise<{ cookieValue: string; session: StaffSession }> {
    const cookieValue = randomBytes(32).toString('base64url');
    const now = this.clock();
    const session: StaffSession = {
      idHash: hashSessionId(cookieValue),
      email,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
    };
    await this.staff.createSession(session);
    return { cookieValue, session };
  }

  /** The staff member behind a cookie value, or null (unknown, expired, account disabled). */
  async resolve(cookieValue: string): Promise<StaffContext | null> {
    const session = await this.staff.getSession(hashSessionId(cookieValue));
    if (!session) return null;
    if (session.expiresAt.getTime() <= this.clock().getTime()) {
      await this.staff.deleteSession(session.idHash);
      return null;
    }
    const account = await this.staff.get(session.email);
    if (!account || account.disabled) return null;
    return { account, session };
  }

  async close(cookieValue: string): Promise<void> {
    await this.staff.deleteSession(hashSessionId(cookieValue));
  }

  /** Housekeeping: drops expired sessions. */
  async sweep(): Promise<number> {
    return this.staff.deleteExpiredSessions(this.clock());
  }
}
