/**
 * How well the bot knows an entry beyond its own wording, for editors: each question variant is
 * asked as a new question (with itself left out of the index, see `FaqMatcher.askEachVariant`) and
 * the configured bands say what the bot would then do. A variant the rest of the entry carries is
 * answered; one only its own words carry is offered, handed to an operator, or taken for another
 * entry. Residents rarely use an editor's exact words, so the second kind is where the bot will be
 * unsure with theirs. The shares compare the entries of one FAQ and are no forecast for residents:
 * the bands' probabilities were fitted on these same questions (self-calibration.ts), so a FAQ with
 * fewer wordings can score higher here while the bot answers fewer residents.
 */
import { LANGS, type Lang } from '../i18n/languages';
import { decide } from '../matcher';
import type { FaqMatcher, Thresholds, VariantTrial } from '../matcher/types';
import { timeSlices } from '../schedule/time-slices';
import type { FaqEntryInput } from './types';

/** What the bot would do with a variant asked in its words by a resident, the FAQ not having them. */
export type TrialOutcome = 'answered' | 'offered' | 'other' | 'handed-over';

export interface VariantCheck {
  text: string;
  lang: Lang;
  outcome: TrialOutcome;
  /** For 'other': the entry the bot would answer with, or offer first, instead. */
  instead?: string;
  /** Its words nothing else in the entry has: residents who do not use them depend on the rest. */
  ownWords: string[];
}

export interface LanguageCheck {
  lang: Lang;
  /** The entry's question variants in this language. */
  variants: number;
  /** Of them, answered with this entry when asked as new questions. */
  answered: number;
}

export interface EntryCheck {
  id: string;
  variants: VariantCheck[];
  /** Every language the entry has an answer or a question in, in LANGS order. */
  languages: LanguageCheck[];
  /** Variants by outcome ('other' is the rest). */
  answered: number;
  offered: number;
  handedOver: number;
}

/**
 * Fewer question variants than this in a language an entry answers in: residents who put it another
 * way depend on the other languages' questions and the answer text alone (the "more variants"
 * advice editors see). Two is the least that lets one variant be asked while another stays.
 */
export const FEW_VARIANTS = 2;

/** The outcome of one trial under the bands. */
export function outcomeOf(id: string, trial: VariantTrial, thresholds: Thresholds): VariantCheck {
  const decision = decide(trial.result, thresholds);
  const base = { text: trial.text, lang: trial.lang, ownWords: trial.ownWords };
  if (decision.kind === 'answer') {
    return decision.id === id ? { ...base, outcome: 'answered' } : { ...base, outcome: 'other', instead: decision.id };
  }
  const offered = decision.kind === 'suggest' ? decision.ids : decision.kind === 'none' ? (decision.ids ?? []) : [];
  if (offered.includes(id)) return { ...base, outcome: 'offered' };
  if (offered.length > 0) return { ...base, outcome: 'other', instead: offered[0] };
  return { ...base, outcome: 'handed-over' };
}

/** The check of one entry (undefined: the matcher does not have it). */
export function checkEntry(
  matcher: Pick<FaqMatcher, 'askEachVariant'>,
  entry: FaqEntryInput,
  thresholds: Thresholds,
): EntryCheck | undefined {
  const trials = matcher.askEachVariant(entry.id);
  if (!trials) return undefined;
  const variants = trials.map((trial) => outcomeOf(entry.id, trial, thresholds));
  const languages = LANGS.filter((l) => entry.answer[l] !== undefined || (entry.questions[l]?.length ?? 0) > 0).map((lang) => {
    const own = variants.filter((v) => v.lang === lang);
    return { lang, variants: own.length, answered: own.filter((v) => v.outcome === 'answered').length };
  });
  return {
    id: entry.id,
    variants,
    languages,
    answered: variants.filter((v) => v.outcome === 'answered').length,
    offered: variants.filter((v) => v.outcome === 'offered').length,
    handedOver: variants.filter((v) => v.outcome === 'handed-over').length,
  };
}

/** Languages the entry answers in with fewer than FEW_VARIANTS questions. */
export function fewVariantLanguages(check: EntryCheck): Lang[] {
  return check.languages.filter((l) => l.variants < FEW_VARIANTS).map((l) => l.lang);
}

export interface FaqCheck {
  entries: EntryCheck[];
  /** Question variants by outcome over the whole FAQ. */
  totals: Record<TrialOutcome, number>;
}

/** How many questions the check asked: every question of every entry, whatever became of it. */
export function questionCount(check: FaqCheck): number {
  return Object.values(check.totals).reduce((n, count) => n + count, 0);
}

/** The whole FAQ's check from its entries' checks. */
function summed(checks: EntryCheck[]): FaqCheck {
  const totals: Record<TrialOutcome, number> = { answered: 0, offered: 0, other: 0, 'handed-over': 0 };
  for (const check of checks) for (const v of check.variants) totals[v.outcome] += 1;
  return { entries: checks, totals };
}

/** A check stopped because the FAQ changed under it: its result would have mixed two FAQs. */
export class OutdatedCheck extends Error {
  constructor() {
    super('the FAQ changed during the check');
    this.name = 'OutdatedCheck';
  }
}

/**
 * Every entry's check, in the order given, in slices of about `sliceMs` with a yield to the event
 * loop between them: the bot that answers residents may run in the same process, and must not
 * wait for an editor's check. `progress` is told after each entry (a 10,000-entry FAQ takes about
 * half a minute). Before each entry `outdated` is asked whether the FAQ changed meanwhile; if so
 * the check rejects with OutdatedCheck rather than spend that half minute on a result nobody wants.
 */
export async function checkFaq(
  matcher: Pick<FaqMatcher, 'askEachVariant'>,
  entries: readonly FaqEntryInput[],
  thresholds: Thresholds,
  options: { sliceMs?: number; progress?: (done: number, total: number) => void; outdated?: () => boolean } = {},
): Promise<FaqCheck> {
  const pause = timeSlices(options.sliceMs);
  const checks: EntryCheck[] = [];
  for (const [i, entry] of entries.entries()) {
    if (options.outdated?.()) throw new OutdatedCheck();
    const check = checkEntry(matcher, entry, thresholds);
    if (check) checks.push(check);
    options.progress?.(i + 1, entries.length);
    await pause();
  }
  return summed(checks);
}

/** Share of an entry's variants answered when asked as new questions (1 for an entry without any). */
export function answeredShare(check: EntryCheck): number {
  return check.variants.length === 0 ? 1 : check.answered / check.variants.length;
}

/** An entry with a question the rest of it does not carry, or a language with too few questions. */
export function needsAttention(check: EntryCheck): boolean {
  return check.answered < check.variants.length || fewVariantLanguages(check).length > 0;
}

/** The checks, the least carried first (then by id): where an editor's work helps most. */
export function weakestFirst(checks: readonly EntryCheck[]): EntryCheck[] {
  return [...checks].sort((a, b) => answeredShare(a) - answeredShare(b) || a.id.localeCompare(b.id));
}

/** The entries the check's questions were taken for, with how many, most often first. */
export function takenFor(check: EntryCheck): Array<[id: string, times: number]> {
  const counts = new Map<string, number>();
  for (const v of check.variants) if (v.instead) counts.set(v.instead, (counts.get(v.instead) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
