/**
 * The console's one cookie, read and written by hand. @fastify/cookie loads its parser with a
 * dynamic `import()` of an ES module, which jest's CommonJS runtime cannot run; one cookie needs
 * no library.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The value of cookie `name` in the request, or undefined. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  secure: boolean;
}

/** Sets an HttpOnly, SameSite=Strict cookie for the whole console. */
export function writeCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.floor(options.maxAge)}`];
  if (options.secure) parts.push('Secure');
  void reply.header('set-cookie', parts.join('; '));
}
