/**
 * `npm run bench`'s options, read and checked before any measurement starts: a misspelt option or
 * a count that is no whole number is refused with the usage, not met with a stack trace or quietly
 * replaced by the default halfway through a minute of measuring.
 */
import { parseArgs } from 'node:util';
import { wholeNumber } from './whole-number';

/**
 * Messages per measurement on the demo FAQ by default, half of them in each of its three passes:
 * 90 of them above the p99 (60 at 10,000 entries, which take at most 4,000). With 10,000 the
 * default run took 59–70 s here (machine reference 42–49 ms, the demo's three measurements 15 s of
 * it); with 6,000 and the two comparisons in memory that `--more-in-memory` now adds, 58–63 s; with
 * neither, 45–50 s: under a minute with room for this kind of machine's slow hours.
 */
export const DEFAULT_MESSAGES = 6_000;
const MIN_MESSAGES = 1_000;
const DEFAULT_LOGINS = 16;
const MIN_SUBSCRIBERS = 100;

export const BENCH_USAGE = [
  'usage: npm run bench -- [--messages N] [--alert-subscribers N] [--console-logins N] [--delivery-long] [--more-in-memory]',
  `  --messages N           messages per measurement on the demo FAQ (at least ${MIN_MESSAGES}; default ${DEFAULT_MESSAGES}), half of them per pass`,
  `  --alert-subscribers N  adds the alert fan-out to N subscribers (at least ${MIN_SUBSCRIBERS})`,
  `  --console-logins N     staff logging in at once while /healthz is timed (default ${DEFAULT_LOGINS})`,
  '  --delivery-long        longer delivery runs, and kill -9 during a burst of 1,000',
  '  --more-in-memory       adds the demo FAQ with learned wordings and the 10,000 entries, state in memory',
].join('\n');

export interface BenchOptions {
  messages: number;
  /** 0: no alert fan-out. */
  alertSubscribers: number;
  consoleLogins: number;
  deliveryLong: boolean;
  moreInMemory: boolean;
  /** Any option was given: the run is not the default run its time target is for. */
  given: boolean;
  help: boolean;
}

/** Thrown for options the bench cannot run with; its message says which and why. */
export class BenchOptionsError extends Error {}

export function readBenchOptions(argv: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        messages: { type: 'string' },
        'alert-subscribers': { type: 'string' },
        'console-logins': { type: 'string' },
        'delivery-long': { type: 'boolean' },
        'more-in-memory': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BenchOptionsError((error as Error).message);
  }
  return {
    messages: count('--messages', values.messages, MIN_MESSAGES) ?? DEFAULT_MESSAGES,
    alertSubscribers: count('--alert-subscribers', values['alert-subscribers'], MIN_SUBSCRIBERS) ?? 0,
    consoleLogins: count('--console-logins', values['console-logins'], 1) ?? DEFAULT_LOGINS,
    deliveryLong: values['delivery-long'] === true,
    moreInMemory: values['more-in-memory'] === true,
    given: argv.length > 0,
    help: values.help === true,
  };
}

/** A whole number of at least `min`, or undefined when the option was not given. */
function count(option: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = wholeNumber(value);
  if (n === undefined || n < min) {
    throw new BenchOptionsError(`${option} takes a whole number of at least ${min}, not "${value}"`);
  }
  return n;
}
