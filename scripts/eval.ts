/**
 * npm run eval -- SUITE… [--misses] [--learn-from CASES | --learn-split] [--max-variants N] [--lang L] [--terse] [--typos RATE] [--remarks] [--story] [--courtesy] [--latin] [--follow-ups] [--outcomes FILE] [--compare FILE]
 * npm run eval -- --faq FILE --cases FILE [same options]
 *
 * A suite is a folder with faq.yaml and dev.jsonl (e.g. ../shared/eval ../shared/eval/city). For
 * each suite the FAQ goes straight into the matcher (no database), every message goes to the engine
 * as a fresh conversation, and a table per language is printed with the calibration of the
 * matcher's probabilities (predicted vs observed per decision band and per tenth, and how well they
 * order right first entries above the rest: separation, which no band enters) and where the ranking
 * alone put the right entry (ranked_first, ranked_top3: before the confidence decides), and where
 * plain BM25 puts it (bm25_ranked_first, bm25_ranked_top3: the yardstick, src/quality/plain-bm25.ts;
 * answered_or_suggested should reach its top three). Two lines then say which of issue 10's targets
 * the suite meets (src/quality/targets.ts): those of a shared suite, each language's figures within
 * 5 points of the others' included, and those of any FAQ (at least plain BM25's top three, few
 * wrong answers). The last lines are one JSON object per suite with its overall figures, for CI and
 * the ratchet in test/eval-baseline.json. A rate with nothing to measure (no English cases, say)
 * shows "–" and is not checked.
 *
 * --learn-from CASES first lets the residents of CASES (a dev.jsonl) teach each suite's FAQ — they
 * pick the right "did you mean" choice or say the right answer helped, an operator answers a
 * hand-off with the right entry when the ticket offers it, and their words are accepted as
 * learned wordings — then evaluates the suite on the learnt FAQ and prints the gain, and the
 * messages learning fixed and broke. Learn from one set of messages and measure on another set of
 * the same FAQ.
 *
 * --learn-split does the same within each suite: the residents of every other message teach the
 * FAQ and the rest measure it, then the other way round (the gain of each half, and the messages
 * fixed and broken over both). Any suite shows so what learning does to its FAQ. Each half's own
 * messages are also asked again after it taught the FAQ: what an editor expects of teaching.
 *
 * --max-variants N first cuts every entry to its first N question variants per language: the same
 * messages against a FAQ written more sparingly, as many centres write theirs. The confidence is
 * learnt from the FAQ's own variants, so this shows how far it depends on having many of them.
 *
 * --lang L (ru, kk or en) first cuts every entry to its questions and answer in L and keeps only
 * the messages in L: a centre that writes its FAQ in one language. The simulated residents the
 * confidence is learnt from then have no other language's questions to fall back on.
 *
 * --typos RATE (0 to 1) misspells the messages first: a typing slip (a letter missing, doubled,
 * swapped, or replaced by a key beside it) in that share of the words of five letters or more, the
 * same slips on every run (src/quality/typos.ts). Residents type on phones; the gap to the run
 * without slips is what their typos cost.
 *
 * --remarks adds a remark after every message, as residents add one once they have said what they
 * need: how they feel, what they do not know, an exclamation, something about themselves ("…
 * Уже не знаю, что и думать.", "… Сколько можно это терпеть!"; src/quality/remarks.ts). Such a
 * sentence asks nothing, even with a question word in it: the gap to the run without is what
 * taking it for the question or the matter costs.
 *
 * --story tells a story before every message, as residents say who they are and how they live
 * before they ask: a few sentences of a life, about nothing a helpline answers, with no question
 * ("Я живу в этом районе уже больше двадцати лет. Работаю посменно… <the message>";
 * src/quality/stories.ts). The gap to the run without is what the story costs: the question has to
 * outweigh it.
 *
 * --terse cuts every message to its first two words that are no stop word, as residents type on a
 * phone ("Где можно купить проездной?" → "купить проездной"; src/quality/terse.ts): the gap to the
 * run without is what a message without its question and function words costs, in language
 * detection above all.
 *
 * --courtesy wraps every message in a greeting and a sign-off of its language, as residents write
 * ("Здравствуйте! … Буду благодарна за ответ."; src/quality/courtesy.ts): the gap to the run
 * without is what courtesy costs.
 *
 * --latin types every Russian and Kazakh message in Latin letters, as residents without a Cyrillic
 * keyboard do, each in one of the schemes people use ("Когда откроют ЦОН?" → "Kogda otkroyut TsON?",
 * "Kogda otkroyut CON?"; "Қашан ашылады?" → "Qashan ashylady?", "Kashan ashylady?";
 * src/quality/latin.ts): the gap to the run without is what reading them costs, their words and
 * the language of the reply.
 *
 * --outcomes FILE writes what every case got (one JSON line per case, with its suite's name);
 * --compare FILE, after a change, lists the cases whose outcome moved since that run: fixed, broken
 * or moved otherwise (as good or as bad as before, differently; a wrong answer counts worse than a
 * hand-over), with a count per suite. Run both with the same suites and cuts; with --learn-from
 * they are the outcomes before learning.
 *
 * --follow-ups also asks, after each entry's first question answered, a few generic follow-ups
 * ("это бесплатно?", "how long will it take?": src/quality/follow-ups.ts) and counts what they got;
 * answered with another entry is mostly wrong. The counts go in the suite's JSON as `follow_ups`.
 */
