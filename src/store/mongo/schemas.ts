/**
 * Mongoose schemas of the MongoDB store, with the validation a document must pass and the indexes
 * the store's queries use. Models are registered on the store's own connection (see `models`), never
 * on mongoose's global default, so two stores (or a test and the app) never share state.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { LANGS } from '../../i18n/languages';
import type { FaqEntry } from '../../faq/types';
import type {
  AuditInput,
  Conversation,
  OutgoingMessage,
  OutcomeCount,
  ScheduledChange,
  StaffAccount,
  StaffSession,
  Ticket,
  TicketInput,
  TranscriptLine,
} from '../types';

// --- Document shapes (what `.lean()` returns) -----------------------------------------------

export type FaqDoc = FaqEntry;

export interface CounterDoc {
  _id: string;
  value: number;
}

export type ConversationDoc = Conversation;

/**
 * A ticket; `_id` is its sequential number, the domain id is its decimal text. Its messages are
 * documents of their own (`ticket_messages`, see `tickets.ts`): an array in the ticket would grow
 * without bound toward the 16 MB document limit.
 */
export interface TicketDoc extends Omit<Ticket, 'id' | 'messages'> {
  _id: number;
  /** Messages appended so far: the next one's seq is this plus one. */
  messageCount: number;
  /** Only in tickets written before messages moved out: their messages up to then. */
  messages?: TranscriptLine[];
}

/** A queued message; `_id` is its sequence number, the domain id its decimal text. */
export interface OutboxDoc extends Omit<OutgoingMessage, 'id'> {
  _id: number;
  status: 'pending' | 'failed';
}

export type StaffDoc = StaffAccount;
export type SessionDoc = StaffSession;

/** A scheduled change; `_id` is its sequence number, the domain id its decimal text. */
export interface ScheduledDoc extends Omit<ScheduledChange, 'id'> {
  _id: number;
}

export interface LeaseDoc {
  _id: string;
  holder: string;
  expiresAt: Date;
}

export interface AuditDoc extends AuditInput {
  at: Date;
}

export interface AuditLeanDoc extends AuditDoc {
  _id: { toString(): string };
}

// --- Schemas ---------------------------------------------------------------------------------

/** Arrays default to [] in mongoose; an absent language must stay absent. */
const perLangQuestions = new Schema(
  Object.fromEntries(LANGS.map((lang) => [lang, { type: [String], default: undefined }])),
  { _id: false },
);
const perLangAnswer = new Schema(Object.fromEntries(LANGS.map((lang) => [lang, { type: String }])), { _id: false });

const hasSomeLanguage = {
  validator: (value: Record<string, unknown> | undefined) => LANGS.some((lang) => value?.[lang] !== undefined),
  message: '{PATH} must have at least one language (ru, kk or en)',
};

/** The fields of a FAQ entry, shared by the current table and the version history. */
const faqFields = {
  id: { type: String, required: true, minlength: 1 },
  topic: { type: String, required: true, minlength: 1 },
  questions: { type: perLangQuestions, required: true },
  answer: { type: perLangAnswer, required: true, validate: hasSomeLanguage },
  // Residents' wordings an editor accepted (FaqEntryInput.learned); absent when there are none.
  learned: { type: perLangQuestions, default: undefined },
  validFrom: { type: Date },
  validUntil: { type: Date },
  version: { type: Number, required: true, min: 1 },
  updatedBy: { type: String, required: true },
  updatedAt: { type: Date, required: true },
};

// `id: false`: the entry's own `id` field replaces mongoose's virtual of the same name.
export const faqSchema = new Schema<FaqDoc>(faqFields, { id: false, versionKey: false });
faqSchema.index({ id: 1 }, { unique: true });

export const faqVersionSchema = new Schema<FaqDoc>(faqFields, { id: false, versionKey: false });
faqVersionSchema.index({ id: 1, version: 1 }, { unique: true });

export const counterSchema = new Schema<CounterDoc>({ _id: String, value: { type: Number, required: true } }, { versionKey: false });

