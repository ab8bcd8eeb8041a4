/**
 * The WhatsApp channel: a whatsapp-web.js client (behind `ClientFactory`), the message mapping,
 * the durable inbox and outbox (`src/delivery/`) and the connection's life — login QR, saved
 * session, reconnect with backoff, clear reports when the session ends, graceful stop.
 *
 * A resident's message is stored in the inbox (by its id) before it is handled, and its answer is
 * queued in the same step that marks it handled; every message the number sends leaves through the
 * one outbox sender, paced at one a second per chat and WHATSAPP_GLOBAL_RATE_PER_MIN overall.
 */
import path from 'node:path';
import type { Config } from '../../src/config';
import type { Channel } from '../../src/engine/channel';
import type { IncomingMessage, Reply } from '../../src/engine/types';
import { open, seal } from '../../src/delivery/envelope';
import type { FloodControl } from '../../src/delivery/flood-control';
import type { HeldWrites } from '../../src/delivery/held-writes';
import { Intake, KEEP_HANDLED_MS } from '../../src/delivery/intake';
import { OutboxSender, type OutboxSenderOptions } from '../../src/delivery/outbox-sender';
import { maskId, type Logger } from '../../src/logging';
import type { FileStore, InboxStore, OutboxStore } from '../../src/store/types';
import type { ChannelParts } from '../shared/parts';
import { renderPlain } from '../terminal';
import { backoffDelay, type BackoffOptions } from '../../src/delivery/backoff';
import type { ClientFactory, SessionPlan, WhatsAppClient, WhatsAppMessage, WhatsAppReaction } from './client';
import { removeLoginQr, showLoginQr } from './login-qr';
import { CHANNEL_NAME, reactionToIncoming, toIncoming } from './map-message';
import { SessionFiles } from './session-files';
import { explainStartFailure, sessionEnded, type WhatsAppState, type WhatsAppStatus } from './status';
import { realTimers, type Timers } from '../../src/delivery/timers';
import { createWebClient } from './web-client';

/** Folder (under the data folder) of the saved login: the browser profile (LocalAuth) or its working copy (RemoteAuth). */
export const SESSION_DIR = 'whatsapp-session';

/** Unread messages read back per chat after a reconnect: a resident who wrote more waited long enough for a person. */
const CATCH_UP_PER_CHAT = 20;

/** What the WhatsApp channel is built from. */
export interface WhatsAppParts extends ChannelParts {
  whatsapp: Config['whatsapp'];
  /** The data folder: the login QR's PNG, the browser profile (or its working copy). */
  dataDir: string;
  /** Where residents' messages are kept until handled. */
  inbox: InboxStore;
  /** Where replies wait for their turn to be sent (and survive restarts). */
  outbox: OutboxStore;
  /** Where writes wait while the store refuses them (answering goes on from memory). */
  held?: HeldWrites;
  /** The store's files, when it keeps them (MongoDB): the login is kept there instead of the data folder. */
  sessionFiles?: FileStore;
}

export interface WhatsAppChannelOptions {
  /** Builds the client; tests pass a fake. Default: whatsapp-web.js with Chromium. */
  createClient?: ClientFactory;
  /** Clock and timers for pacing and reconnects; tests pass a manual clock. */
  timers?: Timers;
  /** Pacing and retries of outgoing messages; the global rate defaults to WHATSAPP_GLOBAL_RATE_PER_MIN. */
  pacing?: WhatsAppPacing;
  /** Reconnect delays. Default: 5 s doubling up to 5 min. */
  reconnect?: BackoffOptions;
  /** How long loading WhatsApp Web may take before start-up is called failed (ms). Default 120000. */
  startTimeoutMs?: number;
  /** Where the login QR is printed. Default: stdout. */
  qrOutput?: NodeJS.WritableStream;
  /** Extra Chromium flags (the container flags are always there). */
  browserArgs?: string[];
  /** With MongoDB: how often RemoteAuth backs the session up (ms, at least 60000). Default 300000. */
  sessionBackupIntervalMs?: number;
}

/** How the number's messages are paced and retried. */
export interface WhatsAppPacing extends Omit<OutboxSenderOptions, 'flood'> {
  /** Minimum gap between two messages to one chat (ms). Default 1000. */
  perChatIntervalMs?: number;
  /** Messages a minute across all chats. Default WHATSAPP_GLOBAL_RATE_PER_MIN. */
  globalPerMinute?: number;
}

