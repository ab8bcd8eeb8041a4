/** Logging in and out, and "who am I" (with the CSRF token the pages send back). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { LANGS } from '../../i18n/languages';
import type { RouteContext } from '../context';
import { readCookie, writeCookie } from '../cookies';
import { HttpError, parseInput } from '../errors';
import { MAX_PASSWORD_LENGTH, verifyPassword } from '../passwords';
import { SESSION_COOKIE } from '../sessions';
import { MAX_EMAIL_LENGTH } from '../text-limits';

const meBody = z.object({ lang: z.enum(LANGS) });

const loginSchema = z.object({
  email: z.string().trim().min(3, 'must be an e-mail address').max(MAX_EMAIL_LENGTH),
  password: z.string().min(1, 'is required').max(MAX_PASSWORD_LENGTH),
});

function setSessionCookie(reply: FastifyReply, ctx: RouteContext, value: string): void {
  writeCookie(reply, SESSION_COOKIE, value, { maxAge: ctx.sessionMs / 1000, secure: ctx.secureCookie });
}

export function authApi(app: FastifyInstance, ctx: RouteContext): void {
  const { staff, audit } = ctx.deps.store;

  // Public, and therefore without a CSRF token: it only accepts application/json (fastify answers
  // 415 otherwise), which a cross-site form cannot send, and the cookie is SameSite=Strict.
  app.post('/api/login', { config: { access: 'public' } }, async (request, reply) => {
    const { email, password } = parseInput(loginSchema, request.body, 'body');
    const ip = request.ip;
    // Counted before the hash, in the same step as the check: see login-limiter.ts.
    const attempt = ctx.limiter.attempt(ip, email, ctx.clock().getTime());
    if (!attempt.granted) {
      void reply.header('retry-after', String(attempt.retryAfter));
      throw new HttpError(429, `Too many failed logins: try again in ${attempt.retryAfter} s`, undefined, { key: 'tooManyLogins', vars: { seconds: attempt.retryAfter } });
    }
    const account = await staff.get(email);
    const ok = await verifyPassword(password, account?.passwordHash ?? (await ctx.decoyHash));
    if (!account || !ok || account.disabled) {
      attempt.fail();
      await audit.record({ actor: email.toLowerCase(), action: 'login.failure', detail: { ip, reason: account?.disabled ? 'disabled' : 'bad credentials' } });
      throw new HttpError(401, 'Wrong e-mail or password', undefined, { key: 'wrongLogin' });
    }
    attempt.succeed();
    const { cookieValue, session } = await ctx.sessions.open(account.email);
    await audit.record({ actor: account.email, action: 'login.success', detail: { ip } });
    setSessionCookie(reply, ctx, cookieValue);
    return { email: account.email, role: account.role, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  app.post('/api/logout', { config: { access: 'staff' } }, async (request, reply) => {
    const cookie = readCookie(request, SESSION_COOKIE);
    if (cookie) await ctx.sessions.close(cookie);
    await audit.record({ actor: request.staff?.account.email ?? 'unknown', action: 'logout' });
    writeCookie(reply, SESSION_COOKIE, '', { maxAge: 0, secure: ctx.secureCookie });
    return { ok: true };
  });

  app.get('/api/me', { config: { access: 'staff' } }, async (request) => {
    const staff = request.staff;
    if (!staff) throw new HttpError(401, 'Not logged in');
    return { email: staff.account.email, role: staff.account.role, lang: staff.account.lang ?? null, csrfToken: staff.session.csrfToken, expiresAt: staff.session.expiresAt };
  });

  // The console's language for this account, on every device it logs in from.
  app.put('/api/me', { config: { access: 'staff' } }, async (request) => {
    const me = request.staff;
    if (!me) throw new HttpError(401, 'Not logged in');
    const { lang } = parseInput(meBody, request.body, 'body');
    const account = await staff.update(me.account.email, { lang });
    return { email: me.account.email, role: me.account.role, lang: account?.lang ?? lang };
  });
}
