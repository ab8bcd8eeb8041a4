/**
 * The one place that reads the environment. Everything else receives a typed `Config`.
 * `loadConfig` validates every variable at start-up and fails with one message that lists each
 * bad variable and what it should look like, so an on-call engineer fixes them all in one go.
 */
import path from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';
import { DEFAULT_DISTRICTS } from '../alerts/topics';
import { LANGS } from '../i18n/languages';
import { parseStaffedHours, parseUtcOffset, type StaffedHours } from '../escalation/staffed-hours';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../matcher';
import { DEMO_FAQ_FILE, PROJECT_ROOT } from './project-root';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A number, undefined when unset (for one whose default depends on other settings). */
const optionalNumber = (min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : Number(v)))
    .pipe(z.number().min(min).max(max).optional());

const number = (fallback: number, min: number, max: number) => optionalNumber(min, max).transform((v) => v ?? fallback);

const url = optionalString.pipe(z.url().optional());

/** True when `parse` accepts its input (the parsers throw a message naming the problem). */
function readable(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

const schema = z
  .object({
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: optionalString,
    MONGODB_URI: optionalString.pipe(
      z
        .string()
        .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
        .optional(),
    ),
    FAQ_SEED_FILE: optionalString,
    DEFAULT_LANG: z.enum(LANGS).default('ru'),
    MATCH_ANSWER_THRESHOLD: number(DEFAULT_THRESHOLDS.answer, 0, 1),
    MATCH_SUGGEST_THRESHOLD: number(DEFAULT_THRESHOLDS.suggest, 0, 1),
    // Unset: the default, or the suggest band if that is set lower (no hint band then).
    MATCH_HINT_THRESHOLD: optionalNumber(0, 1),
    TELEGRAM_BOT_TOKEN: optionalString.pipe(
      z.string().regex(/^\d+:[\w-]{20,}$/, 'looks like 123456:ABC-DEF… (from @BotFather)').optional(),
    ),
    TELEGRAM_DRIVER: z.enum(['grammy', 'telegraf']).default('grammy'),
    TELEGRAM_API_ROOT: url,
    TELEGRAM_WEBHOOK_URL: url,
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'only A-Z, a-z, 0-9, _ and -, up to 256 characters').optional(),
    ),
    TELEGRAM_WEBHOOK_PORT: number(8443, 1, 65535),
    WHATSAPP_ENABLED: flag,
    PUPPETEER_EXECUTABLE_PATH: z.string().default('/usr/bin/chromium'),
    WHATSAPP_GLOBAL_RATE_PER_MIN: number(30, 1, 6000),
    // whatsapp-web.js's own rule for a clientId (it names folders and the stored session).
    WHATSAPP_CLIENT_ID: optionalString.pipe(
      z.string().regex(/^[-_A-Za-z0-9]{1,64}$/, 'only A-Z, a-z, 0-9, _ and -, up to 64 characters (one name per WhatsApp number)').optional(),
    ),
    CONSOLE_ENABLED: z
      .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
      .optional()
      .transform((v) => v === undefined || v === '' || v === '1' || v === 'true' || v === 'yes'),
    CONSOLE_PORT: number(3000, 0, 65535),
    CONSOLE_HOST: z.string().trim().min(1).default('127.0.0.1'),
    CONSOLE_SECURE_COOKIE: flag,
    CONSOLE_TRUST_PROXY: flag,
    CONSOLE_SESSION_HOURS: number(12, 0.1, 24 * 30),
    CONSOLE_LOGIN_MAX_FAILURES: number(5, 1, 1000),
    CONSOLE_LOGIN_WINDOW_MIN: number(15, 1, 24 * 60),
    CONSOLE_IMPORT_MAX_MB: number(2, 0.01, 100),
    OPERATOR_CHAT_ID: optionalString.pipe(
      z.string().regex(/^-?\d{1,20}$/, 'must be a Telegram chat id, e.g. -1001234567890').optional(),
    ),
    SLA_MINUTES: number(30, 1, 24 * 60),
    OPERATOR_UTC_OFFSET: z
      .string()
      .default('+05:00')
      .refine((v) => readable(() => parseUtcOffset(v)), 'must be a UTC offset like +05:00'),
    STAFFED_HOURS: optionalString.pipe(
      z
        .string()
        .refine((v) => readable(() => parseStaffedHours(v, 0)), 'must look like "Mon-Fri 09:00-13:00,14:00-18:00; Sat 10:00-14:00"')
        .optional(),
    ),
    ALERT_DISTRICTS: optionalString,
    ALERT_TELEGRAM_PER_SECOND: number(25, 1, 1000),
    ALERT_WHATSAPP_PER_MINUTE: number(20, 1, 6000),
    OUTBOX_MAX_AGE_MINUTES: number(24 * 60, 1, 7 * 24 * 60),
    SCHEDULE_CRON: optionalString.pipe(
      z
        .string()
        .refine((v) => cron.validate(v), 'must be a cron expression, e.g. "* * * * *" (every minute)')
        .optional(),
    ),
  })
  .refine((c) => c.MATCH_SUGGEST_THRESHOLD <= c.MATCH_ANSWER_THRESHOLD, {
    message: 'must not be above MATCH_ANSWER_THRESHOLD',
    path: ['MATCH_SUGGEST_THRESHOLD'],
  })
  .refine((c) => c.MATCH_HINT_THRESHOLD === undefined || c.MATCH_HINT_THRESHOLD <= c.MATCH_SUGGEST_THRESHOLD, {
    message: 'must not be above MATCH_SUGGEST_THRESHOLD',
    path: ['MATCH_HINT_THRESHOLD'],
  })
  .refine((c) => !c.TELEGRAM_WEBHOOK_URL || c.TELEGRAM_WEBHOOK_SECRET, {
    message: 'is required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it back in a header we check)',
    path: ['TELEGRAM_WEBHOOK_SECRET'],
  });

