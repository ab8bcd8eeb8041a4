/** FAQ entries: list/search, read, create, edit, delete, history, diff, revert, preview, file import/export. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_ID_LENGTH, serializeFaqFile } from '../../faq/file';
import type { FaqEntry } from '../../faq/types';
import { LANGS } from '../../i18n/languages';
import { ALL_ROLES, EDITORS } from '../access';
import type { RouteContext } from '../context';
import { HttpError, parseInput } from '../errors';
import { parseEntry } from '../faq-input';
import { diffVersions } from '../faq-versions';
import { filterFaq } from '../faq-search';
import { fileTooLarge, readUpload, uploadBodyLimit } from '../faq-upload';
import { offLoop } from '../off-loop';
import { previewAnswer } from '../preview';

const idParams = z.object({ id: z.string().min(1).max(MAX_ID_LENGTH) });
const listQuery = z.object({
  topic: z.string().trim().max(60).optional().transform((v) => v || undefined),
  lang: z.enum(LANGS).optional().or(z.literal('').transform(() => undefined)),
  q: z.string().max(200).optional(),
});
const entryBody = z.object({ entry: z.unknown() });
const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
const revertBody = z.object({ version: z.number().int().min(1) });
const previewBody = z.object({
  text: z.string().trim().min(1, 'type a question').max(2000),
  lang: z.enum(LANGS).optional(),
  /** Preview at another moment (a scheduled entry); ISO date-time. */
  at: z.iso.datetime({ offset: true }).optional(),
});
const exportQuery = z.object({ format: z.enum(['yaml', 'json']).default('yaml') });

/** Who the store records as the author of a change. */
export function actorOf(request: FastifyRequest): string {
  if (!request.staff) throw new HttpError(401, 'Not logged in');
  return request.staff.account.email;
}

async function mustGet(ctx: RouteContext, id: string): Promise<FaqEntry> {
  const entry = await ctx.deps.store.faq.get(id);
  if (!entry) throw new HttpError(404, `No FAQ entry "${id}"`);
  return entry;
}

export function faqApi(app: FastifyInstance, ctx: RouteContext): void {
  const { faq, audit } = ctx.deps.store;
  const read = { config: { access: ALL_ROLES } };
  const edit = { config: { access: EDITORS } };

  app.get('/api/faq', read, async (request) => {
    const query = parseInput(listQuery, request.query, 'query');
    return { entries: filterFaq(await faq.list(), { topic: query.topic, lang: query.lang, text: query.q }) };
  });

  app.get('/api/faq/:id', read, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    return { entry: await mustGet(ctx, id) };
  });

  app.post('/api/faq', edit, async (request, reply) => {
    const entry = parseEntry(parseInput(entryBody, request.body, 'body').entry);
    if (await faq.get(entry.id)) throw new HttpError(409, `An entry "${entry.id}" exists already: edit it instead`);
    const saved = await faq.save(entry, actorOf(request));
    void reply.code(201);
    return { entry: saved };
  });

  app.put('/api/faq/:id', edit, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const entry = parseEntry(parseInput(entryBody, request.body, 'body').entry);
    if (entry.id !== id) throw new HttpError(400, `The entry's id "${entry.id}" differs from the address "${id}"`);
    const before = await mustGet(ctx, id);
    const saved = await faq.save(entry, actorOf(request));
    // Saving what is already there keeps the version: say so, so that the editor knows.
    return { entry: saved, changed: saved.version !== before.version };
  });

  app.delete('/api/faq/:id', edit, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    if (!(await faq.delete(id, actorOf(request)))) throw new HttpError(404, `No FAQ entry "${id}"`);
    return { deleted: id };
  });

  app.get('/api/faq/:id/history', read, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const versions = await faq.history(id);
    if (versions.length === 0) throw new HttpError(404, `No FAQ entry "${id}" and no history of one`);
    return { versions };
  });

  app.get('/api/faq/:id/diff', read, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const { from, to } = parseInput(diffQuery, request.query, 'query');
    return { id, ...(await diffVersions(faq, id, from, to)) };
  });

  app.post('/api/faq/:id/revert', edit, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const { version } = parseInput(revertBody, request.body, 'body');
    const old = (await faq.history(id)).find((v) => v.version === version);
    if (!old) throw new HttpError(404, `Entry "${id}" has no version ${version}`);
    // A revert is a new version with the old content, its learned wordings too (none, if it had
    // none): the history keeps what was reverted.
    const saved = await faq.save({ ...old, learned: old.learned ?? {} }, actorOf(request));
    await audit.record({ actor: actorOf(request), action: 'faq.revert', target: id, detail: { toVersion: version, newVersion: saved.version } });
    return { entry: saved };
  });

  // POST although it changes nothing: the question can be long and must not end up in access logs.
  app.post('/api/preview', read, async (request) => {
    const body = parseInput(previewBody, request.body, 'body');
    const at = body.at ? new Date(body.at) : ctx.clock();
    return { preview: previewAnswer(ctx.deps.catalog, ctx.deps.thresholds, body.text, body.lang, at), at };
  });

  app.get('/api/faq-file', edit, async (request, reply) => {
    const { format } = parseInput(exportQuery, request.query, 'query');
    const text = serializeFaqFile(await faq.list(), format);
    void reply
      .header('content-type', format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8')
      .header('content-disposition', `attachment; filename="faq.${format}"`);
    return text;
  });

  const importLimits = { bodyLimit: uploadBodyLimit(ctx.importMaxBytes), config: { access: EDITORS, bodyTooLarge: fileTooLarge(ctx.importMaxBytes) } };
  app.post('/api/faq-file', importLimits, async (request) => {
    const upload = readUpload(request, ctx.importMaxBytes);
    const parsed = await offLoop().run('parseFaqFile', upload.file, upload.format);
    if (!parsed.ok) throw new HttpError(400, 'The FAQ file was refused; nothing was imported', parsed.problems);
    const summary = await faq.import(parsed.entries, actorOf(request), { replace: upload.replace, dryRun: upload.dryRun });
    if (!upload.dryRun) return { summary, entries: parsed.entries.length };
    // A dry run also names the entries a replacing import would delete, for the confirmation.
    const inFile = new Set(parsed.entries.map((e) => e.id));
    const deleting = upload.replace ? (await faq.list()).map((e) => e.id).filter((id) => !inFile.has(id)) : [];
    return { summary, entries: parsed.entries.length, dryRun: true, deleting };
  });
}
