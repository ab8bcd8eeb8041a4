/**
 * npm run bench:instructions -- [--messages N]
 *
 * The engine's work per message counted in CPU instructions instead of timed. These machines' pace
 * moves by a quarter between two passes of one `npm run bench` (and by half within an hour), so a
 * change of a few per cent cannot be seen in msgs/s; valgrind's callgrind counts the instructions a
 * process runs, which repeat within about 2 % for the same commit whatever else the machine does.
 * Compare two commits with it; `npm run bench` stays the measure of speed itself (instructions are
 * not time: a cache miss costs many).
 *
 * The demo FAQ's engine (state in memory, as in the evaluation) answers the bench's resident
 * messages (bench-queries.ts), a new conversation each: 2,000 to warm up, then N more. It runs
 * twice under callgrind, side by side, once without the N; the difference over N is the figure, so
 * starting Node, building the index and the warm-up are left out. So is V8's optimising compiler
 * (compilingInstructions): V8 runs here in its predictable mode, which compiles on the one thread
 * callgrind counts, and it was still compiling functions that grew hot well after the warm-up, a
 * third of the count at 8,000 messages and a fifth after 10,000 of warm-up, where the rest agreed
 * within 2 %; in production it compiles on a thread of its own. The last line is JSON.
 *
 * Needs valgrind (Debian: `apt-get install -y valgrind`). About four minutes on this kind of machine.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { residentQueries } from './bench-queries';
import { usageMistake } from './command-line';
import { wholeNumber } from './whole-number';
import { DEMO_FAQ_FILE } from '../src/config/project-root';
import { readFaqFile } from '../src/faq/file';
import { seededRandom } from '../src/matcher/seeded-random';
import { createOfflineEngine } from '../src/quality/offline-engine';

const WARM_UP = 2_000;
const DEFAULT_MESSAGES = 8_000;
/** Fewer, and what the count moves by between runs is more than a part of the engine costs. */
const MIN_MESSAGES = 500;

export const INSTRUCTIONS_USAGE = [
  'usage: npm run bench:instructions -- [--messages N]',
  `  --messages N   messages counted after ${WARM_UP} of warm-up (at least ${MIN_MESSAGES}; default ${DEFAULT_MESSAGES})`,
].join('\n');

export type InstructionsOptions = { help: true } | { help: false; messages: number; workload: boolean };

/** Thrown for options the count cannot run with; its message says which and why. */
export class InstructionsOptionsError extends Error {}

/**
 * `--workload N` is the driver's own call of this script under valgrind: answer the warm-up and N
 * messages, and nothing else.
 */
export function readInstructionsOptions(argv: readonly string[]): InstructionsOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { messages: { type: 'string' }, workload: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    throw new InstructionsOptionsError((error as Error).message);
  }
  if (values.help) return { help: true };
  if (values.workload !== undefined) {
    const messages = wholeNumber(values.workload);
    if (messages === undefined) throw new InstructionsOptionsError(`--workload takes a whole number of messages, not "${values.workload}"`);
    return { help: false, messages, workload: true };
  }
  const messages = values.messages === undefined ? DEFAULT_MESSAGES : wholeNumber(values.messages);
  if (messages === undefined || messages < MIN_MESSAGES) {
    throw new InstructionsOptionsError(`--messages takes a whole number of at least ${MIN_MESSAGES}, not "${values.messages}"`);
  }
  return { help: false, messages, workload: false };
}

/** The instructions callgrind counted, from what it printed at the end ("==12== I   refs:  15,620,946,759"). */
export function instructionsCounted(valgrindOutput: string): number | undefined {
  const found = /I\s+refs:\s+([\d,]+)/.exec(valgrindOutput);
  return found ? Number(found[1].replaceAll(',', '')) : undefined;
}

/** The demo FAQ's engine answering the warm-up and then `messages` more, a new conversation each. */
async function workload(messages: number): Promise<void> {
  const faq = await readFaqFile(DEMO_FAQ_FILE);
  const { engine, catalog, store } = createOfflineEngine(faq);
  await catalog.whenCalibrated();
  const texts = residentQueries(faq, WARM_UP + messages, seededRandom(7));
  for (let i = 0; i < texts.length; i++) await engine.handle({ channel: 'bench', chatId: `c${i}`, kind: 'text', text: texts[i] });
  await engine.drain();
  await store.close();
}

/**
 * The instructions V8's optimising compiler ran, from `callgrind_annotate --inclusive=yes` of a
 * run's output: the inclusive counts of its runtime entries (a function compiled when it grew hot,
 * and on stack replacement, while a loop runs). Undefined when neither is there (another V8 names
 * them otherwise, or nothing was compiled).
 */
export function compilingInstructions(annotated: string): number | undefined {
  let sum: number | undefined;
  for (const [, count] of annotated.matchAll(/^\s*([\d,]+)\s+\([^)]*\)\s+\S*?v8::internal::Runtime_CompileOptimized(?:OSR)?\(/gm)) {
    sum = (sum ?? 0) + Number(count.replaceAll(',', ''));
  }
  return sum;
}

