/** What the bench's parts share to turn measurements into figures. */

/** `n` rounded to `digits` decimals. */
export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** The `p` quantile (0–1) of values sorted ascending, nearest rank below; NaN for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

/**
 * A fixed piece of work that is none of the bot's code, timed: strings split with a pattern, keyed
 * in a Map and looked up again, the kind of work a message costs. The machines this runs on are
 * shared and their speed moves by half within an hour (the same commit measured 2,300 and 4,350
 * msgs/s on one afternoon); the bench times this before and after its figures, so a reader can
 * tell the machine's pace from the code's. Median of five runs, in ms; lower is a faster machine.
 */
export function machineReference(): number {
  const words = 'когда начинается комендантский час работают ли банки в субботу when will the internet be back қашан ашылады'.split(' ');
  const runs: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = process.hrtime.bigint();
    const seen = new Map<string, number>();
    let found = 0;
    for (let i = 0; i < 15_000; i += 1) {
      const text = `${words[i % words.length]} ${i} ${words[(i * 7) % words.length]}`;
      for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
        seen.set(`${word}:${i % 5_000}`, i);
        if (seen.has(`${word}:${(i * 31) % 5_000}`)) found += 1;
      }
    }
    runs.push(Number(process.hrtime.bigint() - started) / 1e6 + (found < 0 ? 1 : 0));
  }
  runs.sort((a, b) => a - b);
  return round(runs[2], 1);
}
