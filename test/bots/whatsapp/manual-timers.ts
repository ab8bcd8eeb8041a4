/** A clock that moves only when the test says so, with the sleeps and timers waiting on it. */
import type { Timers } from '../../../bots/whatsapp';

interface Wake {
  at: number;
  seq: number;
  fn: () => void;
}

export class ManualTimers implements Timers {
  private t: number;
  private wakes: Wake[] = [];
  private seq = 0;

  constructor(start = Date.parse('2022-01-10T12:00:00Z')) {
    this.t = start;
  }

  now = (): number => this.t;

  sleep = (ms: number): Promise<void> => new Promise((resolve) => this.schedule(resolve, ms));

  schedule = (fn: () => void, ms: number): (() => void) => {
    const wake = { at: this.t + Math.max(0, ms), seq: ++this.seq, fn };
    this.wakes.push(wake);
    return () => {
      this.wakes = this.wakes.filter((w) => w !== wake);
    };
  };

  /** When the next timer is due, or undefined when none is waiting. */
  get next(): number | undefined {
    return this.wakes.length > 0 ? Math.min(...this.wakes.map((w) => w.at)) : undefined;
  }

  /** Moves the clock to the next timer and runs every timer due then; false when none waits. */
  advanceToNext(): boolean {
    const at = this.next;
    if (at === undefined) return false;
    this.t = Math.max(this.t, at);
    const due = this.wakes.filter((w) => w.at <= this.t).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.wakes = this.wakes.filter((w) => w.at > this.t);
    for (const w of due) w.fn();
    return true;
  }

  /** Moves the clock by `ms`, running the timers due on the way, in order. */
  advance(ms: number): void {
    const until = this.t + ms;
    while (this.next !== undefined && (this.next as number) <= until) this.advanceToNext();
    this.t = until;
  }
}

/** Lets promise chains and I/O callbacks already queued run (no time passes on any clock). */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs the program until `done()` holds: lets queued work run, and when nothing is left moves the
 * manual clock to the next timer; with no timer waiting either, gives real I/O (a file write) a
 * moment. Fails naming `what` if it does not hold within `timeoutMs` of real time.
 */
export async function runUntil(timers: ManualTimers, done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done()) return;
    await settle();
    if (done()) return;
    if (!timers.advanceToNext()) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`never happened: ${what}`);
}