class ValgrindError extends Error {}

/** One run's count: everything, and the optimising compiler's part of it (undefined: not found). */
interface Counted {
  all: number;
  compiling?: number;
}

/** This script under callgrind answering `messages` after the warm-up: the instructions it ran. */
async function countUnderValgrind(messages: number, outDir: string): Promise<Counted> {
  const outFile = path.join(outDir, `callgrind.${messages}.out`);
  const all = await runUnderValgrind(messages, outFile);
  return { all, compiling: compilingInstructions(await annotatedInclusive(outFile)) };
}

/** `callgrind_annotate --inclusive=yes` of a callgrind output file: every function, with what it and its callees ran. */
function annotatedInclusive(outFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('callgrind_annotate', ['--inclusive=yes', '--threshold=100', outFile], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(new ValgrindError(`callgrind_annotate could not read ${outFile}: ${error.message}`)) : resolve(stdout),
    );
  });
}

function runUnderValgrind(messages: number, outFile: string): Promise<number> {
  const args = [
    '--tool=callgrind',
    // V8 writes machine code and then runs it: valgrind must notice code that changes.
    '--smc-check=all-non-file',
    `--callgrind-out-file=${outFile}`,
    process.execPath,
    // As this script was started (under tsx, its loader).
    ...process.execArgv,
    // V8's predictable mode (one thread, the optimising compiler and the collector on it) and a fixed
    // hash seed (the same collisions in every Map): without them the count moved by 10 % between two
    // runs of one commit, with them by 2 %.
    '--predictable',
    '--hash-seed=1',
    __filename,
    '--workload',
    String(messages),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // The end is kept: the count, or the last of a crash's story.
      output = (output + chunk).slice(-20_000);
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new ValgrindError('valgrind is not installed here (Debian: apt-get install -y valgrind)') : error),
    );
    child.on('close', (code) => {
      const counted = instructionsCounted(output);
      if (code === 0 && counted !== undefined) resolve(counted);
      else reject(new ValgrindError(`valgrind ended with code ${code} without a count:\n${output.split('\n').slice(-15).join('\n')}`));
    });
  });
}

async function main(): Promise<void> {
  let options: InstructionsOptions;
  try {
    options = readInstructionsOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof InstructionsOptionsError)) throw error;
    process.exitCode = usageMistake(INSTRUCTIONS_USAGE, error.message, 'bench:instructions');
    return;
  }
  if (options.help) {
    console.log(INSTRUCTIONS_USAGE);
    return;
  }
  if (options.workload) {
    await workload(options.messages);
    return;
  }
  const { messages } = options;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpline-instructions-'));
  const started = Date.now();
  console.error(`counting instructions under valgrind: two runs side by side (${WARM_UP} messages, and ${WARM_UP} + ${messages}); about four minutes…`);
  try {
    const [warmUpOnly, withMessages] = await Promise.all(
      [0, messages].map(async (n) => {
        const counted = await countUnderValgrind(n, outDir);
        const compiling = counted.compiling === undefined ? '' : `, ${counted.compiling.toLocaleString('en')} of them the optimising compiler's`;
        console.error(`  the run with ${WARM_UP} + ${n} messages: ${counted.all.toLocaleString('en')} instructions${compiling} (${Math.round((Date.now() - started) / 1000)} s)`);
        return counted;
      }),
    );
    const compiling =
      warmUpOnly.compiling === undefined || withMessages.compiling === undefined
        ? undefined
        : Math.round((withMessages.compiling - warmUpOnly.compiling) / messages);
    const perMessage = Math.round((withMessages.all - warmUpOnly.all) / messages) - (compiling ?? 0);
    const compiler =
      compiling === undefined
        ? "V8's optimising compiler included (callgrind_annotate named none of its entries)"
        : `V8's optimising compiler left out (it ran ${compiling.toLocaleString('en')} more a message here, still compiling; in production on a thread of its own)`;
    console.log(
      `instructions per message: ${perMessage.toLocaleString('en')} — the demo FAQ's engine, state in memory, ${messages} messages after ` +
        `${WARM_UP} of warm-up, ${compiler} (callgrind; the same commit repeats this within about 2 %, whatever the machine's pace)`,
    );
    console.log(
      JSON.stringify({
        instructions_per_message: perMessage,
        compiler_instructions_per_message: compiling ?? null,
        messages,
        warm_up: WARM_UP,
        instructions: { warm_up_only: warmUpOnly.all, with_messages: withMessages.all },
        compiler_instructions: compiling === undefined ? null : { warm_up_only: warmUpOnly.compiling, with_messages: withMessages.compiling },
      }),
    );
  } catch (error) {
    if (!(error instanceof ValgrindError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`bench:instructions failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
