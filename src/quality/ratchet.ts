/**
 * The answer-quality ratchet: test/eval-baseline.json holds, per evaluation run, the figures last
 * reached; a run must not fall below them (test/quality/eval-ratchet.test.ts), and `npm run
 * eval:ratchet` runs them all, prints each against its baseline and, with --write, makes the
 * current figures the baseline.
 *
 * A key names a run. "eval/city" is a suite folder under the shared data (../shared); "unseen/NAME"
 * a suite of test/quality/unseen, a FAQ nobody tuned anything on. " --max-variants N" cuts the FAQ
 * to N question variants per language, " --lang L" to language L; " --typos RATE" misspells the
 * messages (typos.ts), " --courtesy" wraps them in a greeting and a sign-off (courtesy.ts),
 * " --remarks" adds a remark after each (remarks.ts), " --story" a story before each (stories.ts),
 * " --terse" cuts each to its first two words that name something (terse.ts), " --latin" types
 * the Russian and Kazakh ones in Latin letters (latin.ts);
 * " --cases FILE" asks the suite's FAQ the messages of test/quality/unseen/FILE instead of its
 * dev.jsonl; " --learn-from FILE" first lets the residents of FILE (under the shared data) teach
 * the FAQ, as `npm run eval -- --learn-from` does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isLang } from '../i18n/languages';
import { parseCases, type EvalFigures } from './evaluate';
import { learnFrom } from './learn';
import { isSuite, loadSuite, SUITE_FAQ, type Suite, type SuiteCut } from './suite';

export type Baseline = Record<string, Partial<EvalFigures>>;

/** Figures where lower is better; every other figure must not drop. */
const LOWER_IS_BETTER: ReadonlyArray<keyof EvalFigures> = ['wrong_answer_rate'];
/** Rounding slack for figures stored with four decimals. */
const EPSILON = 1e-4;

export interface RatchetRun {
  /** The suite folder the key names. */
  dir: string;
  cut: SuiteCut;
  /** Messages asked instead of the suite's dev.jsonl, if any. */
  cases?: string;
  /** Messages whose residents teach the FAQ first (`npm run eval -- --learn-from`), if any. */
  learnFrom?: string;
}

/** The cuts of the messages a key names with a flag alone (" --terse"): SuiteCut's switches. */
const MESSAGE_CUTS = ['courtesy', 'remarks', 'story', 'terse', 'latin'] as const;

function isMessageCut(name: string): name is (typeof MESSAGE_CUTS)[number] {
  return (MESSAGE_CUTS as readonly string[]).includes(name);
}

/** Where a key's suite lives: `shared` is the shared data folder, `unseen` test/quality/unseen. */
export function ratchetRunOf(key: string, shared: string, unseen: string): RatchetRun {
  const [folder, ...flags] = key.split(' --');
  const cut: SuiteCut = {};
  let cases: string | undefined;
  let teachers: string | undefined;
  for (const flag of flags) {
    const [name, value] = flag.split(' ');
    if (name === 'max-variants' && /^\d+$/.test(value)) cut.maxVariants = Number(value);
    else if (name === 'lang' && isLang(value)) cut.lang = value;
    else if (name === 'typos' && /^(0(\.\d+)?|1)$/.test(value)) cut.typos = Number(value);
    else if (isMessageCut(name) && value === undefined) cut[name] = true;
    else if (name === 'cases' && /^[\w-]+\.jsonl$/.test(value)) cases = path.join(unseen, value);
    else if (name === 'learn-from' && /^[\w-]+(\/[\w-]+)*\.jsonl$/.test(value)) teachers = path.join(shared, value);
    else {
      throw new Error(
        `eval-baseline.json: "--${flag}" in "${key}" is not --max-variants N, --lang ru|kk|en, --terse, --typos RATE, --remarks, --story, --courtesy, --latin, --cases FILE.jsonl or --learn-from FILE.jsonl`,
      );
    }
  }
  const dir = folder.startsWith('unseen/') ? path.join(unseen, folder.slice('unseen/'.length)) : path.join(shared, folder);
  return { dir, cut, cases, learnFrom: teachers };
}