export class WhatsAppChannel implements Channel {
  readonly name = CHANNEL_NAME;
  /** Where the connection stands (see status()). */
  private current: WhatsAppStatus;
  private readonly log: Logger;
  private readonly timers: Timers;
  private readonly createClient: ClientFactory;
  private readonly sender: OutboxSender<string>;
  private readonly intake: Intake<IncomingMessage>;
  private client?: WhatsAppClient;
  private session?: SessionPlan;
  private accepting = false;
  private stopping = false;
  private reconnectAttempt = 0;
  private cancelReconnect?: () => void;
  private qrCount = 0;

  constructor(
    private readonly parts: WhatsAppParts,
    private readonly options: WhatsAppChannelOptions = {},
  ) {
    this.log = parts.logger.child({ channel: CHANNEL_NAME });
    this.timers = options.timers ?? realTimers;
    this.createClient = options.createClient ?? createWebClient;
    this.current = { state: 'disconnected', detail: 'not started', since: new Date(this.timers.now()) };
    const { perChatIntervalMs, globalPerMinute, ...retries } = options.pacing ?? {};
    this.sender = new OutboxSender(
      {
        channel: CHANNEL_NAME,
        outbox: parts.outbox,
        transport: {
          render: (item) => [renderPlain([open(item.text).reply])],
          send: (chatId, text) => this.deliver(chatId, text),
          // whatsapp-web.js gives no reliable codes: every failure is worth a few more tries.
          classify: (error) => ({ kind: 'transient', reason: error instanceof Error ? error.message : String(error) }),
        },
        timers: this.timers,
        held: parts.held,
        logger: this.log,
      },
      {
        flood: { perChatIntervalMs: perChatIntervalMs ?? 1000, globalPerSecond: (globalPerMinute ?? parts.whatsapp.globalRatePerMin) / 60 },
        maxAttempts: 5,
        retryBaseMs: 2000,
        retryMaxMs: 300_000,
        ...retries,
      },
    );
    this.intake = new Intake({
      channel: CHANNEL_NAME,
      inbox: parts.inbox,
      sender: this.sender,
      held: parts.held,
      idOf: (message) => message.id ?? '',
      encode: (message) => JSON.stringify(message),
      decode: (payload) => {
        const message = JSON.parse(payload) as IncomingMessage & { receivedAt?: string };
        return { ...message, ...(message.receivedAt ? { receivedAt: new Date(message.receivedAt) } : {}) };
      },
      handle: (message, id) => this.handle(message, id),
      clock: () => new Date(this.timers.now()),
      logger: this.log,
    });
  }

  /** The number's pace: alerts go through it too (`whatsappAlertTransport`). */
  get flood(): FloodControl {
    return this.sender.flood;
  }

  /** For the health endpoint. */
  status(): WhatsAppStatus {
    return { ...this.current };
  }

  /**
   * Launches the browser and loads WhatsApp Web. Resolves once it is loaded — logged in from the
   * saved session, or showing a login QR (then the status is 'qr' until it is scanned). Rejects
   * with one clear message, and the status becomes 'failed', when that cannot be done.
   */
  async start(): Promise<void> {
    this.stopping = false;
    this.setStatus('starting');
    this.session = this.sessionPlan();
    try {
      await this.connect();
    } catch (error) {
      const why = explainStartFailure(error);
      this.setStatus('failed', why);
      throw new Error(why);
    }
  }

  /** Stops taking messages, answers the ones in flight, leaves unsent replies queued in the store, closes the browser. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.accepting = false;
    this.cancelReconnect?.();
    this.cancelReconnect = undefined;
    await this.intake.drain();
    await this.parts.engine.drain();
    await this.sender.stop();
    await this.dropClient();
    if (this.current.state !== 'logged-out' && this.current.state !== 'failed') this.setStatus('disconnected', 'stopped');
    this.log.info('WhatsApp channel stopped');
  }

  /** The client while it is connected and ready (alert delivery sends through it); otherwise undefined. */
  readyClient(): WhatsAppClient | undefined {
    return this.current.state === 'ready' ? this.client : undefined;
  }

  /** Queues the replies (durably) for delivery through the pacing queue; resolves once queued, not once delivered. */
  async send(chatId: string, replies: Reply[]): Promise<void> {
    if (replies.length === 0) return;
    await this.parts.outbox.enqueue(outgoing(chatId, replies));
    this.sender.kick();
  }

  // --- Connection --------------------------------------------------------------------------

