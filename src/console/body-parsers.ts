/**
 * How the console reads request bodies. JSON must be valid UTF-8: fastify's own parser would turn
 * stray bytes into U+FFFD and a FAQ answer would be stored damaged, so the bytes are decoded
 * strictly first and then handed to fastify's JSON parser (which keeps its guard against
 * `__proto__` keys). A FAQ file may also be uploaded as it is, as raw bytes, and is decoded later
 * (on a worker thread) with the same strictness.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors';

/** Content types a FAQ file may be uploaded with as raw bytes. */
export const FILE_CONTENT_TYPES = ['application/octet-stream', 'application/yaml', 'application/x-yaml', 'text/yaml'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a 413 from fastify's body limit says on this route (default: fastify's words). */
    bodyTooLarge?: string;
  }
}

/** Registers the strict JSON parser and the raw-file parser on the console. */
export function registerBodyParsers(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decoder.decode(body as Buffer);
    } catch {
      done(new HttpError(400, 'The request body is not valid UTF-8: send text encoded as UTF-8'), undefined);
      return;
    }
    parseJson(request, text, done);
  });
  app.addContentTypeParser(FILE_CONTENT_TYPES, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}
