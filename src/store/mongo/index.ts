/**
 * The MongoDB store (mongoose), for deployments that run several bot processes or already operate
 * MongoDB. Same contract as the SQLite store; the contract suite runs against it when MONGODB_URI
 * is set.
 *
 * Atomicity without relying on transactions: versions and counters move with `$inc`, ticket
 * messages with `$push`, conversations with one upsert, so concurrent writers never overwrite each
 * other. Changes spanning documents (an entry and its history, an import) run in a transaction
 * when the server has them (replica set or sharded cluster); see `importFaq` for a standalone server.
 *
 * Durability: writes use `w: 'majority', journal: true`, so a call resolves only once the write is
 * in the journal of a majority — an acknowledged write survives a killed server process.
 */
import mongoose, { type ClientSession, type Connection } from 'mongoose';
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
  models,
  type AuditLeanDoc,
  type FaqDoc,
  type Models,
  type OutboxDoc,
  type ScheduledDoc,
  type SessionDoc,
  type StaffDoc,
  type TicketDoc,
} from './schemas';
import { MongoAlerts } from './alerts';

export interface MongoStoreOptions {
  logger?: Logger;
  now?: () => Date;
  /** How long to wait for the server at connect; default 10 s. */
  serverSelectionTimeoutMS?: number;
  /** The database to use instead of the one named in the URI (tests use one per run). */
  dbName?: string;
}

/** Transactions need a replica set member or a mongos; a standalone server has none. */
async function supportsTransactions(conn: Connection): Promise<boolean> {
  const admin = conn.getClient().db('admin');
  // `hello` since MongoDB 4.4.2; older servers only answer the legacy `isMaster`.
  const reply = await admin.command({ hello: 1 }).catch(() => admin.command({ isMaster: 1 }));
  return typeof reply.setName === 'string' || reply.msg === 'isdbgrid';
}

type FaqChange = 'created' | 'updated' | 'unchanged';

/** Optimistic retries of an entry edit that raced with another writer. */
const EDIT_ATTEMPTS = 5;

const FAQ_REVISION = 'faq_revision';
const TICKET_SEQ = 'ticket';
const OUTBOX_SEQ = 'outbox';
const SCHEDULE_SEQ = 'scheduled_change';

// --- Lean documents → domain records (drop _id and absent optionals) --------------------------

function faqFromDoc(doc: FaqDoc): FaqEntry {
  const entry: FaqEntry = faqInputOf(doc) as FaqEntry;
  entry.version = doc.version;
  entry.updatedBy = doc.updatedBy;
  entry.updatedAt = doc.updatedAt;
  return entry;
}

function lineFromDoc(l: TranscriptLine): TranscriptLine {
  return { from: l.from, text: l.text, at: l.at };
}

