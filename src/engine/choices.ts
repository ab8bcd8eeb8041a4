/**
 * Choice ids: short, stable strings that travel through a channel (Telegram callback data is
 * limited to 64 bytes) and come back when the resident picks a choice. Anything that does not
 * parse is treated as a stale or forged choice by the engine.
 */
import { isLang, type Lang } from '../i18n/languages';
import type { EscalationReason } from './types';

export const CHOICE = {
  menu: 'menu',
  operator: 'op',
  /** "Connect me to an operator" after an answer did not help. */
  operatorNotHelpful: 'op:nh',
  helpful: 'fb:yes',
  notHelpful: 'fb:no',
  topic: (topic: string) => `topic:${topic}`,
  faq: (id: string) => `faq:${id}`,
  lang: (lang: Lang) => `lang:${lang}`,
  /** The resident's 1–5 rating of an operator's help, asked when a ticket closes. */
  rating: (score: number) => `rate:${score}`,
  /** Subscribe to alerts on a topic. */
  alertTopic: (topic: string) => `subt:${topic}`,
  /** The district of the alert subscription: its index in the configured list, or 'all'. */
  alertDistrict: (district: number | 'all') => `subd:${district}`,
} as const;

/**
 * What a typed pick ("3", "второй") is when it picks nothing: no choice offered, or fewer. Never
 * offered as a choice, so it parses as none, and the resident is told so with the topics.
 */
export const TYPED_NOTHING = 'typed:none';

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;

export type ParsedChoice =
  | { kind: 'menu' }
  | { kind: 'operator'; reason: EscalationReason }
  | { kind: 'feedback'; helpful: boolean }
  | { kind: 'topic'; topic: string }
  | { kind: 'faq'; id: string }
  | { kind: 'lang'; lang: Lang }
  | { kind: 'rating'; score: number }
  | { kind: 'alert-topic'; topic: string }
  | { kind: 'alert-district'; index: number | 'all' };

const SLUG = /^[a-z0-9][a-z0-9_-]{0,59}$/;

export function parseChoice(id: string): ParsedChoice | null {
  if (id === CHOICE.menu) return { kind: 'menu' };
  if (id === CHOICE.operator) return { kind: 'operator', reason: 'requested' };
  if (id === CHOICE.operatorNotHelpful) return { kind: 'operator', reason: 'not-helpful' };
  if (id === CHOICE.helpful) return { kind: 'feedback', helpful: true };
  if (id === CHOICE.notHelpful) return { kind: 'feedback', helpful: false };
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const prefix = id.slice(0, colon);
  const value = id.slice(colon + 1);
  if (prefix === 'lang') return isLang(value) ? { kind: 'lang', lang: value } : null;
  if (prefix === 'rate') return /^[1-5]$/.test(value) ? { kind: 'rating', score: Number(value) } : null;
  if (prefix === 'subd') return value === 'all' ? { kind: 'alert-district', index: 'all' } : /^\d{1,3}$/.test(value) ? { kind: 'alert-district', index: Number(value) } : null;
  if (!SLUG.test(value)) return null;
  if (prefix === 'subt') return { kind: 'alert-topic', topic: value };
  if (prefix === 'topic') return { kind: 'topic', topic: value };
  if (prefix === 'faq') return { kind: 'faq', id: value };
  return null;
}
