/**
 * Headers on every console response. The Content-Security-Policy lets a page run only the
 * console's own script and style files — no inline script, no inline style, nothing from elsewhere —
 * so even markup that slipped past escaping could not run. Pages cannot be framed (clickjacking)
 * nor sniffed into another type, and nothing but the static assets may be cached: pages and API
 * answers carry residents' messages and staff data, which must not stay in a shared browser's
 * cache or a proxy.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Static files (script, style sheet) under this path may be cached; they hold no data. */
export const ASSETS_PATH = '/assets/';

/** The headers of a response to `url`: the policy above, and `no-store` on all but the static assets. */
export function securityHeaders(url: string): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cache-control': url.startsWith(ASSETS_PATH) ? 'no-cache' : 'no-store',
  };
}

/** The onSend hook that puts them on every response (a hijacked one, the event stream, sets them itself). */
export async function securityHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.headers(securityHeaders(request.url));
}
