/**
 * The store as the rest of the project sees it: one sub-store per concern, built over a backend.
 * The domain rules live here (and in `faq.ts`), once: both backends only store and fetch.
 */
import { randomUUID } from 'node:crypto';
import type { AuditBackend, Backend, LeaseBackend, OutcomeBackend, ScheduleBackend, StaffBackend } from './backend';
import { assertSchedulable, faqInputOf } from './faq-content';
import { VersionedFaq } from './faq';
import { Learning } from './learning';
import type {
  AlertStore,
  AuditInput,
  AuditRecord,
  ConversationStore,
  FaqStore,
  FeedStore,
  FileStore,
  InboxStore,
  LeaseStore,
  LearningStore,
  OutboxStore,
  OutcomeCount,
  OutcomeStore,
  ScheduleStore,
  ScheduledChange,
  ScheduledChangeInput,
  StaffAccount,
  StaffChanges,
  StaffInput,
  StaffStore,
  Store,
  Subscription,
  SubscriptionInput,
  TicketStore,
} from './types';

/** Long enough to outlive anything marked: a "once" marker only has to exist, never to expire. */
const ONCE_MS = 365 * 24 * 3600_000;

/** E-mails are stored and compared trimmed and lower-case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Audit records take their time from the store's clock. */
class AuditLog {
  constructor(
    private readonly backend: AuditBackend,
    private readonly now: () => Date,
  ) {}

  record(entry: AuditInput): Promise<void> {
    return this.backend.insert(entry, this.now());
  }

  list(limit = 100): Promise<AuditRecord[]> {
    return this.backend.list(limit);
  }

  between(from: Date, to: Date, actions: readonly string[]): Promise<AuditRecord[]> {
    return actions.length === 0 ? Promise.resolve([]) : this.backend.between(from, to, actions);
  }
}

const HOUR_MS = 3600_000;

/** The start of the UTC hour `at` falls in. */
export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** What makes two outcome counts one: the same hour, channel, language, outcome and detail. */
export function outcomeKey(c: OutcomeCount): string {
  return `${Math.floor(c.hour.getTime() / HOUR_MS)}\u0000${c.channel}\u0000${c.lang}\u0000${c.outcome}\u0000${c.detail ?? ''}`;
}

/**
 * Outcome counts reach the backend cut to whole hours, with the counts of one key added together
 * and nothing that counts zero: each backend then only increments.
 */
class OutcomeCounts implements OutcomeStore {
  constructor(private readonly backend: OutcomeBackend) {}

  add(counts: readonly OutcomeCount[]): Promise<void> {
    const merged = new Map<string, OutcomeCount>();
    for (const c of counts) {
      if (!Number.isInteger(c.count) || c.count < 0) return Promise.reject(new Error(`an outcome count must be a whole number of 0 or more, not ${c.count}`));
      if (c.count === 0) continue;
      const key = outcomeKey(c);
      const known = merged.get(key);
      if (known) known.count += c.count;
      else merged.set(key, { ...c, hour: hourOf(c.hour) });
    }
    return merged.size === 0 ? Promise.resolve() : this.backend.increment([...merged.values()]);
  }

  between(from: Date, to: Date): Promise<OutcomeCount[]> {
    return this.backend.between(from, to);
  }
}

class StaffAccounts implements StaffStore {
  constructor(
    private readonly backend: StaffBackend,
    private readonly now: () => Date,
  ) {}

  async create(input: StaffInput): Promise<StaffAccount> {
    const at = this.now();
    const account: StaffAccount = { ...input, email: normalizeEmail(input.email), disabled: false, createdAt: at, updatedAt: at };
    if (!(await this.backend.insert(account))) throw new Error(`A staff account "${account.email}" exists already`);
    return account;
  }

  get(email: string): Promise<StaffAccount | null> {
    return this.backend.get(normalizeEmail(email));
  }

  list(): Promise<StaffAccount[]> {
    return this.backend.list();
  }

  update(email: string, changes: StaffChanges): Promise<StaffAccount | null> {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as StaffChanges;
    return this.backend.update(normalizeEmail(email), defined, this.now());
  }

