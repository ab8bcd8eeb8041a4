import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite';
import { openSqlite, type SqliteDb } from '../../src/store/sqlite/db';
import { SqliteFeed } from '../../src/store/sqlite/feed';
import { SqliteTickets } from '../../src/store/sqlite/tickets';
import type { Conversation } from '../../src/store/types';
import { LogLines } from '../support/logs';
import { faq, runStoreContract } from './contract';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpline-sqlite-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

runStoreContract('SqliteStore (file)', async () => new SqliteStore(tempDir()));
runStoreContract('SqliteStore (:memory:)', async () => new SqliteStore(':memory:'));

describe('SqliteStore on disk', () => {
  it('creates the folder and bot.db, and keeps data across close and reopen', async () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const store = new SqliteStore(dir);
    expect(store.description).toBe(`sqlite:${path.join(dir, 'bot.db')}`);
    await store.faq.save(faq('a'), 'alice');
    const ticket = await store.tickets.create({
      channel: 'telegram',
      chatId: '1',
      lang: 'en',
      question: 'q',
      reason: 'requested',
      excerpt: [],
    });
    const revision = await store.faq.revision();
    await store.close();

    const again = new SqliteStore(dir);
    expect((await again.faq.get('a'))?.version).toBe(1);
    expect(await again.tickets.get(ticket.id)).toEqual(ticket);
    expect(await again.faq.revision()).toBe(revision);
    await again.close();
  });

  it('uses WAL and records the schema version', async () => {
    const dir = tempDir();
    const logs = new LogLines();
    await new SqliteStore(dir, { logger: logs.logger }).close();
    // Creating a database is no upgrade.
    expect(logs.text).not.toMatch(/upgrading/);
    const db = new Database(path.join(dir, 'bot.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    db.close();
  });

  it('upgrades a database of schema 5 in place: accounts keep working, outcome counts, suggested variants and the inbox start empty', async () => {
    const dir = tempDir();
    const first = new SqliteStore(dir);
    await first.staff.create({ email: 'ada@x.kz', role: 'admin', passwordHash: 'hash' });
    await first.close();
    // Back to what release 5 left behind.
    const db = new Database(path.join(dir, 'bot.db'));
    db.exec(`DROP TABLE inbox; DROP INDEX tickets_source; ALTER TABLE tickets DROP COLUMN source; DROP INDEX ticket_messages_ref;
      ALTER TABLE ticket_messages DROP COLUMN ref; DROP INDEX outbox_dedupe; ALTER TABLE outbox DROP COLUMN dedupe_key;`);
    db.exec('DROP TABLE outcome_hours; DROP INDEX tickets_created; DROP INDEX audit_action_at; ALTER TABLE staff DROP COLUMN lang; DROP TABLE learned_variants;');
    db.exec('ALTER TABLE faq DROP COLUMN learned; ALTER TABLE faq_versions DROP COLUMN learned; ALTER TABLE tickets DROP COLUMN urgent;');
    db.pragma('user_version = 5');
    db.close();

    const store = new SqliteStore(dir);
    const account = await store.staff.get('ada@x.kz');
    expect(account).toMatchObject({ email: 'ada@x.kz', role: 'admin' });
    expect(account?.lang).toBeUndefined();
    expect((await store.staff.update('ada@x.kz', { lang: 'kk' }))?.lang).toBe('kk');
    expect(await store.outcomes.between(new Date(0), new Date())).toEqual([]);
    expect(await store.learning.list()).toEqual([]);
    expect(await store.inbox.unhandled('telegram')).toEqual([]);
    expect(await store.inbox.record({ channel: 'telegram', updateId: '1', payload: '{}', receivedAt: new Date() })).toBe('new');
    await store.close();
  });

  it('upgrades a database of schema 8: conversations and FAQ versions are kept, in tables with row ids', async () => {
    const dir = tempDir();
    const first = new SqliteStore(dir);
    const at = new Date('2022-01-06T10:00:00Z');
    const conversation: Conversation = {
      channel: 'telegram',
      chatId: '42',
      lang: 'kk',
      langChosen: true,
      mode: 'operator',
      ticketId: '7',
      offered: [{ id: 'curfew-hours', label: 'Коменданттық сағат' }],
      lastQuestion: 'түнде жүруге бола ма?',
      recent: [{ from: 'resident', text: 'түнде жүруге бола ма?', at }],
      createdAt: at,
      updatedAt: at,
    };
    await first.conversations.save(conversation);
    await first.faq.save(faq('a'), 'alice');
    await first.faq.save(faq('a', { topic: 'health' }), 'bob');
    const history = await first.faq.history('a');
    const ticket = await first.tickets.create({ channel: 'telegram', chatId: '42', lang: 'kk', question: 'түнде жүруге бола ма?', reason: 'no-match', excerpt: [] });
    await first.close();
    // Back to release 8's layout: the same columns in a WITHOUT ROWID table.
    const db = new Database(path.join(dir, 'bot.db'));
    db.exec(`CREATE TABLE old_conversations (channel TEXT NOT NULL, chat_id TEXT NOT NULL, lang TEXT, lang_chosen INTEGER NOT NULL,
        mode TEXT NOT NULL, ticket_id TEXT, offered TEXT NOT NULL, last_faq_id TEXT, last_question TEXT, recent TEXT NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (channel, chat_id)) WITHOUT ROWID;
      INSERT INTO old_conversations SELECT * FROM conversations; DROP TABLE conversations;
      ALTER TABLE old_conversations RENAME TO conversations;
      CREATE TABLE old_versions (id TEXT NOT NULL, version INTEGER NOT NULL, topic TEXT NOT NULL, questions TEXT NOT NULL,
        answer TEXT NOT NULL, valid_from INTEGER, valid_until INTEGER, updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL,
        PRIMARY KEY (id, version)) WITHOUT ROWID;
      INSERT INTO old_versions SELECT id, version, topic, questions, answer, valid_from, valid_until, updated_by, updated_at
        FROM faq_versions; DROP TABLE faq_versions;
      ALTER TABLE old_versions RENAME TO faq_versions;
      ALTER TABLE faq DROP COLUMN learned;
      ALTER TABLE tickets DROP COLUMN urgent;`);
    const withoutRowid = (d: Database.Database) =>
      d.prepare<[], { name: string }>("SELECT name FROM pragma_table_list WHERE wr = 1 AND name IN ('conversations', 'faq_versions') ORDER BY name").all().map((t) => t.name);
    expect(withoutRowid(db)).toEqual(['conversations', 'faq_versions']);
    db.pragma('user_version = 8');
    db.close();

    const logs = new LogLines();
    const store = new SqliteStore(dir, { logger: logs.logger });
    // Whoever watches the start learns why it waits (the rebuild takes seconds on a large database).
    const upgrades = logs.lines.map((l) => JSON.parse(l) as { msg: string; from?: number; to?: number }).filter((l) => /upgrading/.test(l.msg));
    expect(upgrades.map(({ from, to }) => [from, to])).toEqual([
      [8, 9],
      [9, 10],
      [10, 11],
      [11, 12],
    ]);
    expect(await store.conversations.get('telegram', '42')).toEqual(conversation);
    await store.conversations.save({ ...conversation, chatId: '43' });
    expect((await store.conversations.get('telegram', '43'))?.chatId).toBe('43');
    expect(await store.faq.history('a')).toEqual(history);
    expect((await store.faq.save(faq('a', { topic: 'curfew' }), 'alice')).version).toBe(3);
    // Release 11 keeps residents' accepted wordings beside the questions.
    const learned = { ru: ['когда можно выйти'] };
    expect((await store.faq.save({ ...faq('a', { topic: 'curfew' }), learned }, 'alice')).learned).toEqual(learned);
    expect((await store.faq.get('a'))?.learned).toEqual(learned);
    // Release 12 marks tickets urgent; one opened before is not, until marked.
    expect(await store.tickets.get(ticket.id)).toEqual(ticket);
    expect((await store.tickets.markUrgent(ticket.id))?.urgent).toBe(true);
    expect((await store.tickets.get(ticket.id))?.urgent).toBe(true);
    await store.close();
    const upgraded = new Database(path.join(dir, 'bot.db'), { readonly: true });
    expect(withoutRowid(upgraded)).toEqual([]);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(12);
    upgraded.close();
  });

  it("lists another process's FAQ changes though the entries it read before are reused", async () => {
    const dir = tempDir();
    const reader = new SqliteStore(dir);
    const writer = new SqliteStore(dir);
    for (const id of ['a', 'b', 'c', 'd', 'e']) await writer.faq.save(faq(id), 'alice');
    const before = await reader.faq.list();
    await writer.faq.save(faq('b', { topic: 'health' }), 'bob');
    await writer.faq.delete('c', 'bob');
    await writer.faq.save(faq('f'), 'bob');

    const after = await reader.faq.list();
    expect(after).toEqual(await writer.faq.list());
    expect(after.map((e) => [e.id, e.version, e.topic])).toEqual([
      ['a', 1, 'curfew'],
      ['b', 2, 'health'],
      ['d', 1, 'curfew'],
      ['e', 1, 'curfew'],
      ['f', 1, 'curfew'],
    ]);
    // The unchanged entry is the object read before: shared by every caller, so it cannot be changed.
    expect(after[0]).toBe(before[0]);
    expect(() => {
      (after[0].questions.ru as string[]).push('another');
    }).toThrow(TypeError);
    await reader.close();
    await writer.close();
  });

  it('refuses a database from a newer release', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'bot.db'));
    db.pragma('user_version = 999');
    db.close();
    expect(() => new SqliteStore(dir)).toThrow(/schema version 999/);
  });

  it('rolls back an import that fails in the middle of its writes', async () => {
    const dir = tempDir();
    const store = new SqliteStore(dir);
    await store.faq.import([faq('a'), faq('b')], 'alice');
    const before = { list: await store.faq.list(), revision: await store.faq.revision(), audit: await store.audit.list() };
    // A second connection plants a trigger that fails the write of one entry, after others are written.
    const other = new Database(path.join(dir, 'bot.db'));
    other.exec(`CREATE TRIGGER fail_boom BEFORE INSERT ON faq_versions WHEN NEW.id = 'boom'
                BEGIN SELECT RAISE(ABORT, 'boom refused'); END`);
    other.close();
    // Compared by message: better-sqlite3's native part builds its SqliteError from the class of the
    // first jest module registry in this worker, so `instanceof Error` (and `rejects.toThrow`) can
    // fail for it in a test file that happens to run second.
    const failure = await store
      .faq.import([faq('a', { topic: 'health' }), faq('c'), faq('boom'), faq('d')], 'bob', { replace: true })
      .then(
        () => 'the import succeeded',
        (err: unknown) => String((err as { message?: unknown }).message),
      );
    expect(failure).toBe('boom refused');
    expect(await store.faq.list()).toEqual(before.list);
    expect(await store.faq.revision()).toBe(before.revision);
    expect(await store.audit.list()).toEqual(before.audit);
    expect(await store.faq.history('c')).toEqual([]);
    await store.close();
  });

  it('waits for another process holding the write lock instead of failing', async () => {
    const dir = tempDir();
    const store = new SqliteStore(dir);
    await store.faq.save(faq('a'), 'alice');
    // The child takes the write lock, writes, and commits only after a pause.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(path.join(dir, 'bot.db'))});
      db.exec('BEGIN IMMEDIATE');
      db.prepare("INSERT INTO audit (at, actor, action) VALUES (?, 'child', 'hold')").run(Date.now());
      process.stdout.write('locked\\n');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 400);
    `;
    const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..') });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => resolve());
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before locking: ${stderr}`)));
    });
    // Reads and then writes: with a deferred BEGIN this would fail with SQLITE_BUSY once the child commits.
    const saved = await store.faq.save(faq('a', { topic: 'health' }), 'bob');
    expect(saved.version).toBe(2);
    expect((await store.audit.list()).map((r) => r.actor)).toEqual(['bob', 'child', 'alice']);
    await store.close();
  });

  it('keeps a write acknowledged just before the process is killed with SIGKILL', async () => {
    const dir = tempDir();
    // The child saves, then tells us; we kill it at once, before any orderly close can run.
    const script = `
      const { SqliteStore } = require(${JSON.stringify(path.resolve(__dirname, '../../src/store/sqlite'))});
      const store = new SqliteStore(${JSON.stringify(dir)});
      (async () => {
        for (let i = 0; i < 20; i++) await store.faq.save({ id: 'k' + i, topic: 't', questions: { en: ['q'] }, answer: { en: 'a' } }, 'child');
        const t = await store.tickets.create({ channel: 'c', chatId: '1', lang: 'en', question: 'q', reason: 'requested', excerpt: [] });
        await store.tickets.append(t.id, { from: 'resident', text: 'last words', at: new Date() });
        process.stdout.write('acknowledged ' + t.id + '\\n');
        setInterval(() => {}, 1000);
      })();
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ticketId = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /acknowledged (\S+)/.exec(d.toString());
        if (m) {
          child.kill('SIGKILL');
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before acknowledging: ${stderr}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(child.signalCode).toBe('SIGKILL');

    const store = new SqliteStore(dir);
    expect(await store.faq.list()).toHaveLength(20);
    expect((await store.tickets.get(ticketId))?.messages.map((m) => m.text)).toEqual(['last words']);
    await store.close();
  });
});

describe('SQLite commits: synced, or synced by the next synced commit', () => {
  /** The connection's safety level: 2 = FULL (each commit syncs the WAL), 1 = NORMAL (it does not). */
  const level = (s: SqliteDb) => s.db.pragma('synchronous', { simple: true }) as number;

  it('syncs a write, commits an unsynced one without syncing, and is back to syncing after either', () => {
    const s = openSqlite(tempDir(), () => new Date());
    s.db.exec('CREATE TABLE t (x INTEGER)');
    const insert = s.db.prepare('INSERT INTO t (x) VALUES (?)');
    expect(s.write(() => (insert.run(1), level(s)))).toBe(2);
    expect(s.writeUnsynced(() => (insert.run(2), level(s)))).toBe(1);
    expect(level(s)).toBe(2);
    // A failing unsynced write is rolled back and leaves the connection syncing.
    expect(() =>
      s.writeUnsynced(() => {
        insert.run(3);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(level(s)).toBe(2);
    // Inside a synced write an unsynced one is part of it (SQLite cannot change the level there).
    expect(s.write(() => s.writeUnsynced(() => (insert.run(4), level(s))))).toBe(2);
    expect(s.db.prepare('SELECT x FROM t ORDER BY x').pluck().all()).toEqual([1, 2, 4]);
    s.db.close();
  });

  it("commits a resident's ticket, its lines and the event feed unsynced (the update's completion syncs them)", async () => {
    const s = openSqlite(tempDir(), () => new Date());
    const levels: string[] = [];
    // The real writes, observed: which safety level each transaction of the tickets runs at.
    const observed: SqliteDb = {
      ...s,
      write: (fn) => s.write(() => (levels.push(`synced ${level(s)}`), fn())),
      writeUnsynced: (fn) => s.writeUnsynced(() => (levels.push(`unsynced ${level(s)}`), fn())),
    };
    const tickets = new SqliteTickets(observed);
    const ticket = await tickets.create({ channel: 'telegram', chatId: '1', lang: 'en', question: 'q', reason: 'requested', excerpt: [] });
    await tickets.append(ticket.id, { from: 'resident', text: 'more', at: new Date() }, 'u2');
    await new SqliteFeed(observed).append({ topic: 'ticket', kind: 'opened', subject: ticket.id, origin: 'test' });
    expect(levels).toEqual(['unsynced 1', 'unsynced 1', 'unsynced 1']);
    // A status change (one statement, committed on its own) syncs, and with it the lines before it.
    expect(level(s)).toBe(2);
    expect((await tickets.setStatus(ticket.id, 'waiting', 'olga'))?.status).toBe('waiting');
    expect((await tickets.get(ticket.id))?.messages.map((m) => m.text)).toEqual(['more']);
    s.db.close();
  });
});
