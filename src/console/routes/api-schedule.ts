/** Scheduled FAQ changes: list, schedule a save or a delete at a future time, cancel. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ALL_ROLES, EDITORS } from '../access';
import type { RouteContext } from '../context';
import { HttpError, parseInput } from '../errors';
import { parseEntry } from '../faq-input';
import { actorOf } from './api-faq';

const createBody = z.object({
  faqId: z.string().min(1).max(60),
  action: z.enum(['save', 'delete']),
  runAt: z.iso.datetime({ offset: true, error: 'must be an ISO date-time with a time zone' }),
  entry: z.unknown().optional(),
});
const idParams = z.object({ id: z.string().max(20).regex(/^\d+$/, 'must be a number') });

export function scheduleApi(app: FastifyInstance, ctx: RouteContext): void {
  const { schedule, faq, audit } = ctx.deps.store;

  app.get('/api/schedule', { config: { access: ALL_ROLES } }, async () => ({ changes: await schedule.list() }));

  app.post('/api/schedule', { config: { access: EDITORS } }, async (request, reply) => {
    const body = parseInput(createBody, request.body, 'body');
    const runAt = new Date(body.runAt);
    if (runAt.getTime() <= ctx.clock().getTime()) throw new HttpError(400, 'runAt must be in the future: save the change now instead');
    let entry;
    if (body.action === 'save') {
      if (body.entry === undefined) throw new HttpError(400, 'A scheduled save needs the entry');
      entry = parseEntry(body.entry);
      if (entry.id !== body.faqId) throw new HttpError(400, `The entry's id "${entry.id}" differs from faqId "${body.faqId}"`);
    } else if (!(await faq.get(body.faqId))) {
      throw new HttpError(404, `No FAQ entry "${body.faqId}" to delete`);
    }
    const change = await schedule.add({ faqId: body.faqId, action: body.action, entry, runAt, createdBy: actorOf(request) });
    await audit.record({ actor: actorOf(request), action: 'schedule.create', target: body.faqId, detail: { change: change.id, action: body.action, runAt: body.runAt } });
    void reply.code(201);
    return { change };
  });

  app.delete('/api/schedule/:id', { config: { access: EDITORS } }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    if (!(await schedule.finish(id, 'cancelled', ctx.clock()))) {
      throw new HttpError(404, `No pending scheduled change ${id}`);
    }
    await audit.record({ actor: actorOf(request), action: 'schedule.cancel', target: id });
    return { cancelled: id };
  });
}
