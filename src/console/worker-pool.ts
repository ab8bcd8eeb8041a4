/**
 * A small pool of worker threads for CPU-heavy work that must not stall the bot's event loop
 * (bcrypt, parsing a large FAQ file): while a worker grinds, the loop keeps answering residents,
 * /healthz and the other staff.
 *
 * Tasks are plain messages `{ kind, args }`; the worker module answers them with the functions it
 * registered through `serveTasks`. Workers start on first use, one task at a time each, and stop
 * after a while without work, so an idle process holds no threads. Only a worker with a task keeps
 * the process alive, and a worker that dies fails only its own task; the next task starts a new one.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** The functions a worker module offers: each takes and returns structured-cloneable values. */
export type TaskTable = Record<string, (...args: never[]) => unknown>;

interface Request {
  id: number;
  kind: string;
  args: unknown[];
}

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

interface Job {
  request: Request;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  idle?: NodeJS.Timeout;
}

/** Marks a thread started by a pool, so a module knows to serve tasks only there. */
const POOL_MARK = 'helpline-worker-pool';

export interface WorkerPoolOptions {
  /**
   * Threads at most; default one fewer than the cores (the event loop keeps one), but 2 to 4, so
   * that one long job (a large file) does not hold up every login.
   */
  size?: number;
  /** A worker with nothing to do stops after this long. */
  idleMs?: number;
}

/**
 * The options a worker needs to load `file`: compiled JavaScript runs as it is; a TypeScript source
 * (tests, `tsx`) is loaded through tsx's CommonJS hook, which the worker does not inherit.
 */
function workerOptions(file: string): { execArgv?: string[]; workerData: unknown } {
  const execArgv = file.endsWith('.ts') ? ['--require', require.resolve('tsx/cjs')] : undefined;
  return { execArgv, workerData: { [POOL_MARK]: true } };
}

export class WorkerPool<T extends TaskTable> {
  private readonly size: number;
  private readonly idleMs: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;

  /** `file`: the absolute path of a module that calls `serveTasks` with the same table type. */
  constructor(
    private readonly file: string,
    options: WorkerPoolOptions = {},
  ) {
    this.size = options.size ?? Math.min(4, Math.max(2, availableParallelism() - 1));
    this.idleMs = options.idleMs ?? 10_000;
  }

  /**
   * Runs `kind` with `args` on a worker thread and resolves its result.
   *
   * @example await pool.run('hash', 'secret', 12)
   */
  run<K extends keyof T & string>(kind: K, ...args: Parameters<T[K]>): Promise<Awaited<ReturnType<T[K]>>> {
    return new Promise((resolve, reject) => {
      const request: Request = { id: this.nextId++, kind, args };
      this.queue.push({ request, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; tasks still running or queued fail. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error('The worker pool was closed'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, new Error('The worker pool was closed'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((s) => !s.job) ?? (this.slots.size < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const job = this.queue.shift() as Job;
      clearTimeout(slot.idle);
      slot.idle = undefined;
      slot.job = job;
      // A worker keeps the process alive only while it has work, like any pending I/O.
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.file, workerOptions(this.file));
    const slot: Slot = { worker };
    worker.on('message', (answer: Answer) => {
      const job = slot.job;
      if (!job || job.request.id !== answer.id) return;
      slot.job = undefined;
      if (answer.ok) job.resolve(answer.value);
      else job.reject(new Error(answer.message));
      this.rest(slot);
      this.dispatch();
    });
    // A crashed worker fails its task; the others and the next tasks carry on.
    worker.on('error', (error) => void this.retire(slot, error));
    worker.on('exit', (code) => void this.retire(slot, new Error(`A worker thread stopped (exit code ${code})`)));
    // After the listeners (adding one refs the worker again): idle, it does not hold the process.
    worker.unref();
    this.slots.add(slot);
    return slot;
  }

  /** Stops an idle worker after `idleMs` unless work comes first. */
  private rest(slot: Slot): void {
    slot.worker.unref();
    if (this.queue.length > 0) return;
    slot.idle = setTimeout(() => void this.retire(slot), this.idleMs);
    slot.idle.unref();
  }

  private async retire(slot: Slot, error?: Error): Promise<void> {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.idle);
    if (slot.job) slot.job.reject(error ?? new Error('A worker thread stopped'));
    slot.job = undefined;
    await slot.worker.terminate();
    this.dispatch();
  }
}

/**
 * Serves `tasks` when this module runs as a pool's worker thread; does nothing elsewhere (the same
 * module is imported on the main thread for its types and its client).
 */
export function serveTasks(tasks: TaskTable): void {
  const port = parentPort;
  if (!port || !(workerData as Record<string, unknown> | null)?.[POOL_MARK]) return;
  port.on('message', async (request: Request) => {
    let answer: Answer;
    try {
      const task = tasks[request.kind] as ((...args: unknown[]) => unknown) | undefined;
      if (!task) throw new Error(`No task "${request.kind}" in this worker`);
      answer = { id: request.id, ok: true, value: await task(...request.args) };
    } catch (error) {
      answer = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
  });
}
