/**
 * A second bot process for the tests that need two (`answer-process.ts` run with tsx on the same
 * data folder): started, waited for, then asked questions as residents would.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { ROOT } from './run-ts';
import { waitFor } from './wait';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface OtherProcess {
  /** Sends a resident's first message in a new chat; resolves the bot's first reply. */
  ask(text: string): Promise<string>;
  stop(): void;
}

/** Starts the other process with only `env` (and PATH, HOME) and resolves once it is ready. */
export async function startOtherProcess(env: NodeJS.ProcessEnv): Promise<OtherProcess> {
  const child = spawn(TSX, [path.join('test', 'support', 'answer-process.ts')], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  let ready = false;
  waiting.push(() => (ready = true));
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`the other process exited: ${stderr}`);
      return ready;
    },
    'the other process to start',
    20_000,
  );
  return {
    ask: (text) =>
      new Promise((resolve) => {
        waiting.push((line) => resolve((JSON.parse(line) as { text: string }).text));
        child.stdin.write(`${text}\n`);
      }),
    stop() {
      child.stdin.end();
      child.kill();
    },
  };
}