function conversationFromDoc(doc: Conversation): Conversation {
  const c: Conversation = {
    channel: doc.channel,
    chatId: doc.chatId,
    langChosen: doc.langChosen,
    mode: doc.mode,
    offered: (doc.offered ?? []).map((o) => ({ id: o.id, label: o.label })),
    recent: (doc.recent ?? []).map(lineFromDoc),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
  if (doc.lang) c.lang = doc.lang;
  if (doc.ticketId !== undefined && doc.ticketId !== null) c.ticketId = doc.ticketId;
  if (doc.lastFaqId !== undefined && doc.lastFaqId !== null) c.lastFaqId = doc.lastFaqId;
  if (doc.lastQuestion !== undefined && doc.lastQuestion !== null) c.lastQuestion = doc.lastQuestion;
  return c;
}

function ticketFromDoc(doc: TicketDoc): Ticket {
  const t: Ticket = {
    id: String(doc._id),
    channel: doc.channel,
    chatId: doc.chatId,
    lang: doc.lang,
    question: doc.question,
    reason: doc.reason,
    excerpt: (doc.excerpt ?? []).map(lineFromDoc),
    status: doc.status,
    messages: (doc.messages ?? []).map(lineFromDoc),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
  if (doc.topic !== undefined && doc.topic !== null) t.topic = doc.topic;
  if (doc.assignee !== undefined && doc.assignee !== null) t.assignee = doc.assignee;
  if (doc.closedAt) t.closedAt = doc.closedAt;
  return t;
}

function outgoingFromDoc(doc: OutboxDoc): OutgoingMessage {
  const m: OutgoingMessage = {
    id: String(doc._id),
    channel: doc.channel,
    chatId: doc.chatId,
    text: doc.text,
    createdAt: doc.createdAt,
    attempts: doc.attempts,
  };
  if (doc.lastError !== undefined && doc.lastError !== null) m.lastError = doc.lastError;
  if (doc.retryAt) m.retryAt = doc.retryAt;
  return m;
}

function auditFromDoc(doc: AuditLeanDoc): AuditRecord {
  const r: AuditRecord = { id: doc._id.toString(), at: doc.at, actor: doc.actor, action: doc.action };
  if (doc.target !== undefined && doc.target !== null) r.target = doc.target;
  if (doc.detail !== undefined && doc.detail !== null) r.detail = doc.detail;
  return r;
}

function staffFromDoc(doc: StaffDoc): StaffAccount {
  return {
    email: doc.email,
    role: doc.role,
    passwordHash: doc.passwordHash,
    disabled: doc.disabled,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function sessionFromDoc(doc: SessionDoc): StaffSession {
  return { idHash: doc.idHash, email: doc.email, csrfToken: doc.csrfToken, createdAt: doc.createdAt, expiresAt: doc.expiresAt };
}

/** Dates inside the Mixed `entry` come back as Date from the driver; an absent optional stays absent. */
function scheduledFromDoc(doc: ScheduledDoc): ScheduledChange {
  const change: ScheduledChange = {
    id: String(doc._id),
    faqId: doc.faqId,
    action: doc.action,
    runAt: doc.runAt,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    status: doc.status,
  };
  if (doc.entry) change.entry = faqInputOf(doc.entry);
  if (doc.finishedAt) change.finishedAt = doc.finishedAt;
  if (doc.error !== undefined && doc.error !== null) change.error = doc.error;
  return change;
}

const DUPLICATE_KEY = 11000;

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === DUPLICATE_KEY;
}

/**
 * `$set` for the present fields and `$unset` for the absent optional ones, so a save replaces the
 * stored fields. `$unset` is left out when empty: the server rejects an empty operator.
 */
function setAndUnset<T extends object>(values: T, optional: readonly (keyof T & string)[]) {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, ''> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) $set[key] = value;
  for (const key of optional) if (values[key] === undefined) $unset[key] = '';
  return Object.keys($unset).length > 0 ? { $set, $unset } : { $set };
}

/** The update that makes the stored conversation equal to `c` (absent optionals are removed). */
function conversationUpdate(c: Conversation) {
  return setAndUnset(c, ['lang', 'ticketId', 'lastFaqId', 'lastQuestion']);
}

export class MongoStore implements Store {
  readonly description: string;
  private readonly m: Models;
  private readonly now: () => Date;
  private readonly alerts: MongoAlerts;

  private constructor(
    private readonly conn: Connection,
    /** Whether the server runs multi-document transactions (replica set or mongos). */
    private readonly transactions: boolean,
    now: () => Date,
  ) {
    this.m = models(conn);
    this.now = now;
    this.alerts = new MongoAlerts(conn, now);
    // Host and database only: never the credentials of the URI.
    this.description = `mongodb://${conn.host}:${conn.port}/${conn.name}${transactions ? '' : ' (standalone)'}`;
  }

  /**
   * Connects on a dedicated connection (not mongoose's global one), creates the collections and
   * indexes, and finds out whether the server supports transactions.
   *
   * @example const store = await MongoStore.connect('mongodb://localhost:27017/helpline');
   */
  static async connect(uri: string, options: MongoStoreOptions = {}): Promise<MongoStore> {
    const logger = options.logger ?? silentLogger;
    const conn = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
      writeConcern: { w: 'majority', journal: true },
      // Indexes are built once below, awaited, instead of in the background on first use.
      autoIndex: false,
      ...(options.dbName ? { dbName: options.dbName } : {}),
    });
    try {
      await conn.asPromise();
      const transactions = await supportsTransactions(conn);
      const store = new MongoStore(conn, transactions, options.now ?? (() => new Date()));
      for (const model of Object.values(store.m) as mongoose.Model<unknown>[]) {
        await model.createCollection();
        await model.createIndexes();
      }
      await store.alerts.createIndexes();
      if (!transactions) {
        logger.warn({ store: store.description }, 'MongoDB server has no transactions (not a replica set): FAQ imports validate first, then write');
      }
      return store;
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.conn.close();
  }

  /** Runs `fn` in a transaction when the server has them, otherwise as it is (session undefined). */
  private async atomically<T>(fn: (session: ClientSession | undefined) => Promise<T>): Promise<T> {
    if (!this.transactions) return fn(undefined);
    // mongoose retries the whole function on transient transaction errors (write conflicts).
    return this.conn.transaction((session) => fn(session));
  }

  // --- FAQ -------------------------------------------------------------------------------

  async listFaq(): Promise<FaqEntry[]> {
    // _id (ObjectId) grows with creation time: the order entries were created in.
    return (await this.m.faq.find().sort({ _id: 1 }).lean<FaqDoc[]>()).map(faqFromDoc);
  }

  async getFaq(id: string): Promise<FaqEntry | null> {
    const doc = await this.m.faq.findOne({ id }).lean<FaqDoc>();
    return doc ? faqFromDoc(doc) : null;
  }

  async saveFaq(input: FaqEntryInput, by: string): Promise<FaqEntry> {
    assertStorableFaq(input);
    const entry = faqInputOf(input);
    return this.atomically(async (session) => {
      const { change, saved } = await this.writeFaq(entry, by, this.now(), session);
      if (change !== 'unchanged') {
        await this.bumpRevision(session);
        await this.auditWith({ actor: by, action: `faq.${change === 'created' ? 'create' : 'update'}`, target: entry.id }, session);
      }
      return saved;
    });
  }

  async deleteFaq(id: string, by: string): Promise<boolean> {
    return this.atomically(async (session) => {
      const { deletedCount } = await this.m.faq.deleteOne({ id }, { session });
      if (deletedCount === 0) return false;
      await this.bumpRevision(session);
      await this.auditWith({ actor: by, action: 'faq.delete', target: id }, session);
      return true;
    });
  }

  async faqHistory(id: string): Promise<FaqEntry[]> {
    return (await this.m.faqVersions.find({ id }).sort({ version: -1 }).lean<FaqDoc[]>()).map(faqFromDoc);
  }

  /**
   * With transactions: one transaction, all or nothing.
   *
   * Without (a standalone server): every entry is checked first — the shape check and the mongoose
   * schema validation the writes would run — and nothing is written unless all pass, so a bad file
   * or a bad entry changes nothing. What is left is a failure of the server itself midway (lost
   * connection, full disk); then part of the import is written. Each entry's own write is still
   * atomic, and running the same import again completes it, since unchanged entries are skipped.
   * Run MongoDB as a replica set (a single-node one is enough) to close that gap.
   */
  async importFaq(input: FaqEntryInput[], by: string, options: { replace?: boolean } = {}): Promise<ImportSummary> {
    input.forEach(assertStorableFaq);
    assertUniqueIds(input);
    const entries = input.map(faqInputOf);
    const at = this.now();
    for (const entry of entries) {
      try {
        await new this.m.faq({ ...entry, version: 1, updatedBy: by, updatedAt: at }).validate();
      } catch (err) {
        throw new TypeError(`FAQ entry "${entry.id}": ${(err as Error).message}`);
      }
    }
    return this.atomically(async (session) => {
      const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
      for (const entry of entries) summary[(await this.writeFaq(entry, by, at, session)).change]++;
      if (options.replace) {
        const { deletedCount } = await this.m.faq.deleteMany({ id: { $nin: entries.map((e) => e.id) } }, { session });
        summary.deleted = deletedCount;
      }
      if (summary.created + summary.updated + summary.deleted > 0) {
        await this.bumpRevision(session);
        await this.auditWith(
          { actor: by, action: 'faq.import', detail: { ...summary, replace: options.replace === true } },
          session,
        );
      }
      return summary;
    });
  }

  async faqRevision(): Promise<number> {
    const doc = await this.m.counters.findById(FAQ_REVISION).lean<{ value: number }>();
    return doc?.value ?? 0;
  }

  private async bumpRevision(session: ClientSession | undefined): Promise<void> {
    await this.m.counters.updateOne({ _id: FAQ_REVISION }, { $inc: { value: 1 } }, { upsert: true, session });
  }

  /**
   * Saves one entry unless its content is current. An edit moves the version with `$inc` on the
   * condition that it is still the version read, so two concurrent edits both become versions
   * (the loser re-reads and retries) instead of one silently replacing the other.
   */
  private async writeFaq(
    entry: FaqEntryInput,
    by: string,
    at: Date,
    session: ClientSession | undefined,
  ): Promise<{ change: FaqChange; saved: FaqEntry }> {
    for (let attempt = 1; attempt <= EDIT_ATTEMPTS; attempt++) {
      const current = await this.m.faq.findOne({ id: entry.id }).session(session ?? null).lean<FaqDoc>();
      if (current && sameFaqContent(faqFromDoc(current), entry)) return { change: 'unchanged', saved: faqFromDoc(current) };

      let saved: FaqDoc | null;
      if (current) {
        const update = setAndUnset({ ...entry, updatedBy: by, updatedAt: at }, ['validFrom', 'validUntil']);
        saved = await this.m.faq
          .findOneAndUpdate(
            { id: entry.id, version: current.version },
            { ...update, $inc: { version: 1 } },
            { returnDocument: 'after', runValidators: true, session },
          )
          .lean<FaqDoc>();
      } else {
        // A deleted and re-created entry continues its old numbering.
        const last = await this.m.faqVersions
          .findOne({ id: entry.id })
          .sort({ version: -1 })
          .session(session ?? null)
          .lean<FaqDoc>();
        const doc: FaqDoc = { ...entry, version: (last?.version ?? 0) + 1, updatedBy: by, updatedAt: at };
        // The unique index on id makes a concurrent create fail instead of duplicating.
        await this.m.faq.create([doc], { session });
        saved = doc;
      }
      if (!saved) continue; // another writer moved the version in between: read again
      const version: FaqDoc = { ...faqInputOf(saved), version: saved.version, updatedBy: by, updatedAt: at };
      await this.m.faqVersions.create([version], { session });
      return { change: current ? 'updated' : 'created', saved: faqFromDoc(version) };
    }
    throw new Error(`FAQ entry "${entry.id}" is being edited by others at the same time; try again`);
  }

  // --- Conversations ---------------------------------------------------------------------

  async getConversation(channel: string, chatId: string): Promise<Conversation | null> {
    const doc = await this.m.conversations.findOne({ channel, chatId }).lean<Conversation>();
    return doc ? conversationFromDoc(doc) : null;
  }

  async saveConversation(conversation: Conversation): Promise<void> {
    await this.m.conversations.findOneAndUpdate(
      { channel: conversation.channel, chatId: conversation.chatId },
      conversationUpdate(conversation),
      { upsert: true, runValidators: true, projection: { _id: 1 } },
    );
  }

  async saveConversations(conversations: Conversation[]): Promise<void> {
    if (conversations.length === 0) return;
    // Ordered: a later state of the same conversation in the batch lands after an earlier one.
    await this.m.conversations.bulkWrite(
      conversations.map((c) => ({
        updateOne: {
          filter: { channel: c.channel, chatId: c.chatId },
          update: conversationUpdate(c),
          upsert: true,
        },
      })),
      { ordered: true },
    );
  }

  // --- Tickets ---------------------------------------------------------------------------

  async createTicket(input: TicketInput): Promise<Ticket> {
    const counter = await this.m.counters
      .findOneAndUpdate({ _id: TICKET_SEQ }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' })
      .lean<{ value: number }>();
    if (!counter) throw new Error('ticket counter missing after upsert');
    const at = this.now();
    const doc: TicketDoc = {
      _id: counter.value,
      ...input,
      excerpt: input.excerpt.map(lineFromDoc),
      status: 'queued',
      messages: [],
      createdAt: at,
      updatedAt: at,
    };
    await this.m.tickets.create([doc]);
    return ticketFromDoc(doc);
  }

  async getTicket(id: string): Promise<Ticket | null> {
    const n = ticketNumber(id);
    if (n === undefined) return null;
    const doc = await this.m.tickets.findById(n).lean<TicketDoc>();
    return doc ? ticketFromDoc(doc) : null;
  }

  async appendTicketMessage(id: string, line: TranscriptLine): Promise<void> {
    const n = ticketNumber(id);
    const result =
      n === undefined
        ? undefined
        : await this.m.tickets.updateOne(
            { _id: n },
            { $push: { messages: lineFromDoc(line) }, $set: { updatedAt: this.now() } },
            { runValidators: true },
          );
    if (!result || result.matchedCount === 0) throw new Error(`No ticket with id "${id}"`);
  }

  async listTickets(filter: { status?: TicketStatus[] } = {}): Promise<Ticket[]> {
    const query = filter.status ? { status: { $in: filter.status } } : {};
    const docs = await this.m.tickets.find(query).sort({ createdAt: 1, _id: 1 }).lean<TicketDoc[]>();
    return docs.map(ticketFromDoc);
  }

  async updateTicketStatus(id: string, status: TicketStatus, assignee?: string): Promise<Ticket | null> {
    const n = ticketNumber(id);
    if (n === undefined) return null;
    const at = this.now();
    const $set: Record<string, unknown> = { status, updatedAt: at };
    if (assignee !== undefined) $set.assignee = assignee;
    // Closing keeps the first closing time ($min sets it when absent); any other status clears it.
    const update = status === 'closed' ? { $set, $min: { closedAt: at } } : { $set, $unset: { closedAt: '' } };
    const doc = await this.m.tickets
      .findOneAndUpdate({ _id: n }, update, { returnDocument: 'after', runValidators: true })
      .lean<TicketDoc>();
    return doc ? ticketFromDoc(doc) : null;
  }

  async claimTicket(id: string, operator: string): Promise<Ticket | null> {
    const n = ticketNumber(id);
    if (n === undefined) return null;
    // The status filter makes the update conditional: only one findOneAndUpdate matches 'queued'.
    const doc = await this.m.tickets
      .findOneAndUpdate(
        { _id: n, status: 'queued' },
        { $set: { status: 'assigned', assignee: operator, updatedAt: this.now() } },
        { returnDocument: 'after', runValidators: true },
      )
      .lean<TicketDoc>();
    return doc ? ticketFromDoc(doc) : null;
  }

  // --- Outbox ----------------------------------------------------------------------------

  /**
   * Reserves a block of sequence numbers with one `$inc`, then inserts the batch with one ordered
   * insertMany. Without a transaction a failure midway can leave the first part queued; the
   * numbers still order the queue, and a gap in them is harmless.
   */
  async enqueueOutgoing(items: OutgoingInput[]): Promise<OutgoingMessage[]> {
    if (items.length === 0) return [];
    return this.atomically(async (session) => {
      const counter = await this.m.counters
        .findOneAndUpdate(
          { _id: OUTBOX_SEQ },
          { $inc: { value: items.length } },
          { upsert: true, returnDocument: 'after', session },
        )
        .lean<{ value: number }>();
      if (!counter) throw new Error('outbox counter missing after upsert');
      const first = counter.value - items.length + 1;
      const at = this.now();
      const docs: OutboxDoc[] = items.map((item, i) => ({
        _id: first + i,
        channel: item.channel,
        chatId: item.chatId,
        text: item.text,
        status: 'pending',
        attempts: 0,
        createdAt: at,
      }));
      await this.m.outbox.insertMany(docs, { ordered: true, session });
      return docs.map(outgoingFromDoc);
    });
  }

  async pendingOutgoing(channel: string, limit = 100): Promise<OutgoingMessage[]> {
    const docs = await this.m.outbox.find({ channel, status: 'pending' }).sort({ _id: 1 }).limit(limit).lean<OutboxDoc[]>();
    return docs.map(outgoingFromDoc);
  }

  async markOutgoingSent(id: string): Promise<void> {
    // Outbox ids have the tickets' form: a decimal sequence number.
    const n = ticketNumber(id);
    if (n !== undefined) await this.m.outbox.deleteOne({ _id: n, status: 'pending' });
  }

  async markOutgoingFailed(id: string, error: string, retryAt?: Date): Promise<void> {
    const n = ticketNumber(id);
    if (n === undefined) return;
    const update = retryAt
      ? { $set: { lastError: error, retryAt }, $inc: { attempts: 1 } }
      : { $set: { lastError: error, status: 'failed' }, $unset: { retryAt: '' }, $inc: { attempts: 1 } };
    await this.m.outbox.updateOne({ _id: n, status: 'pending' }, update, { runValidators: true });
  }

  async failedOutgoing(channel: string, limit = 100): Promise<OutgoingMessage[]> {
    const docs = await this.m.outbox.find({ channel, status: 'failed' }).sort({ _id: -1 }).limit(limit).lean<OutboxDoc[]>();
    return docs.map(outgoingFromDoc);
  }

  // --- Audit -----------------------------------------------------------------------------

  async audit(entry: AuditInput): Promise<void> {
    await this.auditWith(entry, undefined);
  }

  async listAudit(limit = 100): Promise<AuditRecord[]> {
    const docs = await this.m.audit.find().sort({ at: -1, _id: -1 }).limit(limit).lean<AuditLeanDoc[]>();
    return docs.map(auditFromDoc);
  }

  private async auditWith(entry: AuditInput, session: ClientSession | undefined): Promise<void> {
    await this.m.audit.create([{ ...entry, at: this.now() }], { session });
  }

  // --- Staff and sessions ----------------------------------------------------------------

  async createStaff(input: StaffInput): Promise<StaffAccount> {
    const at = this.now();
    const doc: StaffDoc = { ...input, email: input.email.trim().toLowerCase(), disabled: false, createdAt: at, updatedAt: at };
    try {
      await this.m.staff.create([doc]);
    } catch (err) {
      if (isDuplicateKey(err)) throw new Error(`A staff account "${doc.email}" exists already`);
      throw err;
    }
    return staffFromDoc(doc);
  }

  async getStaff(email: string): Promise<StaffAccount | null> {
    const doc = await this.m.staff.findOne({ email: email.trim().toLowerCase() }).lean<StaffDoc>();
    return doc ? staffFromDoc(doc) : null;
  }

  async listStaff(): Promise<StaffAccount[]> {
    return (await this.m.staff.find().sort({ email: 1 }).lean<StaffDoc[]>()).map(staffFromDoc);
  }

  async updateStaff(
    email: string,
    changes: Partial<Pick<StaffAccount, 'role' | 'passwordHash' | 'disabled'>>,
  ): Promise<StaffAccount | null> {
    const $set: Record<string, unknown> = { updatedAt: this.now() };
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) $set[key] = value;
    const doc = await this.m.staff
      .findOneAndUpdate({ email: email.trim().toLowerCase() }, { $set }, { returnDocument: 'after', runValidators: true })
      .lean<StaffDoc>();
    return doc ? staffFromDoc(doc) : null;
  }

  async createSession(session: StaffSession): Promise<void> {
    await this.m.sessions.create([{ ...session }]);
  }

  async getSession(idHash: string): Promise<StaffSession | null> {
    const doc = await this.m.sessions.findOne({ idHash }).lean<SessionDoc>();
    return doc ? sessionFromDoc(doc) : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.m.sessions.deleteOne({ idHash });
  }

  async deleteSessionsOf(email: string): Promise<number> {
    return (await this.m.sessions.deleteMany({ email: email.trim().toLowerCase() })).deletedCount;
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    return (await this.m.sessions.deleteMany({ expiresAt: { $lt: now } })).deletedCount;
  }

  // --- Scheduled FAQ changes -------------------------------------------------------------

  async scheduleChange(input: ScheduledChangeInput): Promise<ScheduledChange> {
    assertSchedulable(input);
    const counter = await this.m.counters
      .findOneAndUpdate({ _id: SCHEDULE_SEQ }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' })
      .lean<{ value: number }>();
    if (!counter) throw new Error('schedule counter missing after upsert');
    const doc: ScheduledDoc = {
      _id: counter.value,
      faqId: input.faqId,
      action: input.action,
      runAt: input.runAt,
      createdBy: input.createdBy,
      createdAt: this.now(),
      status: 'pending',
    };
    if (input.action === 'save' && input.entry) doc.entry = faqInputOf(input.entry);
    await this.m.scheduled.create([doc]);
    return scheduledFromDoc(doc);
  }

  async listScheduledChanges(filter: { status?: ScheduledChangeStatus[] } = {}): Promise<ScheduledChange[]> {
    const query = filter.status ? { status: { $in: filter.status } } : {};
    return (await this.m.scheduled.find(query).sort({ runAt: 1, _id: 1 }).lean<ScheduledDoc[]>()).map(scheduledFromDoc);
  }

  async dueScheduledChanges(now: Date): Promise<ScheduledChange[]> {
    const docs = await this.m.scheduled
      .find({ status: 'pending', runAt: { $lte: now } })
      .sort({ runAt: 1, _id: 1 })
      .lean<ScheduledDoc[]>();
    return docs.map(scheduledFromDoc);
  }

  async finishScheduledChange(
    id: string,
    status: Exclude<ScheduledChangeStatus, 'pending'>,
    at: Date,
    error?: string,
  ): Promise<boolean> {
    const n = ticketNumber(id);
    if (n === undefined) return false;
    const $set: Record<string, unknown> = { status, finishedAt: at };
    if (error !== undefined) $set.error = error;
    const result = await this.m.scheduled.updateOne({ _id: n, status: 'pending' }, { $set });
    return result.modifiedCount > 0;
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

  /**
   * One conditional upsert: it matches when the lease is ours or expired and then renews it; when
   * another holder has a live lease the filter matches nothing, the upsert tries to insert a second
   * document with the same _id and the unique _id refuses it — that refusal means "not acquired".
   */
  async acquireLease(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
    try {
      await this.m.leases.updateOne(
        { _id: name, $or: [{ holder }, { expiresAt: { $lte: now } }] },
        { $set: { holder, expiresAt: until } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.m.leases.deleteOne({ _id: name, holder });
  }
}
