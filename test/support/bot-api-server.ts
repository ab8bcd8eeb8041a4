/**
 * A small local stand-in for the Telegram Bot API, for channel tests: `/bot<token>/<method>` with
 * JSON or form bodies, long-polled getUpdates with offsets, and the calls the helpline makes.
 * It records every call, lets a test inject updates and faults (a 429 once, a failing method,
 * refused connections, answers held back while the bot's process is killed), answers 401 for any
 * other token, and checks what Telegram checks on sendMessage (HTML that parses, 4,096 visible
 * characters, callback data of 1–64 bytes) so a test sees what a resident would see.
 *
 * Like Telegram, it keeps an update until a getUpdates with a higher offset confirms it, and hands
 * out every unconfirmed update again to a getUpdates without one (a restarted bot).
 * Waiting is event-driven with a deadline (`waitFor`), never a fixed sleep.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Payload = Record<string, Json>;

export interface ApiCall {
  method: string;
  token: string;
  payload: Payload;
  /** Date.now() when the call arrived. */
  at: number;
  /** The HTTP status answered. */
  status: number;
}

export interface Button {
  text: string;
  callback_data: string;
}

/** A message the bot sent, as the resident sees it. */
export interface SentMessage {
  chatId: number;
  messageId: number;
  /** The text after parse-mode entities are applied (what is shown). */
  text: string;
  /** The text exactly as posted. */
  raw: string;
  parseMode?: string;
  keyboard?: Button[][];
  replyTo?: number;
  /** The forum topic it was posted in. */
  threadId?: number;
  at: number;
}

export interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
  language_code?: string;
}

export type Update = { update_id: number } & Payload;

class Refusal extends Error {
  constructor(readonly error: ApiError) {
    super(error.description);
  }
}

const HTML_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'span', 'tg-spoiler', 'tg-emoji', 'blockquote',
]);

export class FakeBotApi {
  readonly token: string;
  readonly bot: FakeUser = { id: 7000001, is_bot: true, first_name: 'Helpline', username: 'helpline_test_bot' };
  readonly calls: ApiCall[] = [];
  readonly sent: SentMessage[] = [];
  webhook?: { url: string; secret?: string; allowedUpdates?: string[] };
  /**
   * The update types the bot last asked getUpdates for (`allowed_updates`); undefined: Telegram's
   * default, every type but chat_member, message_reaction and message_reaction_count. Like
   * Telegram, updates of other types are never handed out.
   */
  allowedUpdates?: string[];
  /** Update ids confirmed by a later offset, in the order confirmed. */
  readonly confirmed: number[] = [];
  /** Calls whose answer is held back (see `hold`), with the message they sent, if any. */
  readonly held: { method: string; sent?: SentMessage }[] = [];
  /** Called with every message at the moment it is recorded, before the bot has any answer. */
  onSend?: (message: SentMessage) => void;
  private readonly holding = new Set<string>();
  private release?: Promise<void>;
  private releaseHeld?: () => void;
  private readonly pending: Update[] = [];
  private readonly faults = new Map<string, { error: ApiError; times: number }[]>();
  private readonly events = new EventEmitter();
  private readonly server: http.Server;
  /** getUpdates requests waiting for updates right now. */
  openPolls = 0;
  private nextUpdateId = 1000;
  private nextMessageId = 500;
  private port = 0;

  constructor(token = '123456:TEST-fake-token-abcdefghijklmnop') {
    this.token = token;
    this.events.setMaxListeners(100);
    this.server = http.createServer((req, res) => void this.serve(req, res));
  }

