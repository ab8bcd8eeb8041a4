/**
 * What a storage backend (SQLite, MongoDB) provides. Most sub-stores are implemented by the backend
 * as they are; where a concern has domain rules — FAQ versions and the revision counter, audit
 * times, e-mail case, what a scheduled change or a subscription must hold, "once" markers — the
 * backend offers plain primitives and `compose.ts` keeps the rules once above both.
 */
import type { FaqEntry } from '../faq/types';
import type { Lang } from '../i18n/languages';
import type {
  AlertStore,
  AuditInput,
  AuditRecord,
  ConversationStore,
  FeedStore,
  FileStore,
  InboxStore,
  LearnedVariant,
  LearnedVariantStatus,
  OutboxStore,
  OutcomeCount,
  ScheduledChange,
  ScheduledChangeInput,
  StaffAccount,
  StaffChanges,
  StaffStore,
  TicketStore,
} from './types';

/**
 * One FAQ change as the domain planned it from what it read. The backend applies it atomically, and
 * only while every `expected` version still holds: a change planned on stale reads is refused whole.
 */
export interface FaqCommit {
  /** Entries to store as current and in the history; `expected` is the current version read (null: absent). */
  put: { entry: FaqEntry; expected: number | null }[];
  /** Entries to delete, with the current version read. */
  remove: { id: string; expected: number }[];
  /** Written with the change, in the same transaction. */
  audit: AuditInput;
  at: Date;
}

export interface FaqBackend {
  list(): Promise<FaqEntry[]>;
  get(id: string): Promise<FaqEntry | null>;
  versions(): Promise<Map<string, number>>;
  getMany(ids: readonly string[]): Promise<FaqEntry[]>;
  history(id: string): Promise<FaqEntry[]>;
  revision(): Promise<number>;
  /** The highest version ever stored (history included) of each of `ids` that has one. */
  lastVersions(ids: readonly string[]): Promise<Map<string, number>>;
  /**
   * Applies the change, bumps the revision and writes the audit record, all or nothing where the
   * server has transactions. Resolves false, writing nothing, when another writer changed one of
   * the entries since it was read.
   */
  commit(change: FaqCommit): Promise<boolean>;
}

export interface AuditBackend {
  insert(entry: AuditInput, at: Date): Promise<void>;
  list(limit: number): Promise<AuditRecord[]>;
  between(from: Date, to: Date, actions: readonly string[]): Promise<AuditRecord[]>;
}

/** Hourly outcome counts; the counts arrive with whole hours, merged and positive (see `../compose.ts`). */
export interface OutcomeBackend {
  /** Adds each count to the stored count of its key (hour, channel, lang, outcome, detail), in one transaction where the server has them. */
  increment(counts: readonly OutcomeCount[]): Promise<void>;
  between(from: Date, to: Date): Promise<OutcomeCount[]>;
}

/** Staff accounts by their normalised (trimmed, lower-case) e-mail. */
export interface StaffBackend extends Pick<StaffStore, 'list' | 'createSession' | 'getSession' | 'deleteSession' | 'deleteExpiredSessions'> {
  /** Resolves false when the e-mail is taken. */
  insert(account: StaffAccount): Promise<boolean>;
  get(email: string): Promise<StaffAccount | null>;
  update(email: string, changes: StaffChanges, at: Date): Promise<StaffAccount | null>;
  deleteSessionsOf(email: string): Promise<number>;
}

export interface ScheduleBackend {
  insert(input: ScheduledChangeInput, createdAt: Date): Promise<ScheduledChange>;
  list(filter: { status?: ScheduledChange['status'][] }): Promise<ScheduledChange[]>;
  due(now: Date): Promise<ScheduledChange[]>;
  finish(id: string, status: Exclude<ScheduledChange['status'], 'pending'>, at: Date, error?: string): Promise<boolean>;
}

export interface LeaseBackend {
  acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/** Learned variants by (entry, language, key); counts are added atomically. */
export interface LearningBackend {
  /** Adds to the counts of (entryId, lang, key), creating it pending with `text` when new. */
  add(input: { entryId: string; lang: Lang; key: string; text: string; picked: number; helpful: number }, at: Date): Promise<void>;
  list(filter: { entryId?: string; status?: LearnedVariantStatus[]; limit: number }): Promise<LearnedVariant[]>;
  get(id: string): Promise<LearnedVariant | null>;
  /** Sets the status of a pending one; false when it is not pending (or not there). */
  decide(id: string, status: Exclude<LearnedVariantStatus, 'pending'>, by: string, at: Date): Promise<boolean>;
}

export interface Backend {
  readonly description: string;
  readonly faq: FaqBackend;
  readonly conversations: ConversationStore;
  readonly tickets: TicketStore;
  readonly outbox: OutboxStore;
  readonly audit: AuditBackend;
  readonly staff: StaffBackend;
  readonly schedule: ScheduleBackend;
  readonly alerts: AlertStore;
  readonly leases: LeaseBackend;
  readonly feed: FeedStore;
  readonly inbox: InboxStore;
  readonly learning: LearningBackend;
  readonly outcomes: OutcomeBackend;
  readonly files?: FileStore;
  close(): Promise<void>;
}
