/**
 * FAQ entries coming from the console are checked by the same rules as an imported file
 * (`src/faq/file.ts`), so the console cannot store what `npm run faq:import` would refuse.
 */
import { FaqFileError, serializeFaqFile, validateFaqData } from '../faq/file';
import type { FaqEntryInput } from '../faq/types';
import { HttpError } from './errors';

/** Validates one entry as sent in JSON (dates as ISO strings); throws a 400 listing every problem. */
export function parseEntry(raw: unknown): FaqEntryInput {
  try {
    return validateFaqData({ version: 1, entries: [raw] })[0];
  } catch (error) {
    if (!(error instanceof FaqFileError)) throw error;
    // The file's messages start with the entry's position, which means nothing for one entry.
    const problems = error.problems.map((p) => p.replace(/^entry #1(?: "[^"]*")?:? ?/, '').replace(/^the file /, ''));
    throw new HttpError(400, 'The entry is not valid', problems);
  }
}

/** An entry as the YAML lines of the FAQ file: what the history diff compares. */
export function entryAsText(entry: FaqEntryInput): string {
  return serializeFaqFile([entry], 'yaml')
    .split('\n')
    .filter((line) => !line.startsWith('#') && line !== 'version: 1' && line !== 'entries:')
    .join('\n')
    .trim();
}
