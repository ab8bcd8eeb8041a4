/**
 * Which cases a change moved: the outcomes of two evaluation runs of the same suite, case by case
 * (`npm run eval -- … --outcomes FILE`, then after the change `--compare FILE`). A figure that
 * moves by a case or two may have moved by chance (see on_band_edge); the cases say whether the
 * change did what it was meant to, and what it cost. A case that was or is on a band's edge is
 * marked: a change to how words are read refits the confidence, which alone moves such a case
 * across a band (its probability "0.652 → 0.646"), so its verdict may be the refit's, not the
 * change's.
 */
import { isLang, type Lang } from '../i18n/languages';
import { signTestP } from './chance';
import type { EvalOutcome } from './evaluate';

/**
 * Better, worse or neither, by what the resident gets: the right outcome beats an offer or a
 * hand-over, which beats a wrong answer. So "fixed" is also a wrong answer now handed over, and
 * "broken" also a hand-over now answered wrongly: the wrong-answer rate moves by those.
 */
export type Verdict = 'fixed' | 'broken' | 'moved';

export interface OutcomeChange {
  text: string;
  lang: Lang;
  expect: string | null;
  before: string;
  after: string;
  verdict: Verdict;
  /** The case was on a band's edge in either run (EvalOutcome.edge). */
  edge: boolean;
  /** The first entry's probability in each run, where the runs kept it. */
  p: { before?: number; after?: number };
}

export interface OutcomeComparison {
  /** Fixed first, then broken, then moved; in suite order within each. */
  changes: OutcomeChange[];
  fixed: number;
  broken: number;
  moved: number;
  /** How many of the fixed and the broken were on a band's edge in either run. */
  fixedOnEdge: number;
  brokenOnEdge: number;
  /** Cases of the later run found in the earlier one. */
  compared: number;
  /** Cases of either run the other does not have (the suite's messages changed meanwhile). */
  unmatched: number;
}

const ORDER: Record<Verdict, number> = { fixed: 0, broken: 1, moved: 2 };

/** 2: right; 1: offered or handed over when that is not right; 0: answered wrongly. */
function levelOf(o: EvalOutcome): number {
  if (o.ok) return 2;
  return o.got.startsWith('answer ') ? 0 : 1;
}

function keyOf(o: EvalOutcome): string {
  return JSON.stringify([o.lang, o.expect, o.text]);
}

export function compareOutcomes(before: readonly EvalOutcome[], after: readonly EvalOutcome[]): OutcomeComparison {
  // A suite may hold the same message twice: its copies pair up in order.
  const earlier = new Map<string, EvalOutcome[]>();
  for (const o of before) {
    const same = earlier.get(keyOf(o)) ?? [];
    same.push(o);
    earlier.set(keyOf(o), same);
  }
  const changes: OutcomeChange[] = [];
  let compared = 0;
  let unmatched = 0;
  for (const now of after) {
    const then = earlier.get(keyOf(now))?.shift();
    if (!then) {
      unmatched += 1;
      continue;
    }
    compared += 1;
    if (then.ok === now.ok && then.got === now.got) continue;
    const [was, is] = [levelOf(then), levelOf(now)];
    const verdict: Verdict = is > was ? 'fixed' : is < was ? 'broken' : 'moved';
    const edge = then.edge === true || now.edge === true;
    changes.push({ text: now.text, lang: now.lang, expect: now.expect, before: then.got, after: now.got, verdict, edge, p: { before: then.p, after: now.p } });
  }
  for (const left of earlier.values()) unmatched += left.length;
  const count = (v: Verdict, onEdge = false) => changes.filter((c) => c.verdict === v && (!onEdge || c.edge)).length;
  changes.sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict]);
  return {
    changes,
    fixed: count('fixed'),
    broken: count('broken'),
    moved: count('moved'),
    fixedOnEdge: count('fixed', true),
    brokenOnEdge: count('broken', true),
    compared,
    unmatched,
  };
}

/** "2 fixed, 1 broken, 0 moved otherwise (1 fixed and 1 broken on a band's edge)". */
export function countsOf(c: Pick<OutcomeComparison, 'fixed' | 'broken' | 'moved' | 'fixedOnEdge' | 'brokenOnEdge'>): string {
  const onEdge = c.fixedOnEdge + c.brokenOnEdge > 0 ? ` (${c.fixedOnEdge} fixed and ${c.brokenOnEdge} broken on a band's edge)` : '';
  return `${c.fixed} fixed, ${c.broken} broken, ${c.moved} moved otherwise${onEdge}`;
}

/** "; a coin splits 3 this unevenly or more with p 1.00" (signTestP), or nothing when none was fixed or broken. */
export function byChance(c: Pick<OutcomeComparison, 'fixed' | 'broken'>): string {
  const n = c.fixed + c.broken;
  return n > 0 ? `; a coin splits ${n} this unevenly or more with p ${signTestP(c.fixed, c.broken).toFixed(2)}` : '';
}

/**
 * "BROKEN [ru] expect=bank-hours was answer bank-hours, now suggest post-hours: банк в субботу
 * (0.652 → 0.646, on a band's edge)".
 */
export function changeLine(change: OutcomeChange): string {
  const expect = change.expect ?? 'escalate';
  const { before, after } = change.p;
  const notes = [
    ...(before !== undefined || after !== undefined ? [`${probability(before)} → ${probability(after)}`] : []),
    ...(change.edge ? ["on a band's edge"] : []),
  ];
  const noted = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  return `${change.verdict.toUpperCase().padEnd(6)} [${change.lang}] expect=${expect} was ${change.before}, now ${change.after}: ${change.text}${noted}`;
}

/** A kept probability as printed; "?" for a run that did not keep it. */
function probability(p: number | undefined): string {
  return p === undefined ? '?' : p.toFixed(3);
}

/** One line of an outcomes file: the suite's name and one case's outcome. */
export interface SavedOutcome extends EvalOutcome {
  suite: string;
}

export function formatOutcomes(suite: string, outcomes: readonly EvalOutcome[]): string {
  return outcomes.map((o) => `${JSON.stringify({ suite, ...o })}\n`).join('');
}

/** An outcomes file, by suite; throws naming the first bad line. */
export function parseOutcomes(text: string): Map<string, EvalOutcome[]> {
  const bySuite = new Map<string, EvalOutcome[]>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let row: Partial<SavedOutcome>;
    try {
      row = JSON.parse(line) as Partial<SavedOutcome>;
    } catch {
      throw new Error(`line ${i + 1} is not JSON`);
    }
    const { suite, text: message, lang, expect, got, ok, p, edge } = row;
    if (
      typeof suite !== 'string' ||
      typeof message !== 'string' ||
      typeof lang !== 'string' ||
      !isLang(lang) ||
      !(expect === null || typeof expect === 'string') ||
      typeof got !== 'string' ||
      typeof ok !== 'boolean' ||
      !(p === undefined || (typeof p === 'number' && p >= 0 && p <= 1)) ||
      !(edge === undefined || typeof edge === 'boolean')
    ) {
      throw new Error(`line ${i + 1} is not an outcome (suite, text, lang ru|kk|en, expect, got, ok; p from 0 to 1 and edge true|false if there)`);
    }
    const list = bySuite.get(suite) ?? [];
    list.push({ text: message, lang, expect, got, ok, ...(p === undefined ? {} : { p }), ...(edge === undefined ? {} : { edge }) });
    bySuite.set(suite, list);
  });
  return bySuite;
}
