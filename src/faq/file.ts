/**
 * The FAQ import/export file: the shape of `../shared/eval/faq.yaml`, in YAML or JSON.
 *
 *   version: 1
 *   entries:
 *     - id: bank-hours            # slug, unique in the file
 *       topic: office-hours
 *       questions: { ru: [...], kk: [...], en: [...] }
 *       answer:    { ru: "...", kk: "...", en: "..." }
 *       learned:   { ru: [...] }           # optional: residents' wordings an editor accepted
 *       validFrom: 2022-01-10T07:00:00+06:00    # optional, ISO date-time with a time zone
 *       validUntil: 2022-01-20T00:00:00Z        # optional, after validFrom
 *
 * An entry without `learned` keeps the wordings it has in the store when imported; `learned: {}`
 * removes them (FaqEntryInput.learned).
 *
 * Staff edit these files by hand, so a bad file is rejected as a whole, with every problem listed
 * at once and each one naming the entry and the field ("entry #3 "bank-hours": answer.kk must be a
 * non-empty string"), so that one round of fixes is enough.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML, { Document, isMap, isSeq, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { z } from 'zod';
import { LANGS, type Lang } from '../i18n/languages';
import { learnedOf, type FaqEntryInput, type PerLang } from './types';

export type FaqFileFormat = 'yaml' | 'json';

/** A FAQ file that cannot be used; `problems` lists every problem found, one line each. */
export class FaqFileError extends Error {
  constructor(
    readonly problems: string[],
    readonly file?: string,
  ) {
    const where = file ? `FAQ file ${file}` : 'FAQ file';
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${where} has ${count}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'FaqFileError';
  }
}

// --- Validation --------------------------------------------------------------------------

/**
 * Ids end up in button data such as 'faq:<id>', and Telegram allows 64 bytes of callback data:
 * 60 ASCII characters leave room for the prefix.
 */
export const MAX_ID_LENGTH = 60;
const SLUG = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const SLUG_HINT = 'must be a slug: lower-case latin letters, digits and single - _ . between them';

/** A question is what a resident would type; longer texts are pasted by mistake. */
export const MAX_QUESTION_LENGTH = 500;
/** Telegram refuses messages above 4,096 characters; the bot sends an answer as one message. */
export const MAX_ANSWER_LENGTH = 4000;
/** Question variants per language. */
export const MAX_QUESTIONS = 50;
/** Learned wordings per language (FaqEntryInput.learned): residents' words, so more than questions. */
export const MAX_LEARNED = 200;
/** `&anchor` / `*alias` resolutions a file may use; a "billion laughs" file needs far more. */
export const MAX_YAML_ALIASES = 100;

/** U+FFFD is what a decoder writes for bytes that were not UTF-8: the text was damaged on its way. */
const REPLACEMENT_CHARACTER = '\uFFFD';
export const DAMAGED_TEXT_HINT = 'contains U+FFFD, the mark of text damaged by a wrong encoding: retype it, or save the file as UTF-8';

const nonEmptyString = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a non-empty string') })
    .refine((s) => s.trim().length > 0, { error: 'must be a non-empty string' })
    .refine((s) => s.length <= max, { error: `must be at most ${max} characters` })
    .refine((s) => !s.includes(REPLACEMENT_CHARACTER), { error: DAMAGED_TEXT_HINT });

const slug = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .max(MAX_ID_LENGTH, { error: `must be at most ${MAX_ID_LENGTH} characters` })
  .regex(SLUG, { error: SLUG_HINT });

const dateTime = z
  .string({ error: 'must be an ISO date-time string, e.g. 2022-01-10T07:00:00+06:00' })
  .refine((s) => z.iso.datetime({ offset: true }).safeParse(s).success, {
    error: 'must be an ISO date-time with a time zone, e.g. 2022-01-10T07:00:00+06:00 or 2022-01-10T01:00:00Z',
  });

function perLang<T extends z.ZodType>(value: T) {
  return z.strictObject(
    { ru: value.optional(), kk: value.optional(), en: value.optional() },
    { error: (issue) => (issue.input === undefined ? 'is required' : 'must be a map of languages (ru, kk, en)') },
  );
}

const questionList = z
  .array(nonEmptyString(MAX_QUESTION_LENGTH), { error: 'must be a list of questions' })
  .min(1, { error: 'must have at least one question (or leave the language out)' })
  .max(MAX_QUESTIONS, { error: `must have at most ${MAX_QUESTIONS} questions` });

const learnedList = z
  .array(nonEmptyString(MAX_QUESTION_LENGTH), { error: 'must be a list of wordings' })
  .max(MAX_LEARNED, { error: `must have at most ${MAX_LEARNED} wordings` });

const entrySchema = z.strictObject(
  {
    id: slug,
    topic: slug,
    questions: perLang(questionList),
    answer: perLang(nonEmptyString(MAX_ANSWER_LENGTH)),
    learned: perLang(learnedList).optional(),
    validFrom: dateTime.optional(),
    validUntil: dateTime.optional(),
  },
  { error: 'must be a map with id, topic, questions and answer' },
);

