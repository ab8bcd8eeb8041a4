/**
 * Handing a conversation to a person: on request (/operator, the operator choice, "did not help"
 * → operator), for a message too long to be a FAQ question, and for a question the answering
 * handlers passed on as unanswered (with the entries that may answer it after all, offered to read
 * while the resident waits). The ticket is stored through the hand-off port before the
 * resident is told its number: it is the hand-off's record. The conversation's new mode is written
 * behind with the rest of its state (the engine's save step); start-up restores it from the open
 * tickets should the process die first (escalation/restore-handoffs.ts). A hand-off the store
 * cannot take is not promised: the resident is asked to try again or call 109.
 */
import type { FaqCatalog } from '../../faq/catalog';
import type { Translator } from '../../i18n';
import { maskId, silentLogger, type Logger } from '../../logging';
import type { TicketInput } from '../../store/types';
import { HandoffUnavailable, type HandoffPort } from '../ports';
import type { Handler, Turn, Unanswered } from '../turn';
import type { Reply } from '../types';
import { UrgencyReader } from '../urgency';
import { entriesOf, entryChoices } from './entry-choices';

export interface EscalationOptions {
  handoff: Pick<HandoffPort, 'start'>;
  /** For the ticket's topic (that of the FAQ entry answered last), and the hints' labels. */
  catalog: Pick<FaqCatalog, 'get' | 'closestQuestions'>;
  translator: Translator;
  logger?: Logger;
}

export function escalationHandler(options: EscalationOptions): Handler {
  const urgency = new UrgencyReader(options.translator);
  return (turn, next) => {
    const request = handOver(turn);
    if (!request) return next();
    // Someone in danger now: 112 first, before "I could not find an answer" or "too long".
    return escalate(turn, urgency.says(turn.input.text) ? { ...request, leadKey: 'escalation.urgent', urgent: true } : request, options);
  };
}

/** What this turn hands over, if anything. */
function handOver(turn: Turn): Unanswered | undefined {
  const { choice, choiceId, command, kind, text } = turn.input;
  const asked = turn.conversation.lastQuestion ?? '';
  if (choice?.kind === 'operator') return { question: asked, reason: choice.reason };
  if (choiceId) return undefined;
  if (command?.name === 'operator') return { question: asked, reason: 'requested' };
  if (!command && kind === 'long') return { question: text, reason: 'no-match', leadKey: 'input.tooLong' };
  return turn.unanswered;
}

async function escalate(
  turn: Turn,
  { question, reason, leadKey, hints, urgent }: Unanswered & { urgent?: true },
  options: EscalationOptions,
): Promise<void> {
  const { handoff, catalog, translator: tr } = options;
  const conv = turn.conversation;
  const lang = turn.lang;
  const input: TicketInput = {
    channel: conv.channel,
    chatId: conv.chatId,
    lang,
    question: question || tr.t(lang, 'choices.operator'),
    reason,
    topic: conv.lastFaqId ? catalog.get(conv.lastFaqId)?.topic : undefined,
    // A question read as other than typed (another keyboard layout): the operator sees the keys too.
    excerpt: [...conv.recent, ...(turn.input.typed ? [{ from: 'resident' as const, text: turn.input.residentLine, at: turn.now }] : [])],
    ...(turn.ref ? { source: turn.ref } : {}),
    // Operators take it first (the console's queue, the operator group's post).
    ...(urgent ? { urgent } : {}),
  };
  let ticket;
  try {
    ticket = await handoff.start(input);
  } catch (error) {
    if (!(error instanceof HandoffUnavailable)) throw error;
    // Told the truth: nobody will see this question unless the resident tries again.
    (options.logger ?? silentLogger).error({ channel: conv.channel, chat: maskId(conv.chatId), err: error }, 'hand-off not stored; the resident was told to try again');
    return turn.answer({ kind: 'handoff-failed', reason }, { text: tr.t(lang, 'escalation.unavailable') });
  }
  conv.mode = 'operator';
  conv.ticketId = ticket.id;
  conv.lastFaqId = undefined;
  (options.logger ?? silentLogger).info({ channel: conv.channel, chat: maskId(conv.chatId), ticket: ticket.id, reason }, 'escalated');
  const queued = tr.t(lang, 'escalation.queued', { ticket: ticket.id });
  const said: Reply = { text: leadKey ? `${tr.t(lang, leadKey)} ${queued}` : queued };
  // Someone in danger is told to call 112 now: answers to read meanwhile would only stand in the
  // way ("my father is not breathing, help" was offered how to help the people affected).
  const entries = urgent ? [] : entriesOf(catalog, hints ?? []);
  if (entries.length === 0) {
    conv.lastQuestion = undefined;
    return turn.answer({ kind: 'escalate', ticketId: ticket.id, reason }, said);
  }
  // The question stays the conversation's last: an entry picked from these was picked for it.
  turn.answer(
    { kind: 'escalate', ticketId: ticket.id, reason, faqIds: entries.map((e) => e.id) },
    said,
    // Labelled from the words the FAQ was asked, which found them (the question without its courtesy).
    { text: tr.t(lang, 'escalation.hints'), choices: entryChoices(entries, lang, catalog.closestQuestions(turn.input.question, lang, hints ?? [])) },
  );
}
