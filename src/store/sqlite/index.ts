/**
 * The embedded store: one SQLite file, `bot.db`, in the data folder (or `:memory:` for the eval and
 * quick tests). better-sqlite3 is synchronous, so every method runs its statements to completion
 * before it resolves; a multi-statement change is one transaction.
 *
 * Durability: WAL journal with `synchronous = FULL`. With WAL, NORMAL already survives a killed
 * process (a committed transaction is in the WAL file, in the OS cache, before the call returns),
 * but can lose the last commits on a power cut or kernel crash. FULL syncs the WAL on every commit,
 * so an acknowledged write survives both. A helpline writes a few rows a second; the fsync costs
 * far less than losing a resident's ticket.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FaqEntry, FaqEntryInput } from '../../faq/types';
import { silentLogger, type Logger } from '../../logging';
import { assertSchedulable, assertStorableFaq, assertUniqueIds, faqInputOf, sameFaqContent } from '../faq-content';
import { ticketNumber } from '../ticket-id';
import type {
  Alert,
  AlertInput,
  AlertProgress,
  AlertRecipient,
  AlertStatus,
  RecipientStatus,
  Subscription,
  SubscriptionInput,
  AuditInput,
  AuditRecord,
  Conversation,
  ImportSummary,
  OutgoingInput,
  OutgoingMessage,
  ScheduledChange,
  ScheduledChangeInput,
  ScheduledChangeStatus,
  StaffAccount,
  StaffInput,
  StaffSession,
  Store,
  Ticket,
  TicketInput,
  TicketStatus,
  TranscriptLine,
} from '../types';
import {
  auditFromRow,
  conversationFromRow,
  conversationToRow,
  faqFromRow,
  faqToRow,
  entryToJson,
  linesToJson,
  outgoingFromRow,
  scheduledFromRow,
  sessionFromRow,
  sessionToRow,
  staffFromRow,
  type ScheduledRow,
  type SessionRow,
  type StaffRow,
  ticketFromRow,
  type AuditRow,
  type ConversationRow,
  type FaqRow,
  type OutboxRow,
  type TicketMessageRow,
  type TicketRow,
} from './rows';
import { migrate } from './schema';
import { SqliteAlerts } from './alerts';

export const SQLITE_FILE = 'bot.db';

export interface SqliteStoreOptions {
  logger?: Logger;
  /** The clock for updatedAt, createdAt and audit times; tests pin it. */
  now?: () => Date;
}

type FaqChange = 'created' | 'updated' | 'unchanged';