export interface Config {
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the embedded database and other local state (absolute). */
  dataDir: string;
  /** Set: MongoDB is the store. Unset: embedded SQLite in dataDir. */
  mongodbUri?: string;
  /** FAQ loaded into an empty store at start (absolute). */
  faqSeedFile: string;
  defaultLang: (typeof LANGS)[number];
  thresholds: Thresholds;
  telegram: {
    token?: string;
    driver: 'grammy' | 'telegraf';
    apiRoot?: string;
    webhookUrl?: string;
    webhookSecret?: string;
    webhookPort: number;
  };
  whatsapp: {
    enabled: boolean;
    executablePath: string;
    globalRatePerMin: number;
    /**
     * Names this number's saved login (whatsapp-web.js `clientId`), so that two numbers on one
     * database (or one data folder) keep two logins. Unset: the unnamed default.
     */
    clientId?: string;
  };
  console: {
    /** Serve the staff console from this process. */
    enabled: boolean;
    port: number;
    host: string;
    /** Mark the session cookie Secure (set it when the console is reached over HTTPS). */
    secureCookie: boolean;
    /** Behind a reverse proxy: take the client address from X-Forwarded-For (login rate limit, audit). */
    trustProxy: boolean;
    sessionHours: number;
    /** Failed logins per IP and e-mail allowed within the window before 429. */
    loginMaxFailures: number;
    loginWindowMinutes: number;
    /** Largest FAQ file the console imports, in bytes; larger ones get 413. */
    importMaxBytes: number;
  };
  /** When the scheduler looks for due FAQ changes (node-cron expression). */
  scheduleCron: string;
  alerts: {
    /** Districts a resident may pick for alerts (ALERT_DISTRICTS, comma-separated). */
    districts: string[];
    /** Alert messages per second across all Telegram chats (Telegram allows about 30). */
    telegramPerSecond: number;
    /** Alert messages per minute on WhatsApp, kept slow against bans. */
    whatsappPerMinute: number;
  };
  outbox: {
    /** A message not delivered by this age is given up and shown to staff as failed. */
    maxAgeMinutes: number;
  };
  operators: {
    /** The Telegram group where tickets are posted and answered (OPERATOR_CHAT_ID). */
    chatId?: string;
    /** Minutes a ticket may wait in the queue before it is flagged and the resident updated. */
    slaMinutes: number;
    /** OPERATOR_UTC_OFFSET in minutes (+05:00 → 300): the contact centre's local time. */
    utcOffsetMinutes: number;
    /** When operators are on duty; absent: always. */
    hours?: StaffedHours;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment. Throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || 'environment';
        const value = env[name];
        const shown = value === undefined || /TOKEN|SECRET|URI/.test(name) ? '' : ` (got "${value}")`;
        return `${name}${shown}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    logLevel: e.LOG_LEVEL,
    dataDir: path.resolve(PROJECT_ROOT, e.DATA_DIR ?? 'data'),
    mongodbUri: e.MONGODB_URI,
    faqSeedFile: e.FAQ_SEED_FILE === undefined ? DEMO_FAQ_FILE : path.resolve(PROJECT_ROOT, e.FAQ_SEED_FILE),
    defaultLang: e.DEFAULT_LANG,
    thresholds: {
      answer: e.MATCH_ANSWER_THRESHOLD,
      suggest: e.MATCH_SUGGEST_THRESHOLD,
      hint: e.MATCH_HINT_THRESHOLD ?? Math.min(DEFAULT_THRESHOLDS.hint, e.MATCH_SUGGEST_THRESHOLD),
    },
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      driver: e.TELEGRAM_DRIVER,
      apiRoot: e.TELEGRAM_API_ROOT,
      webhookUrl: e.TELEGRAM_WEBHOOK_URL,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
      webhookPort: e.TELEGRAM_WEBHOOK_PORT,
    },
    whatsapp: {
      enabled: e.WHATSAPP_ENABLED,
      executablePath: e.PUPPETEER_EXECUTABLE_PATH,
      globalRatePerMin: e.WHATSAPP_GLOBAL_RATE_PER_MIN,
      ...(e.WHATSAPP_CLIENT_ID ? { clientId: e.WHATSAPP_CLIENT_ID } : {}),
    },
    console: {
      enabled: e.CONSOLE_ENABLED,
      port: e.CONSOLE_PORT,
      host: e.CONSOLE_HOST,
      secureCookie: e.CONSOLE_SECURE_COOKIE,
      trustProxy: e.CONSOLE_TRUST_PROXY,
      sessionHours: e.CONSOLE_SESSION_HOURS,
      loginMaxFailures: e.CONSOLE_LOGIN_MAX_FAILURES,
      loginWindowMinutes: e.CONSOLE_LOGIN_WINDOW_MIN,
      importMaxBytes: Math.round(e.CONSOLE_IMPORT_MAX_MB * 1024 * 1024),
    },
    scheduleCron: e.SCHEDULE_CRON ?? '* * * * *',
    alerts: {
      districts: (e.ALERT_DISTRICTS ?? DEFAULT_DISTRICTS.join(','))
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
      telegramPerSecond: e.ALERT_TELEGRAM_PER_SECOND,
      whatsappPerMinute: e.ALERT_WHATSAPP_PER_MINUTE,
    },
    outbox: { maxAgeMinutes: e.OUTBOX_MAX_AGE_MINUTES },
    operators: {
      chatId: e.OPERATOR_CHAT_ID,
      slaMinutes: e.SLA_MINUTES,
      utcOffsetMinutes: parseUtcOffset(e.OPERATOR_UTC_OFFSET),
      hours: e.STAFFED_HOURS ? parseStaffedHours(e.STAFFED_HOURS, parseUtcOffset(e.OPERATOR_UTC_OFFSET)) : undefined,
    },
  };
}
