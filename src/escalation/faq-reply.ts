/**
 * Answering a ticket with a FAQ entry. Many questions reach an operator because the bot was not
 * sure enough, not because it had no idea: the right entry is usually among the first three it
 * ranked. The ticket shows those entries, and the operator sends one with a click. Its answer goes
 * to the resident in the ticket's language as the operator's reply (queued, retried and kept like
 * any reply), and the resident's words are noted for the entry as a suggested question variant —
 * the bot could not place them, a person did — for an editor to accept or reject.
 */
import { answerText } from '../faq/entry-text';
import type { FaqCatalog } from '../faq/catalog';
import { isLive, type FaqEntryInput } from '../faq/types';
import type { Translator } from '../i18n';
import { LANGS } from '../i18n/languages';
import { silentLogger, type Logger } from '../logging';
import type { LearningStore, Ticket } from '../store/types';
import { DeskError, type OperatorDesk } from './operator-desk';

/** As many entries as "did you mean" offers a resident. */
export const LIKELY_ENTRIES = 3;

export interface FaqReplyDeps {
  desk: Pick<OperatorDesk, 'replyOnce'>;
  catalog: Pick<FaqCatalog, 'get' | 'match'>;
  learning: Pick<LearningStore, 'note'>;
  translator: Translator;
  logger?: Logger;
}

/**
 * The ticket's question as the resident wrote it; undefined when the resident only asked for a
 * person (the ticket then carries the operator button's label, nothing to match or learn from).
 */
function residentWords(ticket: Ticket, tr: Translator): string | undefined {
  const label = LANGS.some((lang) => tr.t(lang, 'choices.operator') === ticket.question);
  return label ? undefined : ticket.question;
}

/** The live entries the matcher ranks first for the ticket's question, best first. */
export function likelyEntries(deps: Pick<FaqReplyDeps, 'catalog' | 'translator'>, ticket: Ticket, now: Date): FaqEntryInput[] {
  const question = residentWords(ticket, deps.translator);
  if (!question) return [];
  return deps.catalog.match(question, ticket.lang, now, LIKELY_ENTRIES).candidates.map((c) => c.entry);
}

/**
 * Sends the entry's answer as `operator`'s reply on the ticket and notes the resident's words for
 * the entry. Throws DeskError 'not-found' for an entry that is gone or not live at `now`. `ref`
 * names the request (as for `OperatorDesk.reply`): the same request again neither replies nor notes
 * the words twice.
 */
export async function replyWithEntry(
  deps: FaqReplyDeps,
  ticket: Ticket,
  operator: string,
  entryId: string,
  now: Date,
  ref?: string,
): Promise<Ticket> {
  const entry = deps.catalog.get(entryId);
  if (!entry || !isLive(entry, now)) throw new DeskError('not-found', `No FAQ entry "${entryId}" answers now`);
  const { ticket: updated, sent } = await deps.desk.replyOnce(ticket.id, operator, answerText(entry, ticket.lang, deps.translator), ref);
  // The same request handled again (after a restart) sent nothing, so it teaches nothing new either.
  if (!sent) return updated;
  const question = residentWords(ticket, deps.translator);
  try {
    if (question) await deps.learning.note({ entryId: entry.id, lang: ticket.lang, text: question, source: 'operator' });
  } catch (error) {
    // The answer is on its way; failing the request now would have the operator send it twice.
    (deps.logger ?? silentLogger).warn({ ticket: ticket.id, entry: entry.id, err: error }, 'the resident was answered, but their words were not noted for the entry');
  }
  return updated;
}
