/**
 * Checks a FAQ file the way the bot will read it: every question is asked as if the FAQ did not have
 * its words (src/faq/entry-check.ts), and the entries whose other questions, topic and answer carry
 * their questions least are listed first, with the entries they are taken for. Run it before an
 * import, or on an export of the bot's current FAQ.
 *
 *   npm run faq:check -- FILE [--all] [--json]
 *
 * Exit codes: 0 checked, 1 the file is not a valid FAQ, 2 usage or configuration error.
 */
import { FaqFileError, readFaqFile } from '../src/faq/file';
import { checkFaq, fewVariantLanguages, needsAttention, questionCount, takenFor, weakestFirst, type FaqCheck } from '../src/faq/entry-check';
import { topicsWithoutNames } from '../src/engine/handlers/menu';
import type { FaqEntryInput } from '../src/faq/types';
import { createTranslator } from '../src/i18n';
import { createMatcher } from '../src/matcher';
import type { Thresholds } from '../src/matcher/types';
import { EXIT_FAILED, EXIT_OK } from './command-line';
import { runFaqCli } from './faq-cli';

const USAGE = `Usage: npm run faq:check -- FILE [--all] [--json]

Asks every question of FILE (.yaml, .yml or .json, the import format) as a resident would if the FAQ
did not have those words: with that question left out, and with the confidence bands the bot uses
(MATCH_*_THRESHOLD). A question the rest of its entry carries is answered; the others are offered
among choices, taken for another entry, or handed to an operator. Residents rarely use the editor's
exact words, so those entries are where the bot will be unsure: add the questions the way residents
put them, in two or three wordings per language. Topics the residents' menu has no name for in some
language (locales/<lang>/translation.json, "topics") are named last: their entries are under "Other".
To check the bot's current FAQ: npm run faq:export -- current.yaml && npm run faq:check -- current.yaml

Options:
  --all        list every entry (default: those with a question not answered or a language
               with fewer than two questions)
  --json       one JSON object per entry, then one with the totals
  -h, --help   show this help`;

const OPTIONS = { all: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } as const;

/** Progress on standard error for a large FAQ, when someone is watching. */
const PROGRESS_EVERY = 500;

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)} %`;
}

/** The topics the residents' menu has no name for, in words, or none. */
function unnamedTopicsLine(entries: readonly FaqEntryInput[]): string | undefined {
  const unnamed = topicsWithoutNames(entries, createTranslator());
  if (unnamed.length === 0) return undefined;
  const list = unnamed.map(({ topic, langs }) => `${topic} (${langs.join(' ')})`).join(', ');
  return `Topics the residents' menu has no name for, its entries listed under "Other" there: ${list}. Name them under "topics" in locales/<lang>/translation.json.`;
}

function printReport(file: string, result: FaqCheck, thresholds: Thresholds, all: boolean): void {
  const { totals } = result;
  const questions = questionCount(result);
  console.log(
    `${file}: ${result.entries.length} entries, ${questions} questions, each asked as if the FAQ did not have its words ` +
      `(bands: answer ${thresholds.answer}, suggest ${thresholds.suggest}, hint ${thresholds.hint}).`,
  );
  console.log(
    `answered ${totals.answered} (${percent(totals.answered, questions)}), offered among choices ${totals.offered} (${percent(totals.offered, questions)}), ` +
      `taken for another entry ${totals.other} (${percent(totals.other, questions)}), handed to an operator ${totals['handed-over']} (${percent(totals['handed-over'], questions)})`,
  );
  const listed = weakestFirst(all ? result.entries : result.entries.filter(needsAttention));
  if (listed.length === 0) {
    console.log('Every question is answered when asked in other words, and every language has at least two.');
    return;
  }
  console.log(all ? '\nEntries, the least carried first:' : '\nEntries to look at, the least carried first:');
  const rows = listed.map((c) => [
    c.id,
    `${c.answered}/${c.variants.length}`,
    String(c.offered),
    String(c.handedOver),
    fewVariantLanguages(c).join(' ') || '–',
    takenFor(c).map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ') || '–',
  ]);
  const header = ['entry', 'answered', 'offered', 'handed over', 'few questions in', 'taken for'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

// The report is long: `| head` closing the pipe early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(EXIT_OK);
  throw err;
});

runFaqCli('faq-check', USAGE, OPTIONS, async (file, values, config) => {
  let entries;
  try {
    entries = await readFaqFile(file);
  } catch (err) {
    if (!(err instanceof FaqFileError)) throw err;
    console.error(`faq-check: ${err.message}`);
    return EXIT_FAILED;
  }
  const matcher = createMatcher();
  matcher.load(entries);
  const showProgress = process.stderr.isTTY && entries.length >= PROGRESS_EVERY;
  const result = await checkFaq(matcher, entries, config.thresholds, {
    progress: (done, total) => {
      if (showProgress && (done % PROGRESS_EVERY === 0 || done === total)) process.stderr.write(`\r  checked ${done}/${total} entries`);
    },
  });
  if (showProgress) process.stderr.write('\n');
  if (values.json === true) {
    for (const check of result.entries) console.log(JSON.stringify(check));
    console.log(JSON.stringify({ entries: result.entries.length, totals: result.totals }));
  } else {
    printReport(file, result, config.thresholds, values.all === true);
    const unnamed = unnamedTopicsLine(entries);
    if (unnamed) console.log(`\n${unnamed}`);
  }
  return EXIT_OK;
});
