/**
 * The staff console: a Fastify server in the bot process with a JSON API under /api and
 * server-rendered pages on top of it. Every route declares who may call it (`access.ts`); one hook
 * enforces that, and `routes` lists the declarations so tests can walk every route.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { accessHook, wantsJson, type Access } from './access';
import { registerBodyParsers } from './body-parsers';
import type { ConsoleDeps, ConsoleOptions, RouteContext } from './context';
import { SmallTalkReader } from '../engine/small-talk';
import { HttpError } from './errors';
import { html } from './html';
import { layout } from './layout';
import { LoginLimiter } from './login-limiter';
import { DEFAULT_BCRYPT_COST, decoyHash } from './passwords';
import { alertsApi } from './routes/api-alerts';
import { authApi } from './routes/api-auth';
import { faqApi } from './routes/api-faq';
import { insightsApi } from './routes/api-insights';
import { learningApi } from './routes/api-learning';
import { scheduleApi } from './routes/api-schedule';
import { staffApi } from './routes/api-staff';
import { statsApi } from './routes/api-stats';
import { ticketsApi } from './routes/api-tickets';
import { alertPages } from './routes/pages-alerts';
import { inboxPages } from './routes/pages-inbox';
import { adminPages } from './routes/pages-admin';
import { faqPages } from './routes/pages-faq';
import { faqCheckPages } from './routes/pages-faq-check';
import { dashboardPages } from './routes/pages-dashboard';
import { learningPages } from './routes/pages-learning';
import { securityHook } from './security-headers';
import { SessionManager } from './sessions';
import { viewOf } from './view';

export type { ChannelHealth, ConsoleDeps, ConsoleOptions } from './context';

/** One registered route and its access rule. */
export interface ConsoleRoute {
  method: string;
  url: string;
  access: Access | undefined;
}

export interface ConsoleServer {
  fastify: FastifyInstance;
  /** Every route the console serves (HEAD routes fastify adds for GET are left out). */
  routes: ConsoleRoute[];
  /** Listens on host:port (port 0: a free one); resolves the base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** Request bodies above this are refused (413); FAQ imports have their own limit (importMaxBytes). */
const BODY_LIMIT = 1024 * 1024;
const DEFAULT_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
const SWEEP_MS = 60 * 60 * 1000;
/** The configuration's defaults (SLA_MINUTES, OPERATOR_UTC_OFFSET), for a console built without them. */
const DEFAULT_SLA_MINUTES = 30;
const DEFAULT_UTC_OFFSET_MINUTES = 5 * 60;

/**
 * Builds the console (routes registered, not listening yet).
 *
 * @example
 *   const console = await createConsoleServer({ store, catalog, thresholds, logger }, { secureCookie: true });
 *   const url = await console.listen(3000, '127.0.0.1');
 */
export async function createConsoleServer(deps: ConsoleDeps, options: ConsoleOptions = {}): Promise<ConsoleServer> {
  const clock = options.clock ?? (() => new Date());
  const sessionMs = (options.sessionHours ?? 12) * 3600_000;
  const bcryptCost = options.bcryptCost ?? DEFAULT_BCRYPT_COST;
  const ctx: RouteContext = {
    deps,
    clock,
    bcryptCost,
    sessionMs,
    importMaxBytes: options.importMaxBytes ?? DEFAULT_IMPORT_MAX_BYTES,
    secureCookie: options.secureCookie ?? false,
    sessions: new SessionManager(deps.store.staff, sessionMs, clock),
    limiter: new LoginLimiter(options.loginMaxFailures ?? 5, (options.loginWindowMinutes ?? 15) * 60_000),
    decoyHash: decoyHash(bcryptCost),
    stats: {
      store: deps.store,
      slaMinutes: options.slaMinutes ?? DEFAULT_SLA_MINUTES,
      utcOffsetMinutes: options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES,
      channels: () => deps.channels?.() ?? [],
      clock,
    },
    courtesy: new SmallTalkReader(deps.translator),
  };

  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, trustProxy: options.trustProxy ?? false });
  const routes: ConsoleRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.addHook('preHandler', accessHook(ctx.sessions));
  app.addHook('onSend', securityHook);
  registerBodyParsers(app);

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const status = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500);
    const problems = error instanceof HttpError ? error.problems : undefined;
    // Fastify's own 4xx (bad JSON, wrong content type, body too large) carry a usable message.
    const tooLarge = 'code' in error && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? request.routeOptions.config.bodyTooLarge : undefined;
    const message = status >= 500 ? 'Internal error; the details are in the bot log' : (tooLarge ?? error.message);
    if (status >= 500) deps.logger.error({ err: error, url: request.url }, 'console request failed');
    const view = viewOf(request, ctx);
    // What staff read: the error in their language where the console has the words, else as it is.
    const key = status >= 500 ? 'internal' : error instanceof HttpError ? error.text?.key : undefined;
    const text = key ? view.t(`errors.${key}`, error instanceof HttpError ? error.text?.vars : undefined) : message;
    void reply.code(status);
    if (wantsJson(request)) return reply.send({ error: message, ...(key ? { message: text } : {}), ...(problems ? { problems } : {}) });
    const body = html`<p>${text}</p>${problems ? html`<ul>${problems.map((p) => html`<li>${p}</li>`)}</ul>` : ''}<p><a href="/">${view.t('errors.home')}</a></p>`;
    return reply.type('text/html; charset=utf-8').send(layout(view, view.t('errors.title', { status }), body));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404);
    if (wantsJson(request)) return reply.send({ error: `No such address: ${request.method} ${request.url.split('?')[0]}` });
    const view = viewOf(request, ctx);
    return reply.type('text/html; charset=utf-8').send(layout(view, view.t('errors.notFound'), html`<p><a href="/">${view.t('errors.home')}</a></p>`));
  });

  authApi(app, ctx);
  faqApi(app, ctx);
  scheduleApi(app, ctx);
  alertsApi(app, ctx);
  staffApi(app, ctx);
  insightsApi(app, ctx);
  statsApi(app, ctx);
  ticketsApi(app, ctx);
  learningApi(app, ctx);
  faqPages(app, ctx);
  faqCheckPages(app, ctx);
  learningPages(app, ctx);
  inboxPages(app, ctx);
  adminPages(app, ctx);
  alertPages(app, ctx);
  dashboardPages(app, ctx);
  await app.ready();

  const sweep = setInterval(() => void ctx.sessions.sweep().catch(() => undefined), SWEEP_MS);
  sweep.unref();

  return {
    fastify: app,
    routes,
    async listen(port, host = '127.0.0.1') {
      return app.listen({ port, host });
    },
    async close() {
      clearInterval(sweep);
      await app.close();
    },
  };
}
