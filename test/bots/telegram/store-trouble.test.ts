/**
 * The store in trouble while residents write: another connection holds SQLite's write lock, the
 * database turns read-only, the disk fills up. Answers keep flowing (FAQ answers from memory, sent
 * from memory), a hand-off that cannot be stored is not promised, a line on an open ticket is held,
 * /healthz says "degraded" — and once the store is back, everything held lands, in order, nothing
 * twice and nothing silently dropped.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { deliveryHealth } from '../../../src/delivery/health';
import { createTranslator } from '../../../src/i18n';
import { consoleFixture, type ConsoleFixture } from '../../console/helpers';
import { waitFor } from '../../support/wait';
import { createRig, type Rig } from './helpers';

const tr = createTranslator();
const CURFEW_RU = 'Комендантский час: с 23:00 до 07:00.';
const ASK = tr.t('ru', 'answer.ask');

describe('the store in trouble', () => {
  let rig: Rig;
  let connection: Database.Database | undefined;
  let other: Database.Database | undefined;
  let f: ConsoleFixture | undefined;

  const open = async () => {
    rig = await createRig('grammy', { busyTimeoutMs: 20, tune: (db) => (connection = db) });
    f = await consoleFixture({
      store: rig.harness.store,
      delivery: () => deliveryHealth({ held: rig.harness.held, engine: rig.harness.engine, outbox: rig.harness.store.outbox, channels: () => ['telegram'] }),
    });
    await rig.channel.start();
  };
  afterEach(async () => {
    if (other?.inTransaction) other.exec('ROLLBACK');
    other?.close();
    other = undefined;
    await f?.close();
    await rig.close();
  });

  /** A resident already talking to an operator, and the ticket they are on. */
  const waitingResident = async (id: number) => {
    rig.api.push(rig.api.text({ id }, '/operator'));
    await rig.api.waitForMessages(id, 1);
    const tickets = await rig.harness.store.tickets.list();
    return tickets[tickets.length - 1].id;
  };

  /** Everything the store took once it is back: nothing pending anywhere. */
  const settledAfterTrouble = async () => {
    await rig.harness.held.settled();
    await rig.harness.engine.drain();
    await waitFor(async () => (await rig.harness.store.inbox.unhandled('telegram')).length === 0, 'the inbox complete');
    await waitFor(async () => (await rig.harness.store.outbox.pending('telegram')).length === 0, 'the outbox empty');
  };

  it('keeps answering while another connection holds the write lock, then writes everything held', async () => {
    await open();
    const { api, harness } = rig;
    const ticket = await waitingResident(980_000);
    const supervisor = await f?.login('admin');
    other = new Database(path.join(harness.dir, 'bot.db'));
    other.exec('BEGIN IMMEDIATE');

    const askers = [980_001, 980_002, 980_003, 980_004];
    for (const id of askers) api.push(api.text({ id }, 'Когда начинается комендантский час?'));
    api.push(api.text({ id: 980_000 }, 'у меня до сих пор нет света'));
    api.push(api.text({ id: 980_009 }, '/operator'));
    for (const id of askers) expect((await api.waitForMessages(id, 2)).map((m) => m.text)).toEqual([CURFEW_RU, ASK]);
    const [, appended] = await api.waitForMessages(980_000, 2);
    expect(appended.text).toBe(tr.t('ru', 'escalation.appended', { ticket }));
    // Not promised an operator who would never see the question.
    const [refused] = await api.waitForMessages(980_009, 1);
    expect(refused.text).toBe(tr.t('ru', 'escalation.unavailable'));
    expect(other.inTransaction).toBe(true);

    const health = await f?.call('GET', '/healthz');
    expect(health?.statusCode).toBe(503);
    expect(health?.json()).toMatchObject({ status: 'degraded', delivery: { degraded: true, heldWrites: expect.any(Number) } });
    // The supervisor's dashboard says so too, in words.
    const home = await f?.call('GET', '/', { session: supervisor });
    expect(home?.statusCode).toBe(200);
    const heldNow = (health?.json() as { delivery: { heldWrites: number; unsavedConversations: number } }).delivery;
    expect(home?.body).toContain(tr.t('en', 'console.dash.channels.degraded', { count: heldNow.heldWrites + heldNow.unsavedConversations }));

    other.exec('COMMIT');
    await settledAfterTrouble();
    expect((await harness.store.tickets.get(ticket))?.messages.map((m) => m.text)).toEqual(['у меня до сих пор нет света']);
    expect(await harness.store.tickets.list()).toHaveLength(1);
    for (const id of askers) expect(api.sentTo(id)).toHaveLength(2);
    expect((await f?.call('GET', '/healthz'))?.statusCode).toBe(200);
  });

  it.each([
    ['read-only', (db: Database.Database) => db.pragma('query_only = ON'), (db: Database.Database) => db.pragma('query_only = OFF')],
    [
      'full',
      (db: Database.Database) => db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`),
      (db: Database.Database) => db.pragma('max_page_count = 1073741823'),
    ],
  ])('drops nothing silently while the store is %s', async (_name, fail, recover) => {
    await open();
    const { api, harness } = rig;
    const ticket = await waitingResident(990_000);
    const db = connection as Database.Database;
    fail(db);
    const askers = Array.from({ length: 20 }, (_, i) => 990_001 + i);
    for (const id of askers) api.push(api.text({ id }, 'Когда начинается комендантский час?'));
    for (let i = 0; i < 5; i++) api.push(api.text({ id: 990_000 }, `подробность ${i + 1}`));
    api.push(api.text({ id: 990_099 }, '/operator'));
    for (const id of askers) expect((await api.waitForMessages(id, 2))[0].text).toBe(CURFEW_RU);
    await api.waitForMessages(990_000, 2);
    // A new hand-off either made it into a page that still had room, or the resident was told.
    const [handoff] = await api.waitForMessages(990_099, 1);
    const opened = (await harness.store.tickets.list()).find((t) => t.chatId === '990099');
    expect(handoff.text).toBe(opened ? tr.t('ru', 'escalation.queued', { ticket: opened.id }) : tr.t('ru', 'escalation.unavailable'));
    expect(harness.held.status().held).toBeGreaterThan(0);

    recover(db);
    await settledAfterTrouble();
    expect((await harness.store.tickets.get(ticket))?.messages.map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((n) => `подробность ${n}`));
    for (const id of askers) expect(api.sentTo(id).map((m) => m.text)).toEqual([CURFEW_RU, ASK]);
    expect(harness.held.status().dropped).toBe(0);
  });
});