const lineSchema = new Schema<TranscriptLine>(
  {
    from: { type: String, required: true, enum: ['resident', 'bot', 'operator'] },
    text: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/** Who a conversation, ticket or queued message belongs to. */
const chatFields = { channel: { type: String, required: true }, chatId: { type: String, required: true } };

const choiceSchema = new Schema(
  { id: { type: String, required: true }, label: { type: String, required: true } },
  { _id: false },
);

export const conversationSchema = new Schema<ConversationDoc>(
  {
    ...chatFields,
    lang: { type: String, enum: LANGS },
    langChosen: { type: Boolean, required: true },
    mode: { type: String, required: true, enum: ['bot', 'operator'] },
    ticketId: { type: String },
    offered: { type: [choiceSchema], default: [] },
    lastFaqId: { type: String },
    lastQuestion: { type: String },
    recent: { type: [lineSchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { id: false, versionKey: false },
);
conversationSchema.index({ channel: 1, chatId: 1 }, { unique: true });

const ticketInputFields: Record<keyof TicketInput, object> = {
  ...chatFields,
  lang: { type: String, required: true, enum: LANGS },
  question: { type: String, required: true },
  reason: { type: String, required: true, enum: ['requested', 'no-match', 'not-helpful'] },
  topic: { type: String },
  excerpt: { type: [lineSchema], default: [] },
  source: { type: String },
  urgent: { type: Boolean },
};

export const ticketSchema = new Schema<TicketDoc>(
  {
    _id: { type: Number, required: true },
    ...ticketInputFields,
    status: { type: String, required: true, enum: ['queued', 'assigned', 'waiting', 'closed'] },
    messageCount: { type: Number, required: true, min: 0, default: 0 },
    assignee: { type: String },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    closedAt: { type: Date },
  },
  { id: false, versionKey: false },
);
// Each index ends with the query's whole sort, _id included, so no query sorts in memory.
// The operators' queue: tickets of some statuses, oldest first (a sort-merge over the statuses).
ticketSchema.index({ status: 1, createdAt: 1, _id: 1 });
// A chat's latest closed ticket (the rating after a hand-off).
ticketSchema.index({ channel: 1, chatId: 1, status: 1, createdAt: -1, _id: -1 });
// Every ticket, oldest first.
ticketSchema.index({ createdAt: 1, _id: 1 });
// One ticket per source update (a redelivered update finds the ticket it opened).
ticketSchema.index({ source: 1 }, { unique: true, partialFilterExpression: { source: { $type: 'string' } } });

export const auditSchema = new Schema<AuditDoc>(
  {
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    target: { type: String },
    detail: { type: Schema.Types.Mixed },
  },
  // `minimize: false`: an empty object in `detail` is data (as it is on SQLite), not "absent".
  { id: false, versionKey: false, minimize: false },
);
// Newest first, ties broken by _id: the list's whole sort.
auditSchema.index({ at: -1, _id: -1 });
// The console's figures: records of some actions within a time range.
auditSchema.index({ action: 1, at: 1 });

export const outboxSchema = new Schema<OutboxDoc>(
  {
    _id: { type: Number, required: true },
    ...chatFields,
    text: { type: String, required: true },
    status: { type: String, required: true, enum: ['pending', 'failed'] },
    attempts: { type: Number, required: true, min: 0 },
    lastError: { type: String },
    retryAt: { type: Date },
    createdAt: { type: Date, required: true },
    dedupeKey: { type: String },
  },
  { id: false, versionKey: false },
);
// The sender's one query: a channel's pending messages in enqueue order.
outboxSchema.index({ channel: 1, status: 1, _id: 1 });
// A message queued under a key is queued once.
outboxSchema.index({ dedupeKey: 1 }, { unique: true, partialFilterExpression: { dedupeKey: { $type: 'string' } } });

export const staffSchema = new Schema<StaffDoc>(
  {
    email: { type: String, required: true, lowercase: true },
    role: { type: String, required: true, enum: ['admin', 'editor', 'operator'] },
    passwordHash: { type: String, required: true },
    disabled: { type: Boolean, required: true, default: false },
    lang: { type: String, enum: LANGS },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { id: false, versionKey: false },
);
staffSchema.index({ email: 1 }, { unique: true });

export const sessionSchema = new Schema<SessionDoc>(
  {
    idHash: { type: String, required: true },
    email: { type: String, required: true },
    csrfToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { id: false, versionKey: false },
);
sessionSchema.index({ idHash: 1 }, { unique: true });
sessionSchema.index({ email: 1 });
// The console's sweep (deleteExpiredSessions) is the one way sessions expire, as on SQLite: no TTL
// index, whose background deletions would race the sweep and change what it counts. A database
// from before has this index with a TTL; the index sync at start replaces it (logged).
sessionSchema.index({ expiresAt: 1 });

const scheduledSchema = new Schema<ScheduledDoc>(
  {
    _id: { type: Number, required: true },
    faqId: { type: String, required: true },
    action: { type: String, required: true, enum: ['save', 'delete'] },
    // The entry is stored as given (validated before); Mixed keeps per-language maps as they are.
    entry: { type: Schema.Types.Mixed },
    runAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    status: { type: String, required: true, enum: ['pending', 'done', 'failed', 'cancelled'] },
    finishedAt: { type: Date },
    error: { type: String },
  },
  // `minimize: false`: a language-less `questions: {}` inside the Mixed entry must come back as it went in.
  { id: false, versionKey: false, minimize: false },
);
scheduledSchema.index({ status: 1, runAt: 1 });

/** One hour's count of one kind of message outcome; `detail` is '' when there is none (so the key is unique). */
export interface OutcomeDoc extends Omit<OutcomeCount, 'detail'> {
  detail: string;
}

export const outcomeSchema = new Schema<OutcomeDoc>(
  {
    hour: { type: Date, required: true },
    channel: { type: String, required: true },
    lang: { type: String, required: true, enum: LANGS },
    outcome: { type: String, required: true },
    detail: { type: String, default: '' },
    count: { type: Number, required: true, min: 0 },
  },
  { id: false, versionKey: false },
);
outcomeSchema.index({ hour: 1, channel: 1, lang: 1, outcome: 1, detail: 1 }, { unique: true });

const leaseSchema = new Schema<LeaseDoc>(
  { _id: { type: String, required: true }, holder: { type: String, required: true }, expiresAt: { type: Date, required: true } },
  { versionKey: false },
);

/**
 * Indexes an earlier version declared on a collection and this one no longer uses: dropped at
 * start, with a warning (see `indexes.ts`). A name stays here as long as a database from before
 * may still have it.
 */
export const RETIRED_INDEXES: Record<string, string[]> = {
  // Replaced by indexes that also cover the sort's _id.
  tickets: ['status_1_createdAt_1', 'channel_1_chatId_1_status_1_createdAt_-1', 'createdAt_1'],
  audit: ['at_-1'],
};

export interface Models {
  faq: Model<FaqDoc>;
  faqVersions: Model<FaqDoc>;
  counters: Model<CounterDoc>;
  conversations: Model<ConversationDoc>;
  tickets: Model<TicketDoc>;
  audit: Model<AuditDoc>;
  outbox: Model<OutboxDoc>;
  staff: Model<StaffDoc>;
  sessions: Model<SessionDoc>;
  scheduled: Model<ScheduledDoc>;
  leases: Model<LeaseDoc>;
  outcomes: Model<OutcomeDoc>;
}

/** Registers the models on one connection, with fixed collection names. */
export function models(conn: Connection): Models {
  return {
    faq: conn.model<FaqDoc>('FaqEntry', faqSchema, 'faq'),
    faqVersions: conn.model<FaqDoc>('FaqVersion', faqVersionSchema, 'faq_versions'),
    counters: conn.model<CounterDoc>('Counter', counterSchema, 'counters'),
    conversations: conn.model<ConversationDoc>('Conversation', conversationSchema, 'conversations'),
    tickets: conn.model<TicketDoc>('Ticket', ticketSchema, 'tickets'),
    audit: conn.model<AuditDoc>('Audit', auditSchema, 'audit'),
    outbox: conn.model<OutboxDoc>('Outgoing', outboxSchema, 'outbox'),
    staff: conn.model<StaffDoc>('Staff', staffSchema, 'staff'),
    sessions: conn.model<SessionDoc>('StaffSession', sessionSchema, 'staff_sessions'),
    scheduled: conn.model<ScheduledDoc>('ScheduledChange', scheduledSchema, 'scheduled_changes'),
    leases: conn.model<LeaseDoc>('Lease', leaseSchema, 'leases'),
    outcomes: conn.model<OutcomeDoc>('OutcomeHour', outcomeSchema, 'outcome_hours'),
  };
}
