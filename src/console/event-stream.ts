/**
 * Server-Sent Events for the console's live pages: the response is taken over from fastify (so
 * the security headers are set here), a heartbeat keeps proxies from closing a quiet stream, and
 * whatever the route started is stopped when the browser goes away. Streams carry ids, states and
 * counts only, never residents' words: a page that hears of a change reloads its live part.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { securityHeaders } from './security-headers';

/** Keeps proxies from closing a quiet event stream. */
const HEARTBEAT_MS = 25_000;

export interface EventStream {
  /** Sends one event of `kind` with `data` as JSON. */
  send(kind: string, data: unknown): void;
  /** Runs `stop` when the browser closes the stream. */
  onClose(stop: () => void): void;
}

/** Opens an event stream on `reply`. */
export function openEventStream(request: FastifyRequest, reply: FastifyReply): EventStream {
  reply.hijack();
  reply.raw.writeHead(200, {
    ...securityHeaders(request.url),
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
  });
  reply.raw.write('retry: 3000\n\n');
  const heartbeat = setInterval(() => reply.raw.write(': still here\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stops: (() => void)[] = [() => clearInterval(heartbeat)];
  request.raw.on('close', () => {
    for (const stop of stops) stop();
  });
  return {
    send: (kind, data) => void reply.raw.write(`event: ${kind}\ndata: ${JSON.stringify(data)}\n\n`),
    onClose: (stop) => void stops.push(stop),
  };
}
