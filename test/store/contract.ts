/**
 * The contract every Store must keep, run against each implementation (sqlite.test.ts,
 * mongo.test.ts). A behaviour belongs here when callers rely on it whatever the database.
 */
import type { FaqEntryInput } from '../../src/faq/types';
import type { Conversation, Store, TicketInput, TranscriptLine } from '../../src/store/types';

export function faq(id: string, overrides: Partial<FaqEntryInput> = {}): FaqEntryInput {
  return {
    id,
    topic: 'curfew',
    questions: { ru: [`Вопрос про ${id}?`], en: [`Question about ${id}?`] },
    answer: { ru: `Ответ про ${id}.`, en: `Answer about ${id}.` },
    ...overrides,
  };
}

function ticketInput(overrides: Partial<TicketInput> = {}): TicketInput {
  return {
    channel: 'telegram',
    chatId: '1001',
    lang: 'ru',
    question: 'Где получить пропуск?',
    reason: 'no-match',
    excerpt: [{ from: 'resident', text: 'Где получить пропуск?', at: new Date('2022-01-10T08:00:00.123Z') }],
    ...overrides,
  };
}

const line = (text: string, at = new Date()): TranscriptLine => ({ from: 'operator', text, at });

/** What the FAQ part of a store looks like, to compare before and after a failed change. */
async function faqSnapshot(store: Store) {
  return {
    list: await store.listFaq(),
    revision: await store.faqRevision(),
    history: await Promise.all((await store.listFaq()).map((e) => store.faqHistory(e.id))),
  };
}

