/**
 * A stand-in for whatsapp-web.js's Client with its event names and message shape, plus a
 * "phone" (FakeWhatsApp) that links the number, writes to the bot and records what it sends.
 */
import { EventEmitter } from 'node:events';
import type { ClientFactory, ClientSetup, WhatsAppChat, WhatsAppClient, WhatsAppMessage, WhatsAppReaction } from '../../../bots/whatsapp';
import type { Timers } from '../../../bots/whatsapp';

export const BOT_ID = '77770000000@c.us';

export interface SentMessage {
  chatId: string;
  text: string;
  /** Manual clock time of the send. */
  at: number;
}

/** A message as whatsapp-web.js builds it, with reply() and getChat(). */
export interface FakeMessage extends WhatsAppMessage {
  reply(text: string): Promise<unknown>;
  getChat(): Promise<{ id: { _serialized: string }; isGroup: boolean }>;
}

export class FakeClient extends EventEmitter implements WhatsAppClient {
  initialized = false;
  destroyed = false;

  constructor(
    readonly setup: ClientSetup,
    private readonly phone: FakeWhatsApp,
  ) {
    super();
  }

  async initialize(): Promise<void> {
    if (this.phone.initializeHangs) await new Promise<never>(() => undefined);
    if (this.phone.initializeError) throw this.phone.initializeError;
    this.initialized = true;
    // Like whatsapp-web.js: the QR is emitted while initialize() runs; a saved session gets ready after it.
    if (!this.phone.linked) this.emit('qr', `2@fake-qr-${this.phone.clients.length}`);
    else queueMicrotask(() => this.connectLinked());
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  async sendMessage(chatId: string, text: string): Promise<unknown> {
    if (this.destroyed) throw new Error('client destroyed');
    const failure = this.phone.failSend?.(chatId, text);
    if (failure) throw failure;
    this.phone.sent.push({ chatId, text, at: this.phone.timers.now() });
    // whatsapp-web.js marks the chat seen when it sends to it (sendMessage's sendSeen defaults to true).
    this.phone.unread.delete(chatId);
    return { id: { _serialized: `true_${chatId}_${this.phone.sent.length}` } };
  }

  /** Chats with what residents wrote while no client was connected still unread, as WhatsApp Web loads them. */
  async getChats(): Promise<WhatsAppChat[]> {
    return [...this.phone.unread].map(([chatId, messages]) => ({
      id: { _serialized: chatId },
      isGroup: chatId.endsWith('@g.us'),
      unreadCount: messages.length,
      fetchMessages: async ({ limit, fromMe }) => messages.filter((m) => fromMe === undefined || m.fromMe === fromMe).slice(-limit),
    }));
  }

  /** The phone scanned the QR. */
  scan(): void {
    this.phone.linked = true;
    this.connectLinked();
  }

  private connectLinked(): void {
    if (this.destroyed) return;
    this.emit('authenticated');
    this.emit('ready');
  }
}

/** The WhatsApp side of the tests: every client the channel created, and what reached residents. */
export class FakeWhatsApp {
  readonly clients: FakeClient[] = [];
  readonly sent: SentMessage[] = [];
  linked = false;
  initializeError?: Error;
  /** initialize() never settles, like a page load that hangs. */
  initializeHangs = false;
  failSend?: (chatId: string, text: string) => Error | undefined;
  /** Messages residents wrote that nobody has read yet, by chat, oldest first (whatsapp-web.js emits no event for them). */
  readonly unread = new Map<string, FakeMessage[]>();
  private seq = 0;

  constructor(readonly timers: Timers) {}

  readonly factory: ClientFactory = (setup) => {
    const client = new FakeClient(setup, this);
    this.clients.push(client);
    return client;
  };

  get client(): FakeClient {
    const last = this.clients.at(-1);
    if (!last) throw new Error('no client was created');
    return last;
  }

  /** Texts the bot sent to one chat, in order. */
  sentTo(chatId: string): string[] {
    return this.sent.filter((m) => m.chatId === chatId).map((m) => m.text);
  }

  /** A message as whatsapp-web.js would deliver it (text unless `type` says otherwise). */
  message(from: string, body: string, extra: Partial<WhatsAppMessage> = {}): FakeMessage {
    const id = `false_${from}_${++this.seq}`;
    const message: FakeMessage = {
      id: { _serialized: id },
      from,
      to: BOT_ID,
      body,
      type: 'chat',
      hasMedia: false,
      fromMe: false,
      isStatus: from === 'status@broadcast',
      timestamp: Math.floor(this.timers.now() / 1000),
      reply: (text) => this.client.sendMessage(from, text),
      getChat: async () => ({ id: { _serialized: from }, isGroup: from.endsWith('@g.us') }),
      ...extra,
    };
    return message;
  }

  /** The resident `from` writes `body` while no client is connected: it waits unread in the chat. */
  writeWhileAway(from: string, body: string): FakeMessage {
    const message = this.message(from, body);
    this.unread.set(from, [...(this.unread.get(from) ?? []), message]);
    return message;
  }

  /**
   * A reaction as whatsapp-web.js's `message_reaction` event gives it: the resident `from` reacts
   * with `emoji` to the bot's `nth` message to them (1-based; default the latest). `fromMe` and the
   * reacted message's `fromMe` can be turned for our own reactions and reactions to the resident's
   * own messages; `emoji: ''` is a reaction taken back. Returns the reaction, to deliver it again.
   */
  reaction(from: string, emoji: string, options: { nth?: number; fromMe?: boolean; toOwn?: boolean } = {}): WhatsAppReaction {
    const sent = this.sent.filter((m) => m.chatId === from);
    const nth = options.nth ?? sent.length;
    const target = options.toOwn ? `false_${from}_${this.seq}` : `true_${from}_${this.sent.indexOf(sent[nth - 1]) + 1}`;
    const own = options.fromMe ?? false;
    const id = `R${++this.seq}`;
    return {
      id: { _serialized: `${own}_${from}_${id}`, fromMe: own, remote: from, id },
      msgId: { _serialized: target, fromMe: !options.toOwn, remote: from, id: target.split('_').at(-1) ?? '' },
      reaction: emoji,
      senderId: own ? BOT_ID : from,
      timestamp: Math.floor(this.timers.now() / 1000),
      orphan: 0,
      read: false,
      ack: 1,
    } as WhatsAppReaction;
  }

  /** The resident `from` reacts (see `reaction`), or a reaction made earlier is delivered (again). */
  react(from: string, emoji: string, options: { nth?: number; fromMe?: boolean; toOwn?: boolean } = {}): WhatsAppReaction {
    const reaction = this.reaction(from, emoji, options);
    this.client.emit('message_reaction', reaction);
    return reaction;
  }

  /** The resident `from` writes `body` to the bot. */
  write(from: string, body: string, extra: Partial<WhatsAppMessage> = {}): void {
    this.client.emit('message', this.message(from, body, extra));
  }
}