import { isLang, LANGS } from '../src/i18n/languages';
import { BAND_EDGE, parseCases, type EvalFigures, type EvalOutcome, type EvalReport } from '../src/quality/evaluate';
import fs from 'node:fs';
import { halves, learnFrom } from '../src/quality/learn';
import { cutSuite, loadSuite, runSuite, type Suite } from '../src/quality/suite';
import { followUpFigures } from '../src/quality/follow-ups';
import { byChance, changeLine, compareOutcomes, countsOf, formatOutcomes, parseOutcomes } from '../src/quality/compare';
import { anyFaqTargetChecks, suiteTargetChecks, targetLine } from '../src/quality/targets';
import { EXIT_OK, EXIT_USAGE, readCommandLine, runScript, usageMistake } from './command-line';
import { wholeNumber } from './whole-number';
import type { MatchExplanation } from '../src/matcher';

const USAGE =
  'usage: npm run eval -- SUITE_DIR… [--misses] [--learn-from CASES | --learn-split] [--max-variants N] [--lang ru|kk|en] [--terse] [--typos RATE] [--remarks] [--story] [--courtesy] [--latin] [--follow-ups] [--outcomes FILE] [--compare FILE]   or   npm run eval -- --faq FILE --cases FILE [the same options]';

const COLUMNS: (keyof EvalFigures)[] = [
  'cases',
  'in_scope',
  'top1_accuracy',
  'answered_or_suggested',
  'wrong_answer_rate',
  'oos',
  'oos_escalation_recall',
  'escalated_with_entries',
  'language_accuracy',
  'ranked_first',
  'ranked_top3',
  'bm25_ranked_first',
  'bm25_ranked_top3',
];

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padStart(widths[i])).join('  ')).join('\n');
}

/**
 * The confidence in the first entry ranked for a whole message, as the sum it is: the model's bias
 * and each feature's part of the log-odds, the weightiest first ("precision 0.68 +5.25": the
 * feature's value and its part). The engine may have asked the FAQ less than the whole message (its
 * courtesy left out, its questions one by one), so its decision can differ.
 */
