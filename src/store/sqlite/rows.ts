/** Row shapes of the SQLite tables and their conversion to and from the domain records. */
import { isLang } from '../../i18n/languages';
import type { Choice } from '../../engine/types';
import type { FaqEntry, FaqEntryInput, PerLang } from '../../faq/types';
import type {
  AuditRecord,
  ScheduledChange,
  StaffAccount,
  StaffSession,
  Conversation,
  OutgoingMessage,
  Ticket,
  TicketInput,
  TicketStatus,
  TranscriptLine,
} from '../types';

export interface FaqRow {
  id: string;
  topic: string;
  questions: string;
  answer: string;
  valid_from: number | null;
  valid_until: number | null;
  version: number;
  updated_by: string;
  updated_at: number;
}

export function faqToRow(entry: FaqEntryInput, version: number, by: string, at: Date): FaqRow {
  return {
    id: entry.id,
    topic: entry.topic,
    questions: JSON.stringify(entry.questions),
    answer: JSON.stringify(entry.answer),
    valid_from: entry.validFrom?.getTime() ?? null,
    valid_until: entry.validUntil?.getTime() ?? null,
    version,
    updated_by: by,
    updated_at: at.getTime(),
  };
}

export function faqFromRow(row: FaqRow): FaqEntry {
  const entry: FaqEntry = {
    id: row.id,
    topic: row.topic,
    questions: JSON.parse(row.questions) as PerLang<string[]>,
    answer: JSON.parse(row.answer) as PerLang<string>,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at),
  };
  if (row.valid_from !== null) entry.validFrom = new Date(row.valid_from);
  if (row.valid_until !== null) entry.validUntil = new Date(row.valid_until);
  return entry;
}

/** Transcript lines keep `at` as milliseconds inside JSON; only `at` is revived, never guessed. */
interface StoredLine {
  from: TranscriptLine['from'];
  text: string;
  at: number;
}

export function linesToJson(lines: readonly TranscriptLine[]): string {
  return JSON.stringify(lines.map((l): StoredLine => ({ from: l.from, text: l.text, at: l.at.getTime() })));
}

export function linesFromJson(json: string): TranscriptLine[] {
  return (JSON.parse(json) as StoredLine[]).map((l) => ({ from: l.from, text: l.text, at: new Date(l.at) }));
}

export interface ConversationRow {
  channel: string;
  chat_id: string;
  lang: string | null;
  lang_chosen: number;
  mode: Conversation['mode'];
  ticket_id: string | null;
  offered: string;
  last_faq_id: string | null;
  last_question: string | null;
  recent: string;
  created_at: number;
  updated_at: number;
}

export function conversationToRow(c: Conversation): ConversationRow {
  return {
    channel: c.channel,
    chat_id: c.chatId,
    lang: c.lang ?? null,
    lang_chosen: c.langChosen ? 1 : 0,
    mode: c.mode,
    ticket_id: c.ticketId ?? null,
    offered: JSON.stringify(c.offered),
    last_faq_id: c.lastFaqId ?? null,
    last_question: c.lastQuestion ?? null,
    recent: linesToJson(c.recent),
    created_at: c.createdAt.getTime(),
    updated_at: c.updatedAt.getTime(),
  };
}

