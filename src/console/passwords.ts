/** Password hashing for staff accounts: bcrypt, a deliberately slow hash. */
import bcrypt from 'bcryptjs';

/** The bcrypt cost in production; tests pass a lower one to stay fast. */
export const DEFAULT_BCRYPT_COST = 12;
export const MIN_PASSWORD_LENGTH = 10;

/** Hashes a password with bcrypt at `cost` (each step doubles the work). */
export function hashPassword(password: string, cost = DEFAULT_BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

/** True when `password` matches the bcrypt `hash`. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/**
 * A hash of a random password, for comparing against when the e-mail is unknown: the reply then
 * takes as long as for a wrong password, so timing does not tell which accounts exist.
 */
export function decoyHash(cost: number): Promise<string> {
  return bcrypt.hash(`decoy-${Math.random()}`, cost);
}