  /** LocalAuth in the data folder by default; RemoteAuth in the store's files when it keeps them (MongoDB). */
  private sessionPlan(): SessionPlan {
    const dataPath = path.join(this.parts.dataDir, SESSION_DIR);
    const { clientId } = this.parts.whatsapp;
    const named = clientId ? { clientId } : {};
    if (!this.parts.sessionFiles) return { kind: 'local', dataPath, ...named };
    return {
      kind: 'remote',
      dataPath,
      store: new SessionFiles(this.parts.sessionFiles, dataPath, this.log),
      backupSyncIntervalMs: this.options.sessionBackupIntervalMs ?? 300_000,
      ...named,
    };
  }

  private async connect(): Promise<void> {
    if (!this.session) throw new Error('no session plan');
    const { executablePath } = this.parts.whatsapp;
    const client = this.createClient({ session: this.session, executablePath, browserArgs: this.options.browserArgs ?? [] });
    this.client = client;
    this.listen(client);
    this.accepting = true;
    try {
      await this.withStartTimeout(client.initialize());
    } catch (error) {
      this.accepting = false;
      await this.dropClient();
      throw error;
    }
    this.log.info({ executablePath }, 'WhatsApp Web loaded');
  }

  private listen(client: WhatsAppClient): void {
    // Events of a client we already replaced (a late 'disconnected' from a destroyed browser) are ignored.
    const mine = () => this.client === client && !this.stopping;
    client.on('qr', (qr) => mine() && this.onQr(qr));
    client.on('authenticated', () => {
      if (!mine()) return;
      this.log.info('WhatsApp session authenticated');
      void removeLoginQr(this.parts.dataDir).catch(() => undefined);
    });
    client.on('ready', () => {
      if (!mine()) return;
      this.reconnectAttempt = 0;
      this.qrCount = 0;
      this.setStatus('ready');
      this.log.info('WhatsApp ready: taking messages');
      this.sender.resume();
      void this.intake
        .recover()
        .catch((error: unknown) => this.log.error({ err: error }, 'could not read the inbox; stored messages wait for the next start'))
        .then(() => (mine() ? this.catchUp(client) : undefined))
        .catch((error: unknown) => this.log.error({ err: error }, 'could not read the chats for messages that came while the bot was away'));
    });
    client.on('auth_failure', (message) => mine() && this.onSessionEnded(`authentication failed: ${message}`));
    client.on('change_state', (state) => mine() && this.log.debug({ state }, 'WhatsApp connection state'));
    client.on('disconnected', (cause) => {
      if (!mine()) return;
      if (sessionEnded(cause)) this.onSessionEnded(`disconnected: ${cause}`);
      else this.onConnectionLost(cause);
    });
    client.on('message', (message) => void (mine() && this.accept(message)));
    client.on('message_reaction', (reaction) => void (mine() && this.acceptReaction(reaction)));
  }

  /**
   * whatsapp-web.js emits no 'message' for what arrived while the bot was not connected (a restart,
   * a kill -9, a reconnect): those wait as unread messages in their chats. They are read here, oldest
   * first per chat, and taken like live ones; the inbox recognises any it has already seen, and
   * messages older than the inbox keeps its record of are left alone rather than answered again.
   */
  private async catchUp(client: WhatsAppClient): Promise<void> {
    const since = this.timers.now() - KEEP_HANDLED_MS;
    let taken = 0;
    for (const chat of await client.getChats()) {
      if (chat.isGroup || chat.unreadCount <= 0) continue;
      const unread = await chat.fetchMessages({ limit: Math.min(chat.unreadCount, CATCH_UP_PER_CHAT), fromMe: false });
      for (const message of [...unread].sort((a, b) => a.timestamp - b.timestamp)) {
        if (message.timestamp * 1000 < since || this.client !== client) continue;
        if (await this.accept(message)) taken++;
      }
    }
    if (taken > 0) this.log.info({ messages: taken }, 'WhatsApp: read messages that came while the bot was away');
  }

  private onQr(qr: string): void {
    this.qrCount++;
    this.setStatus('qr', 'scan the login QR: WhatsApp → Linked devices → Link a device');
    const output = this.options.qrOutput ?? process.stdout;
    showLoginQr(qr, this.parts.dataDir, output)
      .then((file) => {
        // The QR changes every ~20 s; saying where it is once per login is enough at info.
        const level = this.qrCount === 1 ? 'info' : 'debug';
        this.log[level]({ file }, 'WhatsApp login QR printed above and written to a PNG: scan it from the phone');
      })
      .catch((error: unknown) => this.log.warn({ err: error }, 'could not write the WhatsApp login QR PNG'));
  }

