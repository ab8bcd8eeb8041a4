import type { Lang } from '../i18n/languages';
import type { FaqEntry, FaqEntryInput } from '../faq/types';

/** A line of a conversation, kept for the ticket excerpt. */
export interface TranscriptLine {
  from: 'resident' | 'bot' | 'operator';
  text: string;
  at: Date;
}

/** A choice as a conversation remembers it (the engine's `Choice` has this shape). */
export interface OfferedChoice {
  id: string;
  label: string;
}

/** Per-conversation state; one per (channel, chatId). */
export interface Conversation {
  channel: string;
  chatId: string;
  /** Reply language; undefined until known. */
  lang?: Lang;
  /** True once the resident picked the language explicitly (/lang): detection no longer overrides it. */
  langChosen: boolean;
  /** Who talks to the resident now. */
  mode: 'bot' | 'operator';
  /** The open ticket while mode is 'operator'. */
  ticketId?: string;
  /** What was offered last, so that '2' or the words of a choice select it. */
  offered: OfferedChoice[];
  /** The FAQ entry answered last, for the "did this help?" feedback. */
  lastFaqId?: string;
  /** The last question the bot could not settle, for the ticket. */
  lastQuestion?: string;
  /** The latest lines of the conversation (bounded), for the ticket excerpt. */
  recent: TranscriptLine[];
  createdAt: Date;
  updatedAt: Date;
}

export type TicketStatus = 'queued' | 'assigned' | 'waiting' | 'closed';

/** The statuses of a ticket an operator still has to deal with: all but closed. */
export const OPEN_TICKET_STATUSES: readonly Exclude<TicketStatus, 'closed'>[] = ['queued', 'assigned', 'waiting'];

export interface TicketInput {
  channel: string;
  chatId: string;
  lang: Lang;
  /** The question that could not be answered (or the request for a person). */
  question: string;
  reason: 'requested' | 'no-match' | 'not-helpful';
  topic?: string;
  /** The conversation so far, oldest first. */
  excerpt: TranscriptLine[];
  /**
   * What opened it (the channel and id of the resident's update): a ticket is opened once per
   * source, so an update handled again after a restart finds its ticket instead of opening another.
   */
  source?: string;
  /**
   * The resident's words say someone is in danger now (engine/urgency.ts): operators take it first.
   * Absent on every other ticket.
   */
  urgent?: true;
}

export interface Ticket extends TicketInput {
  id: string;
  status: TicketStatus;
  /** Every message of the resident or an operator after the ticket opened, oldest first. */
  messages: TranscriptLine[];
  assignee?: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
}

/** A ticket without its lines, for figures over many tickets. */
export type TicketSummary = Omit<Ticket, 'messages' | 'excerpt'>;

export interface AuditInput {
  actor: string;
  action: string;
  /** What the action was about, e.g. a FAQ id. */
  target?: string;
  detail?: Record<string, unknown>;
}

export interface AuditRecord extends AuditInput {
  id: string;
  at: Date;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** A message to send later, as a channel hands it to the outbox. */
export interface OutgoingInput {
  /** The channel that will deliver it, e.g. 'whatsapp'. */
  channel: string;
  chatId: string;
  /** The message as the channel's sender reads it (see `src/delivery/envelope.ts`). */
  text: string;
  /**
   * Set by callers that may queue the same message twice (an update handled again after a
   * restart): an item whose key is queued already is not queued again.
   */
  dedupeKey?: string;
}

/**
 * A message waiting in the outbox. It stays there until the channel confirms delivery
 * (`markOutgoingSent` removes it) or gives up (`markOutgoingFailed` without a retry time).
 */
export interface OutgoingMessage extends OutgoingInput {
  /** Grows with every enqueue: ordering by id is ordering by enqueue. */
  id: string;
  createdAt: Date;
  /** Failed delivery attempts so far. */
  attempts: number;
  /** The last delivery error, for logs and the staff console. */
  lastError?: string;
  /** Not to be tried before this time (set by a failed attempt that will be retried). */
  retryAt?: Date;
}

/** What a staff member may do: admin manages staff (and may do everything), editor the FAQ, operator tickets. */
export type StaffRole = 'admin' | 'editor' | 'operator';
export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'editor', 'operator'];

export interface StaffInput {
  /** The login name; stored lower-case, unique. */
  email: string;
  role: StaffRole;
  /** A slow hash (bcrypt) of the password; the password itself is never stored. */
  passwordHash: string;
}

