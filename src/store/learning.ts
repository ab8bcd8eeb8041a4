/**
 * The learning sub-store's rules, once above both backends: what a resident's words are recognised
 * by (the key), how long they may be, and the store's clock for times.
 */
import type { LearningBackend } from './backend';
import type { LearnedVariant, LearnedVariantStatus, LearningSource, LearningStore } from './types';

/** Longer messages are stories, not questions worth offering as a variant. */
export const MAX_VARIANT_CHARS = 300;
/** At most this many suggestions are read at once. */
const LIST_LIMIT = 500;

/**
 * A phone number, an IIN or a card number (seven digits or more, spaces, brackets and dashes
 * between them allowed), or an e-mail address: a message carrying one is the resident's own
 * business, not words to teach the bot. Kept out, it never reaches an editor's list, the FAQ, its
 * history or an exported file.
 */
const CONTACT_DETAILS = [/(?:\+?\d[\s()-]*){7,}/, /[^\s@]+@[^\s@]+\.[^\s@]+/];

/** True when `text` carries contact details or an identity number (CONTACT_DETAILS). */
export function carriesContactDetails(text: string): boolean {
  return CONTACT_DETAILS.some((pattern) => pattern.test(text));
}

/** The words as kept for a variant: trimmed, with single spaces. */
export function variantText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Lower-case words and digits only, single spaces: "Лифт не работает!!" and "лифт не работает" are one. */
export function variantKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export class Learning implements LearningStore {
  constructor(
    private readonly backend: LearningBackend,
    private readonly now: () => Date,
  ) {}

  async note(input: { entryId: string; lang: LearnedVariant['lang']; text: string; source: LearningSource }): Promise<void> {
    const text = variantText(input.text);
    const key = variantKey(text);
    if (!key || text.length > MAX_VARIANT_CHARS || carriesContactDetails(text)) return;
    // An operator's choice is a person's pick as much as a resident's.
    const picked = input.source === 'helpful' ? 0 : 1;
    await this.backend.add({ entryId: input.entryId, lang: input.lang, key, text, picked, helpful: 1 - picked }, this.now());
  }

  list(filter: { entryId?: string; status?: LearnedVariantStatus[]; limit?: number } = {}): Promise<LearnedVariant[]> {
    return this.backend.list({
      entryId: filter.entryId,
      status: filter.status ?? ['pending'],
      limit: Math.min(filter.limit ?? LIST_LIMIT, LIST_LIMIT),
    });
  }

  get(id: string): Promise<LearnedVariant | null> {
    return this.backend.get(id);
  }

  async decide(id: string, status: Exclude<LearnedVariantStatus, 'pending'>, by: string): Promise<LearnedVariant | null> {
    if (!(await this.backend.decide(id, status, by, this.now()))) return null;
    return this.backend.get(id);
  }
}
