/**
 * FAQ rules both stores share, so that SQLite and MongoDB behave the same under the contract suite:
 * what counts as "the same content" (an identical save is not a new version) and the minimal shape
 * check of an entry before anything is written.
 */
import { LANGS } from '../i18n/languages';
import { learnedOf, type FaqEntryInput, type PerLang } from '../faq/types';
import type { ScheduledChangeInput } from './types';

/** The content of an entry in a canonical form (fixed key order), for equality checks. */
export function faqContentKey(entry: FaqEntryInput): string {
  const ordered = <T>(per: PerLang<T>) => LANGS.map((lang) => [lang, per[lang] ?? null]);
  return JSON.stringify([
    entry.topic,
    ordered(entry.questions),
    ordered(entry.answer),
    ordered(learnedOf(entry)),
    entry.validFrom?.getTime() ?? null,
    entry.validUntil?.getTime() ?? null,
  ]);
}

/**
 * The entry to store for `input`: an input that does not say which learned wordings the entry has
 * (an editor's form, a FAQ file written by hand, a scheduled edit) keeps those of `current`.
 * Residents' wordings go only when someone removes them (a file or a revert that lists none).
 */
export function withLearnedKept(input: FaqEntryInput, current: FaqEntryInput | null | undefined): FaqEntryInput {
  return input.learned === undefined && current?.learned ? { ...input, learned: current.learned } : input;
}

export function sameFaqContent(a: FaqEntryInput, b: FaqEntryInput): boolean {
  return faqContentKey(a) === faqContentKey(b);
}

/** Keeps only the input fields of an entry, in LANGS order, without undefined values. */
export function faqInputOf(entry: FaqEntryInput): FaqEntryInput {
  const pick = <T>(per: PerLang<T>) => {
    const out: PerLang<T> = {};
    for (const lang of LANGS) if (per[lang] !== undefined) out[lang] = per[lang];
    return out;
  };
  const input: FaqEntryInput = {
    id: entry.id,
    topic: entry.topic,
    questions: pick(entry.questions),
    answer: pick(entry.answer),
  };
  const learned = learnedOf(entry);
  if (Object.keys(learned).length > 0) input.learned = learned;
  if (entry.validFrom) input.validFrom = entry.validFrom;
  if (entry.validUntil) input.validUntil = entry.validUntil;
  return input;
}

/**
 * The last line of defence before a write. Files are validated thoroughly by `src/faq/file.ts`;
 * this only refuses shapes that would store garbage (callers in TypeScript can still pass data from
 * JSON or a form). Throws TypeError naming the entry and the field.
 */
export function assertStorableFaq(entry: FaqEntryInput): void {
  const bad = (field: string, what: string): never => {
    throw new TypeError(`FAQ entry "${String(entry?.id)}": ${field} ${what}`);
  };
  if (!entry || typeof entry !== 'object') throw new TypeError('FAQ entry must be an object');
  if (typeof entry.id !== 'string' || entry.id.trim() === '') bad('id', 'must be a non-empty string');
  if (typeof entry.topic !== 'string' || entry.topic.trim() === '') bad('topic', 'must be a non-empty string');
  if (!entry.questions || typeof entry.questions !== 'object') bad('questions', 'must be an object');
  if (!entry.answer || typeof entry.answer !== 'object') bad('answer', 'must be an object');
  for (const lang of LANGS) {
    const q: unknown = entry.questions[lang];
    if (q !== undefined && (!Array.isArray(q) || q.some((s) => typeof s !== 'string'))) {
      bad(`questions.${lang}`, 'must be a list of strings');
    }
    const a: unknown = entry.answer[lang];
    if (a !== undefined && typeof a !== 'string') bad(`answer.${lang}`, 'must be a string');
    const l: unknown = entry.learned?.[lang];
    if (l !== undefined && (!Array.isArray(l) || l.some((s) => typeof s !== 'string'))) bad(`learned.${lang}`, 'must be a list of strings');
  }
  if (entry.learned !== undefined && (entry.learned === null || typeof entry.learned !== 'object')) bad('learned', 'must be an object');
  if (!LANGS.some((lang) => entry.answer[lang] !== undefined)) bad('answer', 'must have at least one language');
  for (const field of ['validFrom', 'validUntil'] as const) {
    const d: unknown = entry[field];
    if (d !== undefined && !(d instanceof Date && !Number.isNaN(d.getTime()))) bad(field, 'must be a valid Date');
  }
}

/** Throws when the same id appears twice in one import (which version should win is unclear). */
export function assertUniqueIds(entries: readonly FaqEntryInput[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new TypeError(`FAQ import: id "${e.id}" appears more than once`);
    seen.add(e.id);
  }
}

/** A scheduled save must carry a storable entry with the change's id; a delete carries none. */
export function assertSchedulable(input: ScheduledChangeInput): void {
  if (input.action !== 'save') return;
  if (!input.entry || input.entry.id !== input.faqId) throw new TypeError('a scheduled save needs the entry, with id = faqId');
  assertStorableFaq(input.entry);
}