  /** The number was unlinked, banned or taken over: reconnecting cannot help, a person must act. */
  private onSessionEnded(detail: string): void {
    this.sender.pause();
    this.setStatus('logged-out', detail);
    this.log.error(
      { detail },
      'WhatsApp session ended: the number must be linked again (restart the bot and scan the new QR); ' +
        'if WhatsApp banned the number, no reconnect will help',
    );
    void this.dropClient();
  }

  private onConnectionLost(cause: string): void {
    this.sender.pause();
    this.setStatus('disconnected', cause);
    this.log.warn({ reason: cause }, 'WhatsApp disconnected; reconnecting');
    void this.dropClient().then(() => this.scheduleReconnect());
  }

  private scheduleReconnect(): void {
    if (this.stopping || this.cancelReconnect) return;
    const delay = backoffDelay(this.reconnectAttempt++, this.options.reconnect);
    this.log.info({ attempt: this.reconnectAttempt, delayMs: delay }, 'WhatsApp reconnect scheduled');
    this.cancelReconnect = this.timers.schedule(() => {
      this.cancelReconnect = undefined;
      void this.reconnect();
    }, delay);
  }

  private async reconnect(): Promise<void> {
    if (this.stopping) return;
    this.setStatus('starting', `reconnect attempt ${this.reconnectAttempt}`);
    try {
      await this.connect();
    } catch (error) {
      const why = explainStartFailure(error);
      if (this.stopping) return;
      this.setStatus('disconnected', why);
      this.log.warn({ attempt: this.reconnectAttempt, reason: why }, 'WhatsApp reconnect failed');
      this.scheduleReconnect();
    }
  }

  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    client.removeAllListeners();
    await client.destroy().catch((error: unknown) => this.log.debug({ err: error }, 'closing the WhatsApp browser failed'));
  }

  private withStartTimeout<T>(work: Promise<T>): Promise<T> {
    const ms = this.options.startTimeoutMs ?? 120_000;
    let cancel: (() => void) | undefined;
    const timeout = new Promise<never>((_, reject) => {
      cancel = this.timers.schedule(() => reject(new Error(`WhatsApp Web did not load within ${ms} ms`)), ms);
    });
    return Promise.race([work, timeout]).finally(() => cancel?.());
  }

  private setStatus(state: WhatsAppState, detail?: string): void {
    this.current = { state, since: new Date(this.timers.now()), ...(detail ? { detail } : {}) };
  }

  // --- Messages ----------------------------------------------------------------------------

  /**
   * Stores a resident's message, then handles it in the background: one slow conversation must not
   * hold up the others. Resolves once it is stored: true when it is one the channel takes.
   */
  private async accept(message: WhatsAppMessage): Promise<boolean> {
    if (!this.accepting) return false;
    const incoming = toIncoming(message);
    if (!incoming) return false;
    incoming.id = message.id._serialized;
    await this.intake.take(incoming);
    return true;
  }

  /**
   * Stores a resident's reaction like a message, under the reaction's id (a reaction changed later
   * has an id of its own), and handles it in the background.
   */
  private async acceptReaction(reaction: WhatsAppReaction): Promise<void> {
    if (!this.accepting) return;
    const incoming = reactionToIncoming(reaction);
    if (!incoming) return;
    incoming.id = `reaction:${reaction.id._serialized}`;
    await this.intake.take(incoming);
  }

  /** The answer is queued and the message marked handled in one step, in the conversation's turn. */
  private async handle(incoming: IncomingMessage, id: string): Promise<void> {
    const chat = maskId(incoming.chatId);
    await this.parts.engine.handle(incoming, async (result) => {
      this.log.debug({ chat, kind: incoming.kind, outcome: result.outcome.kind }, 'WhatsApp message answered');
      await this.intake.complete(id, outgoing(incoming.chatId, result.replies, id));
    });
  }

  private async deliver(chatId: string, text: string): Promise<void> {
    const client = this.client;
    if (!client || this.current.state !== 'ready') throw new Error('WhatsApp is not connected');
    await client.sendMessage(chatId, text);
  }
}

/**
 * One outbox item per reply (rendered when sent: one WhatsApp message, choices as the numbered
 * list the engine understands back); keyed by the message they answer, when there is one.
 */
function outgoing(chatId: string, replies: Reply[], answering?: string) {
  return replies.map((reply, i) => ({
    channel: CHANNEL_NAME,
    chatId,
    text: seal({ reply }),
    ...(answering ? { dedupeKey: `${CHANNEL_NAME}:${answering}:${i}` } : {}),
  }));
}
