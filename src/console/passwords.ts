/**
 * Password hashing for staff accounts: bcrypt, a deliberately slow hash, computed on a worker
 * thread (`off-loop.ts`) so that logins never hold up the bot's event loop.
 */
import { randomBytes } from 'node:crypto';
import { offLoop } from './off-loop';

/** The bcrypt cost in production; tests pass a lower one to stay fast. */
export const DEFAULT_BCRYPT_COST = 12;
export const MIN_PASSWORD_LENGTH = 10;
/** Longer passwords are refused: bcrypt reads 72 bytes at most, and hashing megabytes is work for nothing. */
export const MAX_PASSWORD_LENGTH = 200;

/** Hashes a password with bcrypt at `cost` (each step doubles the work). */
export function hashPassword(password: string, cost = DEFAULT_BCRYPT_COST): Promise<string> {
  return offLoop().run('hash', password, cost);
}

/** True when `password` matches the bcrypt `hash`. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return offLoop().run('verify', password, hash);
}

/**
 * A hash of a random password, for comparing against when the e-mail is unknown: the reply then
 * takes as long as for a wrong password, so timing does not tell which accounts exist.
 */
export function decoyHash(cost: number): Promise<string> {
  return hashPassword(`decoy-${randomBytes(16).toString('hex')}`, cost);
}
