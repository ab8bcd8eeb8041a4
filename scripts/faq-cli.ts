/**
 * What the FAQ scripts share: argument parsing with `--help`, one FILE argument, configuration, and
 * the exit codes staff and cron jobs rely on — 0 done, 1 the work failed (nothing changed),
 * 2 usage or configuration error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../src/config';

type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * Parses the arguments (adding -h/--help), handles usage errors, loads the configuration and runs `body`
 * with the FILE argument; sets the process exit code from its result.
 */
export function runFaqCli(
  name: string,
  usage: string,
  options: Options,
  body: (file: string, values: Values, config: Config) => Promise<number>,
): void {
  const main = async (): Promise<number> => {
    let args;
    try {
      args = parseArgs({
        args: process.argv.slice(2),
        allowPositionals: true,
        options: { ...options, help: { type: 'boolean', short: 'h', default: false } },
      });
    } catch (err) {
      console.error(`${name}: ${(err as Error).message}\n\n${usage}`);
      return EXIT_USAGE;
    }
    if (args.values.help) {
      console.log(usage);
      return EXIT_OK;
    }
    if (args.positionals.length !== 1) {
      console.error(`${name}: expected exactly one FILE, got ${args.positionals.length}\n\n${usage}`);
      return EXIT_USAGE;
    }
    let config: Config;
    try {
      config = loadConfig();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      console.error(`${name}: ${err.message}`);
      return EXIT_USAGE;
    }
    return body(args.positionals[0], args.values, config);
  };
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(`${name}: unexpected error:`, err);
      process.exitCode = EXIT_FAILED;
    },
  );
}