/** Where the ratchet's files are, as `npm run eval:ratchet` and `eval:ceiling` are told (or not). */
export interface RatchetPlaces {
  baselineFile: string;
  shared: string;
  unseen: string;
}

/** The places under `root` (the project), unless `--baseline FILE` or `--shared DIR` say otherwise. */
export function ratchetPlaces(root: string, given: { baseline?: string; shared?: string }): RatchetPlaces {
  return {
    baselineFile: given.baseline ?? path.join(root, 'test/eval-baseline.json'),
    shared: given.shared ?? path.resolve(root, '../shared'),
    unseen: path.join(root, 'test/quality/unseen'),
  };
}

/** The baseline file's runs and floors; an unreadable or malformed file throws, naming the file. */
export function readBaseline(file: string): Baseline {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Baseline;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/**
 * A run of a FAQ as written, asked by its own messages: no cut of the FAQ or the messages, no
 * residents' lesson first. The baseline's such runs (thirteen when this was written) are the
 * yardstick matcher work is judged on (src/matcher/TRIED.md's "mean"); the cut runs ask the same
 * messages again.
 */
export function isAsWritten(run: RatchetRun): boolean {
  return Object.keys(run.cut).length === 0 && run.learnFrom === undefined;
}

/**
 * top-1 + answered or suggested + out of scope escalated − wrong answers: one run's figures in one
 * number, each worth the same (a figure with nothing to measure counts 0). Its mean over the runs
 * as written is TRIED.md's "mean".
 */
export function yardstickOf(figures: EvalFigures): number {
  return (figures.top1_accuracy ?? 0) + (figures.answered_or_suggested ?? 0) + (figures.oos_escalation_recall ?? 0) - (figures.wrong_answer_rate ?? 0);
}

/** False when the run's suite is not on this machine (the shared data missing): it is skipped. */
export function isAvailable(run: RatchetRun): boolean {
  return isSuite(run.dir) && (run.learnFrom === undefined || fs.existsSync(run.learnFrom));
}

/** The run's suite, its FAQ taught first by the residents of `learnFrom` when the key says so. */
export async function loadRun(run: RatchetRun): Promise<Suite> {
  const suite = await loadSuite(run.dir, run.cases ? { faq: path.join(run.dir, SUITE_FAQ), cases: run.cases } : undefined);
  if (run.learnFrom === undefined) return suite;
  const { entries } = await learnFrom(suite.entries, parseCases(fs.readFileSync(run.learnFrom, 'utf8')));
  return { ...suite, entries };
}

/** Whether `value` is worse than `floor` by more than `slack`: lower, or higher for wrong answers. */
export function isWorse(name: keyof EvalFigures, value: number, floor: number, slack = EPSILON): boolean {
  return LOWER_IS_BETTER.includes(name) ? value > floor + slack : value < floor - slack;
}

/** The figures below their floor, as "name: value (baseline floor)". */
export function regressions(figures: EvalFigures, floor: Partial<EvalFigures>): string[] {
  const out: string[] = [];
  for (const [key, min] of Object.entries(floor) as [keyof EvalFigures, number][]) {
    const value = figures[key];
    if (value === null) {
      out.push(`${key}: nothing to measure (baseline ${min})`);
      continue;
    }
    if (isWorse(key, value, min)) out.push(`${key}: ${value} (baseline ${min})`);
  }
  return out;
}

/** The baseline's figures for one run replaced by the current ones (the same figures, four decimals). */
export function currentFloor(figures: EvalFigures, floor: Partial<EvalFigures>): Partial<EvalFigures> {
  const out: Record<string, number | null | undefined> = {};
  for (const key of Object.keys(floor) as (keyof EvalFigures)[]) {
    const value = figures[key];
    // A figure with nothing to measure keeps its floor (and stays a regression until it has).
    out[key] = value === null ? floor[key] : Math.round(value * 10_000) / 10_000;
  }
  return out as Partial<EvalFigures>;
}
