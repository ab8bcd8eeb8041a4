/**
 * What the FAQ scripts share: their options (with `--help`), one FILE argument and configuration,
 * ending with the exit codes of command-line.ts (0 done, 1 the work failed and nothing changed, 2 a
 * usage or configuration error).
 */
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../src/config';
import { EXIT_FAILED, readCommandLine, readConfig, usageMistake } from './command-line';

type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

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
    const args = readCommandLine(usage, { allowPositionals: true, options }, name);
    if (typeof args === 'number') return args;
    if (args.positionals.length !== 1) {
      return usageMistake(usage, `expected exactly one FILE, got ${args.positionals.length}`, name);
    }
    const config = readConfig(name);
    if (typeof config === 'number') return config;
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
