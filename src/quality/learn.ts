/**
 * `npm run eval -- … --learn-from FILE`: what the FAQ would look like after residents taught it.
 * Every answerable message in FILE is sent to the engine as a resident would: when the bot offers
 * "did you mean" with the right entry among the choices the resident picks it, when it answers with
 * the right entry the resident says it helped. The words the engine noted are then accepted as
 * question variants through the same path an editor's click takes (`acceptVariant`).
 */
import { CHOICE } from '../engine/choices';
import { acceptVariant } from '../faq/learned-variants';
import type { FaqEntry, FaqEntryInput } from '../faq/types';
import type { EvalCase } from './evaluate';
import { createOfflineEngine } from './offline-engine';

export interface Learned {
  /** The FAQ with the accepted variants. */
  entries: FaqEntry[];
  /** Question variants added. */
  accepted: number;
}

const BY = 'eval:learn-from';

export async function learnFrom(entries: readonly FaqEntryInput[], cases: readonly EvalCase[]): Promise<Learned> {
  const { engine, store } = createOfflineEngine(entries);
  try {
    // The FAQ goes into the store as well, so accepting a variant versions the entry as the console does.
    await store.faq.import([...entries], BY);
    for (const [i, c] of cases.entries()) {
      if (c.expect === null) continue;
      const resident = { channel: 'learn', chatId: `resident-${i}`, kind: 'text' as const };
      const { outcome } = await engine.handle({ ...resident, text: c.text });
      if (outcome.kind === 'answer' && outcome.faqId === c.expect) {
        await engine.handle({ ...resident, text: '', choiceId: CHOICE.helpful });
      } else if (outcome.kind === 'suggest' && outcome.faqIds.includes(c.expect)) {
        await engine.handle({ ...resident, text: '', choiceId: CHOICE.faq(c.expect) });
      }
    }
    await engine.drain();
    let accepted = 0;
    for (const variant of await store.learning.list()) {
      const before = await store.faq.get(variant.entryId);
      const { entry } = await acceptVariant(store, variant.id, BY);
      if (entry.version !== before?.version) accepted += 1;
    }
    return { entries: await store.faq.list(), accepted };
  } finally {
    await store.close();
  }
}
