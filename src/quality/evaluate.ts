/**
 * Answer-quality measurement: every case goes to the real engine as a fresh conversation and the
 * outcome is compared with what the case expects. Used by `npm run eval` and by the CI ratchet.
 * Besides the outcome figures it keeps, per case, the probability the matcher gave its first
 * entry, so the report can show how well those probabilities are calibrated, and where the ranking
 * alone put the right entry: a case lost with the right entry ranked first is the confidence's
 * miss, not the ranking's. Plain BM25 ranks each case too, as the yardstick (plain-bm25.ts).
 */
import type { ConversationEngine } from '../engine/engine';
import type { FaqCatalog } from '../faq/catalog';
import { isLang, LANGS, type Lang } from '../i18n/languages';
import { decide, type Decision, type MatchExplanation, type MatchResult, type Thresholds } from '../matcher';
import { PlainBm25 } from './plain-bm25';

export interface EvalCase {
  text: string;
  lang: Lang;
  /** The FAQ id that answers it, or null when the bot must hand it to an operator. */
  expect: string | null;
}

/** Rates are null when there is nothing to measure them on (no case of that kind). */
export interface EvalFigures {
  cases: number;
  in_scope: number;
  top1_accuracy: number | null;
  answered_or_suggested: number | null;
  wrong_answer_rate: number | null;
  oos: number;
  oos_escalation_recall: number | null;
  /** Cases handed to an operator with FAQ entries offered to read meanwhile (a share of all cases). */
  escalated_with_entries: number | null;
  language_accuracy: number | null;
  /** In-scope cases whose right entry the ranking put first, whatever the confidence then decided. */
  ranked_first: number | null;
  /** In-scope cases whose right entry the ranking put among its first three. */
  ranked_top3: number | null;
  /**
   * The same for plain BM25 (plain-bm25.ts), the yardstick: answered_or_suggested should be at
   * least its top three on any FAQ.
   */
  bm25_ranked_first: number | null;
  bm25_ranked_top3: number | null;
}

export interface EvalMiss {
  text: string;
  lang: Lang;
  expect: string | null;
  got: string;
  replyLang: Lang;
  /** The message's words no entry knows (FaqMatcher.unknownWords): often why it was handed over. */
  unknown: string[];
  /** Why the entry ranked first for the whole message is as likely as it is (FaqMatcher.explain). */
  why?: MatchExplanation;
}

/** What one case got, right or not: the material of `npm run eval -- --outcomes/--compare`. */
export interface EvalOutcome {
  text: string;
  lang: Lang;
  expect: string | null;
  got: string;
  /** Answered with its entry (handed over, when out of scope), in its own language. */
  ok: boolean;
  /** The first entry's probability of being right (3 decimals); missing in files written before it was kept. */
  p?: number;
  /** Decided otherwise were its probabilities BAND_EDGE higher or lower (isOnBandEdge). */
  edge?: boolean;
}

/**
 * One band of the decision (answer, suggest, escalate with entries offered, escalate) or one bin of
 * predicted probability.
 */
export interface ReliabilityRow {
  label: string;
  cases: number;
  /** Mean predicted probability that the first entry is right. */
  predicted: number;
  /** Share of these cases whose first entry was right. */
  observed: number;
}

export interface EvalReport {
  overall: EvalFigures;
  byLang: Record<Lang, EvalFigures>;
  misses: EvalMiss[];
  /** Every case in order, with what it got. */
  outcomes: EvalOutcome[];
  /** Per decision band, then per tenth of predicted probability. */
  reliability: { bands: ReliabilityRow[]; bins: ReliabilityRow[] };
  /** Cases on a band's edge: decided otherwise were their probabilities BAND_EDGE higher or lower. */
  onBandEdge: number;
  /** How well the probability orders the cases (separationOf); null when nothing to order. */
  separation: number | null;
  /**
   * In-scope cases whose right entry the ranking put first but which were not answered with it, by
   * what held the answer back (heldBackBy): where the confidence, not the ranking, loses top1.
   */
  heldBack: Record<string, number>;
  /**
   * In-scope cases the bot answered or offered rightly where plain BM25's first three miss the right
   * entry (`ours`), and the other way (`bm25`): what answered_or_suggested and bm25_ranked_top3
   * differ by, case by case.
   */
  versusBm25Top3: { ours: number; bm25: number };
}

/**
 * What kept a case whose right entry was ranked first from being answered with it: the match's
 * doubt (MatchResult.doubt: 'unclear', 'answer-only', 'ambiguous', …), else its probability below
 * the answer band ('below the bar'), else something the engine did around the matcher ('engine':
 * a follow-up, a topic's name, small talk).
 */
export function heldBackBy(match: MatchResult, t: Thresholds): string {
  if (match.doubt) return match.doubt;
  return decide(match, t).kind === 'answer' ? 'engine' : 'below the bar';
}

/**
 * How far a case's probabilities may move for it to count as on a band's edge: about what a refit
 * of the confidence moves them by after a change to how words are read (the prior and each FAQ's
 * fit move together). A figure changes by the cases that cross; this many of them could.
 */