type RawEntry = z.infer<typeof entrySchema>;

const fileSchema = z.object(
  {
    version: z.literal(1, { error: 'must be 1 (the only version of the format)' }),
    entries: z.array(z.unknown(), { error: 'must be a list of entries' }),
  },
  { error: 'must be a map with "version: 1" and "entries"' },
);

/** 'entries', 3, 'answer', 'kk' → 'answer.kk'; list positions print as [i]. */
function fieldPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i > 0 ? '.' : ''}${String(s)}`))
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    const where = fieldPath(issue.path);
    const known = where === 'questions' || where === 'answer' || where === 'learned' ? ` (languages are ${LANGS.join(', ')})` : '';
    return { field: where, message: `has unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}${known}` };
  }
  return { field: fieldPath(issue.path), message: issue.message };
}

function entryLabel(index: number, raw: unknown): string {
  const id = raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `entry #${index + 1} "${id}"` : `entry #${index + 1}`;
}

function fieldsOf(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Checks that span fields. They run on the raw entry even when a field is invalid, so that one
 * read of the error list shows everything; a field that is itself broken is skipped here.
 */
function crossFieldProblems(raw: unknown): string[] {
  const entry = fieldsOf(raw);
  if (!entry) return [];
  const problems: string[] = [];
  const questions = fieldsOf(entry.questions);
  const answer = fieldsOf(entry.answer);
  const questionLangs = LANGS.filter((l) => questions?.[l] !== undefined);
  const answerLangs = LANGS.filter((l) => answer?.[l] !== undefined);
  if (questions && questionLangs.length === 0) problems.push('questions must have at least one language (ru, kk or en)');
  if (answer && answerLangs.length === 0) problems.push('answer must have at least one language (ru, kk or en)');
  // An answer may lag behind its questions in a language (translations come later in an
  // emergency): the engine then answers in Russian and says so, so that is not an error here.
  const from = typeof entry.validFrom === 'string' ? Date.parse(entry.validFrom) : NaN;
  const until = typeof entry.validUntil === 'string' ? Date.parse(entry.validUntil) : NaN;
  if (until <= from) problems.push('validUntil must be after validFrom');
  return problems;
}

function toInput(entry: RawEntry): FaqEntryInput {
  const questions: PerLang<string[]> = {};
  const answer: PerLang<string> = {};
  for (const lang of LANGS) {
    const q = entry.questions[lang];
    if (q !== undefined) questions[lang] = q;
    const a = entry.answer[lang];
    if (a !== undefined) answer[lang] = a;
  }
  const input: FaqEntryInput = { id: entry.id, topic: entry.topic, questions, answer };
  // Kept even when empty: `learned: {}` says the entry has none (an import then removes them).
  if (entry.learned !== undefined) input.learned = learnedOf(entry);
  if (entry.validFrom !== undefined) input.validFrom = new Date(entry.validFrom);
  if (entry.validUntil !== undefined) input.validUntil = new Date(entry.validUntil);
  return input;
}

/**
 * Validates a parsed file (plain data, as from YAML or JSON) and returns its entries.
 * Throws FaqFileError listing every problem of every entry.
 */
export function validateFaqData(data: unknown, file?: string): FaqEntryInput[] {
  const top = fileSchema.safeParse(data);
  if (!top.success) {
    throw new FaqFileError(
      top.error.issues.map((issue) => {
        const { field, message } = describeIssue(issue);
        return field ? `${field} ${message}` : `the file ${message}`;
      }),
      file,
    );
  }
  const problems: string[] = [];
  const entries: FaqEntryInput[] = [];
  const firstIndexOfId = new Map<string, number>();
  top.data.entries.forEach((raw, index) => {
    const label = entryLabel(index, raw);
    const parsed = entrySchema.safeParse(raw);
    const own = crossFieldProblems(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { field, message } = describeIssue(issue);
        problems.push(field ? `${label}: ${field} ${message}` : `${label} ${message}`);
      }
    }
    problems.push(...own.map((p) => `${label}: ${p}`));
    if (!parsed.success) return;
    const first = firstIndexOfId.get(parsed.data.id);
    if (first !== undefined) {
      problems.push(`${label}: id "${parsed.data.id}" is already used by entry #${first + 1}`);
    } else {
      firstIndexOfId.set(parsed.data.id, index);
    }
    if (own.length === 0) entries.push(toInput(parsed.data));
  });
  if (problems.length > 0) throw new FaqFileError(problems, file);
  return entries;
}

// --- Parsing -----------------------------------------------------------------------------