export interface StaffAccount extends StaffInput {
  /** A disabled account cannot log in; its history stays. */
  disabled: boolean;
  /** The console's language the account chose; absent: the browser's preference. */
  lang?: Lang;
  createdAt: Date;
  updatedAt: Date;
}

/** A logged-in console session. The store keeps only a hash of the id the browser holds. */
export interface StaffSession {
  /** Hash of the cookie value (a stolen database does not hand out live sessions). */
  idHash: string;
  email: string;
  /** Sent back with every state-changing request (header or form field): CSRF protection. */
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

export type ScheduledChangeStatus = 'pending' | 'done' | 'failed' | 'cancelled';

/** A FAQ change to apply at a future time: save this content, or delete the entry. */
export interface ScheduledChangeInput {
  faqId: string;
  action: 'save' | 'delete';
  /** The full content to save (action 'save'); its id equals faqId. */
  entry?: FaqEntryInput;
  runAt: Date;
  createdBy: string;
}

export interface ScheduledChange extends ScheduledChangeInput {
  id: string;
  status: ScheduledChangeStatus;
  createdAt: Date;
  /** When it was applied, failed or cancelled. */
  finishedAt?: Date;
  error?: string;
}

// --- Alerts ----------------------------------------------------------------------------------

/** A resident's alert subscription; one per (channel, chatId). */
export interface SubscriptionInput {
  channel: string;
  chatId: string;
  /** Alert topics, e.g. 'curfew', 'internet'; at least one. */
  topics: string[];
  /** One of the configured districts; absent means "the whole region": every district's alerts. */
  district?: string;
  /** The conversation language when subscribing; the alert is sent in it. */
  lang: Lang;
}

export interface Subscription extends SubscriptionInput {
  createdAt: Date;
  updatedAt: Date;
}

/** scheduled → sending → done, or cancelled from either of the first two. */
export type AlertStatus = 'scheduled' | 'sending' | 'done' | 'cancelled';

export interface AlertInput {
  /** The text per language; a recipient whose language is missing gets the first present of ru, kk, en. */
  text: Partial<Record<Lang, string>>;
  topics: string[];
  /** Empty: every district. */
  districts: string[];
  /** When to start sending (now for "send now"). */
  runAt: Date;
  createdBy: string;
}

export interface Alert extends AlertInput {
  id: string;
  status: AlertStatus;
  createdAt: Date;
  finishedAt?: Date;
}

export type RecipientStatus = 'pending' | 'sent' | 'failed' | 'blocked' | 'skipped';

/** One resident's delivery of one alert. */
export interface AlertRecipient {
  alertId: string;
  channel: string;
  chatId: string;
  lang: Lang;
  status: RecipientStatus;
  /** Why it failed or was skipped. */
  reason?: string;
  updatedAt: Date;
}

/** How many recipients of an alert are in each state, per channel. */
export type AlertProgress = Record<string, Record<RecipientStatus, number>>;

// --- Message outcomes ------------------------------------------------------------------------

/**
 * How many residents' messages of one kind one hour saw: the figures behind the console's traffic
 * chart and the answered / suggested / escalated share. Counted in memory and added in batches
 * (`src/stats/outcome-tally.ts`), never per message on the answering path.
 */
export interface OutcomeCount {
  /** The start of the UTC hour. */
  hour: Date;
  channel: string;
  lang: Lang;
  /** What the engine made of the messages: an `Outcome` kind ('answer', 'suggest', 'escalate', …) or 'picked' (an entry picked from a list). */
  outcome: string;
  /** The FAQ entry answered, the escalation's reason, the command's name; absent when there is none. */
  detail?: string;
  count: number;
}

// --- Events between processes --------------------------------------------------------------

/** What an event is about: a ticket (the operators' inbox and group) or an alert (the senders). */
export type FeedTopic = 'ticket' | 'alert';

/** An event as a process appends it. Ids and states only: no resident's words, no phone numbers. */
export interface FeedEventInput {
  topic: FeedTopic;
  /** e.g. 'opened', 'claimed', 'started'. */
  kind: string;
  /** The ticket or alert id. */
  subject: string;
  /** Small extra facts (an operator's login); strings only. */
  data?: Record<string, string>;
  /** The process that appended it, so it does not hear its own event twice. */
  origin: string;
}

export interface FeedEvent extends FeedEventInput {
  /** Grows with every append: reading "after seq" follows the feed. */
  seq: number;
  at: Date;
}

// --- The inbox ------------------------------------------------------------------------------

/** An update as a channel received it: stored before the platform is told it arrived. */
export interface InboundInput {
  channel: string;
  /** The platform's id of the update (Telegram's update_id, WhatsApp's message id): unique per channel. */
  updateId: string;
  /** What the channel needs to handle it again after a restart (JSON text). */
  payload: string;
  receivedAt: Date;
}

/** What storing an update found: new, stored before and not handled yet, or handled already. */
export type InboundState = 'new' | 'pending' | 'handled';

// --- The sub-stores ------------------------------------------------------------------------

/** FAQ entries with their versions, and the revision counter every process polls. */
export interface FaqStore {
  list(): Promise<FaqEntry[]>;
  get(id: string): Promise<FaqEntry | null>;
  /**
   * Each current entry's id and version, in list order: what changed, without reading the entries
   * (reading 10,000 entries whole takes about 0.4 s, in one piece on the event loop).
   */
  versions(): Promise<Map<string, number>>;
  /** The current entries among `ids`, in list order; ids with no current entry are left out. */
  getMany(ids: readonly string[]): Promise<FaqEntry[]>;
  /**
   * Creates the entry (version 1) or saves a new version of it; the previous version is kept in
   * the history. Saving content identical to the current version changes nothing and returns it.
   */
  save(entry: FaqEntryInput, by: string): Promise<FaqEntry>;
  /** Deletes the entry (its history stays). Resolves false when there was no such entry. */
  delete(id: string, by: string): Promise<boolean>;
  /** Every stored version of an entry, newest first (including the current one). */
  history(id: string): Promise<FaqEntry[]>;
  /**
   * Saves all entries in one transaction: either every entry is saved or none is. With
   * `replace`, entries missing from `entries` are deleted. With `dryRun`, nothing is written: the
   * summary says what the import would do now.
   */
  import(entries: FaqEntryInput[], by: string, options?: { replace?: boolean; dryRun?: boolean }): Promise<ImportSummary>;
  /** A number that grows on every FAQ change: cheap polling for "did anything change?". */
  revision(): Promise<number>;
}

export interface ConversationStore {
  get(channel: string, chatId: string): Promise<Conversation | null>;
  save(conversation: Conversation): Promise<void>;
  /**
   * Saves several conversations at once (one transaction / one bulk write), for callers that
   * batch state writes; same effect as save on each, in order.
   */
  saveMany(conversations: Conversation[]): Promise<void>;
  /**
   * Gives the conversation to the operator of an open ticket (mode 'operator', that ticket, no
   * question pending), creating it if missing, unless an operator has it already: one atomic write
   * that touches nothing else, so it cannot undo a newer state another process wrote. Resolves
   * true when it changed something. Start-up uses it to restore hand-offs whose conversation state
   * was still waiting to be written behind when the process died (the ticket itself is awaited).
   */
  restoreHandoff(ticket: Pick<Ticket, 'id' | 'channel' | 'chatId' | 'lang'>, at: Date): Promise<boolean>;
}

export interface TicketStore {
  /**
   * Creates a queued ticket; with a `source` already stored, resolves that ticket instead. Stored
   * when it resolves; on SQLite, on the disk (against a power cut) with the next synced commit, the
   * update's completion (`writeUnsynced` in sqlite/db.ts). `append` likewise.
   */
  create(ticket: TicketInput): Promise<Ticket>;
  get(id: string): Promise<Ticket | null>;
  /**
   * Appends a message to a ticket atomically (concurrent appends are all kept). With `ref` (the
   * update the line came from) a line is appended once: resolves false when it was there already.
   */
  append(id: string, line: TranscriptLine, ref?: string): Promise<boolean>;
  list(filter?: { status?: readonly TicketStatus[] }): Promise<Ticket[]>;
  /** Tickets opened at or after `from` and before `to`, oldest first, without their lines (one indexed query). */
  openedBetween(from: Date, to: Date): Promise<TicketSummary[]>;
  /** The most recently closed ticket of one chat, or null: one indexed query, not a scan. */
  latestClosed(channel: string, chatId: string): Promise<Ticket | null>;
  /** Sets the status (and assignee) of a ticket; closing sets closedAt. */
  setStatus(id: string, status: TicketStatus, assignee?: string): Promise<Ticket | null>;
  /**
   * Assigns a queued ticket to `operator` in one conditional write: of two operators claiming at
   * once exactly one gets the ticket back, the other (and anyone claiming a ticket that is not
   * queued) gets null.
   */
  claim(id: string, operator: string): Promise<Ticket | null>;
  /**
   * Marks an open ticket urgent (a resident waiting wrote that someone is in danger now) in one
   * conditional write, as `claim` does: resolves to the ticket so marked, or null when it was urgent
   * already, is closed or does not exist.
   */
  markUrgent(id: string): Promise<Ticket | null>;
}

/** Messages a channel still has to deliver; its own sub-store so the senders can grow around it. */
export interface OutboxStore {
  /**
   * Queues messages for a channel to deliver, in the order given, all or none. A queued message
   * survives a restart; it leaves the queue when marked sent or given up.
   */
  enqueue(items: OutgoingInput[]): Promise<OutgoingMessage[]>;
  /**
   * The channel's queued messages, oldest first, including those waiting for their `retryAt`:
   * the caller holds back a chat's later messages behind an earlier one that must wait, so one
   * chat's messages are never reordered.
   */
  pending(channel: string, limit?: number): Promise<OutgoingMessage[]>;
  /** Delivered: removes the message from the queue (the transcript keeps what was said). */
  markSent(id: string): Promise<void>;
  /**
   * A delivery attempt failed: counts it and keeps the error. With `retryAt` the message stays
   * queued until then; without, the channel gave up and it leaves the queue (kept as failed).
   */
  markFailed(id: string, error: string, retryAt?: Date): Promise<void>;
  /** Messages the channel gave up on, newest first, for the staff to see. */
  failed(channel: string, limit?: number): Promise<OutgoingMessage[]>;
}

/**
 * Updates from residents, kept from the moment they arrive until they are handled (the
 * transactional inbox): a channel confirms an update to its platform only once it is stored here,
 * a restart handles what was stored and not handled, and a redelivered update is recognised.
 */
export interface InboxStore {
  /** Stores the update unless (channel, updateId) is stored already; says which it was. */
  record(input: InboundInput): Promise<InboundState>;
  /** A channel's stored updates not handled yet, in arrival order. */
  unhandled(channel: string, limit?: number): Promise<InboundInput[]>;
  /**
   * Marks the update handled and queues the messages that answer it, in one transaction where the
   * server has them (otherwise the messages first, deduplicated by their keys): an update whose
   * answer was queued is never handled again, and one whose answer was not is.
   */
  complete(channel: string, updateId: string, outgoing?: OutgoingInput[]): Promise<void>;
  /** Forgets handled updates received before `before`; resolves how many. */
  prune(before: Date): Promise<number>;
}

export interface AuditStore {
  record(entry: AuditInput): Promise<void>;
  /** Newest first. */
  list(limit?: number): Promise<AuditRecord[]>;
  /** Records of the given actions made at or after `from` and before `to`, oldest first (one indexed query). */
  between(from: Date, to: Date, actions: readonly string[]): Promise<AuditRecord[]>;
}

/** Hourly counts of what became of residents' messages, added up across processes. */
export interface OutcomeStore {
  /**
   * Adds the counts to the stored ones, all or none: counts of the same hour, channel, language,
   * outcome and detail add up (several processes count the same hour). Hours are cut to the hour.
   */
  add(counts: readonly OutcomeCount[]): Promise<void>;
  /** The counts of the hours starting at or after `from` and before `to`, oldest hour first. */
  between(from: Date, to: Date): Promise<OutcomeCount[]>;
}

/** Console accounts and their sessions. E-mails are compared case-insensitively. */
export interface StaffStore {
  /** Creates an account; throws when the e-mail (case-insensitive) is already taken. */
  create(input: StaffInput): Promise<StaffAccount>;
  /** The account for an e-mail, case-insensitive; null when there is none. */
  get(email: string): Promise<StaffAccount | null>;
  list(): Promise<StaffAccount[]>;
  /** Changes role, password hash or the disabled flag; null when there is no such account. */
  update(email: string, changes: StaffChanges): Promise<StaffAccount | null>;
  createSession(session: StaffSession): Promise<void>;
  /** The session with this id hash, expired or not (the caller compares with its clock). */
  getSession(idHash: string): Promise<StaffSession | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Removes every session of an account (disabled, password changed); resolves how many. */
  deleteSessionsOf(email: string): Promise<number>;
  /** Removes sessions that expired before `now`; resolves how many. */
  deleteExpiredSessions(now: Date): Promise<number>;
}

export type StaffChanges = Partial<Pick<StaffAccount, 'role' | 'passwordHash' | 'disabled' | 'lang'>>;

/** FAQ changes to apply at a future time. */
export interface ScheduleStore {
  add(input: ScheduledChangeInput): Promise<ScheduledChange>;
  /** Scheduled changes, by run time (earliest first), optionally only some statuses. */
  list(filter?: { status?: ScheduledChangeStatus[] }): Promise<ScheduledChange[]>;
  /** Pending changes whose run time is at or before `now`, earliest first. */
  due(now: Date): Promise<ScheduledChange[]>;
  /**
   * Moves a pending change to done, failed or cancelled. Resolves false when it was no longer
   * pending (already applied or cancelled elsewhere): only one caller wins.
   */
  finish(id: string, status: Exclude<ScheduledChangeStatus, 'pending'>, at: Date, error?: string): Promise<boolean>;
}

/** Residents' alert subscriptions, and the alerts sent to them as durable jobs. */
export interface AlertStore {
  /** Creates or replaces the subscription of (channel, chatId). */
  saveSubscription(input: SubscriptionInput): Promise<Subscription>;
  getSubscription(channel: string, chatId: string): Promise<Subscription | null>;
  /**
   * Removes the subscription and skips that chat's pending alert deliveries, as one step: an alert
   * starting at the same time does not queue the chat afterwards, and an unsubscribe is honoured
   * even for an alert already being sent. Resolves false when there was none.
   */
  deleteSubscription(channel: string, chatId: string): Promise<boolean>;
  /**
   * Subscriptions an alert with these topics and districts reaches: any topic in common, and the
   * subscriber's district among `districts` (or no district on either side).
   */
  matchingSubscriptions(topics: string[], districts: string[]): Promise<Subscription[]>;
  create(input: AlertInput): Promise<Alert>;
  get(id: string): Promise<Alert | null>;
  /** Alerts, newest first, optionally only some statuses. */
  list(filter?: { status?: AlertStatus[] }): Promise<Alert[]>;
  /**
   * Moves a scheduled alert to sending and writes one pending recipient per matching subscription
   * at that moment, as one step: nobody sees it sending before every recipient is written, and a
   * cancel at the same time leaves none pending. False when the alert was not scheduled (only one
   * caller starts it).
   */
  start(id: string): Promise<boolean>;
  /** Pending recipients of an alert (only one channel's when given), in a stable order (oldest first). */
  pendingRecipients(alertId: string, limit: number, channel?: string): Promise<AlertRecipient[]>;
  /**
   * Records the outcome of one delivery; only a pending recipient changes, except that 'sent' also
   * replaces 'skipped': a send already under way when the alert was cancelled (or the resident
   * unsubscribed) did reach the resident, and the record must say so. False when nothing changed.
   */
  markRecipient(alertId: string, channel: string, chatId: string, status: Exclude<RecipientStatus, 'pending'>, reason?: string): Promise<boolean>;
  /**
   * Finishes a scheduled or sending alert as done or cancelled; cancelling also skips every pending
   * recipient. False when it had already finished.
   */
  finish(id: string, status: 'done' | 'cancelled'): Promise<boolean>;
  progress(alertId: string): Promise<AlertProgress>;
  /** Recipients of an alert in the given states (all when omitted), oldest first. */
  recipients(alertId: string, status?: RecipientStatus[]): Promise<AlertRecipient[]>;
}

/** Named leases: several processes use them so that a job runs in one of them at a time. */
export interface LeaseStore {
  /**
   * Takes or renews the named lease for `holder` until `until`, atomically: succeeds when the lease
   * is free, expired at `now`, or already held by `holder`.
   */
  acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease up early, if `holder` holds it. */
  release(name: string, holder: string): Promise<void>;
  /** True the first time ever (in any process) `marker` is taken: "do this once" across restarts. */
  once(marker: string, now: Date): Promise<boolean>;
}

/** The feed of ticket and alert events every process follows (see `src/events`). */
export interface FeedStore {
  append(event: FeedEventInput): Promise<FeedEvent>;
  /** Events with a seq above `seq`, oldest first. */
  after(seq: number, limit: number): Promise<FeedEvent[]>;
  /** The seq of the newest event (0 when there is none): where a new follower starts. */
  head(): Promise<number>;
  /** Forgets events older than `before`; resolves how many. */
  prune(before: Date): Promise<number>;
  /**
   * Where the backend can push new events (a MongoDB change stream on a replica set): calls
   * `onEvent` for each appended event until the returned stop is called. Absent: followers poll `after`.
   */
  watch?(onEvent: (event: FeedEvent) => void, onError: (error: unknown) => void): Promise<() => Promise<void>>;
  /**
   * How far out of seq order appends can become visible (0 when an append takes the next seq and
   * becomes visible in that order, as in SQLite); a poller looks back this far.
   */
  readonly reorderWindow: number;
}

/** Named binary files in the database: the WhatsApp login when the project runs on MongoDB. */
export interface FileStore {
  exists(name: string): Promise<boolean>;
  /** Stores the stream's bytes under `name`, replacing an older file of that name only once it is in. */
  put(name: string, from: NodeJS.ReadableStream): Promise<void>;
  /** Writes the newest file of that name to `to`. */
  get(name: string, to: NodeJS.WritableStream): Promise<void>;
  delete(name: string): Promise<void>;
}

export type LearnedVariantStatus = 'pending' | 'accepted' | 'rejected';

/**
 * A resident's words that led to a FAQ entry — picked from "did you mean" or found helpful after an
 * answer — offered to editors as a new question variant of the entry. The same words (by `key`)
 * for the same entry and language are one suggestion, counted.
 */
export interface LearnedVariant {
  id: string;
  entryId: string;
  lang: Lang;
  /** The words as a resident first wrote them. */
  text: string;
  /** The words normalised (lower case, words only): how the same message is recognised. */
  key: string;
  /**
   * How many times a person chose the entry for these words: a resident from "did you mean", or an
   * operator answering the resident's ticket with the entry.
   */
  picked: number;
  /** How many times residents said the answer helped after these words. */
  helpful: number;
  status: LearnedVariantStatus;
  firstAt: Date;
  lastAt: Date;
  decidedBy?: string;
  decidedAt?: Date;
}

/**
 * Who tied a resident's words to an entry: the resident picked it from "did you mean" ('picked'),
 * said its answer helped ('helpful'), or an operator answered the resident's ticket with it
 * ('operator', counted as a pick).
 */
export type LearningSource = 'picked' | 'helpful' | 'operator';

/** What residents taught: suggested question variants, kept until an editor accepts or rejects them. */
export interface LearningStore {
  /** Counts one more resident who reached `entryId` with `text` (no resident id is kept). */
  note(input: { entryId: string; lang: Lang; text: string; source: LearningSource }): Promise<void>;
  /** Suggestions (pending ones by default), the most often seen first. */
  list(filter?: { entryId?: string; status?: LearnedVariantStatus[]; limit?: number }): Promise<LearnedVariant[]>;
  get(id: string): Promise<LearnedVariant | null>;
  /** Settles a pending suggestion; null (nothing changed) when it is not pending. */
  decide(id: string, status: Exclude<LearnedVariantStatus, 'pending'>, by: string): Promise<LearnedVariant | null>;
}

/** The sub-stores, one per concern. */
export interface SubStores {
  faq: FaqStore;
  conversations: ConversationStore;
  tickets: TicketStore;
  outbox: OutboxStore;
  audit: AuditStore;
  staff: StaffStore;
  schedule: ScheduleStore;
  alerts: AlertStore;
  leases: LeaseStore;
  feed: FeedStore;
  inbox: InboxStore;
  learning: LearningStore;
  outcomes: OutcomeStore;
}

/**
 * The project's storage, composed of one sub-store per concern. Two backends sit behind it
 * (embedded SQLite, MongoDB through mongoose) with the domain rules (FAQ versions, audit, e-mail
 * case) kept once above them, and one contract suite per concern runs against both. Methods
 * resolve once the write is durable: an acknowledged write survives a killed process.
 *
 * Each consumer takes only the sub-stores it uses, e.g. `Pick<Store, 'tickets' | 'audit'>`.
 */
export interface Store extends Readonly<SubStores> {
  /** Human-readable kind for logs and health, e.g. 'sqlite:/path/bot.db' (never with credentials). */
  readonly description: string;
  /** Only on MongoDB: with SQLite such files stay in the data folder. */
  readonly files?: FileStore;
  close(): Promise<void>;
}