export function conversationFromRow(row: ConversationRow): Conversation {
  const c: Conversation = {
    channel: row.channel,
    chatId: row.chat_id,
    langChosen: row.lang_chosen === 1,
    mode: row.mode,
    offered: JSON.parse(row.offered) as Choice[],
    recent: linesFromJson(row.recent),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
  if (isLang(row.lang)) c.lang = row.lang;
  if (row.ticket_id !== null) c.ticketId = row.ticket_id;
  if (row.last_faq_id !== null) c.lastFaqId = row.last_faq_id;
  if (row.last_question !== null) c.lastQuestion = row.last_question;
  return c;
}

export interface TicketRow {
  id: number;
  channel: string;
  chat_id: string;
  lang: TicketInput['lang'];
  question: string;
  reason: TicketInput['reason'];
  topic: string | null;
  excerpt: string;
  status: TicketStatus;
  assignee: string | null;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

export interface TicketMessageRow {
  from_role: TranscriptLine['from'];
  text: string;
  at: number;
}

export function ticketFromRow(row: TicketRow, messages: readonly TicketMessageRow[]): Ticket {
  const t: Ticket = {
    id: String(row.id),
    channel: row.channel,
    chatId: row.chat_id,
    lang: row.lang,
    question: row.question,
    reason: row.reason,
    excerpt: linesFromJson(row.excerpt),
    status: row.status,
    messages: messages.map((m) => ({ from: m.from_role, text: m.text, at: new Date(m.at) })),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
  if (row.topic !== null) t.topic = row.topic;
  if (row.assignee !== null) t.assignee = row.assignee;
  if (row.closed_at !== null) t.closedAt = new Date(row.closed_at);
  return t;
}

export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

export function auditFromRow(row: AuditRow): AuditRecord {
  const r: AuditRecord = { id: String(row.id), at: new Date(row.at), actor: row.actor, action: row.action };
  if (row.target !== null) r.target = row.target;
  if (row.detail !== null) r.detail = JSON.parse(row.detail) as Record<string, unknown>;
  return r;
}

export interface OutboxRow {
  id: number;
  channel: string;
  chat_id: string;
  text: string;
  status: 'pending' | 'failed';
  attempts: number;
  last_error: string | null;
  retry_at: number | null;
  created_at: number;
}

export function outgoingFromRow(row: OutboxRow): OutgoingMessage {
  const m: OutgoingMessage = {
    id: String(row.id),
    channel: row.channel,
    chatId: row.chat_id,
    text: row.text,
    createdAt: new Date(row.created_at),
    attempts: row.attempts,
  };
  if (row.last_error !== null) m.lastError = row.last_error;
  if (row.retry_at !== null) m.retryAt = new Date(row.retry_at);
  return m;
}

export interface StaffRow {
  email: string;
  role: StaffAccount['role'];
  password_hash: string;
  disabled: number;
  created_at: number;
  updated_at: number;
}

export function staffFromRow(row: StaffRow): StaffAccount {
  return {
    email: row.email,
    role: row.role,
    passwordHash: row.password_hash,
    disabled: row.disabled !== 0,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export interface SessionRow {
  id_hash: string;
  email: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export function sessionToRow(s: StaffSession): SessionRow {
  return {
    id_hash: s.idHash,
    email: s.email,
    csrf_token: s.csrfToken,
    created_at: s.createdAt.getTime(),
    expires_at: s.expiresAt.getTime(),
  };
}

export function sessionFromRow(row: SessionRow): StaffSession {
  return {
    idHash: row.id_hash,
    email: row.email,
    csrfToken: row.csrf_token,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
  };
}

export interface ScheduledRow {
  id: number;
  faq_id: string;
  action: ScheduledChange['action'];
  entry: string | null;
  run_at: number;
  created_by: string;
  created_at: number;
  status: ScheduledChange['status'];
  finished_at: number | null;
  error: string | null;
}

/** An entry inside JSON: dates as milliseconds, revived on read. */
export function entryToJson(entry: FaqEntryInput): string {
  return JSON.stringify({ ...entry, validFrom: entry.validFrom?.getTime(), validUntil: entry.validUntil?.getTime() });
}

function entryFromJson(text: string): FaqEntryInput {
  const raw = JSON.parse(text) as Omit<FaqEntryInput, 'validFrom' | 'validUntil'> & { validFrom?: number; validUntil?: number };
  const entry: FaqEntryInput = { id: raw.id, topic: raw.topic, questions: raw.questions, answer: raw.answer };
  if (raw.validFrom !== undefined) entry.validFrom = new Date(raw.validFrom);
  if (raw.validUntil !== undefined) entry.validUntil = new Date(raw.validUntil);
  return entry;
}

export function scheduledFromRow(row: ScheduledRow): ScheduledChange {
  const change: ScheduledChange = {
    id: String(row.id),
    faqId: row.faq_id,
    action: row.action,
    runAt: new Date(row.run_at),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    status: row.status,
  };
  if (row.entry !== null) change.entry = entryFromJson(row.entry);
  if (row.finished_at !== null) change.finishedAt = new Date(row.finished_at);
  if (row.error !== null) change.error = row.error;
  return change;
}
