/**
 * Webhook intake, shared by both drivers: a bare node:http server that accepts Telegram's POSTs
 * on the webhook path, refuses any request without the secret Telegram was given at setWebhook
 * (401, body unread), and answers 200 once the update is stored — not before, so an update the
 * process dies on is delivered again, and not after it is answered, so Telegram is never kept
 * waiting for the engine. A retried delivery is recognised by the inbox.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../src/logging';
import { safeError } from '../shared/errors';
import type { UpdateView } from './map-update';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Updates are small; anything much bigger is not from Telegram. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookServerOptions {
  port: number;
  /** Interface to listen on; all interfaces when unset. */
  host?: string;
  /** The path part of the public webhook URL, e.g. '/telegram/hook'. */
  path: string;
  secret: string;
  /** Takes the update; resolves once it is stored (then Telegram gets its 200). */
  onUpdate(update: UpdateView): Promise<void>;
  logger: Logger;
}

export interface WebhookServer {
  /** The port actually listened on (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { path, secret, onUpdate, logger } = options;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return finish(res, 404);
    if (req.method !== 'POST') return finish(res, 405);
    if (!secretMatches(req.headers[SECRET_HEADER], secret)) {
      logger.warn({ path }, 'webhook request with a wrong or missing secret refused');
      return finish(res, 401);
    }
    readBody(req)
      .then(async (body) => {
        const update: unknown = JSON.parse(body);
        if (!isUpdate(update)) return finish(res, 400);
        try {
          await onUpdate(update);
        } catch (error) {
          // Not stored: Telegram delivers it again later.
          logger.error({ err: safeError(error) }, 'webhook update not taken; Telegram will retry');
          return finish(res, 500);
        }
        finish(res, 200);
      })
      .catch((error: unknown) => {
        logger.warn({ err: safeError(error) }, 'unreadable webhook request');
        finish(res, 400);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Telegram keeps connections alive; without this close() would wait for them to time out.
        server.closeIdleConnections();
      }),
  };
}

function finish(res: http.ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(status === 200 ? '' : (http.STATUS_CODES[status] ?? ''));
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  // Constant time, so the secret cannot be guessed a character at a time from response timings.
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('webhook body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Enough of a check for a request that carried the secret: Telegram sent it, so its shape is
 * Telegram's; we only make sure the fields we branch on have the right types.
 */
export function isUpdate(value: unknown): value is UpdateView {
  if (!isObject(value) || typeof value.update_id !== 'number') return false;
  if (value.message !== undefined) {
    if (!isObject(value.message) || !isObject(value.message.chat)) return false;
    if (typeof value.message.chat.id !== 'number' || typeof value.message.chat.type !== 'string') return false;
  }
  if (value.callback_query !== undefined) {
    const query = value.callback_query;
    if (!isObject(query) || typeof query.id !== 'string' || !isObject(query.from)) return false;
    if (query.message !== undefined && (!isObject(query.message) || !isObject(query.message.chat))) return false;
  }
  if (value.message_reaction !== undefined) {
    const reaction = value.message_reaction;
    if (!isObject(reaction) || !isObject(reaction.chat) || typeof reaction.chat.id !== 'number' || typeof reaction.chat.type !== 'string') return false;
    if (reaction.user !== undefined && !isObject(reaction.user)) return false;
    const isReactionList = (list: unknown) => Array.isArray(list) && list.every((r) => isObject(r) && typeof r.type === 'string');
    if (!isReactionList(reaction.old_reaction) || !isReactionList(reaction.new_reaction)) return false;
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
