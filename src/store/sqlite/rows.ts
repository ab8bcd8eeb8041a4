/**
 * How a record lives in a SQLite row, said once per record type instead of field by field: the
 * columns are the record's fields in snake_case (`chatId` → `chat_id`); dates are INTEGER
 * milliseconds, flags 0/1, lists and per-language texts JSON text, transcript lines JSON with their
 * times in milliseconds, sequence ids INTEGER (the record's id is their decimal text), and an absent
 * optional field is NULL.
 */
import type { TranscriptLine } from '../types';

type Snake<S extends string> = S extends `${infer H}${infer R}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<R>}` : S;
type Column<V> = [V] extends [Date] ? number : [V] extends [boolean] ? number : [V] extends [string | number] ? V : string;

/** The row of a record `T`; the fields in `Ids` are INTEGER sequence numbers. */
export type Row<T, Ids extends keyof T = never> = {
  [K in keyof T as Snake<K & string>]-?: K extends Ids ? number : undefined extends T[K] ? Column<Exclude<T[K], undefined>> | null : Column<T[K]>;
};

/** How one field is kept, when not as it is. */
export type FieldFormat = 'date' | 'flag' | 'json' | 'lines' | 'id' | { toColumn(value: never): unknown; fromColumn(value: never): unknown };

export interface RowFormat<T> {
  /** Fields not kept as they are. */
  fields: { [K in keyof T]?: FieldFormat };
  /** Optional fields (NULL when absent). */
  optional?: readonly (keyof T & string)[];
  /** Columns that are not fields of the record (a queue's status, an insertion order). */
  extra?: readonly string[];
}

export interface RowCodec<T, Ids extends keyof T = never> {
  toRow(record: T): Row<T, Ids>;
  fromRow(row: Row<T, Ids>): T;
}

interface StoredLine {
  from: TranscriptLine['from'];
  text: string;
  at: number;
}

const toColumn: Record<Exclude<FieldFormat, object>, (value: never) => unknown> = {
  date: (d: Date) => d.getTime(),
  flag: (b: boolean) => (b ? 1 : 0),
  json: (v: unknown) => JSON.stringify(v),
  lines: (lines: TranscriptLine[]) => JSON.stringify(lines.map((l): StoredLine => ({ from: l.from, text: l.text, at: l.at.getTime() }))),
  id: (id: string) => Number(id),
};

const fromColumn: Record<Exclude<FieldFormat, object>, (value: never) => unknown> = {
  date: (ms: number) => new Date(ms),
  flag: (n: number) => n !== 0,
  json: (text: string) => JSON.parse(text),
  lines: (text: string) => (JSON.parse(text) as StoredLine[]).map((l) => ({ from: l.from, text: l.text, at: new Date(l.at) })),
  id: (n: number) => String(n),
};

/** Names converted once: every row of a table has the same few columns. */
function memo(convert: (name: string) => string): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let converted = known.get(name);
    if (converted === undefined) known.set(name, (converted = convert(name)));
    return converted;
  };
}
const snake = memo((key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const camel = memo((column) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));

/**
 * The two directions of a row format.
 *
 * @example rowCodec<StaffAccount>({ fields: { disabled: 'flag', createdAt: 'date', updatedAt: 'date' } })
 */
export function rowCodec<T extends object, Ids extends keyof T = never>(format: RowFormat<T>): RowCodec<T, Ids> {
  const fields = format.fields as Record<string, FieldFormat | undefined>;
  const convert = (key: string, value: unknown, direction: 'to' | 'from') => {
    const how = fields[key];
    if (how === undefined || value === null || value === undefined) return value ?? null;
    if (typeof how === 'object') return direction === 'to' ? how.toColumn(value as never) : how.fromColumn(value as never);
    return (direction === 'to' ? toColumn : fromColumn)[how](value as never);
  };
  const extra = new Set(format.extra ?? []);
  return {
    toRow(record) {
      const row: Record<string, unknown> = {};
      for (const key of format.optional ?? []) row[snake(key)] = null;
      for (const [key, value] of Object.entries(record)) row[snake(key)] = convert(key, value, 'to');
      return row as Row<T, Ids>;
    },
    fromRow(row) {
      const record: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) {
        if (value === null || extra.has(column)) continue;
        const key = camel(column);
        record[key] = convert(key, value, 'from');
      }
      return record as T;
    },
  };
}
