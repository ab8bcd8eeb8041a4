/**
 * Who may act on a ticket from the console: once claimed, only the operator who holds it (or an
 * admin) replies, transfers or closes; a ticket is handed only to an active operator or admin.
 * (The Telegram operator group acts through the desk directly: test/escalation/telegram-group.)
 */
import { hashPassword } from '../../src/console/passwords';
import type { Ticket } from '../../src/store/types';
import { consoleFixture, emailOf, PASSWORD, type ConsoleFixture, type Session } from './helpers';

const COLLEAGUE = 'second.operator@helpline.kz';
const RETIRED = 'retired.operator@helpline.kz';

describe('ticket rights in the console', () => {
  let f: ConsoleFixture;
  let operator: Session;
  let colleague: Session;
  let admin: Session;
  let ticket: Ticket;

  beforeEach(async () => {
    f = await consoleFixture();
    const hash = await hashPassword(PASSWORD, 4);
    await f.store.staff.create({ email: COLLEAGUE, role: 'operator', passwordHash: hash });
    await f.store.staff.create({ email: RETIRED, role: 'operator', passwordHash: hash });
    await f.store.staff.update(RETIRED, { disabled: true });
    operator = await f.login('operator');
    admin = await f.login('admin');
    colleague = await f.loginAs(COLLEAGUE);
    ticket = await f.store.tickets.create({ channel: 'telegram', chatId: '77', lang: 'ru', question: 'Где получить пропуск?', reason: 'no-match', excerpt: [] });
  });
  afterEach(() => f.close());

  const act = (session: Session, action: 'reply' | 'transfer' | 'close' | 'claim', body?: unknown) =>
    f.call('POST', `/api/tickets/${ticket.id}/${action}`, { session, body });

  it('only the claiming operator, or an admin, replies on a claimed ticket', async () => {
    expect((await act(operator, 'claim')).statusCode).toBe(200);
    const other = await act(colleague, 'reply', { text: 'Я отвечу вместо коллеги.' });
    expect(other.statusCode).toBe(403);
    expect(other.json<{ error: string }>().error).toContain(emailOf('operator'));
    expect((await act(colleague, 'transfer', { to: COLLEAGUE })).statusCode).toBe(403);
    expect((await act(colleague, 'close')).statusCode).toBe(403);
    expect((await f.store.tickets.get(ticket.id))?.messages).toEqual([]);

    expect((await act(operator, 'reply', { text: 'Пропуск выдают в акимате.' })).statusCode).toBe(200);
    expect((await act(admin, 'reply', { text: 'Дополню: с паспортом.' })).statusCode).toBe(200);
    // The admin stepped in; the ticket stays with its operator.
    expect((await act(operator, 'reply', { text: 'Ещё вопросы?' })).json<{ ticket: Ticket }>().ticket.assignee).toBe(emailOf('operator'));
    expect((await f.store.tickets.get(ticket.id))?.messages.map((m) => m.text)).toEqual(['Пропуск выдают в акимате.', 'Дополню: с паспортом.', 'Ещё вопросы?']);
  });

  it('a reply on a queued ticket claims it for the one who replies; a colleague then cannot reply', async () => {
    const first = await act(colleague, 'reply', { text: 'Здравствуйте, смотрю ваш вопрос.' });
    expect(first.statusCode).toBe(200);
    expect(first.json<{ ticket: Ticket }>().ticket.assignee).toBe(COLLEAGUE);
    expect((await act(operator, 'reply', { text: 'И я тоже.' })).statusCode).toBe(403);
  });

  it('transfers only to an active operator or admin account', async () => {
    expect((await act(operator, 'claim')).statusCode).toBe(200);
    for (const to of ['nobody@helpline.kz', emailOf('editor'), RETIRED]) {
      const res = await act(operator, 'transfer', { to });
      expect([to, res.statusCode]).toEqual([to, 400]);
      expect(res.json<{ error: string }>().error).toMatch(/not an active operator or admin account/);
    }
    expect((await f.store.tickets.get(ticket.id))?.assignee).toBe(emailOf('operator'));

    const handed = await act(operator, 'transfer', { to: COLLEAGUE.toUpperCase() });
    expect(handed.statusCode).toBe(200);
    expect(handed.json<{ ticket: Ticket }>().ticket).toMatchObject({ status: 'assigned', assignee: COLLEAGUE });
    // The new holder may act now; the previous one may not.
    expect((await act(operator, 'reply', { text: 'Ещё кое-что.' })).statusCode).toBe(403);
    expect((await act(colleague, 'reply', { text: 'Теперь отвечаю я.' })).statusCode).toBe(200);
    // Back to the queue (no address), by an admin; then anyone may claim it.
    expect((await act(admin, 'transfer', {})).json<{ ticket: Ticket }>().ticket.status).toBe('queued');
    expect((await act(operator, 'claim')).statusCode).toBe(200);
  });
});
