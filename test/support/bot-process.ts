/**
 * The bot as a separate process (`src/main.ts`, whose build `npm start` runs), for tests that kill
 * it the hard way. Node loads tsx in the same process (`--import tsx`): the `tsx` command would
 * start the bot as a child of its own, which a SIGKILL of the command would leave running. Only
 * PATH, HOME and the given environment reach it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './run-ts';

export interface BotProcess {
  readonly child: ChildProcess;
  /** What it wrote to stderr so far (its log lines), for a failing test's message. */
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  /** SIGKILL: no shutdown of any kind, as when the machine or the OOM killer takes it. */
  kill9(): Promise<void>;
  /** SIGTERM, and waits for the graceful stop. */
  stop(): Promise<void>;
}

export function startBotProcess(env: NodeJS.ProcessEnv): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    stderr: () => stderr,
    exited,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
