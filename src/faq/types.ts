import { LANGS, type Lang } from '../i18n/languages';

/** Topics of the demo menu. Entries may use other topics; the menu shows these in this order. */
export const MENU_TOPICS = [
  'curfew',
  'office-hours',
  'internet',
  'loans',
  'health',
  'utilities',
  'transport',
  'safety',
] as const;

/** Per-language texts; every language is optional but an entry needs at least one. */
export type PerLang<T> = Partial<Record<Lang, T>>;

/**
 * One FAQ entry as staff write it: the shape of an entry in the import/export file
 * (`../shared/eval/faq.yaml`).
 */
export interface FaqEntryInput {
  id: string;
  topic: string;
  questions: PerLang<string[]>;
  answer: PerLang<string>;
  /**
   * Residents' wordings of the entry's question that an editor accepted from the suggested variants
   * (learning from residents). The matcher reads them with the answer, for what the entry is about:
   * a resident's words ("who checks that?", a story around the question) are not what the entry
   * asks, and weighed as its questions they pulled the neighbours' messages to it. Residents never
   * see them: a "did you mean" label is one of `questions`.
   */
  learned?: PerLang<string[]>;
  /** The entry is only answered from this moment on (scheduled publication). */
  validFrom?: Date;
  /** The entry stops being answered at this moment (expiry). */
  validUntil?: Date;
}

/** A stored FAQ entry: the input plus bookkeeping. */
export interface FaqEntry extends FaqEntryInput {
  /** 1 for a new entry, +1 on every edit. */
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

/**
 * The entry's learned wordings, in LANGS order, without the languages that have none ({} when it
 * has none at all): how the store compares them, the FAQ file writes them and the console lists them.
 */
export function learnedOf(entry: Pick<FaqEntryInput, 'learned'>): PerLang<string[]> {
  const out: PerLang<string[]> = {};
  for (const lang of LANGS) {
    const wordings = entry.learned?.[lang];
    if (wordings && wordings.length > 0) out[lang] = wordings;
  }
  return out;
}

/** True when the entry should be answered at `now` (inside its validity window). */
export function isLive(entry: FaqEntryInput, now: Date): boolean {
  if (entry.validFrom && entry.validFrom.getTime() > now.getTime()) return false;
  if (entry.validUntil && entry.validUntil.getTime() <= now.getTime()) return false;
  return true;
}