export const BAND_EDGE = 0.02;

/** What `decide` makes of a result, as compared across bands (the entries offered aside). */
function decisionKind(d: Decision): string {
  if (d.kind === 'answer') return `answer ${d.id}`;
  if (d.kind === 'none') return d.ids && d.ids.length > 0 ? 'escalate+entries' : 'escalate';
  return d.kind;
}

/** True when moving every probability of `result` up or down by BAND_EDGE changes its decision. */
export function isOnBandEdge(result: MatchResult, t: Thresholds): boolean {
  const shifted = (by: number): Thresholds => ({ answer: t.answer + by, suggest: t.suggest + by, hint: t.hint + by });
  const at = decisionKind(decide(result, t));
  return [BAND_EDGE, -BAND_EDGE].some((by) => decisionKind(decide(result, shifted(by))) !== at);
}

/** Parses JSON lines of cases; throws naming the line of a malformed case. */
export function parseCases(text: string): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new Error(`cases line ${i + 1}: not valid JSON`);
    }
    const c = raw as Partial<EvalCase>;
    if (typeof c.text !== 'string' || !isLang(c.lang) || !(c.expect === null || typeof c.expect === 'string')) {
      throw new Error(`cases line ${i + 1}: needs "text" (string), "lang" (ru|kk|en) and "expect" (id or null)`);
    }
    cases.push({ text: c.text, lang: c.lang, expect: c.expect });
  });
  return cases;
}

interface Tally {
  cases: number;
  inScope: number;
  top1: number;
  answeredOrSuggested: number;
  wrong: number;
  oos: number;
  oosEscalated: number;
  escalatedWithEntries: number;
  langOk: number;
  rankedFirst: number;
  rankedTop3: number;
  bm25First: number;
  bm25Top3: number;
}

const emptyTally = (): Tally => ({
  cases: 0,
  inScope: 0,
  top1: 0,
  answeredOrSuggested: 0,
  wrong: 0,
  oos: 0,
  oosEscalated: 0,
  escalatedWithEntries: 0,
  langOk: 0,
  rankedFirst: 0,
  rankedTop3: 0,
  bm25First: 0,
  bm25Top3: 0,
});

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

function figures(t: Tally): EvalFigures {
  return {
    cases: t.cases,
    in_scope: t.inScope,
    top1_accuracy: ratio(t.top1, t.inScope),
    answered_or_suggested: ratio(t.answeredOrSuggested, t.inScope),
    wrong_answer_rate: ratio(t.wrong, t.cases),
    oos: t.oos,
    oos_escalation_recall: ratio(t.oosEscalated, t.oos),
    escalated_with_entries: ratio(t.escalatedWithEntries, t.cases),
    language_accuracy: ratio(t.langOk, t.cases),
    ranked_first: ratio(t.rankedFirst, t.inScope),
    ranked_top3: ratio(t.rankedTop3, t.inScope),
    bm25_ranked_first: ratio(t.bm25First, t.inScope),
    bm25_ranked_top3: ratio(t.bm25Top3, t.inScope),
  };
}

const BANDS = ['answer', 'suggest', 'escalate+entries', 'escalate'] as const;

interface Prediction {
  band: (typeof BANDS)[number];
  predicted: number;
  topRight: boolean;
}

function reliabilityRow(label: string, rows: readonly Prediction[]): ReliabilityRow {
  const mean = (f: (p: Prediction) => number) =>
    rows.length === 0 ? 0 : Math.round((rows.reduce((s, p) => s + f(p), 0) / rows.length) * 1000) / 1000;
  return { label, cases: rows.length, predicted: mean((p) => p.predicted), observed: mean((p) => (p.topRight ? 1 : 0)) };
}

function reliability(predictions: readonly Prediction[]): EvalReport['reliability'] {
  const bands = BANDS.map((band) =>
    reliabilityRow(band, predictions.filter((p) => p.band === band)),
  );
  const bins: ReliabilityRow[] = [];
  for (let i = 0; i < 10; i += 1) {
    const rows = predictions.filter((p) => Math.min(9, Math.floor(p.predicted * 10)) === i);
    if (rows.length > 0) bins.push(reliabilityRow(`${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`, rows));
  }
  return { bands, bins };
}

/**
 * How well a probability tells the cases whose first entry is right from the others (a wrong first
 * entry, or any entry for a message out of scope): the chance that a case of the first kind gets
 * the higher probability of a pair, one of each kind (ties count half; the area under the ROC
 * curve). It depends on no band: a change to what the confidence reads moves it before it moves a
 * case across a band, and on a suite of 150 messages a band's figure moves by a case at a time.
 * 0.5 is no better than chance, 1 a perfect order; to four places, as the figures. Null when every
 * case is of one kind.
 */