export function runStoreContract(
  name: string,
  open: () => Promise<Store>,
  cleanup: (store: Store) => Promise<void> = (store) => store.close(),
): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await cleanup(store);
    });

    describe('FAQ', () => {
      it('creates version 1 and keeps every version, newest first', async () => {
        const v1 = await store.saveFaq(faq('bank-hours'), 'alice');
        expect(v1).toMatchObject({ id: 'bank-hours', version: 1, updatedBy: 'alice' });
        expect(v1.updatedAt).toBeInstanceOf(Date);
        const v2 = await store.saveFaq(faq('bank-hours', { answer: { ru: 'Новый ответ.' } }), 'bob');
        expect(v2).toMatchObject({ version: 2, updatedBy: 'bob', answer: { ru: 'Новый ответ.' } });
        expect(await store.getFaq('bank-hours')).toEqual(v2);
        const history = await store.faqHistory('bank-hours');
        expect(history.map((e) => e.version)).toEqual([2, 1]);
        expect(history[0]).toEqual(v2);
        expect(history[1]).toMatchObject({ updatedBy: 'alice', answer: faq('bank-hours').answer });
      });

      it('reverts by saving an old version as a new one', async () => {
        await store.saveFaq(faq('a'), 'alice');
        await store.saveFaq(faq('a', { topic: 'health' }), 'alice');
        const [, old] = await store.faqHistory('a');
        const reverted = await store.saveFaq(old, 'bob');
        expect(reverted).toMatchObject({ version: 3, topic: 'curfew' });
      });

      it('round-trips validity dates and per-language texts', async () => {
        const entry = faq('scheduled', {
          questions: { kk: ['Қашан?', 'Қайда?'] },
          answer: { kk: 'Ертең.' },
          validFrom: new Date('2022-01-10T01:00:00.250Z'),
          validUntil: new Date('2022-02-01T00:00:00Z'),
        });
        await store.saveFaq(entry, 'alice');
        const got = await store.getFaq('scheduled');
        expect(got?.validFrom).toBeInstanceOf(Date);
        expect(got).toMatchObject(entry);
        expect(got?.questions).toEqual({ kk: ['Қашан?', 'Қайда?'] });
      });

      it('does not make a new version when the content is identical', async () => {
        const v1 = await store.saveFaq(faq('same'), 'alice');
        const revision = await store.faqRevision();
        // The same content with languages in another key order is still the same content.
        const reordered = { ...faq('same'), answer: { en: 'Answer about same.', ru: 'Ответ про same.' } };
        const again = await store.saveFaq(reordered, 'bob');
        expect(again).toEqual(v1);
        expect(await store.faqHistory('same')).toHaveLength(1);
        expect(await store.faqRevision()).toBe(revision);
      });

      it('deletes an entry but keeps its history; re-creating continues the numbering', async () => {
        await store.saveFaq(faq('gone'), 'alice');
        await store.saveFaq(faq('gone', { topic: 'health' }), 'alice');
        expect(await store.deleteFaq('gone', 'bob')).toBe(true);
        expect(await store.deleteFaq('gone', 'bob')).toBe(false);
        expect(await store.getFaq('gone')).toBeNull();
        expect(await store.listFaq()).toEqual([]);
        expect((await store.faqHistory('gone')).map((e) => e.version)).toEqual([2, 1]);
        const back = await store.saveFaq(faq('gone'), 'carol');
        expect(back.version).toBe(3);
      });

      it('lists entries in the order they were created', async () => {
        for (const id of ['c', 'a', 'b']) await store.saveFaq(faq(id), 'alice');
        await store.saveFaq(faq('a', { topic: 'health' }), 'alice');
        expect((await store.listFaq()).map((e) => e.id)).toEqual(['c', 'a', 'b']);
      });

      it('grows the revision on every change and only then', async () => {
        const r0 = await store.faqRevision();
        await store.saveFaq(faq('a'), 'x');
        const r1 = await store.faqRevision();
        await store.saveFaq(faq('a'), 'x');
        expect(await store.faqRevision()).toBe(r1);
        await store.saveFaq(faq('a', { topic: 'health' }), 'x');
        const r2 = await store.faqRevision();
        await store.deleteFaq('a', 'x');
        const r3 = await store.faqRevision();
        await store.importFaq([faq('b')], 'x');
        const r4 = await store.faqRevision();
        expect([r0, r1, r2, r3]).toEqual([...[r0, r1, r2, r3]].sort((p, q) => p - q));
        expect(new Set([r0, r1, r2, r3, r4]).size).toBe(5);
      });

      it('imports, reporting created, updated, unchanged and deleted', async () => {
        await store.importFaq([faq('a'), faq('b'), faq('c')], 'alice');
        const summary = await store.importFaq([faq('a'), faq('b', { topic: 'health' }), faq('d')], 'bob');
        expect(summary).toEqual({ created: 1, updated: 1, unchanged: 1, deleted: 0 });
        expect((await store.listFaq()).map((e) => e.id).sort()).toEqual(['a', 'b', 'c', 'd']);
        expect((await store.getFaq('b'))?.version).toBe(2);
        expect((await store.getFaq('a'))?.updatedBy).toBe('alice');
      });

      it('with replace, deletes the entries missing from the import', async () => {
        await store.importFaq([faq('a'), faq('b'), faq('c')], 'alice');
        const summary = await store.importFaq([faq('b'), faq('e')], 'bob', { replace: true });
        expect(summary).toEqual({ created: 1, updated: 0, unchanged: 1, deleted: 2 });
        expect((await store.listFaq()).map((e) => e.id).sort()).toEqual(['b', 'e']);
        expect(await store.faqHistory('a')).toHaveLength(1);
      });

      it('imports all or nothing: a bad entry leaves the store unchanged', async () => {
        await store.importFaq([faq('a'), faq('b')], 'alice');
        const before = await faqSnapshot(store);
        // Typed data can still arrive broken (from JSON, a form): the store refuses it as a whole.
        const broken = { ...faq('c'), topic: undefined } as unknown as FaqEntryInput;
        await expect(
          store.importFaq([faq('a', { topic: 'health' }), faq('new'), broken, faq('z')], 'bob', { replace: true }),
        ).rejects.toThrow();
        expect(await faqSnapshot(store)).toEqual(before);
      });

      it('refuses an import naming the same id twice, changing nothing', async () => {
        await store.importFaq([faq('a')], 'alice');
        const before = await faqSnapshot(store);
        await expect(store.importFaq([faq('b'), faq('b', { topic: 'health' })], 'bob')).rejects.toThrow(/"b"/);
        expect(await faqSnapshot(store)).toEqual(before);
      });

      it('records FAQ changes in the audit log', async () => {
        await store.saveFaq(faq('a'), 'alice');
        await store.deleteFaq('a', 'bob');
        await store.importFaq([faq('b')], 'carol');
        const actions = (await store.listAudit()).map((r) => [r.actor, r.action]);
        expect(actions).toEqual([
          ['carol', 'faq.import'],
          ['bob', 'faq.delete'],
          ['alice', 'faq.create'],
        ]);
      });
    });

    describe('conversations', () => {
      const conversation = (): Conversation => ({
        channel: 'whatsapp',
        chatId: '77011234567@c.us',
        lang: 'kk',
        langChosen: true,
        mode: 'operator',
        ticketId: '7',
        offered: [{ id: 'faq:bank-hours', label: 'Банктер' }],
        lastFaqId: 'bank-hours',
        lastQuestion: 'Банк қашан ашылады?',
        recent: [
          { from: 'resident', text: 'Сәлем', at: new Date('2022-01-10T08:00:00.001Z') },
          { from: 'bot', text: '2022-01-10T08:00:00Z', at: new Date('2022-01-10T08:00:01Z') },
        ],
        createdAt: new Date('2022-01-10T08:00:00Z'),
        updatedAt: new Date('2022-01-10T08:00:01Z'),
      });

      it('is null before the first save', async () => {
        expect(await store.getConversation('telegram', '1')).toBeNull();
      });

      it('round-trips every field, dates as Date objects', async () => {
        await store.saveConversation(conversation());
        const got = await store.getConversation('whatsapp', '77011234567@c.us');
        expect(got).toEqual(conversation());
        expect(got?.recent[0].at).toBeInstanceOf(Date);
        expect(got?.createdAt).toBeInstanceOf(Date);
        // A text that looks like a date stays a text.
        expect(got?.recent[1].text).toBe('2022-01-10T08:00:00Z');
      });

      it('overwrites on save, clearing optional fields, and keys on channel and chat id', async () => {
        await store.saveConversation(conversation());
        const minimal: Conversation = {
          channel: 'whatsapp',
          chatId: '77011234567@c.us',
          langChosen: false,
          mode: 'bot',
          offered: [],
          recent: [],
          createdAt: new Date('2022-01-10T08:00:00Z'),
          updatedAt: new Date('2022-01-11T08:00:00Z'),
        };
        await store.saveConversation(minimal);
        await store.saveConversation({ ...conversation(), channel: 'telegram' });
        expect(await store.getConversation('whatsapp', '77011234567@c.us')).toEqual(minimal);
        expect(await store.getConversation('telegram', '77011234567@c.us')).toEqual({
          ...conversation(),
          channel: 'telegram',
        });
      });

      it('saves a batch of conversations, the later state of one winning', async () => {
        const other = { ...conversation(), chatId: '42', lang: 'en' as const };
        const later = { ...conversation(), mode: 'bot' as const, ticketId: undefined, updatedAt: new Date('2022-01-10T09:00:00Z') };
        await store.saveConversations([conversation(), other, later]);
        const { ticketId: _dropped, ...expected } = later;
        expect(await store.getConversation('whatsapp', '77011234567@c.us')).toEqual(expected);
        expect(await store.getConversation('whatsapp', '42')).toEqual(other);
        await store.saveConversations([]);
      });
    });

    describe('tickets', () => {
      it('creates a queued ticket with an id and round-trips it', async () => {
        const input = ticketInput({ topic: 'curfew' });
        const t = await store.createTicket(input);
        expect(t).toMatchObject({ ...input, status: 'queued', messages: [] });
        expect(typeof t.id).toBe('string');
        expect(t.createdAt).toBeInstanceOf(Date);
        expect(t.closedAt).toBeUndefined();
        expect(await store.getTicket(t.id)).toEqual(t);
        expect((await store.getTicket(t.id))?.excerpt[0].at).toEqual(input.excerpt[0].at);
      });

      it('gives each ticket its own id; unknown ids are null', async () => {
        const a = await store.createTicket(ticketInput());
        const b = await store.createTicket(ticketInput());
        expect(a.id).not.toBe(b.id);
        expect(await store.getTicket('no-such-ticket')).toBeNull();
        expect(await store.updateTicketStatus('no-such-ticket', 'closed')).toBeNull();
      });

      it('keeps every one of 50 concurrent appends', async () => {
        const t = await store.createTicket(ticketInput());
        await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.appendTicketMessage(t.id, line(`message ${i}`))),
        );
        const got = await store.getTicket(t.id);
        expect(got?.messages).toHaveLength(50);
        expect(new Set(got?.messages.map((m) => m.text)).size).toBe(50);
        expect(got?.messages[0].at).toBeInstanceOf(Date);
      });

      it('refuses an append to an unknown ticket', async () => {
        await expect(store.appendTicketMessage('424242', line('hello'))).rejects.toThrow();
      });

      it('updates status and assignee; closing sets closedAt, reopening clears it', async () => {
        const t = await store.createTicket(ticketInput());
        const assigned = await store.updateTicketStatus(t.id, 'assigned', 'operator-1');
        expect(assigned).toMatchObject({ status: 'assigned', assignee: 'operator-1' });
        expect(assigned?.closedAt).toBeUndefined();
        const closed = await store.updateTicketStatus(t.id, 'closed');
        expect(closed).toMatchObject({ status: 'closed', assignee: 'operator-1' });
        expect(closed?.closedAt).toBeInstanceOf(Date);
        const reopened = await store.updateTicketStatus(t.id, 'waiting');
        expect(reopened?.closedAt).toBeUndefined();
      });

      it('lets exactly one of two concurrent claims win, and only on a queued ticket', async () => {
        const t = await store.createTicket(ticketInput());
        const results = await Promise.all([store.claimTicket(t.id, 'op-a'), store.claimTicket(t.id, 'op-b')]);
        const winners = results.filter((r) => r !== null);
        expect(winners).toHaveLength(1);
        expect(winners[0]).toMatchObject({ status: 'assigned' });
        expect(['op-a', 'op-b']).toContain(winners[0]?.assignee);
        expect(await store.claimTicket(t.id, 'op-c')).toBeNull();
        expect(await store.claimTicket('no-such-ticket', 'op-c')).toBeNull();
        await store.updateTicketStatus(t.id, 'queued');
        expect(await store.claimTicket(t.id, 'op-c')).toMatchObject({ assignee: 'op-c' });
      });

      it('lists tickets oldest first, filtered by status', async () => {
        const a = await store.createTicket(ticketInput({ question: 'a' }));
        const b = await store.createTicket(ticketInput({ question: 'b' }));
        const c = await store.createTicket(ticketInput({ question: 'c' }));
        await store.updateTicketStatus(b.id, 'closed');
        await store.updateTicketStatus(c.id, 'assigned', 'op');
        await store.appendTicketMessage(a.id, line('hi'));
        expect((await store.listTickets()).map((t) => t.question)).toEqual(['a', 'b', 'c']);
        const open = await store.listTickets({ status: ['queued', 'assigned'] });
        expect(open.map((t) => t.id)).toEqual([a.id, c.id]);
        expect(open[0].messages.map((m) => m.text)).toEqual(['hi']);
        expect(await store.listTickets({ status: ['waiting'] })).toEqual([]);
      });
    });

    describe('outbox', () => {
      const out = (chatId: string, text: string, channel = 'whatsapp') => ({ channel, chatId, text });

      it('queues messages in order with ids, dates and no attempts yet', async () => {
        const queued = await store.enqueueOutgoing([out('a@c.us', 'one'), out('b@c.us', 'two'), out('a@c.us', 'three')]);
        expect(queued.map((m) => m.text)).toEqual(['one', 'two', 'three']);
        expect(new Set(queued.map((m) => m.id)).size).toBe(3);
        expect(queued[0]).toMatchObject({ channel: 'whatsapp', chatId: 'a@c.us', attempts: 0 });
        expect(queued[0].createdAt).toBeInstanceOf(Date);
        expect(queued[0].retryAt).toBeUndefined();
        expect(queued[0].lastError).toBeUndefined();
        expect(await store.pendingOutgoing('whatsapp')).toEqual(queued);
        expect(await store.enqueueOutgoing([])).toEqual([]);
      });

      it('lists pending messages oldest first, per channel, up to a limit', async () => {
        await store.enqueueOutgoing([out('a', '1'), out('x', 'tg', 'telegram')]);
        await store.enqueueOutgoing([out('b', '2')]);
        await store.enqueueOutgoing([out('a', '3')]);
        expect((await store.pendingOutgoing('whatsapp')).map((m) => m.text)).toEqual(['1', '2', '3']);
        expect((await store.pendingOutgoing('whatsapp', 2)).map((m) => m.text)).toEqual(['1', '2']);
        expect((await store.pendingOutgoing('telegram')).map((m) => m.text)).toEqual(['tg']);
        expect(await store.pendingOutgoing('nobody')).toEqual([]);
      });

      it('removes a message marked sent; marking again or an unknown id changes nothing', async () => {
        const [first, second] = await store.enqueueOutgoing([out('a', '1'), out('a', '2')]);
        await store.markOutgoingSent(first.id);
        await store.markOutgoingSent(first.id);
        await store.markOutgoingSent('no-such-message');
        await store.markOutgoingSent('424242');
        expect(await store.pendingOutgoing('whatsapp')).toEqual([second]);
      });

      it('keeps a failed message queued with its retry time, counting attempts', async () => {
        const [m] = await store.enqueueOutgoing([out('a', '1')]);
        const retryAt = new Date('2030-01-01T00:00:01.250Z');
        await store.markOutgoingFailed(m.id, 'timeout', retryAt);
        await store.markOutgoingFailed(m.id, 'timeout again', retryAt);
        const [again] = await store.pendingOutgoing('whatsapp');
        expect(again).toMatchObject({ id: m.id, attempts: 2, lastError: 'timeout again', retryAt });
        expect(again.retryAt).toBeInstanceOf(Date);
        expect(await store.failedOutgoing('whatsapp')).toEqual([]);
      });

      it('takes a message given up on out of the queue and lists it as failed, newest first', async () => {
        const [a, b, c] = await store.enqueueOutgoing([out('a', '1'), out('a', '2'), out('a', '3')]);
        await store.markOutgoingFailed(a.id, 'retry later', new Date('2030-01-01T00:00:00Z'));
        await store.markOutgoingFailed(a.id, 'banned');
        await store.markOutgoingFailed(c.id, 'not on WhatsApp');
        expect((await store.pendingOutgoing('whatsapp')).map((m) => m.id)).toEqual([b.id]);
        const failed = await store.failedOutgoing('whatsapp');
        expect(failed.map((m) => m.id)).toEqual([c.id, a.id]);
        expect(failed[1]).toMatchObject({ attempts: 2, lastError: 'banned' });
        expect(failed[1].retryAt).toBeUndefined();
        // A message given up on is final: neither a late "sent" nor another failure revives it.
        await store.markOutgoingSent(a.id);
        await store.markOutgoingFailed(a.id, 'again', new Date());
        expect((await store.failedOutgoing('whatsapp')).map((m) => m.id)).toEqual([c.id, a.id]);
        expect(await store.failedOutgoing('whatsapp', 1)).toHaveLength(1);
        expect(await store.failedOutgoing('telegram')).toEqual([]);
      });

      it('keeps ids growing across batches, after messages were sent', async () => {
        const [a] = await store.enqueueOutgoing([out('a', '1')]);
        await store.markOutgoingSent(a.id);
        const [b] = await store.enqueueOutgoing([out('a', '2')]);
        expect(b.id).not.toBe(a.id);
        expect(Number(b.id)).toBeGreaterThan(Number(a.id));
      });
    });

    describe('audit', () => {
      it('lists records newest first, with dates, up to a limit', async () => {
        await store.audit({ actor: 'op-1', action: 'ticket.close', target: '12', detail: { note: 'done', n: 2 } });
        await store.audit({ actor: 'op-2', action: 'login' });
        const all = await store.listAudit();
        expect(all.map((r) => r.action)).toEqual(['login', 'ticket.close']);
        expect(all[1]).toMatchObject({ actor: 'op-1', target: '12', detail: { note: 'done', n: 2 } });
        expect(all[1].at).toBeInstanceOf(Date);
        expect(all[0].target).toBeUndefined();
        expect(all[0].id).not.toBe(all[1].id);
        expect(await store.listAudit(1)).toHaveLength(1);
      });
    });

    describe('staff and sessions', () => {
      const hash = '$2a$10$abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopq';

      it('creates an account with a lower-case e-mail and refuses a duplicate', async () => {
        const account = await store.createStaff({ email: 'Ada@Example.kz', role: 'admin', passwordHash: hash });
        expect(account).toMatchObject({ email: 'ada@example.kz', role: 'admin', passwordHash: hash, disabled: false });
        expect(account.createdAt).toBeInstanceOf(Date);
        await expect(store.createStaff({ email: 'ada@example.kz', role: 'editor', passwordHash: hash })).rejects.toThrow(/exists/);
        expect(await store.getStaff('ADA@example.kz')).toEqual(account);
        expect(await store.getStaff('nobody@example.kz')).toBeNull();
      });

      it('lists accounts by e-mail and updates role, hash and the disabled flag', async () => {
        await store.createStaff({ email: 'b@x.kz', role: 'editor', passwordHash: hash });
        await store.createStaff({ email: 'a@x.kz', role: 'operator', passwordHash: hash });
        expect((await store.listStaff()).map((s) => s.email)).toEqual(['a@x.kz', 'b@x.kz']);
        const updated = await store.updateStaff('b@x.kz', { role: 'admin', disabled: true });
        expect(updated).toMatchObject({ role: 'admin', disabled: true, passwordHash: hash });
        expect(await store.updateStaff('b@x.kz', { disabled: false })).toMatchObject({ role: 'admin', disabled: false });
        expect(await store.updateStaff('none@x.kz', { role: 'admin' })).toBeNull();
      });

      it('keeps sessions by id hash until deleted, per account or when expired', async () => {
        const at = new Date('2026-01-01T10:00:00Z');
        const session = (idHash: string, email: string, hours: number) => ({
          idHash,
          email,
          csrfToken: `csrf-${idHash}`,
          createdAt: at,
          expiresAt: new Date(at.getTime() + hours * 3600_000),
        });
        await store.createSession(session('s1', 'a@x.kz', 1));
        await store.createSession(session('s2', 'a@x.kz', 3));
        await store.createSession(session('s3', 'b@x.kz', 3));
        expect(await store.getSession('s1')).toEqual(session('s1', 'a@x.kz', 1));
        expect(await store.deleteExpiredSessions(new Date(at.getTime() + 2 * 3600_000))).toBe(1);
        expect(await store.getSession('s1')).toBeNull();
        expect(await store.deleteSessionsOf('a@x.kz')).toBe(1);
        expect(await store.getSession('s2')).toBeNull();
        await store.deleteSession('s3');
        expect(await store.getSession('s3')).toBeNull();
      });
    });

    describe('scheduled changes', () => {
      const t = (iso: string) => new Date(iso);

      it('keeps a scheduled save with its entry and lists it by run time', async () => {
        const entry = faq('curfew', { validUntil: t('2026-02-01T00:00:00Z') });
        const later = await store.scheduleChange({ faqId: 'curfew', action: 'save', entry, runAt: t('2026-01-18T00:00:00Z'), createdBy: 'ed' });
        const sooner = await store.scheduleChange({ faqId: 'old', action: 'delete', runAt: t('2026-01-10T00:00:00Z'), createdBy: 'ed' });
        expect(later).toMatchObject({ faqId: 'curfew', action: 'save', status: 'pending', createdBy: 'ed' });
        expect(later.entry).toEqual(entry);
        expect(later.id).not.toBe(sooner.id);
        expect((await store.listScheduledChanges()).map((c) => c.id)).toEqual([sooner.id, later.id]);
      });

      it('refuses a save without its entry', async () => {
        await expect(store.scheduleChange({ faqId: 'x', action: 'save', runAt: new Date(), createdBy: 'ed' })).rejects.toThrow();
      });

      it('lists only pending changes that are due, and finishes each once', async () => {
        const a = await store.scheduleChange({ faqId: 'a', action: 'delete', runAt: t('2026-01-10T00:00:00Z'), createdBy: 'ed' });
        await store.scheduleChange({ faqId: 'b', action: 'delete', runAt: t('2026-01-20T00:00:00Z'), createdBy: 'ed' });
        expect((await store.dueScheduledChanges(t('2026-01-15T00:00:00Z'))).map((c) => c.faqId)).toEqual(['a']);
        expect(await store.finishScheduledChange(a.id, 'done', t('2026-01-15T00:00:00Z'))).toBe(true);
        expect(await store.finishScheduledChange(a.id, 'cancelled', t('2026-01-15T00:00:01Z'))).toBe(false);
        expect(await store.dueScheduledChanges(t('2026-01-15T00:00:00Z'))).toEqual([]);
        const [done] = await store.listScheduledChanges({ status: ['done'] });
        expect(done).toMatchObject({ id: a.id, status: 'done', finishedAt: t('2026-01-15T00:00:00Z') });
        expect(await store.finishScheduledChange('999999', 'done', new Date())).toBe(false);
      });

      it('keeps the error of a failed change', async () => {
        const a = await store.scheduleChange({ faqId: 'a', action: 'delete', runAt: t('2026-01-10T00:00:00Z'), createdBy: 'ed' });
        await store.finishScheduledChange(a.id, 'failed', t('2026-01-10T00:00:01Z'), 'no such entry');
        expect((await store.listScheduledChanges({ status: ['failed'] }))[0]).toMatchObject({ error: 'no such entry' });
      });
    });

    describe('alerts', () => {
      const sub = (chatId: string, topics: string[], district?: string, channel = 'telegram') =>
        store.saveSubscription({ channel, chatId, topics, lang: 'kk', ...(district ? { district } : {}) });
      const alertInput = { text: { ru: 'Комендантский час', en: 'Curfew' }, runAt: new Date('2026-01-01T10:00:00Z'), createdBy: 'ed' };

      it('keeps one subscription per chat, replaced on save, removed on delete', async () => {
        await sub('1', ['curfew'], 'Aksu');
        const again = await sub('1', ['internet', 'internet']);
        expect(again).toMatchObject({ channel: 'telegram', chatId: '1', topics: ['internet'], lang: 'kk' });
        expect(again.district).toBeUndefined();
        expect(await store.getSubscription('telegram', '1')).toEqual(again);
        expect(await store.deleteSubscription('telegram', '1')).toBe(true);
        expect(await store.deleteSubscription('telegram', '1')).toBe(false);
        expect(await store.getSubscription('telegram', '1')).toBeNull();
      });

      it('matches by a common topic and by district (none on either side means all)', async () => {
        await sub('1', ['curfew'], 'Aksu');
        await sub('2', ['curfew', 'loans'], 'Pavlodar');
        await sub('3', ['curfew']);
        await sub('4', ['loans']);
        const ids = async (topics: string[], districts: string[]) =>
          (await store.matchingSubscriptions(topics, districts)).map((s) => s.chatId).sort();
        expect(await ids(['curfew'], [])).toEqual(['1', '2', '3']);
        expect(await ids(['curfew'], ['Aksu'])).toEqual(['1', '3']);
        expect(await ids(['loans', 'transport'], ['Pavlodar'])).toEqual(['2', '4']);
      });

      it('starts an alert once, with one pending recipient per match, and tracks outcomes', async () => {
        await sub('1', ['curfew']);
        await sub('2', ['curfew'], undefined, 'whatsapp');
        await sub('3', ['loans']);
        const alert = await store.createAlert({ ...alertInput, topics: ['curfew'], districts: [] });
        expect(alert.status).toBe('scheduled');
        expect(await store.getAlert(alert.id)).toEqual(alert);
        expect(await store.startAlert(alert.id)).toBe(true);
        expect(await store.startAlert(alert.id)).toBe(false);
        expect((await store.getAlert(alert.id))?.status).toBe('sending');
        const pending = await store.pendingRecipients(alert.id, 10);
        expect(pending.map((r) => [r.channel, r.chatId, r.lang, r.status])).toEqual([
          ['telegram', '1', 'kk', 'pending'],
          ['whatsapp', '2', 'kk', 'pending'],
        ]);
        expect((await store.pendingRecipients(alert.id, 10, 'whatsapp')).map((r) => r.chatId)).toEqual(['2']);
        expect(await store.markRecipient(alert.id, 'telegram', '1', 'sent')).toBe(true);
        expect(await store.markRecipient(alert.id, 'telegram', '1', 'failed', 'late')).toBe(false);
        expect(await store.markRecipient(alert.id, 'whatsapp', '2', 'blocked', 'bot was blocked')).toBe(true);
        expect(await store.pendingRecipients(alert.id, 10)).toEqual([]);
        const progress = await store.alertProgress(alert.id);
        expect(progress.telegram).toMatchObject({ sent: 1, pending: 0 });
        expect(progress.whatsapp).toMatchObject({ blocked: 1 });
        expect((await store.alertRecipients(alert.id, ['blocked']))[0]).toMatchObject({ chatId: '2', reason: 'bot was blocked' });
        expect(await store.finishAlert(alert.id, 'done')).toBe(true);
        expect(await store.finishAlert(alert.id, 'cancelled')).toBe(false);
        expect((await store.listAlerts({ status: ['done'] })).map((a) => a.id)).toEqual([alert.id]);
      });

      it('skips pending deliveries on unsubscribe and on cancel', async () => {
        await sub('1', ['curfew']);
        await sub('2', ['curfew']);
        await sub('3', ['curfew']);
        const alert = await store.createAlert({ ...alertInput, topics: ['curfew'], districts: [] });
        await store.startAlert(alert.id);
        await store.deleteSubscription('telegram', '1');
        expect((await store.pendingRecipients(alert.id, 10)).map((r) => r.chatId)).toEqual(['2', '3']);
        await store.markRecipient(alert.id, 'telegram', '2', 'sent');
        expect(await store.finishAlert(alert.id, 'cancelled')).toBe(true);
        expect(await store.pendingRecipients(alert.id, 10)).toEqual([]);
        expect((await store.alertProgress(alert.id)).telegram).toMatchObject({ sent: 1, skipped: 2, pending: 0 });
        // A send under way when the cancel came did reach the resident: 'sent' replaces 'skipped'.
        expect(await store.markRecipient(alert.id, 'telegram', '3', 'sent')).toBe(true);
        expect(await store.markRecipient(alert.id, 'telegram', '1', 'failed', 'x')).toBe(false);
        expect((await store.alertRecipients(alert.id, ['sent'])).map((r) => [r.chatId, r.reason])).toEqual([
          ['2', undefined],
          ['3', undefined],
        ]);
      });
    });

    describe('leases', () => {
      const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

      it('gives a lease to one holder until it expires, renews it for the holder', async () => {
        expect(await store.acquireLease('job', 'p1', at(0), at(30))).toBe(true);
        expect(await store.acquireLease('job', 'p2', at(10), at(40))).toBe(false);
        expect(await store.acquireLease('job', 'p1', at(20), at(50))).toBe(true);
        expect(await store.acquireLease('job', 'p2', at(40), at(70))).toBe(false);
        expect(await store.acquireLease('job', 'p2', at(50), at(80))).toBe(true);
        expect(await store.acquireLease('other', 'p1', at(50), at(80))).toBe(true);
      });

      it('lets exactly one of many concurrent callers win', async () => {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.acquireLease('race', `p${i}`, at(0), at(30))),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('frees the lease on release by its holder only', async () => {
        await store.acquireLease('job', 'p1', at(0), at(30));
        await store.releaseLease('job', 'p2');
        expect(await store.acquireLease('job', 'p2', at(1), at(30))).toBe(false);
        await store.releaseLease('job', 'p1');
        expect(await store.acquireLease('job', 'p2', at(2), at(30))).toBe(true);
      });
    });
  });
}
