/**
 * An evaluation suite: a folder with the FAQ (`faq.yaml`) and resident messages (`dev.jsonl`),
 * e.g. `../shared/eval` and `../shared/eval/city`. `runSuite` loads the FAQ into an engine with no
 * database and evaluates every message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readFaqFile } from '../faq/file';
import type { FaqEntryInput } from '../faq/types';
import type { Lang } from '../i18n/languages';
import { evaluate, parseCases, type EvalCase, type EvalReport } from './evaluate';
import { createOfflineEngine } from './offline-engine';
import { courteous } from './courtesy';
import { remarked } from './remarks';
import { storied } from './stories';
import { tersed } from './terse';
import { latinTyped } from './latin';
import { misspelt } from './typos';

export interface Suite {
  /** The folder, as given. */
  name: string;
  entries: FaqEntryInput[];
  cases: EvalCase[];
}

export const SUITE_FAQ = 'faq.yaml';
export const SUITE_CASES = 'dev.jsonl';

/** True when `dir` holds both files of a suite. */
export function isSuite(dir: string): boolean {
  return fs.existsSync(path.join(dir, SUITE_FAQ)) && fs.existsSync(path.join(dir, SUITE_CASES));
}

/** Reads a suite folder, or a FAQ file and a cases file given separately. */
export async function loadSuite(dir: string, files?: { faq: string; cases: string }): Promise<Suite> {
  const faq = files?.faq ?? path.join(dir, SUITE_FAQ);
  const cases = files?.cases ?? path.join(dir, SUITE_CASES);
  for (const file of [faq, cases]) {
    if (!fs.existsSync(file)) throw new Error(`${file} not found (a suite is a folder with ${SUITE_FAQ} and ${SUITE_CASES})`);
  }
  return { name: dir, entries: await readFaqFile(faq), cases: parseCases(fs.readFileSync(cases, 'utf8')) };
}

/**
 * The suite with each entry's question variants cut to the first `max` per language (at least
 * one): how the matcher does for a centre whose FAQ words each question only once or twice. The
 * messages stay the same, so the figures compare with the full FAQ's.
 */
export function withMaxVariants(suite: Suite, max: number): Suite {
  if (!Number.isInteger(max) || max < 1) throw new Error(`--max-variants must be a whole number of at least 1, not ${max}`);
  const entries = suite.entries.map((entry) => ({
    ...entry,
    questions: Object.fromEntries(
      Object.entries(entry.questions).map(([lang, variants]) => [lang, variants?.slice(0, max)]),
    ) as FaqEntryInput['questions'],
  }));
  return { ...suite, name: `${suite.name} (at most ${max} question variant${max === 1 ? '' : 's'} per language)`, entries };
}

/**
 * The suite as a centre that writes its FAQ in one language only: each entry keeps its questions
 * and answer in `lang` (an entry with neither goes), and only the messages in `lang` are asked.
 * With --max-variants 1 it is the shape of many centres' FAQs (one Russian question per topic).
 */
export function withOnlyLanguage(suite: Suite, lang: Lang): Suite {
  const entries = suite.entries
    .filter((entry) => (entry.questions[lang]?.length ?? 0) > 0 || !!entry.answer[lang])
    .map((entry) => ({
      ...entry,
      questions: { [lang]: entry.questions[lang] ?? [] } as FaqEntryInput['questions'],
      answer: (entry.answer[lang] ? { [lang]: entry.answer[lang] } : {}) as FaqEntryInput['answer'],
    }));
  return { name: `${suite.name} (${lang} only)`, entries, cases: suite.cases.filter((c) => c.lang === lang) };
}

/**
 * The suite with its messages changed by `cut`, named for `how`; the FAQ stays as written. The
 * cuts: misspelt (typos.ts), wrapped in a greeting and a sign-off (courtesy.ts), a remark after
 * each (remarks.ts), a story of the writer's life before each (stories.ts), each cut to its first
 * words that name something (terse.ts).
 */
function withMessages(suite: Suite, how: string, cut: (cases: readonly EvalCase[]) => EvalCase[]): Suite {
  return { ...suite, name: `${suite.name} (${how})`, cases: cut(suite.cases) };
}

/** How a suite is cut before it is run (`npm run eval -- … --max-variants N --lang L --terse --typos RATE --remarks --story --courtesy --latin`). */
export interface SuiteCut {
  maxVariants?: number;
  lang?: Lang;
  terse?: boolean;
  latin?: boolean;
  typos?: number;
  remarks?: boolean;
  story?: boolean;
  courtesy?: boolean;
}

/**
 * The suite cut to at most `maxVariants` question variants per language, then to `lang` alone, its
 * messages then cut to their first words, given a remark after them, a story before them, wrapped
 * in courtesy, typed in Latin letters, then misspelt.
 */
export function cutSuite(suite: Suite, { maxVariants, lang, terse, typos, remarks, story, courtesy, latin }: SuiteCut): Suite {
  const sparse = maxVariants === undefined ? suite : withMaxVariants(suite, maxVariants);
  let cut = lang === undefined ? sparse : withOnlyLanguage(sparse, lang);
  if (terse) cut = withMessages(cut, 'each message its first two words', tersed);
  if (remarks) cut = withMessages(cut, 'a remark after each message', remarked);
  if (story) cut = withMessages(cut, 'a story before each message', storied);
  if (courtesy) cut = withMessages(cut, 'wrapped in courtesy', courteous);
  if (latin) cut = withMessages(cut, 'Russian and Kazakh typed in Latin letters', latinTyped);
  if (typos !== undefined) cut = withMessages(cut, `a slip in ${Math.round(typos * 100)} % of long words`, (cases) => misspelt(cases, typos));
  return cut;
}

export interface SuiteRun {
  report: EvalReport;
  /** Milliseconds spent indexing the FAQ and fitting its confidence model. */
  indexBuildMs: number;
}

export async function runSuite(suite: Suite, onProgress?: (done: number, total: number) => void): Promise<SuiteRun> {
  const { engine, catalog, store, thresholds, indexBuildMs } = createOfflineEngine(suite.entries);
  try {
    const report = await evaluate(engine, catalog, suite.cases, thresholds, onProgress);
    await engine.drain();
    return { report, indexBuildMs };
  } finally {
    await store.close();
  }
}
