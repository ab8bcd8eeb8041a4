/**
 * The words a resident's message offers an editor as a question (a suggested variant, a new
 * entry drafted from a ticket or from unanswered messages): its question sentences without the
 * story around them (`questionPart`), and without the greeting, thanks or signature around those.
 *
 * Courtesy goes first because it is often a sentence of its own that reads as a question
 * ("Сәлеметсіз бе.", "Здравствуйте, подскажите…"): taught as a question, every later message that
 * starts the same way would lean towards that entry. Without it, the same question asked with or
 * without a greeting is also the same suggestion, and its count says how often it was asked.
 */
import type { SmallTalkReader } from '../engine/small-talk';
import type { Lang } from '../i18n/languages';
import { questionPart } from '../matcher/sentences/segments';

/** What removes the courtesy (the engine's small-talk reader, over the locales' phrases). */
export type CourtesyReader = Pick<SmallTalkReader, 'withoutCourtesyParts'>;

/** `lang`: the message's language, when known (see questionPart). */
export function proposedQuestion(text: string, courtesy: CourtesyReader, lang?: Lang): string {
  return questionPart(courtesy.withoutCourtesyParts(text), lang);
}
