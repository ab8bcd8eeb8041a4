/**
 * How the scripts read their command line and configuration and end: the exit codes staff, cron
 * jobs and CI rely on (0 done, 1 the work failed, 2 a usage or configuration error), options parsed
 * with the usage printed on a mistake or on -h/--help, and an error nothing caught said in one line.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../src/config';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** What `parseArgs(config)` gives: the options' values typed by their declarations, the positionals. */
export type CommandLine<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * The command line read by `config` (the process's arguments unless it gives `args`), or the exit
 * code to end with: `-h` or `--help` prints the usage (EXIT_OK); a mistake, such as an option the
 * script does not know or one missing its value, prints what was wrong and the usage (EXIT_USAGE).
 * `name`, when given, starts the error line ("staff-create: …"), as a script run by cron says who
 * is speaking. `config` declares no help option: this function answers it.
 */
export function readCommandLine<T extends ParseArgsConfig>(usage: string, config: T, name?: string): CommandLine<T> | number {
  const args = config.args ?? process.argv.slice(2);
  const ownArgs = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (ownArgs.includes('-h') || ownArgs.includes('--help')) {
    console.log(usage);
    return EXIT_OK;
  }
  try {
    // The same arguments the help was looked for in, whatever parseArgs would take by default.
    return parseArgs<T>({ ...config, args });
  } catch (error) {
    return usageMistake(usage, (error as Error).message, name);
  }
}

/**
 * A mistake in how a script was called, said as readCommandLine says one: what was wrong (after
 * `name`, when given), a blank line, the usage. Returns EXIT_USAGE to end with. For the checks a
 * script makes itself after parsing (a value out of range, two options that exclude each other).
 */
export function usageMistake(usage: string, message: string, name?: string): number {
  console.error(`${name === undefined ? '' : `${name}: `}${message}\n\n${usage}`);
  return EXIT_USAGE;
}

/**
 * The configuration from the environment (loadConfig), or EXIT_USAGE after saying what is wrong with
 * it ("staff-create: DATA_DIR …"): a configuration error is the caller's to fix, as a usage one is.
 */
export function readConfig(name: string): Config | number {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${name}: ${error.message}`);
    return EXIT_USAGE;
  }
}

/**
 * Runs a script's `main` and ends the process with the code it returns; an error nothing caught is
 * said in one line ("eval failed: …") and ends with EXIT_FAILED.
 */
export function runScript(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT_FAILED;
    },
  );
}
