/** What the console's routes share: the bot's parts they read and write, and the console's own state. */
import type { DeliveryHealth } from '../delivery/health';
import type { OperatorDesk } from '../escalation/operator-desk';
import type { FaqCatalog } from '../faq/catalog';
import type { CourtesyReader } from '../faq/proposed-question';
import type { Translator } from '../i18n';
import type { Logger } from '../logging';
import type { Thresholds } from '../matcher';
import type { StatsSources } from '../stats/figures';
import type { Store } from '../store/types';
import type { LoginLimiter } from './login-limiter';
import type { SessionManager } from './sessions';

/** A channel as the health report shows it. */
export interface ChannelHealth {
  name: string;
  /** e.g. 'running', or the WhatsApp channel's state ('ready', 'qr', 'logged-out', …). */
  status: string;
}

/** The sub-stores the console's routes read and write (each route takes the ones it uses). */
export type ConsoleStores = Pick<Store, 'description' | 'faq' | 'audit' | 'tickets' | 'staff' | 'schedule' | 'alerts' | 'outcomes' | 'learning'>;

/** The parts of the running bot the console works on. */
export interface ConsoleDeps {
  store: ConsoleStores;
  catalog: FaqCatalog;
  thresholds: Thresholds;
  logger: Logger;
  /** Interface texts (the operators' canned replies in the resident's language). */
  translator: Translator;
  /** The channels this process serves, for /healthz. */
  channels?: () => ChannelHealth[];
  /** The operator desk (tickets); absent, the inbox answers 503. */
  desk?: OperatorDesk;
  /** Districts alerts may name (ALERT_DISTRICTS); default Pavlodar, Ekibastuz, Aksu. */
  alertDistricts?: readonly string[];
  /** Starts delivery of an alert sent now without waiting for the next tick; absent, the tick does it. */
  alertSender?: { kick(): void };
  /** Writes waiting for the store and messages given up, for /healthz; absent, not reported. */
  delivery?: () => Promise<DeliveryHealth>;
}

export interface ConsoleOptions {
  /** Session cookie only over HTTPS. */
  secureCookie?: boolean;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy). */
  trustProxy?: boolean;
  sessionHours?: number;
  loginMaxFailures?: number;
  loginWindowMinutes?: number;
  /** bcrypt cost for passwords set through the console; tests lower it. */
  bcryptCost?: number;
  /** Largest FAQ file an import accepts, in bytes (CONSOLE_IMPORT_MAX_MB; default 2 MB). */
  importMaxBytes?: number;
  /** The console's clock (sessions, rate limit, "is this run time in the future?"). */
  clock?: () => Date;
  /** SLA_MINUTES: queued tickets older than this are shown overdue (default 30). */
  slaMinutes?: number;
  /** OPERATOR_UTC_OFFSET in minutes: every time is shown and read in it (default +05:00). */
  utcOffsetMinutes?: number;
}

export interface RouteContext {
  deps: ConsoleDeps;
  sessions: SessionManager;
  limiter: LoginLimiter;
  clock: () => Date;
  bcryptCost: number;
  secureCookie: boolean;
  sessionMs: number;
  importMaxBytes: number;
  /** A bcrypt hash compared against when the e-mail is unknown (same timing as a wrong password). */
  decoyHash: Promise<string>;
  /** Where the dashboard's figures come from (also SLA_MINUTES and OPERATOR_UTC_OFFSET for every page). */
  stats: StatsSources;
  /** Takes the greetings and thanks out of a resident's words before they are offered as a question. */
  courtesy: CourtesyReader;
}