/** The prepared statements, built once at open. */
function prepare(db: Database.Database) {
  return {
    faqList: db.prepare<[], FaqRow>('SELECT * FROM faq ORDER BY rowid'),
    faqGet: db.prepare<[string], FaqRow>('SELECT * FROM faq WHERE id = ?'),
    faqUpsert: db.prepare<[FaqRow]>(
      `INSERT INTO faq (id, topic, questions, answer, valid_from, valid_until, version, updated_by, updated_at)
       VALUES (@id, @topic, @questions, @answer, @valid_from, @valid_until, @version, @updated_by, @updated_at)
       ON CONFLICT (id) DO UPDATE SET topic = excluded.topic, questions = excluded.questions,
         answer = excluded.answer, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
         version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ),
    faqDelete: db.prepare<[string]>('DELETE FROM faq WHERE id = ?'),
    versionInsert: db.prepare<[FaqRow]>(
      `INSERT INTO faq_versions (id, version, topic, questions, answer, valid_from, valid_until, updated_by, updated_at)
       VALUES (@id, @version, @topic, @questions, @answer, @valid_from, @valid_until, @updated_by, @updated_at)`,
    ),
    versionMax: db.prepare<[string], { v: number | null }>('SELECT MAX(version) AS v FROM faq_versions WHERE id = ?'),
    history: db.prepare<[string], FaqRow>('SELECT * FROM faq_versions WHERE id = ? ORDER BY version DESC'),
    revisionGet: db.prepare<[], { value: number }>("SELECT value FROM counters WHERE name = 'faq_revision'"),
    revisionBump: db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'faq_revision'"),

    conversationGet: db.prepare<[string, string], ConversationRow>(
      'SELECT * FROM conversations WHERE channel = ? AND chat_id = ?',
    ),
    conversationPut: db.prepare<[ConversationRow]>(
      `INSERT OR REPLACE INTO conversations (channel, chat_id, lang, lang_chosen, mode, ticket_id, offered,
         last_faq_id, last_question, recent, created_at, updated_at)
       VALUES (@channel, @chat_id, @lang, @lang_chosen, @mode, @ticket_id, @offered,
         @last_faq_id, @last_question, @recent, @created_at, @updated_at)`,
    ),

    ticketInsert: db.prepare<[Omit<TicketRow, 'id' | 'assignee' | 'closed_at' | 'status'>]>(
      `INSERT INTO tickets (channel, chat_id, lang, question, reason, topic, excerpt, status, created_at, updated_at)
       VALUES (@channel, @chat_id, @lang, @question, @reason, @topic, @excerpt, 'queued', @created_at, @updated_at)`,
    ),
    ticketGet: db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?'),
    ticketsAll: db.prepare<[], TicketRow>('SELECT * FROM tickets ORDER BY created_at, id'),
    ticketsByStatus: db.prepare<[string], TicketRow>(
      'SELECT * FROM tickets WHERE status IN (SELECT value FROM json_each(?)) ORDER BY created_at, id',
    ),
    ticketTouch: db.prepare<[number, number]>('UPDATE tickets SET updated_at = ? WHERE id = ?'),
    ticketStatus: db.prepare<{ id: number; status: TicketStatus; assignee: string | null; at: number }>(
      `UPDATE tickets SET status = @status, assignee = COALESCE(@assignee, assignee), updated_at = @at,
         closed_at = CASE WHEN @status = 'closed' THEN COALESCE(closed_at, @at) ELSE NULL END
       WHERE id = @id`,
    ),
    ticketClaim: db.prepare<{ id: number; assignee: string; at: number }>(
      `UPDATE tickets SET status = 'assigned', assignee = @assignee, updated_at = @at
       WHERE id = @id AND status = 'queued'`,
    ),
    messageInsert: db.prepare<[number, string, string, number]>(
      'INSERT INTO ticket_messages (ticket_id, from_role, text, at) VALUES (?, ?, ?, ?)',
    ),
    messagesOf: db.prepare<[number], TicketMessageRow>(
      'SELECT from_role, text, at FROM ticket_messages WHERE ticket_id = ? ORDER BY seq',
    ),

    outboxInsert: db.prepare<[string, string, string, number]>(
      "INSERT INTO outbox (channel, chat_id, text, status, created_at) VALUES (?, ?, ?, 'pending', ?)",
    ),
    outboxGet: db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?'),
    outboxPending: db.prepare<[string, number], OutboxRow>(
      "SELECT * FROM outbox WHERE channel = ? AND status = 'pending' ORDER BY id LIMIT ?",
    ),
    outboxFailed: db.prepare<[string, number], OutboxRow>(
      "SELECT * FROM outbox WHERE channel = ? AND status = 'failed' ORDER BY id DESC LIMIT ?",
    ),
    outboxDelete: db.prepare<[number]>("DELETE FROM outbox WHERE id = ? AND status = 'pending'"),
    outboxFail: db.prepare<{ id: number; error: string; retry_at: number | null }>(
      `UPDATE outbox SET attempts = attempts + 1, last_error = @error, retry_at = @retry_at,
         status = CASE WHEN @retry_at IS NULL THEN 'failed' ELSE 'pending' END
       WHERE id = @id AND status = 'pending'`,
    ),

    auditInsert: db.prepare<[number, string, string, string | null, string | null]>(
      'INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)',
    ),
    auditList: db.prepare<[number], AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT ?'),

    staffInsert: db.prepare<[StaffRow]>(
      `INSERT INTO staff (email, role, password_hash, disabled, created_at, updated_at)
       VALUES (@email, @role, @password_hash, @disabled, @created_at, @updated_at)`,
    ),
    staffGet: db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE email = ?'),
    staffList: db.prepare<[], StaffRow>('SELECT * FROM staff ORDER BY email'),
    staffUpdate: db.prepare<[StaffRow]>(
      `UPDATE staff SET role = @role, password_hash = @password_hash, disabled = @disabled, updated_at = @updated_at
       WHERE email = @email`,
    ),
    sessionInsert: db.prepare<[SessionRow]>(
      `INSERT INTO staff_sessions (id_hash, email, csrf_token, created_at, expires_at)
       VALUES (@id_hash, @email, @csrf_token, @created_at, @expires_at)`,
    ),
    sessionGet: db.prepare<[string], SessionRow>('SELECT * FROM staff_sessions WHERE id_hash = ?'),
    sessionDelete: db.prepare<[string]>('DELETE FROM staff_sessions WHERE id_hash = ?'),
    sessionDeleteOf: db.prepare<[string]>('DELETE FROM staff_sessions WHERE email = ?'),
    sessionDeleteExpired: db.prepare<[number]>('DELETE FROM staff_sessions WHERE expires_at < ?'),

    scheduledInsert: db.prepare<[Omit<ScheduledRow, 'id' | 'status' | 'finished_at' | 'error'>]>(
      `INSERT INTO scheduled_changes (faq_id, action, entry, run_at, created_by, created_at, status)
       VALUES (@faq_id, @action, @entry, @run_at, @created_by, @created_at, 'pending')`,
    ),
    scheduledGet: db.prepare<[number], ScheduledRow>('SELECT * FROM scheduled_changes WHERE id = ?'),
    scheduledAll: db.prepare<[], ScheduledRow>('SELECT * FROM scheduled_changes ORDER BY run_at, id'),
    scheduledByStatus: db.prepare<[string], ScheduledRow>(
      'SELECT * FROM scheduled_changes WHERE status IN (SELECT value FROM json_each(?)) ORDER BY run_at, id',
    ),
    scheduledDue: db.prepare<[number], ScheduledRow>(
      "SELECT * FROM scheduled_changes WHERE status = 'pending' AND run_at <= ? ORDER BY run_at, id",
    ),
    scheduledFinish: db.prepare<{ id: number; status: string; at: number; error: string | null }>(
      `UPDATE scheduled_changes SET status = @status, finished_at = @at, error = @error
       WHERE id = @id AND status = 'pending'`,
    ),

    // One statement: take the lease when free or expired, renew it when ours; otherwise no change.
    leaseAcquire: db.prepare<{ name: string; holder: string; now: number; until: number }>(
      `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = @holder OR leases.expires_at <= @now`,
    ),
    leaseRelease: db.prepare<[string, string]>('DELETE FROM leases WHERE name = ? AND holder = ?'),
  };
}

export class SqliteStore implements Store {
  readonly description: string;
  private readonly db: Database.Database;
  private readonly sql: ReturnType<typeof prepare>;
  private readonly now: () => Date;
  private readonly alerts: SqliteAlerts;

  /**
   * Opens (creating if needed) `bot.db` inside the folder `location`, or an in-memory database when
   * `location` is ':memory:'. Runs pending schema migrations.
   *
   * @example const store = new SqliteStore(config.dataDir);
   */
  constructor(location: string, options: SqliteStoreOptions = {}) {
    const logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    let file = ':memory:';
    if (location !== ':memory:') {
      fs.mkdirSync(location, { recursive: true });
      file = path.join(location, SQLITE_FILE);
    }
    this.description = `sqlite:${file}`;
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      // The bot and `npm run faq:import` may write at the same moment: wait for the lock, don't fail.
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db);
      this.sql = prepare(this.db);
      this.alerts = new SqliteAlerts(this.db, this.now);
    } catch (err) {
      this.db.close();
      throw err;
    }
    logger.debug({ store: this.description }, 'sqlite store open');
  }

  /**
   * Runs `fn` in a write transaction begun with BEGIN IMMEDIATE: the write lock is taken (waiting up
   * to busy_timeout) before the first read. A deferred BEGIN would read first and then fail with
   * SQLITE_BUSY, without waiting, when another process (the bot, `npm run faq:import`) wrote in
   * between.
   */
  private write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // --- FAQ -------------------------------------------------------------------------------

  async listFaq(): Promise<FaqEntry[]> {
    return this.sql.faqList.all().map(faqFromRow);
  }

  async getFaq(id: string): Promise<FaqEntry | null> {
    const row = this.sql.faqGet.get(id);
    return row ? faqFromRow(row) : null;
  }

  async saveFaq(entry: FaqEntryInput, by: string): Promise<FaqEntry> {
    assertStorableFaq(entry);
    return this.write(() => {
      const change = this.writeFaq(entry, by, this.now());
      if (change !== 'unchanged') {
        this.sql.revisionBump.run();
        this.auditNow(by, `faq.${change === 'created' ? 'create' : 'update'}`, entry.id);
      }
      return faqFromRow(this.sql.faqGet.get(entry.id) as FaqRow);
    });
  }

  async deleteFaq(id: string, by: string): Promise<boolean> {
    return this.write(() => {
      if (this.sql.faqDelete.run(id).changes === 0) return false;
      this.sql.revisionBump.run();
      this.auditNow(by, 'faq.delete', id);
      return true;
    });
  }

  async faqHistory(id: string): Promise<FaqEntry[]> {
    return this.sql.history.all(id).map(faqFromRow);
  }

  async importFaq(entries: FaqEntryInput[], by: string, options: { replace?: boolean } = {}): Promise<ImportSummary> {
    entries.forEach(assertStorableFaq);
    assertUniqueIds(entries);
    // One transaction: any throw inside (a constraint, a bug, a full disk) rolls every write back.
    return this.write(() => {
      const at = this.now();
      const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
      for (const entry of entries) summary[this.writeFaq(entry, by, at)]++;
      if (options.replace) {
        const keep = new Set(entries.map((e) => e.id));
        for (const row of this.sql.faqList.all()) {
          if (!keep.has(row.id)) summary.deleted += this.sql.faqDelete.run(row.id).changes;
        }
      }
      if (summary.created + summary.updated + summary.deleted > 0) {
        this.sql.revisionBump.run();
        this.auditNow(by, 'faq.import', undefined, { ...summary, replace: options.replace === true });
      }
      return summary;
    });
  }

  async faqRevision(): Promise<number> {
    return this.sql.revisionGet.get()?.value ?? 0;
  }

  /** Writes one entry (inside the caller's transaction) unless its content is already current. */
  private writeFaq(input: FaqEntryInput, by: string, at: Date): FaqChange {
    const entry = faqInputOf(input);
    const current = this.sql.faqGet.get(entry.id);
    if (current && sameFaqContent(faqFromRow(current), entry)) return 'unchanged';
    // A deleted and re-created entry continues its old numbering, so history stays one sequence.
    const version = (current?.version ?? this.sql.versionMax.get(entry.id)?.v ?? 0) + 1;
    const row = faqToRow(entry, version, by, at);
    this.sql.faqUpsert.run(row);
    this.sql.versionInsert.run(row);
    return current ? 'updated' : 'created';
  }

  // --- Conversations ---------------------------------------------------------------------

  async getConversation(channel: string, chatId: string): Promise<Conversation | null> {
    const row = this.sql.conversationGet.get(channel, chatId);
    return row ? conversationFromRow(row) : null;
  }

  async saveConversation(conversation: Conversation): Promise<void> {
    this.sql.conversationPut.run(conversationToRow(conversation));
  }

  async saveConversations(conversations: Conversation[]): Promise<void> {
    // One transaction: one WAL sync for the whole batch instead of one per conversation.
    this.write(() => {
      for (const c of conversations) this.sql.conversationPut.run(conversationToRow(c));
    });
  }

  // --- Tickets ---------------------------------------------------------------------------

  async createTicket(ticket: TicketInput): Promise<Ticket> {
    const at = this.now().getTime();
    const { lastInsertRowid } = this.sql.ticketInsert.run({
      channel: ticket.channel,
      chat_id: ticket.chatId,
      lang: ticket.lang,
      question: ticket.question,
      reason: ticket.reason,
      topic: ticket.topic ?? null,
      excerpt: linesToJson(ticket.excerpt),
      created_at: at,
      updated_at: at,
    });
    return this.readTicket(Number(lastInsertRowid)) as Ticket;
  }

  async getTicket(id: string): Promise<Ticket | null> {
    const rowId = ticketNumber(id);
    return rowId === undefined ? null : this.readTicket(rowId);
  }

  async appendTicketMessage(id: string, line: TranscriptLine): Promise<void> {
    const rowId = ticketNumber(id);
    this.write(() => {
      if (rowId === undefined || this.sql.ticketTouch.run(this.now().getTime(), rowId).changes === 0) {
        throw new Error(`No ticket with id "${id}"`);
      }
      this.sql.messageInsert.run(rowId, line.from, line.text, line.at.getTime());
    });
  }

  async listTickets(filter: { status?: TicketStatus[] } = {}): Promise<Ticket[]> {
    const rows = filter.status
      ? this.sql.ticketsByStatus.all(JSON.stringify(filter.status))
      : this.sql.ticketsAll.all();
    return rows.map((row) => ticketFromRow(row, this.sql.messagesOf.all(row.id)));
  }

  async updateTicketStatus(id: string, status: TicketStatus, assignee?: string): Promise<Ticket | null> {
    const rowId = ticketNumber(id);
    if (rowId === undefined) return null;
    const { changes } = this.sql.ticketStatus.run({
      id: rowId,
      status,
      assignee: assignee ?? null,
      at: this.now().getTime(),
    });
    return changes === 0 ? null : this.readTicket(rowId);
  }

  async claimTicket(id: string, operator: string): Promise<Ticket | null> {
    const rowId = ticketNumber(id);
    if (rowId === undefined) return null;
    // The status condition in the WHERE clause is the lock: only one UPDATE can see 'queued'.
    const { changes } = this.sql.ticketClaim.run({ id: rowId, assignee: operator, at: this.now().getTime() });
    return changes === 0 ? null : this.readTicket(rowId);
  }

  private readTicket(rowId: number): Ticket | null {
    const row = this.sql.ticketGet.get(rowId);
    return row ? ticketFromRow(row, this.sql.messagesOf.all(rowId)) : null;
  }

  // --- Outbox ----------------------------------------------------------------------------

  async enqueueOutgoing(items: OutgoingInput[]): Promise<OutgoingMessage[]> {
    return this.write(() => {
      const at = this.now().getTime();
      return items.map((item) => {
        const { lastInsertRowid } = this.sql.outboxInsert.run(item.channel, item.chatId, item.text, at);
        return outgoingFromRow(this.sql.outboxGet.get(Number(lastInsertRowid)) as OutboxRow);
      });
    });
  }

  async pendingOutgoing(channel: string, limit = 100): Promise<OutgoingMessage[]> {
    return this.sql.outboxPending.all(channel, limit).map(outgoingFromRow);
  }

  async markOutgoingSent(id: string): Promise<void> {
    // Outbox ids have the tickets' form: a decimal sequence number.
    const rowId = ticketNumber(id);
    if (rowId !== undefined) this.sql.outboxDelete.run(rowId);
  }

  async markOutgoingFailed(id: string, error: string, retryAt?: Date): Promise<void> {
    // Outbox ids have the tickets' form: a decimal sequence number.
    const rowId = ticketNumber(id);
    if (rowId !== undefined) this.sql.outboxFail.run({ id: rowId, error, retry_at: retryAt?.getTime() ?? null });
  }

  async failedOutgoing(channel: string, limit = 100): Promise<OutgoingMessage[]> {
    return this.sql.outboxFailed.all(channel, limit).map(outgoingFromRow);
  }

  // --- Audit -----------------------------------------------------------------------------

  async audit(entry: AuditInput): Promise<void> {
    this.auditNow(entry.actor, entry.action, entry.target, entry.detail);
  }

  async listAudit(limit = 100): Promise<AuditRecord[]> {
    return this.sql.auditList.all(limit).map(auditFromRow);
  }

  // --- Staff and sessions ----------------------------------------------------------------

  async createStaff(input: StaffInput): Promise<StaffAccount> {
    const email = input.email.trim().toLowerCase();
    const at = this.now().getTime();
    return this.write(() => {
      if (this.sql.staffGet.get(email)) throw new Error(`A staff account "${email}" exists already`);
      this.sql.staffInsert.run({
        email,
        role: input.role,
        password_hash: input.passwordHash,
        disabled: 0,
        created_at: at,
        updated_at: at,
      });
      return staffFromRow(this.sql.staffGet.get(email) as StaffRow);
    });
  }

  async getStaff(email: string): Promise<StaffAccount | null> {
    const row = this.sql.staffGet.get(email.trim().toLowerCase());
    return row ? staffFromRow(row) : null;
  }

  async listStaff(): Promise<StaffAccount[]> {
    return this.sql.staffList.all().map(staffFromRow);
  }

  async updateStaff(
    email: string,
    changes: Partial<Pick<StaffAccount, 'role' | 'passwordHash' | 'disabled'>>,
  ): Promise<StaffAccount | null> {
    const key = email.trim().toLowerCase();
    return this.write(() => {
      const row = this.sql.staffGet.get(key);
      if (!row) return null;
      this.sql.staffUpdate.run({
        ...row,
        role: changes.role ?? row.role,
        password_hash: changes.passwordHash ?? row.password_hash,
        disabled: changes.disabled === undefined ? row.disabled : changes.disabled ? 1 : 0,
        updated_at: this.now().getTime(),
      });
      return staffFromRow(this.sql.staffGet.get(key) as StaffRow);
    });
  }

  async createSession(session: StaffSession): Promise<void> {
    this.sql.sessionInsert.run(sessionToRow(session));
  }

  async getSession(idHash: string): Promise<StaffSession | null> {
    const row = this.sql.sessionGet.get(idHash);
    return row ? sessionFromRow(row) : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.sql.sessionDelete.run(idHash);
  }

  async deleteSessionsOf(email: string): Promise<number> {
    return this.sql.sessionDeleteOf.run(email.trim().toLowerCase()).changes;
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    return this.sql.sessionDeleteExpired.run(now.getTime()).changes;
  }

  // --- Scheduled FAQ changes -------------------------------------------------------------

  async scheduleChange(input: ScheduledChangeInput): Promise<ScheduledChange> {
    assertSchedulable(input);
    const { lastInsertRowid } = this.sql.scheduledInsert.run({
      faq_id: input.faqId,
      action: input.action,
      entry: input.action === 'save' && input.entry ? entryToJson(faqInputOf(input.entry)) : null,
      run_at: input.runAt.getTime(),
      created_by: input.createdBy,
      created_at: this.now().getTime(),
    });
    return scheduledFromRow(this.sql.scheduledGet.get(Number(lastInsertRowid)) as ScheduledRow);
  }

  async listScheduledChanges(filter: { status?: ScheduledChangeStatus[] } = {}): Promise<ScheduledChange[]> {
    const rows = filter.status
      ? this.sql.scheduledByStatus.all(JSON.stringify(filter.status))
      : this.sql.scheduledAll.all();
    return rows.map(scheduledFromRow);
  }

  async dueScheduledChanges(now: Date): Promise<ScheduledChange[]> {
    return this.sql.scheduledDue.all(now.getTime()).map(scheduledFromRow);
  }

  async finishScheduledChange(
    id: string,
    status: Exclude<ScheduledChangeStatus, 'pending'>,
    at: Date,
    error?: string,
  ): Promise<boolean> {
    const rowId = ticketNumber(id);
    if (rowId === undefined) return false;
    return this.sql.scheduledFinish.run({ id: rowId, status, at: at.getTime(), error: error ?? null }).changes > 0;
  }

  // --- Alerts (see alerts.ts) -----------------------------------------------------------

  async saveSubscription(input: SubscriptionInput): Promise<Subscription> {
    return this.alerts.saveSubscription(input);
  }

  async getSubscription(channel: string, chatId: string): Promise<Subscription | null> {
    return this.alerts.getSubscription(channel, chatId);
  }

  async deleteSubscription(channel: string, chatId: string): Promise<boolean> {
    return this.alerts.deleteSubscription(channel, chatId);
  }

  async matchingSubscriptions(topics: string[], districts: string[]): Promise<Subscription[]> {
    return this.alerts.matchingSubscriptions(topics, districts);
  }

  async createAlert(input: AlertInput): Promise<Alert> {
    return this.alerts.createAlert(input);
  }

  async getAlert(id: string): Promise<Alert | null> {
    return this.alerts.getAlert(id);
  }

  async listAlerts(filter?: { status?: AlertStatus[] }): Promise<Alert[]> {
    return this.alerts.listAlerts(filter);
  }

  async startAlert(id: string): Promise<boolean> {
    return this.alerts.startAlert(id);
  }

  async pendingRecipients(alertId: string, limit: number, channel?: string): Promise<AlertRecipient[]> {
    return this.alerts.pendingRecipients(alertId, limit, channel);
  }

  async markRecipient(
    alertId: string,
    channel: string,
    chatId: string,
    status: Exclude<RecipientStatus, 'pending'>,
    reason?: string,
  ): Promise<boolean> {
    return this.alerts.markRecipient(alertId, channel, chatId, status, reason);
  }

  async finishAlert(id: string, status: 'done' | 'cancelled'): Promise<boolean> {
    return this.alerts.finishAlert(id, status);
  }

  async alertProgress(alertId: string): Promise<AlertProgress> {
    return this.alerts.alertProgress(alertId);
  }

  async alertRecipients(alertId: string, status?: RecipientStatus[]): Promise<AlertRecipient[]> {
    return this.alerts.alertRecipients(alertId, status);
  }

  // --- Leases ----------------------------------------------------------------------------

  async acquireLease(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
    return this.sql.leaseAcquire.run({ name, holder, now: now.getTime(), until: until.getTime() }).changes > 0;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.sql.leaseRelease.run(name, holder);
  }

  private auditNow(actor: string, action: string, target?: string, detail?: Record<string, unknown>): void {
    this.sql.auditInsert.run(
      this.now().getTime(),
      actor,
      action,
      target ?? null,
      detail === undefined ? null : JSON.stringify(detail),
    );
  }
}