function parseText(text: string, format: FaqFileFormat, file?: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'json') {
    try {
      return JSON.parse(body) as unknown;
    } catch (err) {
      throw new FaqFileError([`not valid JSON: ${(err as Error).message}`], file);
    }
  }
  // The core schema (YAML 1.2) keeps 2022-01-10T07:00:00Z a string and 'no' a string, which is what
  // staff mean; duplicate keys are errors.
  const doc = YAML.parseDocument(body, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new FaqFileError(
      doc.errors.map((e) => `not valid YAML: ${e.message.split('\n')[0].replace(/:$/, '')}`),
      file,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
  } catch (error) {
    // The yaml package refuses to expand an alias bomb with a ReferenceError.
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new FaqFileError([`the file uses too many YAML aliases (*name): at most ${MAX_YAML_ALIASES} are expanded; write the entries out instead`], file);
    }
    throw error;
  }
}

/**
 * The text of a FAQ file's bytes, which must be UTF-8 (a byte-order mark is allowed): a file in
 * another encoding is refused instead of being stored with replacement characters.
 */
export function decodeFaqFile(bytes: Uint8Array, file?: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FaqFileError(['the file is not valid UTF-8 text: save it as UTF-8 (e.g. "Save as… → Encoding: UTF-8") and try again'], file);
  }
}

/**
 * Parses and validates a FAQ file's text. Throws FaqFileError listing every problem.
 *
 * @example parseFaqFile(fs.readFileSync('faq.yaml', 'utf8'), 'yaml')
 */
export function parseFaqFile(text: string, format: FaqFileFormat, file?: string): FaqEntryInput[] {
  return validateFaqData(parseText(text, format, file), file);
}

/** The format a file name stands for: .yaml/.yml → yaml, .json → json, anything else → undefined. */
export function faqFormatOf(file: string): FaqFileFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  return undefined;
}

/** Reads, parses and validates a FAQ file, choosing the format by its extension. */
export async function readFaqFile(file: string): Promise<FaqEntryInput[]> {
  const format = faqFormatOf(file);
  if (!format) throw new FaqFileError(['the name must end in .yaml, .yml or .json'], file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new FaqFileError([`cannot be read: ${(err as Error).message}`], file);
  }
  return parseFaqFile(decodeFaqFile(bytes, file), format, file);
}

// --- Serialising -------------------------------------------------------------------------

/** The file fields of an entry, in the file's order; bookkeeping (version, updatedBy…) is dropped. */
function toPlain(entry: FaqEntryInput): Record<string, unknown> {
  const pick = <T>(per: PerLang<T>, keep: (v: T) => boolean) => {
    const out: Partial<Record<Lang, T>> = {};
    for (const lang of LANGS) {
      const v = per[lang];
      if (v !== undefined && keep(v)) out[lang] = v;
    }
    return out;
  };
  const plain: Record<string, unknown> = {
    id: entry.id,
    topic: entry.topic,
    // Empty lists are not valid in a file; leaving them out keeps the export importable.
    questions: pick(entry.questions, (q) => q.length > 0),
    answer: pick(entry.answer, () => true),
  };
  const learned = learnedOf(entry);
  if (Object.keys(learned).length > 0) plain.learned = learned;
  if (entry.validFrom) plain.validFrom = entry.validFrom.toISOString();
  if (entry.validUntil) plain.validUntil = entry.validUntil.toISOString();
  return plain;
}

const YAML_HEADER = ' FAQ of the helpline (format version 1): edit, then load with `npm run faq:import -- FILE`.';

/**
 * Writes entries as a FAQ file that `parseFaqFile` reads back to the same entries. The YAML looks
 * like the hand-written file: questions as one-line lists, answers double-quoted on one line,
 * a blank line between entries, Cyrillic and Kazakh letters as they are.
 */
export function serializeFaqFile(entries: readonly FaqEntryInput[], format: FaqFileFormat): string {
  const data = { version: 1, entries: entries.map(toPlain) };
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;

  const doc = new Document(data);
  doc.commentBefore = YAML_HEADER;
  const list = doc.get('entries');
  if (isSeq(list)) {
    (list as YAMLSeq).items.forEach((item, i) => {
      if (!isMap(item)) return;
      if (i > 0) item.spaceBefore = true;
      styleEntry(item);
    });
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, defaultStringType: 'PLAIN' });
}

function styleEntry(entry: YAMLMap): void {
  for (const field of ['questions', 'learned']) {
    const lists = entry.get(field);
    if (!isMap(lists)) continue;
    for (const pair of lists.items) {
      if (isSeq(pair.value)) {
        pair.value.flow = true;
        for (const q of pair.value.items) if (q instanceof Scalar) q.type = Scalar.QUOTE_DOUBLE;
      }
    }
  }
  const answer = entry.get('answer');
  if (isMap(answer)) {
    for (const pair of answer.items) {
      if (!(pair.value instanceof Scalar)) continue;
      // A multi-line answer reads and edits best as a literal block; the library falls back to a
      // quoted string when the text cannot be written that way (e.g. trailing spaces on a line).
      const multiLine = typeof pair.value.value === 'string' && pair.value.value.includes('\n');
      pair.value.type = multiLine ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
    }
  }
}