function whyLine(why: MatchExplanation): string {
  const parts = [...why.features]
    .sort((a, b) => Math.abs(b.part) - Math.abs(a.part))
    .map((f) => `${f.name} ${f.value.toFixed(2)} ${signed(f.part)}`);
  const doubt = why.doubt ? `; doubt: ${why.doubt}` : '';
  return `the whole message ranks ${why.first} first, p ${why.probability.toFixed(2)}: bias ${signed(why.bias)}, ${parts.join(', ')}${doubt}`;
}

function signed(v: number): string {
  return `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(2)}`;
}

function printReport(suite: Suite, report: EvalReport, indexBuildMs: number, misses: boolean): void {
  console.log(`\n== ${suite.name}: ${suite.entries.length} FAQ entries (indexed and calibrated in ${indexBuildMs.toFixed(0)} ms), ${suite.cases.length} cases`);
  if (misses) {
    for (const m of report.misses) {
      const unknown = m.unknown.length > 0 ? `  (words no entry knows: ${m.unknown.join(', ')})` : '';
      console.log(`MISS [${m.lang}→${m.replyLang}] expect=${m.expect ?? 'escalate'} got=${m.got}: ${m.text}${unknown}`);
      if (m.why) console.log(`     ${whyLine(m.why)}`);
    }
  }
  const cell = (v: number | null) => (v === null ? '–' : String(v));
  const rows = [...LANGS.map((l) => [l, report.byLang[l]] as const), ['all', report.overall] as const].map(([name, f]) => [
    name,
    ...COLUMNS.map((c) => cell(f[c])),
  ]);
  console.log(table(['lang', ...COLUMNS], rows));
  console.log('\ncalibration: P(first entry right), predicted vs observed');
  const rel = [...report.reliability.bands, ...report.reliability.bins].map((r) => [
    r.label,
    String(r.cases),
    r.cases ? r.predicted.toFixed(2) : '–',
    r.cases ? r.observed.toFixed(2) : '–',
  ]);
  console.log(table(['band / bin', 'cases', 'predicted', 'observed'], rel));
  if (report.separation !== null) {
    console.log(
      `separation ${report.separation.toFixed(3)}: the chance that a message whose first entry is right gets a higher probability than one whose first entry is not (wrong, or out of scope); no band in it`,
    );
  }
  const held = Object.entries(report.heldBack).sort((a, b) => b[1] - a[1]);
  if (held.length > 0) {
    const total = held.reduce((n, [, k]) => n + k, 0);
    console.log(`right entry ranked first but not answered: ${total} (${held.map(([why, k]) => `${why} ${k}`).join(', ')})`);
  }
  console.log(
    `\non a band's edge: ${report.onBandEdge} of ${report.overall.cases} cases would be decided otherwise were their probabilities ${BAND_EDGE} higher or lower (a refit of the confidence moves them so far)`,
  );
  console.log(targetLine("a shared suite's targets", suiteTargetChecks(report.overall, report.byLang)));
  console.log(targetLine("any FAQ's targets", anyFaqTargetChecks(report.overall, report.versusBm25Top3)));
}