  /** The API root to give the bot (`client.apiRoot` / `telegram.apiRoot`). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Telegram unreachable: connections to the API root are refused (open ones are cut) until `acceptConnections`. */
  async refuseConnections(): Promise<void> {
    this.events.emit('closing');
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Telegram is back, on the same address. */
  async acceptConnections(): Promise<void> {
    await this.start();
  }

  /**
   * From now on calls of `method` are carried out (a message is recorded as sent) but not answered
   * until `releaseHeld`: the bot does not know they went through — what a process killed in the
   * middle of a send leaves behind.
   */
  hold(method: string): void {
    this.holding.add(method);
    this.release ??= new Promise<void>((resolve) => (this.releaseHeld = resolve));
  }

  /** Answers the held calls (to whoever still listens) and stops holding. */
  releaseAll(): void {
    this.holding.clear();
    this.releaseHeld?.();
    this.release = undefined;
    this.releaseHeld = undefined;
  }

  async stop(): Promise<void> {
    this.events.emit('closing');
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // --- Injecting -----------------------------------------------------------------------------

  /** Queues an update for getUpdates; assigns the next update_id unless one is given. */
  push(update: Payload & { update_id?: number }): Update {
    const full: Update = { ...update, update_id: update.update_id ?? this.nextUpdateId++ };
    this.pending.push(full);
    this.events.emit('update');
    this.changed();
    return full;
  }

  /** A resident's text message; commands and @mentions get their entities as Telegram adds them. */
  text(
    chat: { id: number; type?: string },
    text: string,
    options: { from?: FakeUser; replyToMessage?: number; replyToText?: string; threadId?: number; topicName?: string } = {},
  ): Payload {
    const message: Payload = { ...this.messageBase(chat, options.from), text };
    if (options.threadId !== undefined) message.message_thread_id = options.threadId;
    const entities = entitiesOf(text);
    if (entities.length > 0) message.entities = entities;
    if (options.replyToMessage !== undefined) {
      message.reply_to_message = {
        message_id: options.replyToMessage,
        date: now(),
        chat: this.chatOf(chat),
        from: { ...this.bot },
        text: options.replyToText ?? '…',
      };
      if (options.topicName !== undefined) {
        const replied = message.reply_to_message as Payload;
        delete replied.text;
        replied.forum_topic_created = { name: options.topicName };
      }
    }
    return { message };
  }

  /** A message of another kind (photo, voice, location…), given its own fields. */
  media(chat: { id: number; type?: string }, fields: Payload, from?: FakeUser): Payload {
    return { message: { ...this.messageBase(chat, from), ...fields } };
  }

  /** A press of an inline button with `data` under message `messageId`. */
  press(chat: { id: number; type?: string }, data: string, messageId: number, from?: FakeUser): Payload {
    return {
      callback_query: {
        id: `cb-${this.nextUpdateId}-${Math.random().toString(36).slice(2, 8)}`,
        from: { ...(from ?? resident(chat.id)) },
        chat_instance: `ci-${chat.id}`,
        data,
        message: { message_id: messageId, date: now(), chat: this.chatOf(chat), from: { ...this.bot }, text: '…' },
      },
    };
  }

  /** A resident setting `emoji` as their reaction to message `messageId` (after `old`, if they had reacted before). */
  reaction(chat: { id: number; type?: string }, messageId: number, emoji: string, options: { old?: string[]; from?: FakeUser } = {}): Payload {
    const types = (emojis: string[]) => emojis.map((e) => ({ type: 'emoji', emoji: e }));
    return {
      message_reaction: {
        chat: this.chatOf(chat),
        message_id: messageId,
        user: { ...(options.from ?? resident(chat.id)) },
        date: now(),
        old_reaction: types(options.old ?? []),
        new_reaction: types(emoji ? [emoji] : []),
      },
    };
  }

  /** The next `times` calls of `method` fail with `error` (e.g. a 429 with retry_after). */
  fail(method: string, error: ApiError, times = 1): void {
    const list = this.faults.get(method) ?? [];
    list.push({ error, times });
    this.faults.set(method, list);
  }

  /** Group chats that have forum topics (getChat says is_forum; createForumTopic works there). */
  readonly forums = new Set<number>();
  /** Forum topics the bot opened. */
  readonly topics: { chatId: number; threadId: number; name: string }[] = [];

  /** Drops the faults still planned for `method` (the service is back). */
  recover(method: string): void {
    this.faults.delete(method);
  }

  // --- Observing -----------------------------------------------------------------------------

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  sentTo(chatId: number): SentMessage[] {
    return this.sent.filter((m) => m.chatId === chatId);
  }

  /**
   * Resolves with `probe()`'s first non-undefined value, re-checked on every call the server
   * records; rejects after `timeoutMs` with `what` in the message.
   */
  waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const value = probe();
        if (value === undefined || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; calls: ${this.summary()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
      check();
    });
  }

  /** Waits until chat `chatId` has received at least `count` messages in total; returns them. */
  waitForMessages(chatId: number, count: number, timeoutMs?: number): Promise<SentMessage[]> {
    return this.waitFor(
      `${count} message(s) to chat ${chatId}`,
      () => {
        const list = this.sentTo(chatId);
        return list.length >= count ? list : undefined;
      },
      timeoutMs,
    );
  }

  /** True once every pushed update was handed out and confirmed by a later offset. */
  get allConfirmed(): boolean {
    return this.pending.length === 0;
  }

  summary(): string {
    return this.calls.map((c) => `${c.method}:${c.status}`).join(', ') || '(none)';
  }

  // --- Serving -------------------------------------------------------------------------------

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match;
    let payload: Payload;
    try {
      payload = { ...Object.fromEntries(url.searchParams), ...(await readPayload(req)) };
    } catch (error) {
      return reply(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${(error as Error).message}` });
    }
    const call: ApiCall = { method, token, payload, at: Date.now(), status: 0 };
    let status = 200;
    let body: Json;
    try {
      if (token !== this.token) throw new Refusal({ error_code: 401, description: 'Unauthorized' });
      const fault = this.takeFault(method);
      if (fault) throw new Refusal(fault);
      const sentBefore = this.sent.length;
      const result = await this.dispatch(method, payload, res);
      if (result === undefined) return; // the client went away during a long poll
      body = { ok: true, result };
      if (this.holding.has(method) && this.release) {
        this.held.push({ method, ...(this.sent.length > sentBefore ? { sent: this.sent[this.sent.length - 1] } : {}) });
        this.changed();
        await this.release;
      }
    } catch (error) {
      const refusal = error instanceof Refusal ? error.error : { error_code: 500, description: String(error) };
      status = refusal.error_code;
      body = errorBody(refusal);
    }
    call.status = status;
    this.calls.push(call);
    reply(res, status, body);
    this.changed();
  }

  private takeFault(method: string): ApiError | undefined {
    const list = this.faults.get(method);
    const first = list?.[0];
    if (!list || !first) return undefined;
    first.times -= 1;
    if (first.times <= 0) list.shift();
    return first.error;
  }

  private async dispatch(method: string, p: Payload, res: http.ServerResponse): Promise<Json | undefined> {
    switch (method) {
      case 'getMe':
        return { ...this.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case 'getUpdates':
        return this.getUpdates(p, res);
      case 'sendMessage':
        return this.sendMessage(p);
      case 'setWebhook':
        this.webhook = { url: String(p.url ?? '') };
        if (typeof p.secret_token === 'string') this.webhook.secret = p.secret_token;
        if (Array.isArray(p.allowed_updates)) this.webhook.allowedUpdates = p.allowed_updates.map(String);
        return true;
      case 'deleteWebhook':
        this.webhook = undefined;
        return true;
      case 'answerCallbackQuery':
        if (typeof p.callback_query_id !== 'string') throw bad('query id is required');
        return true;
      case 'editMessageReplyMarkup':
      case 'editMessageText':
      case 'deleteMessage':
        if (p.chat_id === undefined || p.message_id === undefined) throw bad('message to edit not found');
        return true;
      case 'setMyCommands':
        if (!Array.isArray(p.commands)) throw bad('commands must be an array');
        return true;
      case 'setChatMenuButton':
        return true;
      case 'getChat':
        return { id: Number(p.chat_id), type: 'supergroup', title: 'Operators', is_forum: this.forums.has(Number(p.chat_id)) };
      case 'createForumTopic': {
        const chatId = Number(p.chat_id);
        if (!this.forums.has(chatId)) throw bad('the chat is not a forum');
        if (typeof p.name !== 'string' || p.name.length === 0 || p.name.length > 128) throw bad('topic name is invalid');
        const topic = { chatId, threadId: this.nextMessageId++, name: p.name };
        this.topics.push(topic);
        return { message_thread_id: topic.threadId, name: topic.name, icon_color: 7322096 };
      }
      default:
        throw new Refusal({ error_code: 404, description: 'Not Found: method not found' });
    }
  }

  private async getUpdates(p: Payload, res: http.ServerResponse): Promise<Json | undefined> {
    if (this.webhook) {
      throw new Refusal({ error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active" });
    }
    if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates.length > 0 ? p.allowed_updates.map(String) : undefined;
    this.dropNotAllowed();
    const offset = Number(p.offset ?? 0);
    // An offset confirms every update before it: Telegram forgets them.
    if (offset > 0) {
      const before = this.confirmed.length;
      for (const u of this.pending) if (u.update_id < offset) this.confirmed.push(u.update_id);
      const keep = this.pending.filter((u) => u.update_id >= offset);
      this.pending.splice(0, this.pending.length, ...keep);
      if (this.confirmed.length > before) this.changed();
    }
    const limit = Number(p.limit ?? 100);
    const timeoutMs = Number(p.timeout ?? 0) * 1000;
    if (this.pending.length === 0 && timeoutMs > 0) {
      this.openPolls += 1;
      const gone = await new Promise<boolean>((resolve) => {
        const done = (value: boolean) => {
          clearTimeout(timer);
          this.events.off('update', onUpdate);
          this.events.off('closing', onClosing);
          res.off('close', onClose);
          this.openPolls -= 1;
          resolve(value);
          this.changed();
        };
        const onUpdate = () => done(false);
        const onClosing = () => done(true);
        const onClose = () => done(!res.writableFinished);
        const timer = setTimeout(() => done(false), timeoutMs);
        this.events.on('update', onUpdate);
        this.events.on('closing', onClosing);
        res.on('close', onClose);
      });
      if (gone) return undefined;
      this.dropNotAllowed();
    }
    return this.pending.slice(0, limit);
  }

  /** Updates of a type the bot did not ask for: Telegram would never have kept them. */
  private dropNotAllowed(): void {
    const allowed = (update: Update) => {
      const type = Object.keys(update).find((k) => k !== 'update_id') ?? '';
      return this.allowedUpdates ? this.allowedUpdates.includes(type) : !DEFAULT_LEFT_OUT.has(type);
    };
    const keep = this.pending.filter(allowed);
    if (keep.length !== this.pending.length) this.pending.splice(0, this.pending.length, ...keep);
  }

  private sendMessage(p: Payload): Json {
    const chatId = Number(p.chat_id);
    if (!Number.isFinite(chatId)) throw bad('chat not found');
    const raw = typeof p.text === 'string' ? p.text : '';
    const parseMode = typeof p.parse_mode === 'string' ? p.parse_mode : undefined;
    const text = parseMode === 'HTML' ? visibleHtml(raw) : raw;
    if (text.trim() === '') throw bad('message text is empty');
    if (text.length > 4096) throw bad('message is too long');
    const keyboard = keyboardOf(p.reply_markup);
    const message: SentMessage = { chatId, messageId: this.nextMessageId++, text, raw, at: Date.now() };
    if (parseMode) message.parseMode = parseMode;
    if (keyboard) message.keyboard = keyboard;
    if (typeof p.message_thread_id === 'number') message.threadId = p.message_thread_id;
    const replyParameters = p.reply_parameters;
    if (isRecord(replyParameters) && typeof replyParameters.message_id === 'number') {
      message.replyTo = replyParameters.message_id;
    }
    this.sent.push(message);
    this.onSend?.(message);
    return {
      message_id: message.messageId,
      date: now(),
      chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' },
      from: { ...this.bot },
      text,
    };
  }

  private messageBase(chat: { id: number; type?: string }, from?: FakeUser): Payload {
    return {
      message_id: this.nextMessageId++,
      date: now(),
      chat: this.chatOf(chat),
      from: { ...(from ?? resident(chat.id)) },
    };
  }

  private chatOf(chat: { id: number; type?: string }): Payload {
    const type = chat.type ?? 'private';
    return type === 'private' ? { id: chat.id, type, first_name: 'Resident' } : { id: chat.id, type, title: 'Neighbours' };
  }

  private changed(): void {
    this.events.emit('change');
  }
}

/** A resident account; private chat ids equal user ids on Telegram. */
/** The update types getUpdates leaves out unless asked for by name. */
const DEFAULT_LEFT_OUT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export function resident(id: number, languageCode = 'ru'): FakeUser {
  return { id: Math.abs(id), is_bot: false, first_name: 'Resident', language_code: languageCode };
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function bad(description: string): Refusal {
  return new Refusal({ error_code: 400, description: `Bad Request: ${description}` });
}

function reply(res: http.ServerResponse, status: number, body: Json): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function errorBody(error: ApiError): Json {
  const body: { [key: string]: Json } = { ok: false, error_code: error.error_code, description: error.description };
  if (error.parameters?.retry_after !== undefined) body.parameters = { retry_after: error.parameters.retry_after };
  return body;
}

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readPayload(req: http.IncomingMessage): Promise<Payload> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (!body) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    const parsed: unknown = JSON.parse(body);
    if (!isRecord(parsed)) throw new Error('body must be a JSON object');
    return parsed;
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    const payload: Payload = {};
    // Form fields carry objects (reply_markup) as JSON strings, as Telegram accepts them.
    for (const [key, value] of new URLSearchParams(body)) payload[key] = parseFormValue(value);
    return payload;
  }
  throw new Error(`unsupported content type ${type || '(none)'}`);
}

function parseFormValue(value: string): Json {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value) as Json;
    } catch {
      return value;
    }
  }
  return value;
}

function keyboardOf(markup: Json | undefined): Button[][] | undefined {
  const parsed = typeof markup === 'string' ? parseFormValue(markup) : markup;
  if (!isRecord(parsed) || !Array.isArray(parsed.inline_keyboard)) return undefined;
  return parsed.inline_keyboard.map((row) => {
    if (!Array.isArray(row)) throw bad('inline keyboard rows must be arrays');
    return row.map((button) => {
      if (!isRecord(button) || typeof button.text !== 'string' || typeof button.callback_data !== 'string') {
        throw bad('unsupported button');
      }
      const bytes = Buffer.byteLength(button.callback_data, 'utf8');
      if (bytes < 1 || bytes > 64) throw bad('BUTTON_DATA_INVALID');
      return { text: button.text, callback_data: button.callback_data };
    });
  });
}

/** Bot commands and @mentions, as Telegram marks them in a message's entities. */
function entitiesOf(text: string): Payload[] {
  const entities: Payload[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(^|[^/\w])(@[A-Za-z0-9_]{5,})/g)) {
    entities.push({ type: 'mention', offset: (m.index ?? 0) + m[1].length, length: m[2].length });
  }
  return entities;
}

/**
 * The visible text of an HTML-mode message, refusing what Telegram refuses: a `<` that opens no
 * supported tag, a `&` that starts no entity, a bare `>`.
 */
export function visibleHtml(html: string): string {
  let out = '';
  for (let i = 0; i < html.length; ) {
    const ch = html[i];
    if (ch === '<') {
      const tag = /^<\/?([a-z-]+)(\s[^<>]*)?>/.exec(html.slice(i));
      if (!tag || !HTML_TAGS.has(tag[1])) throw bad(`can't parse entities: unsupported start tag at byte offset ${i}`);
      i += tag[0].length;
    } else if (ch === '&') {
      const entity = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/.exec(html.slice(i));
      if (!entity) throw bad(`can't parse entities: unescaped "&" at byte offset ${i}`);
      const name = entity[1];
      out +=
        name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'amp' ? '&' : name === 'quot' ? '"'
          : String.fromCodePoint(name.startsWith('#x') ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      i += entity[0].length;
    } else if (ch === '>') {
      throw bad(`can't parse entities: unexpected ">" at byte offset ${i}`);
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}
