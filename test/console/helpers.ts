/** A console on a fresh SQLite store, with one account per role, driven by fastify.inject. */
import type { ConsoleDeps } from '../../src/console/context';
import { createConsoleServer, type ConsoleServer } from '../../src/console/server';
import { HandoffDesk } from '../../src/escalation';
import { OperatorDesk } from '../../src/escalation/operator-desk';
import { ReplyRelay } from '../../src/escalation/reply-relay';
import { hashPassword } from '../../src/console/passwords';
import { FaqCatalog } from '../../src/faq/catalog';
import { createTranslator } from '../../src/i18n';
import { DEFAULT_THRESHOLDS, createMatcher } from '../../src/matcher';
import { SqliteStore } from '../../src/store/sqlite';
import type { StaffRole, Store } from '../../src/store/types';
import { silentLogger } from '../../src/logging';
import { SMALL_FAQ, tempDir } from '../support/fixtures';

export const PASSWORD = 'correct horse battery';
export const ROLES: StaffRole[] = ['admin', 'editor', 'operator'];
export const emailOf = (role: StaffRole) => `${role}@helpline.kz`;

export interface Session {
  cookie: string;
  csrf: string;
}

/** What a test looks at in a response. */
export interface Reply {
  statusCode: number;
  headers: Headers;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface ConsoleFixture {
  /** The console's address, e.g. http://127.0.0.1:41234 */
  url: string;
  store: Store;
  catalog: FaqCatalog;
  console: ConsoleServer;
  /** The console's clock; tests move `now.value`. */
  now: { value: Date };
  login(role: StaffRole): Promise<Session>;
  /** Logs in as any account with the fixture's PASSWORD. */
  loginAs(email: string): Promise<Session>;
  /**
   * A request, as the given session (with its CSRF token unless `csrf: false`); `body` is sent as
   * JSON, `raw` as the bytes given with their content type; `lang` is the Accept-Language (default en).
   */
  call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options?: { session?: Session; body?: unknown; raw?: { bytes: Uint8Array; type: string }; csrf?: boolean; lang?: string },
  ): Promise<Reply>;
  close(): Promise<void>;
}

export interface ConsoleFixtureOptions {
  loginMaxFailures?: number;
  /** CONSOLE_IMPORT_MAX_MB in bytes; the console's default (2 MB) when absent. */
  importMaxBytes?: number;
  /** A store (with its FAQ) the test owns and closes itself; by default a fresh one with SMALL_FAQ. */
  store?: Store;
  /** The operator desk; by default one over the store with no running channels. */
  desk?: OperatorDesk;
  /** What /healthz reports of delivery (writes waiting for the store, messages given up). */
  delivery?: ConsoleDeps['delivery'];
  /** The FAQ catalog (filled from the store here); by default one over a new matcher. */
  catalog?: FaqCatalog;
  /** The console's clock, shared with a store the test built on it; by default 2026-01-17 12:00 UTC. */
  now?: { value: Date };
}

export async function consoleFixture(options: ConsoleFixtureOptions = {}): Promise<ConsoleFixture> {
  const tmp = tempDir('helpline-console-');
  const ownStore = !options.store;
  const store = options.store ?? new SqliteStore(tmp.dir);
  if (ownStore) await store.faq.import(SMALL_FAQ, 'seed');
  const catalog = options.catalog ?? new FaqCatalog(createMatcher());
  await catalog.refresh(store.faq);
  const desk =
    options.desk ??
    new OperatorDesk({
      store,
      handoff: new HandoffDesk(store),
      relay: new ReplyRelay({ store, channels: () => undefined }),
    });
  const hash = await hashPassword(PASSWORD, 4);
  for (const role of ROLES) await store.staff.create({ email: emailOf(role), role, passwordHash: hash });
  const now = options.now ?? { value: new Date('2026-01-17T12:00:00Z') };
  const server = await createConsoleServer(
    {
      store,
      catalog,
      thresholds: DEFAULT_THRESHOLDS,
      logger: silentLogger,
      translator: createTranslator(),
      channels: () => [{ name: 'telegram', status: 'running' }],
      desk,
      ...(options.delivery ? { delivery: options.delivery } : {}),
    },
    { bcryptCost: 4, clock: () => now.value, loginMaxFailures: options.loginMaxFailures, importMaxBytes: options.importMaxBytes },
  );

  // A real socket on a free port: fastify.inject's cookie module is an ES module jest cannot load.
  const base = await server.listen(0, '127.0.0.1');
  const call: ConsoleFixture['call'] = async (method, url, opts = {}) => {
    // The console answers in the browser's language; these tests read its English.
    const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'en' };
    if (opts.session) {
      headers.cookie = opts.session.cookie;
      if (opts.csrf !== false) headers['x-csrf-token'] = opts.session.csrf;
    }
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.raw) headers['content-type'] = opts.raw.type;
    const res = await fetch(base + url, {
      method,
      headers,
      redirect: 'manual',
      body: opts.raw ? opts.raw.bytes : opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    // An event stream never ends by itself: the walk only needs its status and headers.
    const streaming = res.headers.get('content-type')?.startsWith('text/event-stream');
    if (streaming) await res.body?.cancel();
    const body = streaming ? '' : await res.text();
    return {
      statusCode: res.status,
      headers: res.headers,
      body,
      json: <T>() => JSON.parse(body) as T,
    };
  };

  const loginAs = async (email: string): Promise<Session> => {
    const res = await call('POST', '/api/login', { body: { email, password: PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
    const setCookie = res.headers.get('set-cookie') ?? '';
    const cookie = setCookie.split(';')[0];
    if (!cookie.startsWith('helpline_session=')) throw new Error('no session cookie');
    return { cookie, csrf: res.json<{ csrfToken: string }>().csrfToken };
  };

  return {
    store,
    catalog,
    console: server,
    url: base,
    now,
    call,
    login: (role) => loginAs(emailOf(role)),
    loginAs,
    async close() {
      await server.close();
      if (ownStore) await store.close();
      tmp.cleanup();
    },
  };
}