async function main(): Promise<number> {
  const line = readCommandLine(USAGE, {
    allowPositionals: true,
    options: {
      faq: { type: 'string' },
      cases: { type: 'string' },
      'learn-from': { type: 'string' },
      'learn-split': { type: 'boolean' },
      'max-variants': { type: 'string' },
      lang: { type: 'string' },
      typos: { type: 'string' },
      remarks: { type: 'boolean' },
      story: { type: 'boolean' },
      terse: { type: 'boolean' },
      courtesy: { type: 'boolean' },
      latin: { type: 'boolean' },
      misses: { type: 'boolean' },
      'follow-ups': { type: 'boolean' },
      outcomes: { type: 'string' },
      compare: { type: 'string' },
    },
  });
  if (typeof line === 'number') return line;
  const { values, positionals } = line;
  if (!!values.faq !== !!values.cases) return usageMistake(USAGE, '--faq and --cases go together: give both');
  if (positionals.length === 0 && !values.faq) return usageMistake(USAGE, 'give one or more suite folders (each with faq.yaml and dev.jsonl), or --faq and --cases');
  const maxVariants = values['max-variants'] === undefined ? undefined : wholeNumber(values['max-variants']);
  if (values['max-variants'] !== undefined && (maxVariants === undefined || maxVariants < 1)) {
    return usageMistake(USAGE, `--max-variants must be a whole number of at least 1, not "${values['max-variants']}"`);
  }
  const onlyLang = values.lang;
  if (onlyLang !== undefined && !isLang(onlyLang)) {
    return usageMistake(USAGE, `--lang must be one of ${LANGS.join(', ')}, not "${onlyLang}"`);
  }
  const typos = values.typos === undefined ? undefined : Number(values.typos);
  if (typos !== undefined && !(typos >= 0 && typos <= 1)) {
    return usageMistake(USAGE, `--typos must be a share of words between 0 and 1, not "${values.typos}"`);
  }
  if (values['learn-from'] && values['learn-split']) {
    return usageMistake(USAGE, '--learn-from and --learn-split each choose who teaches the FAQ: give one');
  }
  let earlier: Map<string, EvalOutcome[]> | undefined;
  if (values.compare) {
    try {
      earlier = parseOutcomes(fs.readFileSync(values.compare, 'utf8'));
    } catch (error) {
      console.error(`--compare ${values.compare}: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
  }
  const loaded: Suite[] = [];
  if (values.faq && values.cases) loaded.push(await loadSuite(values.faq, { faq: values.faq, cases: values.cases }));
  for (const dir of positionals) loaded.push(await loadSuite(dir));
  const suites = loaded.map((suite) => cutSuite(suite, { maxVariants, lang: onlyLang, terse: values.terse, typos, remarks: values.remarks, story: values.story, courtesy: values.courtesy, latin: values.latin }));

  if (values['learn-split']) {
    for (const suite of suites) console.log(await learnSplit(suite));
    return EXIT_OK;
  }
  const teachers = values['learn-from'] ? parseCases(fs.readFileSync(values['learn-from'], 'utf8')) : undefined;
  const progress = (done: number, total: number) => {
    if (process.stderr.isTTY && (done % 25 === 0 || done === total)) process.stderr.write(`\r  ${done}/${total} cases`);
  };
  const lines: string[] = [];
  const saved: string[] = [];
  for (const suite of suites) {
    const { report, indexBuildMs } = await runSuite(suite, progress);
    if (process.stderr.isTTY) process.stderr.write('\r');
    printReport(suite, report, indexBuildMs, !!values.misses);
    if (earlier && values.compare) printComparison(values.compare, earlier.get(suite.name), report.outcomes);
    saved.push(formatOutcomes(suite.name, report.outcomes));
    const followUps = values['follow-ups'] ? await followUpFigures(suite.entries) : undefined;
    if (followUps) {
      const f = followUps;
      console.log(
        `\nfollow-ups: ${f.conversations} after an answer: answered again ${f.answered_again}, answered with another entry ${f.answered_other}, choices ${f.choices}, handed over ${f.handed_over} (${f.first_not_answered} first questions not answered with their entry)`,
      );
    }
    if (!teachers) {
      lines.push(
        JSON.stringify({ suite: suite.name, ...report.overall, on_band_edge: report.onBandEdge, separation: report.separation, ...(followUps ? { follow_ups: followUps } : {}) }),
      );
      continue;
    }
    const learned = await learnFrom(suite.entries, teachers);
    const taught = { ...suite, name: `${suite.name} after learning from ${values['learn-from']}`, entries: learned.entries };
    const after = await runSuite(taught, progress);
    printReport(taught, after.report, after.indexBuildMs, !!values.misses);
    const gain = gainLine(report.overall, after.report.overall, ['top1_accuracy', 'answered_or_suggested', 'wrong_answer_rate', 'oos_escalation_recall']);
    console.log(`\nlearning: ${learned.accepted} wordings learnt (${learned.operatorAnswers} hand-offs answered by an operator with an entry the ticket offered); ${gain}`);
    // What learning did case by case: a gain in the totals can hide as many messages lost.
    printComparison('before learning', report.outcomes, after.report.outcomes);
    lines.push(
      JSON.stringify({
        suite: suite.name,
        learned_from: values['learn-from'],
        wordings_learnt: learned.accepted,
        operator_answers: learned.operatorAnswers,
        before: report.overall,
        after: after.report.overall,
      }),
    );
  }
  if (values.outcomes) fs.writeFileSync(values.outcomes, saved.join(''));
  console.log('');
  for (const line of lines) console.log(line);
  return EXIT_OK;
}

/** "top1_accuracy 0.85 → 0.8667, …": the figures `keys` before and after learning. */
function gainLine(before: EvalFigures, after: EvalFigures, keys: readonly (keyof EvalFigures)[]): string {
  return keys.map((key) => `${key} ${before[key] ?? '–'} → ${after[key] ?? '–'}`).join(', ');
}

/**
 * --learn-split for one suite: each half of its messages teaches the FAQ and the other half
 * measures it. Prints the gain of each and the messages fixed and broken over both; returns the
 * JSON line.
 */
async function learnSplit(suite: Suite): Promise<string> {
  const [even, odd] = halves(suite.cases);
  const before: EvalOutcome[] = [];
  const after: EvalOutcome[] = [];
  const runs: object[] = [];
  console.log(`\n== ${suite.name}: learning from one half of its ${suite.cases.length} messages, measured on the other`);
  // Each half before learning, once: measured in one round, asked again in the other.
  const [evenBefore, oddBefore] = [(await runSuite({ ...suite, cases: even })).report, (await runSuite({ ...suite, cases: odd })).report];
  for (const [teach, teachBefore, measure, plain, name] of [
    [even, evenBefore, odd, oddBefore, 'the odd-numbered messages after learning from the even'],
    [odd, oddBefore, even, evenBefore, 'the even-numbered messages after learning from the odd'],
  ] as const) {
    const learned = await learnFrom(suite.entries, teach);
    const taught = (await runSuite({ ...suite, entries: learned.entries, cases: measure })).report;
    before.push(...plain.outcomes);
    after.push(...taught.outcomes);
    const gain = gainLine(plain.overall, taught.overall, ['top1_accuracy', 'answered_or_suggested', 'wrong_answer_rate', 'ranked_first']);
    console.log(`${name} (${learned.accepted} wordings learnt): ${gain}`);
    // What an editor expects of "Teach the bot": the residents who taught it, asking again, are answered.
    const again = [teachBefore.overall, (await runSuite({ ...suite, entries: learned.entries, cases: teach })).report.overall] as const;
    console.log(`  the teaching messages asked again: ${gainLine(...again, ['top1_accuracy', 'answered_or_suggested', 'wrong_answer_rate'])}`);
    runs.push({ wordings_learnt: learned.accepted, before: plain.overall, after: taught.overall, asked_again: { before: again[0], after: again[1] } });
  }
  printComparison('before learning, both halves', before, after);
  return JSON.stringify({ suite: suite.name, learn_split: runs });
}

function printComparison(against: string, before: readonly EvalOutcome[] | undefined, after: readonly EvalOutcome[]): void {
  if (!before) {
    console.log(`\nagainst ${against}: no outcomes of this suite there (save them with --outcomes, with the same suites and cuts)`);
    return;
  }
  const c = compareOutcomes(before, after);
  const unmatched = c.unmatched > 0 ? `; ${c.unmatched} cases in only one of the runs` : '';
  console.log(`\nagainst ${against}: ${countsOf(c)}, of ${c.compared} cases${unmatched}${byChance(c)}`);
  for (const change of c.changes) console.log(changeLine(change));
}

runScript('eval', main);
