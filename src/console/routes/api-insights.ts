/** "Unanswered questions" (grouped) and the health report. */
import type { FastifyInstance } from 'fastify';
import { EDITORS } from '../access';
import type { RouteContext } from '../context';
import type { Lang } from '../../i18n/languages';
import { timeSlices } from '../../schedule/time-slices';
import { collectUnanswered, groupUnanswered, unknownWordsOf, type UnansweredGroup, type UnknownWord } from '../../stats/unanswered';

/** How much of the audit log is searched for "did not help" feedback. */
const AUDIT_WINDOW = 5000;
const DB_TIMEOUT_MS = 2000;

/** An unanswered group with the words of its questions no FAQ entry knows (unknownWordsOf). */
type UnansweredWithWords = UnansweredGroup & { unknownWords: UnknownWord[] };

/**
 * The grouped unanswered questions, largest group first, each with the words the FAQ does not know
 * in them as the bot read them (without greetings, thanks and a signed name). Reading a busy day's
 * thousands of wordings takes the matcher a while: it yields between groups (timeSlices), the bots
 * answering on the same event loop.
 */
export async function unansweredGroups(ctx: RouteContext): Promise<UnansweredWithWords[]> {
  const [tickets, audit] = await Promise.all([ctx.deps.store.tickets.list(), ctx.deps.store.audit.list(AUDIT_WINDOW)]);
  const { catalog } = ctx.deps;
  const asRead = (text: string, lang: Lang | undefined) => catalog.unknownWords(ctx.courtesy.withoutCourtesyParts(text), lang);
  const pause = timeSlices();
  const groups: UnansweredWithWords[] = [];
  for (const group of groupUnanswered(collectUnanswered(tickets, audit))) {
    groups.push({ ...group, unknownWords: unknownWordsOf(group, asRead) });
    await pause();
  }
  return groups;
}

export function insightsApi(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/unanswered', { config: { access: EDITORS } }, async () => ({ groups: await unansweredGroups(ctx) }));

  // For the operators of the service and their monitoring: no personal data, no store address.
  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    const { store, catalog, channels } = ctx.deps;
    let database: { ok: boolean; error?: string };
    try {
      await Promise.race([
        store.faq.revision(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), DB_TIMEOUT_MS).unref()),
      ]);
      database = { ok: true };
    } catch (error) {
      database = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const kind = store.description.startsWith('sqlite') ? 'sqlite' : 'mongodb';
    // Writes waiting in memory for the store are degraded too: a crash now would lose them.
    const delivery = await ctx.deps.delivery?.().catch(() => undefined);
    const ok = database.ok && !delivery?.degraded;
    void reply.code(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'degraded',
      database: { kind, ...database },
      ...(delivery ? { delivery } : {}),
      channels: channels?.() ?? [],
      faq: { entries: catalog.size, lastReloadAt: catalog.lastReloadAt ?? null },
    };
  });
}
