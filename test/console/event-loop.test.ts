/**
 * Password hashing and FAQ file parsing run on worker threads: while 30 staff log in at once and a
 * large (and, at its end, broken) FAQ file is parsed, the bot's event loop stays free, seen here as
 * /healthz answering promptly all along. The bound is generous (a quarter of the time the work
 * takes; parsed on the event loop, the file alone holds it for about that long), so a loaded machine
 * cannot fail it; speed figures belong in `npm run bench`.
 *
 * The work runs in a process of its own (test/support/console-load-process.ts says why).
 */
import type { ConsoleLoadRun } from '../support/console-load-process';
import { runTs } from '../support/run-ts';

/** As many as the process logs in (its LOGINS); a number here, so this process loads none of the console's code. */
const LOGINS = 30;

describe('the event loop during logins and a large import', () => {
  it('/healthz answers within a quarter of the time 30 parallel logins and a 1.9 MB import take', async () => {
    const result = await runTs('test/support/console-load-process.ts', [], {});
    if (result.code !== 0) throw new Error(`the console process failed (exit ${result.code}): ${result.stderr}`);
    const run = JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as ConsoleLoadRun;

    expect(run.fileMb).toBeGreaterThan(1.85);
    expect(run.loginStatuses).toEqual(Array(LOGINS).fill(200));
    expect(run.importStatus).toBe(400);
    expect(run.healthStatuses.every((s) => s === 200)).toBe(true);
    const slowest = Math.max(...run.healthMs);
    // A failure shows both figures (the slowest answer against a quarter of the time the work took).
    expect(Math.round(slowest)).toBeLessThan(Math.round(run.tookMs / 4));
    expect(run.healthMs.length).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
