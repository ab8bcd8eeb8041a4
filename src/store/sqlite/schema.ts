/**
 * The SQLite schema as numbered migrations. `PRAGMA user_version` holds how many have run; `migrate`
 * runs the missing ones at open, each in its own transaction, so a database written by an older
 * release is upgraded in place and a crash mid-upgrade leaves the previous version intact.
 *
 * Dates are INTEGER milliseconds since the epoch (exact round trip to Date); per-language texts and
 * transcripts are JSON text, since they are only ever read whole.
 */
import type Database from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  // 1: initial schema
  `
  CREATE TABLE faq (
    id          TEXT PRIMARY KEY,
    topic       TEXT NOT NULL,
    questions   TEXT NOT NULL,            -- JSON {ru?: string[], kk?: ..., en?: ...}
    answer      TEXT NOT NULL,            -- JSON {ru?: string, ...}
    valid_from  INTEGER,
    valid_until INTEGER,
    version     INTEGER NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  -- Every version, the current one included: history and revert read only this table, and it
  -- keeps the versions of deleted entries.
  CREATE TABLE faq_versions (
    id          TEXT NOT NULL,
    version     INTEGER NOT NULL,
    topic       TEXT NOT NULL,
    questions   TEXT NOT NULL,
    answer      TEXT NOT NULL,
    valid_from  INTEGER,
    valid_until INTEGER,
    updated_by  TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (id, version)
  ) WITHOUT ROWID;
  CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO counters (name, value) VALUES ('faq_revision', 0);

  CREATE TABLE conversations (
    channel        TEXT NOT NULL,
    chat_id        TEXT NOT NULL,
    lang           TEXT,
    lang_chosen    INTEGER NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('bot', 'operator')),
    ticket_id      TEXT,
    offered        TEXT NOT NULL,         -- JSON Choice[]
    last_faq_id    TEXT,
    last_question  TEXT,
    recent         TEXT NOT NULL,         -- JSON [{from, text, at: ms}]
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (channel, chat_id)
  ) WITHOUT ROWID;

  CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused, even after a delete
    channel     TEXT NOT NULL,
    chat_id     TEXT NOT NULL,
    lang        TEXT NOT NULL,
    question    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    topic       TEXT,
    excerpt     TEXT NOT NULL,            -- JSON [{from, text, at: ms}]
    status      TEXT NOT NULL CHECK (status IN ('queued', 'assigned', 'waiting', 'closed')),
    assignee    TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    closed_at   INTEGER
  );
  CREATE INDEX tickets_status_created ON tickets (status, created_at);
  -- One row a message: an append is a plain INSERT, so concurrent appends never overwrite each other.
  CREATE TABLE ticket_messages (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
    from_role   TEXT NOT NULL,
    text        TEXT NOT NULL,
    at          INTEGER NOT NULL
  );
  CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, seq);

  CREATE TABLE audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT,
    detail  TEXT                          -- JSON object
  );
  `,
  // 2: the outbox of messages a channel still has to deliver
  `
  CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: ids order the queue
    channel     TEXT NOT NULL,
    chat_id     TEXT NOT NULL,
    text        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    retry_at    INTEGER,
    created_at  INTEGER NOT NULL
  );
  -- The sender's one query: a channel's pending messages in enqueue order.
  CREATE INDEX outbox_channel_status ON outbox (channel, status, id);
  `,
  // 3: staff console — accounts, sessions, scheduled FAQ changes, leases between processes
  `
  CREATE TABLE staff (
    email          TEXT PRIMARY KEY,      -- lower-case
    role           TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'operator')),
    password_hash  TEXT NOT NULL,
    disabled       INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE staff_sessions (
    id_hash     TEXT PRIMARY KEY,
    email       TEXT NOT NULL,
    csrf_token  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX staff_sessions_email ON staff_sessions (email);
  CREATE TABLE scheduled_changes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    faq_id       TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('save', 'delete')),
    entry        TEXT,                    -- JSON FaqEntryInput (dates as ms), for 'save'
    run_at       INTEGER NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed', 'cancelled')),
    finished_at  INTEGER,
    error        TEXT
  );
  CREATE INDEX scheduled_changes_due ON scheduled_changes (status, run_at);
  CREATE TABLE leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    expires_at  INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // 4: alert subscriptions, alerts and one delivery record per recipient
  `
  CREATE TABLE subscriptions (
    channel     TEXT NOT NULL,
    chat_id     TEXT NOT NULL,
    topics      TEXT NOT NULL,            -- JSON string[]
    district    TEXT,
    lang        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (channel, chat_id)
  ) WITHOUT ROWID;
  CREATE TABLE alerts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    text         TEXT NOT NULL,           -- JSON {ru?, kk?, en?}
    topics       TEXT NOT NULL,           -- JSON string[]
    districts    TEXT NOT NULL,           -- JSON string[]
    run_at       INTEGER NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('scheduled', 'sending', 'done', 'cancelled')),
    finished_at  INTEGER
  );
  CREATE INDEX alerts_status_run ON alerts (status, run_at);
  -- seq keeps the sending order stable across restarts; (alert, channel, chat) is unique, so a
  -- resident is on an alert's list at most once.
  CREATE TABLE alert_recipients (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id    INTEGER NOT NULL REFERENCES alerts (id),
    channel     TEXT NOT NULL,
    chat_id     TEXT NOT NULL,
    lang        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'blocked', 'skipped')),
    reason      TEXT,
    updated_at  INTEGER NOT NULL,
    UNIQUE (alert_id, channel, chat_id)
  );
  CREATE INDEX alert_recipients_status ON alert_recipients (alert_id, status, seq);
  CREATE INDEX alert_recipients_chat ON alert_recipients (channel, chat_id, status);
  `,
  // 5: the event feed other processes follow; a chat's tickets (the latest closed one, for ratings)
  `
  CREATE TABLE events (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,  -- commit order: appends take the write lock in turn
    topic    TEXT NOT NULL,
    kind     TEXT NOT NULL,
    subject  TEXT NOT NULL,
    data     TEXT,                               -- JSON object of strings
    origin   TEXT NOT NULL,
    at       INTEGER NOT NULL
  );
  CREATE INDEX events_at ON events (at);
  CREATE INDEX tickets_chat ON tickets (channel, chat_id, status, created_at);
  `,
  // 6: question variants residents' choices suggest (the learning sub-store)
  `
  CREATE TABLE learned_variants (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id    TEXT NOT NULL,
    lang        TEXT NOT NULL,
    key         TEXT NOT NULL,
    text        TEXT NOT NULL,
    picked      INTEGER NOT NULL,
    helpful     INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    first_at    INTEGER NOT NULL,
    last_at     INTEGER NOT NULL,
    decided_by  TEXT,
    decided_at  INTEGER,
    UNIQUE (entry_id, lang, key)
  );
  CREATE INDEX learned_variants_status ON learned_variants (status, entry_id);
  `,
  // 7: the console's figures — hourly message outcomes, tickets and audit records by time; a staff member's language
  `
  CREATE TABLE outcome_hours (
    hour     INTEGER NOT NULL,                   -- start of the UTC hour, ms
    channel  TEXT NOT NULL,
    lang     TEXT NOT NULL,
    outcome  TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT '',           -- '' when there is none
    count    INTEGER NOT NULL,
    PRIMARY KEY (hour, channel, lang, outcome, detail)
  ) WITHOUT ROWID;
  CREATE INDEX tickets_created ON tickets (created_at);
  CREATE INDEX audit_action_at ON audit (action, at);
  ALTER TABLE staff ADD COLUMN lang TEXT;
  `,
  // 8: the inbox of updates (stored before they are confirmed); what makes handling an update
  // again harmless: a ticket per source update, a ticket line and a queued message per key; one
  // outbox queue per channel (operator replies used to wait in a queue of their own)
  `
  CREATE TABLE inbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,   -- arrival order
    channel     TEXT NOT NULL,
    update_id   TEXT NOT NULL,
    payload     TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    handled_at  INTEGER,
    UNIQUE (channel, update_id)
  );
  CREATE INDEX inbox_unhandled ON inbox (channel, handled_at, seq);
  ALTER TABLE tickets ADD COLUMN source TEXT;
  CREATE UNIQUE INDEX tickets_source ON tickets (source) WHERE source IS NOT NULL;
  ALTER TABLE ticket_messages ADD COLUMN ref TEXT;
  CREATE UNIQUE INDEX ticket_messages_ref ON ticket_messages (ticket_id, ref) WHERE ref IS NOT NULL;
  ALTER TABLE outbox ADD COLUMN dedupe_key TEXT;
  CREATE UNIQUE INDEX outbox_dedupe ON outbox (dedupe_key) WHERE dedupe_key IS NOT NULL;
  UPDATE outbox SET channel = substr(channel, 9) WHERE channel LIKE 'handoff:%';
  `,
  // 9: conversations and FAQ versions become ordinary (rowid) tables. A WITHOUT ROWID table keeps
  // whole rows in its key's B-tree, which suits rows of a few dozen bytes. A conversation carries
  // its recent messages and a FAQ version its texts in three languages (a kilobyte or more), so
  // each row spilled into overflow pages and every write moved large pages. A conversation took
  // about twice as long to write and to read, and three times the space, of a rowid table with the
  // same key as a unique index; a FAQ version's history read twice as long. The pages freed here
  // are reused by later writes.
  `
  CREATE TABLE conversations_rowid (
    channel        TEXT NOT NULL,
    chat_id        TEXT NOT NULL,
    lang           TEXT,
    lang_chosen    INTEGER NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('bot', 'operator')),
    ticket_id      TEXT,
    offered        TEXT NOT NULL,         -- JSON Choice[]
    last_faq_id    TEXT,
    last_question  TEXT,
    recent         TEXT NOT NULL,         -- JSON [{from, text, at: ms}]
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (channel, chat_id)
  );
  INSERT INTO conversations_rowid SELECT channel, chat_id, lang, lang_chosen, mode, ticket_id, offered,
    last_faq_id, last_question, recent, created_at, updated_at FROM conversations;
  DROP TABLE conversations;
  ALTER TABLE conversations_rowid RENAME TO conversations;
  CREATE TABLE faq_versions_rowid (
    id          TEXT NOT NULL,
    version     INTEGER NOT NULL,
    topic       TEXT NOT NULL,
    questions   TEXT NOT NULL,
    answer      TEXT NOT NULL,
    valid_from  INTEGER,
    valid_until INTEGER,
    updated_by  TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (id, version)
  );
  INSERT INTO faq_versions_rowid SELECT id, version, topic, questions, answer, valid_from, valid_until, updated_by, updated_at
    FROM faq_versions;
  DROP TABLE faq_versions;
  ALTER TABLE faq_versions_rowid RENAME TO faq_versions;
  `,
  // 10: every entry's id and version from an index alone. The bots read them on every FAQ change
  // to find what changed; from the table, whose rows carry the texts, that read 16 MB for 10,000
  // entries (50 ms), from this index 7 ms.
  `
  CREATE INDEX IF NOT EXISTS faq_id_version ON faq (id, version);
  `,
  // 11: residents' wordings an editor accepted, apart from the questions (FaqEntryInput.learned);
  // NULL for an entry without any. Wordings accepted before this release stay among the questions.
  `
  ALTER TABLE faq ADD COLUMN learned TEXT;
  ALTER TABLE faq_versions ADD COLUMN learned TEXT;
  `,
  // 12: a ticket whose resident wrote that someone is in danger now (Ticket.urgent), 1; otherwise NULL.
  `
  ALTER TABLE tickets ADD COLUMN urgent INTEGER;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the schema up to SCHEMA_VERSION; refuses a database written by a newer release.
 * `onUpgrade` hears of each upgrade before it runs: one that rebuilds a table takes seconds on a
 * large database, and whoever watches the start should know why it waits.
 */
export function migrate(db: Database.Database, onUpgrade?: (from: number, to: number) => void): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `The database has schema version ${current}, newer than this release understands (${SCHEMA_VERSION}): ` +
        'run a newer release or restore a backup.',
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    // A new database is created by the same migrations; that is no upgrade to report.
    if (current > 0) onUpgrade?.(v, v + 1);
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
