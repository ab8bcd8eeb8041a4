/**
 * How long the texts staff send may be, so that nothing the console accepts is refused later by a
 * channel or blows up a page: a message for residents fits one Telegram message (4,096 characters;
 * 4,000 leaves room for a header), e-mail addresses follow RFC 5321. FAQ fields have their limits in
 * the file format (`src/faq/file.ts`), which the console shares with `npm run faq:import`.
 */
import { z } from 'zod';
import { DAMAGED_TEXT_HINT } from '../faq/file';

/** An operator's reply, an alert text, a FAQ answer sent with an alert. */
export const MAX_MESSAGE_LENGTH = 4000;
export const MAX_EMAIL_LENGTH = 254;
/** A district, a topic and other short names. */
export const MAX_NAME_LENGTH = 100;

/**
 * A string of at most `max` characters that was not damaged by a wrong encoding on its way (no U+FFFD);
 * the zod message names the limit, and `parseInput` the field.
 *
 * @example z.object({ text: staffText(MAX_MESSAGE_LENGTH).trim().min(1) })
 */
export function staffText(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\uFFFD'), DAMAGED_TEXT_HINT);
}
