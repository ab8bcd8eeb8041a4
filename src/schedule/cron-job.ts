/**
 * A job that node-cron runs on a schedule. node-cron only decides *when* to look; `tick(now)` does
 * the work and takes the time as an argument, so tests drive it with a fake clock instead of
 * waiting. Ticks never overlap within a process (a tick asked for while one runs gets that one's
 * result), and a failed tick is logged and tried again at the next.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { silentLogger, type Logger } from '../logging';

export interface CronJobOptions {
  /** node-cron expression; default every minute. */
  cron?: string;
  /** The time a tick started by node-cron uses. */
  clock?: () => Date;
  logger?: Logger;
}

export class CronJob<R> {
  private readonly clock: () => Date;
  private readonly log: Logger;
  private task?: ScheduledTask;
  private running?: Promise<R>;

  /**
   * @param name the task's name for node-cron
   * @param work one tick's work
   * @param failed what the log says when a tick fails
   */
  constructor(
    private readonly name: string,
    private readonly work: (now: Date) => Promise<R>,
    private readonly failed: string,
    private readonly options: CronJobOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.log = options.logger ?? silentLogger;
  }

  tick(now: Date = this.clock()): Promise<R> {
    this.running ??= this.work(now).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Starts the ticks; with `now`, one runs at once (to catch up on what fell due while stopped). */
  start(now = false): void {
    if (this.task) return;
    this.task = cron.schedule(this.options.cron ?? '* * * * *', () => void this.tickLogged(), { name: this.name, noOverlap: true });
    if (now) void this.tickLogged();
  }

  /** Stops the ticks and waits for one in progress. */
  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = undefined;
    await this.running?.catch(() => undefined);
  }

  private async tickLogged(): Promise<void> {
    try {
      await this.tick();
    } catch (error) {
      this.log.warn({ err: error }, this.failed);
    }
  }
}