  createSession: StaffStore['createSession'] = (session) => this.backend.createSession(session);
  getSession: StaffStore['getSession'] = (idHash) => this.backend.getSession(idHash);
  deleteSession: StaffStore['deleteSession'] = (idHash) => this.backend.deleteSession(idHash);
  deleteExpiredSessions: StaffStore['deleteExpiredSessions'] = (now) => this.backend.deleteExpiredSessions(now);

  deleteSessionsOf(email: string): Promise<number> {
    return this.backend.deleteSessionsOf(normalizeEmail(email));
  }
}

/** A scheduled save carries a storable entry with the change's id, kept in its canonical form. */
class Schedule implements ScheduleStore {
  constructor(
    private readonly backend: ScheduleBackend,
    private readonly now: () => Date,
  ) {}

  async add(input: ScheduledChangeInput): Promise<ScheduledChange> {
    assertSchedulable(input);
    const { entry, ...rest } = input;
    return this.backend.insert(input.action === 'save' && entry ? { ...rest, entry: faqInputOf(entry) } : rest, this.now());
  }

  list: ScheduleStore['list'] = (filter = {}) => this.backend.list(filter);
  due: ScheduleStore['due'] = (now) => this.backend.due(now);
  finish: ScheduleStore['finish'] = (id, status, at, error) => this.backend.finish(id, status, at, error);
}

/**
 * A subscription names at least one topic, each once. The backend's other alert methods are used
 * as they are: the result inherits them from the backend object.
 */
function checkedSubscriptions(backend: AlertStore): AlertStore {
  const saveSubscription = (input: SubscriptionInput): Promise<Subscription> => {
    if (input.topics.length === 0) return Promise.reject(new Error('a subscription needs at least one topic'));
    return backend.saveSubscription({ ...input, topics: [...new Set(input.topics)] });
  };
  return Object.assign(Object.create(backend) as AlertStore, { saveSubscription });
}

class Leases implements LeaseStore {
  constructor(private readonly backend: LeaseBackend) {}

  acquire: LeaseStore['acquire'] = (name, holder, now, until) => this.backend.acquire(name, holder, now, until);
  release: LeaseStore['release'] = (name, holder) => this.backend.release(name, holder);

  once(marker: string, now: Date): Promise<boolean> {
    return this.backend.acquire(marker, randomUUID(), now, new Date(now.getTime() + ONCE_MS));
  }
}

/**
 * A store over a backend. The SQLite and MongoDB stores are this class with their backend, so a
 * caller never needs to know which one it holds.
 */
export class ComposedStore implements Store {
  readonly description: string;
  readonly faq: FaqStore;
  readonly conversations: ConversationStore;
  readonly tickets: TicketStore;
  readonly outbox: OutboxStore;
  readonly audit: AuditLog;
  readonly staff: StaffStore;
  readonly schedule: ScheduleStore;
  readonly alerts: AlertStore;
  readonly leases: LeaseStore;
  readonly feed: FeedStore;
  readonly inbox: InboxStore;
  readonly learning: LearningStore;
  readonly outcomes: OutcomeStore;
  readonly files?: FileStore;

  protected constructor(
    private readonly backend: Backend,
    now: () => Date,
  ) {
    this.description = backend.description;
    this.faq = new VersionedFaq(backend.faq, now);
    this.conversations = backend.conversations;
    this.tickets = backend.tickets;
    this.outbox = backend.outbox;
    this.audit = new AuditLog(backend.audit, now);
    this.staff = new StaffAccounts(backend.staff, now);
    this.schedule = new Schedule(backend.schedule, now);
    this.alerts = checkedSubscriptions(backend.alerts);
    this.leases = new Leases(backend.leases);
    this.feed = backend.feed;
    this.inbox = backend.inbox;
    this.learning = new Learning(backend.learning, now);
    this.outcomes = new OutcomeCounts(backend.outcomes);
    if (backend.files) this.files = backend.files;
  }

  close(): Promise<void> {
    return this.backend.close();
  }
}
