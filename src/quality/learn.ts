/**
 * `npm run eval -- … --learn-from FILE`: what the FAQ would look like after residents taught it.
 * Every answerable message in FILE is sent to the engine as a resident would: when the bot offers
 * "did you mean" with the right entry among the choices (or offers it to read while the resident
 * waits for an operator) the resident picks it, when it answers with
 * the right entry the resident says it helped, and when it hands the message to an operator who
 * finds the right entry among those the ticket offers, the operator sends that entry's answer
 * (`replyWithEntry`, as the console's button does). The words noted on the way are then accepted
 * as learned wordings (FaqEntryInput.learned) through the same path an editor's click takes
 * (`acceptVariant`), as the console proposes them: cut to the message's question sentences,
 * without courtesy (`proposedQuestion`).
 */
import { CHOICE } from '../engine/choices';
import { likelyEntries, replyWithEntry } from '../escalation/faq-reply';
import { OperatorDesk } from '../escalation/operator-desk';
import { ReplyRelay } from '../escalation/reply-relay';
import { acceptVariant } from '../faq/learned-variants';
import type { FaqEntry, FaqEntryInput } from '../faq/types';
import { SmallTalkReader } from '../engine/small-talk';
import { proposedQuestion } from '../faq/proposed-question';
import type { Thresholds } from '../matcher/types';
import type { EvalCase } from './evaluate';
import { createOfflineEngine } from './offline-engine';

export interface Learned {
  /** The FAQ with the accepted variants. */
  entries: FaqEntry[];
  /** Learned wordings added. */
  accepted: number;
  /** Hand-offs an operator answered with the right entry offered on the ticket. */
  operatorAnswers: number;
}

const BY = 'eval:learn-from';

/** `thresholds`: the bands the residents meet (the defaults unless a test needs others). */
export async function learnFrom(entries: readonly FaqEntryInput[], cases: readonly EvalCase[], thresholds?: Thresholds): Promise<Learned> {
  const { engine, store, catalog, translator, handoff } = createOfflineEngine(entries, { thresholds });
  // No channel: the operators' replies stay queued, which is all the simulation needs.
  const desk = new OperatorDesk({ store, handoff, relay: new ReplyRelay({ store, channels: () => undefined }) });
  const operator = { desk, catalog, learning: store.learning, translator };
  let operatorAnswers = 0;
  try {
    // The FAQ goes into the store as well, so accepting a variant versions the entry as the console does.
    await store.faq.import([...entries], BY);
    for (const [i, c] of cases.entries()) {
      if (c.expect === null) continue;
      const resident = { channel: 'learn', chatId: `resident-${i}`, kind: 'text' as const };
      const { outcome } = await engine.handle({ ...resident, text: c.text });
      if (outcome.kind === 'answer' && outcome.faqId === c.expect) {
        await engine.handle({ ...resident, text: '', choiceId: CHOICE.helpful });
      } else if ((outcome.kind === 'suggest' || outcome.kind === 'escalate') && outcome.faqIds?.includes(c.expect)) {
        await engine.handle({ ...resident, text: '', choiceId: CHOICE.faq(c.expect) });
      } else if (outcome.kind === 'escalate') {
        const ticket = await store.tickets.get(outcome.ticketId);
        const now = new Date();
        if (ticket && likelyEntries(operator, ticket, now).some((e) => e.id === c.expect)) {
          await replyWithEntry(operator, ticket, BY, c.expect, now);
          operatorAnswers += 1;
        }
      }
    }
    await engine.drain();
    let accepted = 0;
    const courtesy = new SmallTalkReader(translator);
    // In a fixed order: the store lists ties by the time of their last note, which differs from run
    // to run, and the order of an entry's wordings moves scores in their last digits.
    const variants = (await store.learning.list()).sort((a, b) => order(a.entryId, b.entryId) || order(a.lang, b.lang) || order(a.text, b.text));
    for (const variant of variants) {
      const before = await store.faq.get(variant.entryId);
      // As the console proposes it: the resident's question without the story and courtesy around it.
      const { entry } = await acceptVariant(store, variant.id, BY, proposedQuestion(variant.text, courtesy, variant.lang));
      if (entry.version !== before?.version) accepted += 1;
    }
    return { entries: await store.faq.list(), accepted, operatorAnswers };
  } finally {
    await store.close();
  }
}

/** Plain code-point order: the same on every machine, whatever its locale. */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A suite's messages in two halves, every other one (`npm run eval -- --learn-split`): residents
 * of one half teach the FAQ, the other half measures it, and then the other way round. Any suite
 * then shows what learning does to its FAQ without a second set of messages.
 */
export function halves<T>(cases: readonly T[]): [T[], T[]] {
  return [cases.filter((_, i) => i % 2 === 0), cases.filter((_, i) => i % 2 === 1)];
}
