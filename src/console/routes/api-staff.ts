/** Staff accounts (admins only) and the audit log of logins and changes. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { STAFF_ROLES, type StaffAccount } from '../../store/types';
import { ADMINS } from '../access';
import type { RouteContext } from '../context';
import { HttpError, parseInput } from '../errors';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords';
import { MAX_EMAIL_LENGTH } from '../text-limits';
import { actorOf } from './api-faq';

const role = z.enum(STAFF_ROLES as [StaffAccount['role'], ...StaffAccount['role'][]]);
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
const createBody = z.object({ email: z.email('must be an e-mail address').max(MAX_EMAIL_LENGTH), role, password });
const updateBody = z
  .object({ role: role.optional(), disabled: z.boolean().optional(), password: password.optional() })
  .refine((b) => b.role !== undefined || b.disabled !== undefined || b.password !== undefined, 'change role, disabled or password');
const emailParams = z.object({ email: z.string().min(3).max(MAX_EMAIL_LENGTH) });
const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/** An account without its password hash, for the API. */
export function publicAccount(a: StaffAccount) {
  return { email: a.email, role: a.role, disabled: a.disabled, createdAt: a.createdAt, updatedAt: a.updatedAt };
}

export function staffApi(app: FastifyInstance, ctx: RouteContext): void {
  const { staff, audit } = ctx.deps.store;
  const admin = { config: { access: ADMINS } };

  app.get('/api/staff', admin, async () => ({ staff: (await staff.list()).map(publicAccount) }));

  app.post('/api/staff', admin, async (request, reply) => {
    const body = parseInput(createBody, request.body, 'body');
    if (await staff.get(body.email)) throw new HttpError(409, `An account "${body.email}" exists already`);
    const account = await staff.create({ email: body.email, role: body.role, passwordHash: await hashPassword(body.password, ctx.bcryptCost) });
    await audit.record({ actor: actorOf(request), action: 'staff.create', target: account.email, detail: { role: account.role } });
    void reply.code(201);
    return { account: publicAccount(account) };
  });

  app.put('/api/staff/:email', admin, async (request) => {
    const { email } = parseInput(emailParams, request.params, 'path');
    const body = parseInput(updateBody, request.body, 'body');
    const me = actorOf(request);
    if (email.toLowerCase() === me && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))) {
      throw new HttpError(400, 'You cannot disable yourself or take away your own admin role');
    }
    const account = await staff.update(email, {
      role: body.role,
      disabled: body.disabled,
      passwordHash: body.password === undefined ? undefined : await hashPassword(body.password, ctx.bcryptCost),
    });
    if (!account) throw new HttpError(404, `No account "${email}"`);
    // A disabled account or a changed password ends every open session of the account.
    if (body.disabled === true || body.password !== undefined) await staff.deleteSessionsOf(account.email);
    await audit.record({
      actor: me,
      action: 'staff.update',
      target: account.email,
      detail: { role: body.role, disabled: body.disabled, passwordChanged: body.password !== undefined },
    });
    return { account: publicAccount(account) };
  });

  app.get('/api/audit', admin, async (request) => {
    const { limit } = parseInput(auditQuery, request.query, 'query');
    return { records: await audit.list(limit) };
  });
}
