/**
 * The part of whatsapp-web.js the channel uses, as small interfaces: the real `Client` is wrapped
 * to fit them (`web-client.ts`) and the tests' fake implements them directly. Field names and
 * event names are whatsapp-web.js's own, so a reader of its documentation finds them here.
 */

/** A WhatsApp message as whatsapp-web.js delivers it (the fields the channel reads). */
export interface WhatsAppMessage {
  id: { _serialized: string };
  /** The chat it came from: '77011234567@c.us' (a person), '…@g.us' (a group), 'status@broadcast'. */
  from: string;
  to: string;
  /** The text, or a media message's caption. */
  body: string;
  /** 'chat' for text, 'image', 'ptt' (voice note), 'vcard', … (whatsapp-web.js MessageTypes). */
  type: string;
  hasMedia: boolean;
  fromMe: boolean;
  isStatus: boolean;
  /** Seconds since the epoch. */
  timestamp: number;
  /** Set on messages sent to a broadcast list. */
  broadcast?: boolean;
}

/**
 * A reaction as whatsapp-web.js's `message_reaction` event gives it (the fields the channel reads).
 * The event comes when a reaction is set, changed or taken back (then `reaction` is ''), by the
 * other side or by our own number.
 */
export interface WhatsAppReaction {
  /** The reaction's own id; `fromMe` when our number reacted. */
  id: { _serialized: string; fromMe: boolean };
  /** The message reacted to: `fromMe` when it is one the bot sent, `remote` its chat. */
  msgId: { _serialized: string; fromMe: boolean; remote: string };
  /** The emoji; '' when the reaction was taken back. */
  reaction: string;
  /** Who reacted. */
  senderId: string;
  /** Seconds since the epoch. */
  timestamp: number;
}

/** A chat as whatsapp-web.js's `getChats()` gives it (the fields the channel reads). */
export interface WhatsAppChat {
  id: { _serialized: string };
  isGroup: boolean;
  /** Messages the number has not read yet. */
  unreadCount: number;
  /** The chat's latest messages, oldest first (`fromMe: false`: the other side's only). */
  fetchMessages(searchOptions: { limit: number; fromMe?: boolean }): Promise<WhatsAppMessage[]>;
}

/** The events the channel listens to, with whatsapp-web.js's names and arguments. */
export interface ClientEvents {
  /** A login QR to scan with the phone (repeats every ~20 s until scanned). */
  qr: (qr: string) => void;
  authenticated: () => void;
  /** Restoring the saved session failed: the number must be linked again. */
  auth_failure: (message: string) => void;
  ready: () => void;
  /** The reason is a WAState ('CONFLICT', 'UNPAIRED', …) or 'LOGOUT'. */
  disconnected: (reason: string) => void;
  change_state: (state: string) => void;
  message: (message: WhatsAppMessage) => void;
  message_reaction: (reaction: WhatsAppReaction) => void;
}

export interface WhatsAppClient {
  on<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): unknown;
  removeAllListeners(): unknown;
  /** Launches the browser and loads WhatsApp Web; rejects when that fails. */
  initialize(): Promise<void>;
  /** Closes the browser. */
  destroy(): Promise<void>;
  sendMessage(chatId: string, text: string): Promise<unknown>;
  /** Every chat WhatsApp Web has loaded (the channel reads the unread ones after a reconnect). */
  getChats(): Promise<WhatsAppChat[]>;
}

/**
 * Where the login session is kept, decided by the channel; the client factory turns it into an
 * auth strategy. `clientId` names the session (whatsapp-web.js's own option): one per number.
 */
export type SessionPlan =
  | { kind: 'local'; dataPath: string; clientId?: string }
  | { kind: 'remote'; dataPath: string; store: RemoteSessionStore; backupSyncIntervalMs: number; clientId?: string };

/**
 * The store whatsapp-web.js's RemoteAuth expects: it zips the browser profile to
 * `<dataPath>/<session>.zip`, then calls `save`; at start it calls `extract` to get the zip back.
 */
export interface RemoteSessionStore {
  sessionExists(options: { session: string }): Promise<boolean>;
  save(options: { session: string }): Promise<void>;
  extract(options: { session: string; path: string }): Promise<void>;
  delete(options: { session: string }): Promise<void>;
}

export interface ClientSetup {
  session: SessionPlan;
  /** Chromium binary (Debian's /usr/bin/chromium by default). */
  executablePath: string;
  /** Extra Chromium flags. */
  browserArgs: string[];
}

export type ClientFactory = (setup: ClientSetup) => WhatsAppClient;
