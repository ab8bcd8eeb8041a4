/** Errors a console route throws to answer with a 4xx and a message staff can act on. */
import type { z } from 'zod';

/** The same message in staff's words: a `console.errors.*` text, shown by the pages in their language. */
export interface ErrorText {
  key: string;
  vars?: Record<string, string | number>;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** Every problem found, one line each (validation, FAQ file). */
    readonly problems?: string[],
    /** The message for staff in their language (the API's `message`); `error` stays in English. */
    readonly text?: ErrorText,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** "field: message" lines of a zod error, field path dotted. */
export function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
}

/**
 * Parses request input with a zod schema or throws a 400 naming every bad field.
 *
 * @example const body = parseInput(loginSchema, request.body, 'body');
 */
export function parseInput<T extends z.ZodType>(schema: T, data: unknown, what: string): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new HttpError(400, `Invalid request ${what}`, zodProblems(result.error));
  return result.data;
}
