/**
 * Who may call a route. Every console route declares `config.access`; one preHandler hook enforces
 * it, so a route cannot forget its check (a route without a rule is refused), and the route-walk
 * test reads the same declarations.
 *
 *   'public'        anybody (login page, health, static script)
 *   'staff'         any logged-in account
 *   ['admin', …]    logged in with one of these roles
 *
 * State-changing methods of non-public routes also need the session's CSRF token in the
 * `x-csrf-token` header.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../store/types';
import { readCookie } from './cookies';
import { HttpError } from './errors';
import { SESSION_COOKIE, sameToken, type SessionManager, type StaffContext } from './sessions';

export type Access = 'public' | 'staff' | readonly StaffRole[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    staff?: StaffContext;
  }
}

/** Admins manage staff and may do everything editors and operators do. */
export const ADMINS: readonly StaffRole[] = ['admin'];
export const EDITORS: readonly StaffRole[] = ['admin', 'editor'];
/** Operators work the ticket inbox; admins may too. */
export const OPERATORS: readonly StaffRole[] = ['admin', 'operator'];
export const ALL_ROLES: readonly StaffRole[] = ['admin', 'editor', 'operator'];

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when `role` passes `access` (for a logged-in account). */
export function allows(access: Access, role: StaffRole): boolean {
  return access === 'public' || access === 'staff' || access.includes(role);
}

/** API and health answer in JSON; everything else is a page. */
export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/healthz');
}

/** The preHandler that enforces each route's access rule. */
export function accessHook(sessions: SessionManager) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // No route matched: the 404 handler answers.
    if (request.routeOptions.url === undefined) return;
    const access = request.routeOptions.config.access;
    if (access === undefined) throw new HttpError(500, 'This route has no access rule');
    if (access === 'public') return;

    const cookie = readCookie(request, SESSION_COOKIE);
    const staff = cookie ? await sessions.resolve(cookie) : null;
    if (!staff) {
      if (!wantsJson(request) && request.method === 'GET') {
        await reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 302);
        return;
      }
      throw new HttpError(401, 'Not logged in (or the session expired): log in at /login', undefined, { key: 'notLoggedIn' });
    }
    request.staff = staff;
    if (!allows(access, staff.account.role)) {
      throw new HttpError(403, `Your role (${staff.account.role}) may not do this`, undefined, { key: 'forbidden' });
    }
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (!sameToken(typeof header === 'string' ? header : undefined, staff.session.csrfToken)) {
        throw new HttpError(403, `Missing or wrong CSRF token: send the ${CSRF_HEADER} header given at login`, undefined, { key: 'csrf' });
      }
    }
  };
}
