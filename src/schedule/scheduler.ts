/**
 * Applies scheduled FAQ changes when they fall due ("curfew 21:00–07:00 from 18 January 00:00").
 *
 * Every bot process runs a scheduler; a lease in the store lets only one of them act at a time, and
 * applying a change is idempotent (saving content that is already current changes nothing), so a
 * process killed between "saved" and "marked done" leaves nothing twice when the next one retries.
 * The pending changes live in the store, so the schedule survives restarts: a change that fell due
 * while every process was down is applied at the first tick after start.
 *
 * Ticks come from a CronJob (every minute by default); `tick(now)` takes the time as an argument,
 * so tests drive it with a fake clock instead of waiting.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { silentLogger, type Logger } from '../logging';
import type { ScheduledChange, Store } from '../store/types';
import { CronJob } from './cron-job';

/** The lease's name in the store. */
export const SCHEDULE_LEASE = 'faq-schedule';

export interface FaqSchedulerOptions {
  store: Pick<Store, 'faq' | 'schedule' | 'leases'>;
  /** The time a tick started by node-cron uses; tests pass their own to `tick`. */
  clock?: () => Date;
  /** Who holds the lease; unique per process by default. */
  holder?: string;
  /** How long the lease lasts after each tick; longer than one tick takes. Default 2 minutes. */
  leaseMs?: number;
  /** node-cron expression for automatic ticks; default every minute. */
  cron?: string;
  logger?: Logger;
}

export interface TickResult {
  /** False when another process holds the lease (it does the work). */
  leader: boolean;
  applied: string[];
  failed: string[];
}

export class FaqScheduler {
  readonly holder: string;
  private readonly store: FaqSchedulerOptions['store'];
  private readonly leaseMs: number;
  private readonly log: Logger;
  private readonly job: CronJob<TickResult>;

  constructor(options: FaqSchedulerOptions) {
    this.store = options.store;
    this.holder = options.holder ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.log = options.logger ?? silentLogger;
    this.job = new CronJob('faq-schedule', (now) => this.runTick(now), 'scheduled FAQ changes could not be checked; retrying at the next tick', options);
  }

  /**
   * Applies every change due at `now` if this process holds (or can take) the lease. Ticks never
   * overlap within a process: a tick asked for while one runs waits for it and returns its result.
   *
   * @example const { applied } = await scheduler.tick(new Date('2022-01-18T00:00:00+06:00'));
   */
  tick(now?: Date): Promise<TickResult> {
    return this.job.tick(now);
  }

  /** Starts automatic ticks (node-cron) and runs one at once, to catch up on changes due while down. */
  start(): void {
    this.job.start(true);
  }

  /** Stops the automatic ticks, waits for a tick in progress and gives the lease up. */
  async stop(): Promise<void> {
    await this.job.stop();
    await this.store.leases.release(SCHEDULE_LEASE, this.holder).catch(() => undefined);
  }

  private async runTick(now: Date): Promise<TickResult> {
    const until = new Date(now.getTime() + this.leaseMs);
    if (!(await this.store.leases.acquire(SCHEDULE_LEASE, this.holder, now, until))) {
      return { leader: false, applied: [], failed: [] };
    }
    const result: TickResult = { leader: true, applied: [], failed: [] };
    for (const change of await this.store.schedule.due(now)) {
      try {
        await this.apply(change);
        if (await this.store.schedule.finish(change.id, 'done', now)) result.applied.push(change.id);
        this.log.info({ change: change.id, faq: change.faqId, action: change.action }, 'scheduled FAQ change applied');
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await this.store.schedule.finish(change.id, 'failed', now, message);
        result.failed.push(change.id);
        this.log.warn({ change: change.id, faq: change.faqId, error: message }, 'scheduled FAQ change failed');
      }
    }
    return result;
  }

  /** Saving identical content and deleting a deleted entry change nothing: applying twice is harmless. */
  private async apply(change: ScheduledChange): Promise<void> {
    const by = `schedule:${change.createdBy}`;
    if (change.action === 'delete') {
      await this.store.faq.delete(change.faqId, by);
      return;
    }
    if (!change.entry) throw new Error('the scheduled change has no entry to save');
    await this.store.faq.save(change.entry, by);
  }
}
