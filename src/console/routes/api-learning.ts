/**
 * Question variants residents suggest (their words that led them to an entry): list them with
 * their counts, accept one, as it is or as the editor shortened it (it becomes a learned wording of
 * the entry: a new version, audited), or reject it; take a learned wording back.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_ID_LENGTH, MAX_QUESTION_LENGTH } from '../../faq/file';
import { acceptVariant, forgetLearned, rejectVariant, VariantError } from '../../faq/learned-variants';
import { LANGS } from '../../i18n/languages';
import { ALL_ROLES, EDITORS } from '../access';
import type { RouteContext } from '../context';
import { HttpError, parseInput } from '../errors';
import { staffText } from '../text-limits';
import { actorOf } from './api-faq';

const listQuery = z.object({
  entry: z.string().min(1).max(60).optional(),
  status: z.enum(['pending', 'accepted', 'rejected']).optional(),
});
const idParams = z.object({ id: z.string().min(1).max(40).regex(/^[0-9a-f]+$/, 'must be a suggestion id') });
/** The editor's version of the words; without it, the resident's words as they are. */
const acceptBody = z.object({ text: staffText(MAX_QUESTION_LENGTH).trim().min(1).optional() });
const entryParams = z.object({ id: z.string().min(1).max(MAX_ID_LENGTH) });
/** The learned wording to take back, as the entry's page lists it. */
const forgetBody = z.object({ lang: z.enum(LANGS), text: staffText(MAX_QUESTION_LENGTH).trim().min(1) });

/** A refused decision as the HTTP answer that says why. */
function refused(error: unknown): never {
  if (error instanceof VariantError) throw new HttpError(error.kind === 'not-found' ? 404 : 409, error.message);
  throw error;
}

export function learningApi(app: FastifyInstance, ctx: RouteContext): void {
  const stores = ctx.deps.store;

  app.get('/api/learning', { config: { access: ALL_ROLES } }, async (request) => {
    const query = parseInput(listQuery, request.query, 'query');
    return { variants: await stores.learning.list({ entryId: query.entry, status: [query.status ?? 'pending'] }) };
  });

  app.post('/api/learning/:id/accept', { config: { access: EDITORS } }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const { text } = parseInput(acceptBody, request.body ?? {}, 'body');
    const { variant, entry } = await acceptVariant(stores, id, actorOf(request), text).catch(refused);
    return { variant, entry: { id: entry.id, version: entry.version } };
  });

  app.post('/api/learning/:id/reject', { config: { access: EDITORS } }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    return { variant: await rejectVariant(stores, id, actorOf(request)).catch(refused) };
  });

  app.post('/api/faq/:id/learned/remove', { config: { access: EDITORS } }, async (request) => {
    const { id } = parseInput(entryParams, request.params, 'path');
    const { lang, text } = parseInput(forgetBody, request.body, 'body');
    const entry = await forgetLearned(stores, id, lang, text, actorOf(request)).catch(refused);
    return { entry: { id: entry.id, version: entry.version } };
  });
}
