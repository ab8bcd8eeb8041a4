/**
 * What a page is rendered for: who asks (if logged in), in which language, and the contact centre's
 * clock. The console speaks Russian, Kazakh and English through the process's one translator; its
 * texts are the `console.*` keys of `locales/<lang>/translation.json`. The language is the one the
 * staff member chose (stored with the account), else the browser's (Accept-Language), else Russian.
 * Every time is shown in OPERATOR_UTC_OFFSET.
 */
import type { FastifyRequest } from 'fastify';
import type { Translator, Vars } from '../i18n';
import { FALLBACK_LANG, isLang, type Lang } from '../i18n/languages';
import { localParts } from '../i18n/local-time';
import type { RouteContext } from './context';
import { html, type SafeHtml } from './html';
import type { StaffContext } from './sessions';

/** Browsers that say "kz" mean Kazakh. */
const ALIASES: Record<string, Lang> = { kz: 'kk' };

/**
 * The first language of an Accept-Language header the console speaks, by preference (q), or undefined.
 *
 * @example preferredLang('kk-KZ,kk;q=0.9,ru;q=0.8') // 'kk'
 */
export function preferredLang(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { primary: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { primary } of ranked) {
    const lang = ALIASES[primary] ?? primary;
    if (isLang(lang)) return lang;
  }
  return undefined;
}

export interface View {
  lang: Lang;
  staff?: StaffContext;
  /** The path asked for (the navigation marks it). */
  path: string;
  /** The query of the address asked for (links that change one parameter keep the others). */
  query: URLSearchParams;
  now: Date;
  offsetMinutes: number;
  /** A console text: `t('inbox.title')` is `console.inbox.title` in the view's language. */
  t(key: string, vars?: Vars): string;
  /** A topic's name as residents see it in the bot (`topics.*`), or the topic as it is. */
  topic(topic: string): string;
  /** A language's own name: Русский, Қазақша, English. */
  langName(lang: Lang): string;
  /** A channel's name as staff know it (Telegram, WhatsApp), or its id. */
  channel(name: string): string;
  /** A channel's state in words ('qr' → "waiting for the QR code to be scanned"), or as reported. */
  channelState(state: string): string;
  /** A time in the operators' local time, `2026-01-17 17:05`, with the exact moment in `datetime`. */
  when(date: Date | undefined): SafeHtml | string;
  /** How long a span is, in words: `5 min`, `2 h 10 min`, `3 d 4 h`. */
  span(ms: number): string;
}

/** A view in `lang` for the console texts; `staff` and the request's path when rendering a page. */
export function makeView(
  translator: Translator,
  lang: Lang,
  clock: { now: Date; offsetMinutes: number },
  request?: { staff?: StaffContext; path: string; query?: URLSearchParams },
): View {
  const t = (key: string, vars?: Vars) => translator.t(lang, `console.${key}`, vars);
  /** The console text at `key`, or `fallback` when the console has none (a channel or state it does not know). */
  const known = (key: string, fallback: string) => {
    const text = t(key);
    return text === `console.${key}` ? fallback : text;
  };
  return {
    lang,
    staff: request?.staff,
    path: request?.path ?? '/',
    query: request?.query ?? new URLSearchParams(),
    now: clock.now,
    offsetMinutes: clock.offsetMinutes,
    t,
    topic(topic) {
      const key = `topics.${topic}`;
      const name = translator.t(lang, key);
      return name === key ? topic : name;
    },
    langName: (l) => translator.t(l, 'lang.name'),
    channel: (name) => known(`channel.${name}`, name),
    channelState: (state) => known(`channelState.${state}`, state),
    when(date) {
      if (!date) return '';
      const { date: day, time } = localParts(date, clock.offsetMinutes);
      return html`<time datetime="${date.toISOString()}">${day} ${time}</time>`;
    },
    span(ms) {
      const minutes = Math.max(0, Math.floor(ms / 60_000));
      if (minutes < 60) return t('time.minutes', { m: minutes });
      const hours = Math.floor(minutes / 60);
      if (hours < 24) return t('time.hours', { h: hours, m: minutes % 60 });
      return t('time.days', { d: Math.floor(hours / 24), h: hours % 24 });
    },
  };
}

/** The language of a request: the account's choice, else `?lang=` (the login page), else the browser's, else Russian. */
export function requestLang(request: FastifyRequest): Lang {
  const chosen = request.staff?.account.lang;
  if (chosen) return chosen;
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (!request.staff && isLang(asked)) return asked;
  return preferredLang(request.headers['accept-language']) ?? FALLBACK_LANG;
}

/** The view of a request. */
export function viewOf(request: FastifyRequest, ctx: RouteContext): View {
  const [path, query = ''] = request.url.split('?');
  return makeView(ctx.deps.translator, requestLang(request), { now: ctx.clock(), offsetMinutes: ctx.stats.utcOffsetMinutes }, { staff: request.staff, path, query: new URLSearchParams(query) });
}

