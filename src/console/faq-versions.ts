/** Two stored versions of an entry and what changed between them (API and page share it). */
import type { FaqEntry, FaqEntryInput } from '../faq/types';
import { LANGS } from '../i18n/languages';
import type { FaqStore } from '../store/types';
import { lineDiff, wordDiff, type DiffLine, type DiffPart } from './diff';
import { HttpError } from './errors';
import { entryAsText } from './faq-input';

/** One field that differs between two versions, diffed word by word. */
export interface FieldDiff {
  /** 'topic', 'questions.kk', 'answer.ru', 'learned.ru', 'validFrom', 'validUntil'. */
  field: string;
  parts: DiffPart[];
}

export interface VersionDiff {
  from: FaqEntry;
  to: FaqEntry;
  /** The entry as FAQ-file lines, line by line. */
  lines: DiffLine[];
  /** The fields that changed, word by word. */
  fields: FieldDiff[];
}

/** Each field of an entry as text: questions one per line, times in ISO. */
function fieldTexts(entry: FaqEntryInput): [string, string][] {
  return [
    ['topic', entry.topic],
    ...LANGS.flatMap((l): [string, string][] => [
      [`questions.${l}`, (entry.questions[l] ?? []).join('\n')],
      [`answer.${l}`, entry.answer[l] ?? ''],
      [`learned.${l}`, (entry.learned?.[l] ?? []).join('\n')],
    ]),
    ['validFrom', entry.validFrom?.toISOString() ?? ''],
    ['validUntil', entry.validUntil?.toISOString() ?? ''],
  ];
}

/** The fields of `a` and `b` that differ, each as a word diff. */
export function fieldDiffs(a: FaqEntryInput, b: FaqEntryInput): FieldDiff[] {
  const after = new Map(fieldTexts(b));
  return fieldTexts(a)
    .filter(([field, text]) => after.get(field) !== text)
    .map(([field, text]) => ({ field, parts: wordDiff(text, after.get(field) ?? '') }));
}

/** Diffs versions `from` and `to` of entry `id`; 404 when either is missing. */
export async function diffVersions(faq: FaqStore, id: string, from: number, to: number): Promise<VersionDiff> {
  const versions = await faq.history(id);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) throw new HttpError(404, `Entry "${id}" has no version ${!a ? from : to}`);
  return { from: a, to: b, lines: lineDiff(entryAsText(a), entryAsText(b)), fields: fieldDiffs(a, b) };
}
