/**
 * Time as a sender sees it: the pacing, the retries and the WhatsApp reconnect backoff take it
 * from here, so tests drive them with a manual clock instead of waiting real seconds.
 */
export interface Timers {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Runs `fn` after `ms`; the returned function cancels it. */
  schedule(fn: () => void, ms: number): () => void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  schedule(fn, ms) {
    const timer = setTimeout(fn, ms);
    // A pending retry or reconnect must not keep a stopping process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
