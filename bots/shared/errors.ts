/**
 * Errors as they may be logged or shown. Network errors from both clients quote the request URL,
 * and a Bot API URL carries the bot token (`/bot123:ABC…/sendMessage`): everything that leaves
 * this channel in a log line or an exception goes through `redact` first.
 */

const TOKEN_IN_URL = /bot\d+:[\w-]+/g;

export function redact(text: string): string {
  return text.replace(TOKEN_IN_URL, 'bot<token>');
}

/** A log-safe summary of an error: its message (and cause) with any token removed. */
export function safeError(error: unknown): { message: string; code?: string | number; stack?: string } {
  if (!(error instanceof Error)) return { message: redact(String(error)) };
  const summary: { message: string; code?: string | number; stack?: string } = { message: redact(reason(error)) };
  const code = codeOf(error);
  if (code !== undefined) summary.code = code;
  if (error.stack) summary.stack = redact(error.stack);
  return summary;
}

/** The most telling message of an error and its causes ("connect ECONNREFUSED 127.0.0.1:9"). */
export function reason(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    messages.push(current.message);
    current = nested(current);
  }
  if (messages.length === 0) return redact(String(error));
  return redact(messages.join(': '));
}

/** grammY's HttpError keeps the network error in `error`; node's errors use `cause`. */
function nested(error: Error): unknown {
  if ('error' in error && error.error instanceof Error) return error.error;
  return error.cause;
}

function codeOf(error: Error): string | number | undefined {
  if ('code' in error && (typeof error.code === 'string' || typeof error.code === 'number')) return error.code;
  if ('error_code' in error && typeof error.error_code === 'number') return error.error_code;
  return undefined;
}
