/** Two stored versions of an entry and the line diff between them (API and page share it). */
import type { FaqEntry } from '../faq/types';
import type { FaqStore } from '../store/types';
import { lineDiff, type DiffLine } from './diff';
import { HttpError } from './errors';
import { entryAsText } from './faq-input';

export interface VersionDiff {
  from: FaqEntry;
  to: FaqEntry;
  lines: DiffLine[];
}

/** Diffs versions `from` and `to` of entry `id` (as FAQ-file lines); 404 when either is missing. */
export async function diffVersions(faq: FaqStore, id: string, from: number, to: number): Promise<VersionDiff> {
  const versions = await faq.history(id);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) throw new HttpError(404, `Entry "${id}" has no version ${!a ? from : to}`);
  return { from: a, to: b, lines: lineDiff(entryAsText(a), entryAsText(b)) };
}