export function separationOf(predictions: ReadonlyArray<{ predicted: number; topRight: boolean }>): number | null {
  const right = predictions.filter((p) => p.topRight).length;
  const other = predictions.length - right;
  if (right === 0 || other === 0) return null;
  // Rank sum of the right cases (ties share their mean rank): Mann–Whitney U over right × other.
  const sorted = [...predictions].sort((a, b) => a.predicted - b.predicted);
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].predicted === sorted[i].predicted) j += 1;
    const meanRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k += 1) if (sorted[k].topRight) rankSum += meanRank;
    i = j;
  }
  return ratio(rankSum - (right * (right + 1)) / 2, right * other);
}

/**
 * Runs every case through `engine` (each as a new conversation on the 'eval' channel); `catalog`
 * is the engine's FAQ, asked again for the probability behind each decision, and `thresholds` the
 * engine's bands.
 */
export async function evaluate(
  engine: ConversationEngine,
  catalog: FaqCatalog,
  cases: readonly EvalCase[],
  thresholds: Thresholds,
  onProgress?: (done: number, total: number) => void,
): Promise<EvalReport> {
  const overall = emptyTally();
  const byLang = Object.fromEntries(LANGS.map((l) => [l, emptyTally()])) as Record<Lang, Tally>;
  const misses: EvalMiss[] = [];
  const outcomes: EvalOutcome[] = [];
  const predictions: Prediction[] = [];
  let onBandEdge = 0;
  const heldBack: Record<string, number> = {};
  const versusBm25Top3 = { ours: 0, bm25: 0 };
  const reference = new PlainBm25(catalog.live(new Date()));

  for (const [i, c] of cases.entries()) {
    const result = await engine.handle({ channel: 'eval', chatId: `case-${i}`, kind: 'text', text: c.text });
    const o = result.outcome;
    const answered = o.kind === 'answer' ? o.faqId : null;
    // Entries offered with a hand-off count as offered: the resident can read them at once.
    const suggested = o.kind === 'suggest' ? o.faqIds : o.kind === 'escalate' ? (o.faqIds ?? []) : [];
    const got = answered
      ? `answer ${answered}`
      : o.kind === 'suggest'
        ? `suggest ${suggested.join(',')}`
        : suggested.length > 0
          ? `escalate, offering ${suggested.join(',')}`
          : o.kind;
    const match = catalog.match(c.text, result.lang, new Date(), 3);
    const ranked = match.candidates;
    const edge = isOnBandEdge(match, thresholds);
    if (edge) onBandEdge++;
    const rank = ranked.findIndex((candidate) => candidate.id === c.expect);
    const referenceRank = c.expect === null ? -1 : reference.rank(c.text).slice(0, 3).indexOf(c.expect);
    // In scope and answered or offered with its right entry.
    const reached = c.expect !== null && (answered === c.expect || suggested.includes(c.expect));
    for (const t of [overall, byLang[c.lang]]) {
      t.cases++;
      if (result.lang === c.lang) t.langOk++;
      if (answered !== null && answered !== c.expect) t.wrong++;
      if (o.kind === 'escalate' && suggested.length > 0) t.escalatedWithEntries++;
      if (c.expect === null) {
        t.oos++;
        if (o.kind === 'escalate') t.oosEscalated++;
      } else {
        t.inScope++;
        if (answered === c.expect) t.top1++;
        if (reached) t.answeredOrSuggested++;
        if (rank === 0) t.rankedFirst++;
        if (rank >= 0) t.rankedTop3++;
        if (referenceRank === 0) t.bm25First++;
        if (referenceRank >= 0) t.bm25Top3++;
      }
    }
    if (reached && referenceRank < 0) versusBm25Top3.ours++;
    if (!reached && referenceRank >= 0) versusBm25Top3.bm25++;
    if (c.expect !== null && rank === 0 && answered !== c.expect) {
      const reason = heldBackBy(match, thresholds);
      heldBack[reason] = (heldBack[reason] ?? 0) + 1;
    }
    const top = ranked[0];
    if (o.kind === 'answer' || o.kind === 'suggest' || o.kind === 'escalate') {
      const band = o.kind === 'escalate' && suggested.length > 0 ? 'escalate+entries' : o.kind;
      predictions.push({ band, predicted: top?.score ?? 0, topRight: !!top && top.id === c.expect });
    }
    const ok = c.expect === null ? o.kind === 'escalate' : answered === c.expect;
    if (!ok || result.lang !== c.lang) {
      misses.push({
        text: c.text,
        lang: c.lang,
        expect: c.expect,
        got,
        replyLang: result.lang,
        unknown: catalog.unknownWords(c.text, result.lang),
        why: catalog.explain(c.text, result.lang),
      });
    }
    outcomes.push({ text: c.text, lang: c.lang, expect: c.expect, got, ok: ok && result.lang === c.lang, p: Math.round((top?.score ?? 0) * 1000) / 1000, edge });
    onProgress?.(i + 1, cases.length);
  }

  return {
    overall: figures(overall),
    byLang: Object.fromEntries(LANGS.map((l) => [l, figures(byLang[l])])) as Record<Lang, EvalFigures>,
    misses,
    outcomes,
    reliability: reliability(predictions),
    onBandEdge,
    separation: separationOf(predictions),
    heldBack,
    versusBm25Top3,
  };
}
