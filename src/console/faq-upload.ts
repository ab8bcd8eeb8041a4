/**
 * A FAQ file sent to the console for import, in either of two shapes:
 *
 *   - raw bytes (the console page sends the file as it is): `Content-Type: application/octet-stream`
 *     (or a YAML type), `?format=yaml|json&replace=true&dryRun=true`; decoded as strict UTF-8 on a worker;
 *   - JSON `{ format, text, replace, dryRun }` (API clients that already hold the text).
 *
 * Both are capped at the configured size (CONSOLE_IMPORT_MAX_MB) with a 413 that says so, and the
 * file is parsed and checked on a worker thread (`off-loop.ts`), never on the bot's event loop.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError, parseInput } from './errors';

const format = z.enum(['yaml', 'json']);
const flag = z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1');
const jsonBody = z.object({
  format,
  text: z.string().min(1, 'the file is empty'),
  replace: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
const rawQuery = z.object({ format: format.default('yaml'), replace: flag, dryRun: flag });

export interface FaqUpload {
  /** The file's bytes (raw upload) or its text (JSON body). */
  file: Uint8Array | string;
  format: z.infer<typeof format>;
  replace: boolean;
  /** Only say what the import would do. */
  dryRun: boolean;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 100) / 100} MB`;
}

/** The 413 message for a file over the limit (`size` unknown when fastify stopped reading). */
export function fileTooLarge(maxBytes: number, size?: number): string {
  const what = size === undefined ? 'The FAQ file is' : `The FAQ file is ${megabytes(size)},`;
  return `${what} larger than the import limit of ${megabytes(maxBytes)}: split it, or raise CONSOLE_IMPORT_MAX_MB`;
}

/**
 * The largest request the import route reads before refusing: room for the file and for the
 * escaping JSON adds to it; the exact check on the file itself is `readUpload`'s.
 */
export function uploadBodyLimit(maxBytes: number): number {
  return maxBytes * 2 + 64 * 1024;
}

/** The file in an import request, checked for its size; 400 for a malformed request, 413 over `maxBytes`. */
export function readUpload(request: FastifyRequest, maxBytes: number): FaqUpload {
  let upload: FaqUpload;
  let size: number;
  if (Buffer.isBuffer(request.body)) {
    const query = parseInput(rawQuery, request.query, 'query');
    if (request.body.length === 0) throw new HttpError(400, 'The FAQ file is empty');
    upload = { file: request.body, format: query.format, replace: query.replace, dryRun: query.dryRun };
    size = request.body.length;
  } else {
    const body = parseInput(jsonBody, request.body, 'body');
    upload = { file: body.text, format: body.format, replace: body.replace, dryRun: body.dryRun };
    size = Buffer.byteLength(body.text, 'utf8');
  }
  if (size > maxBytes) throw new HttpError(413, fileTooLarge(maxBytes, size));
  return upload;
}
