/**
 * Runs the alert sender in a process: a node-cron tick finds scheduled alerts that fell due (and
 * alerts another process left half-sent), and `kick()` starts an alert sent now without waiting
 * for the tick. Ticks may overlap a long delivery: the sender refuses an alert it is already
 * sending, and the lease keeps other processes off it.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { silentLogger, type Logger } from '../logging';
import type { AlertSender } from './sender';

export class AlertLoop {
  private task?: ScheduledTask;

  constructor(
    private readonly sender: AlertSender,
    private readonly expression = '* * * * *',
    private readonly log: Logger = silentLogger,
  ) {}

  start(): void {
    if (this.task) return;
    this.task = cron.schedule(this.expression, () => this.kick(), { name: 'alerts' });
    this.kick();
  }

  kick(): void {
    void this.sender.runDue().catch((error: unknown) => {
      this.log.warn({ err: error }, 'alerts could not be checked; retrying at the next tick');
    });
  }

  /** Stops the ticks and lets the sends in flight finish and be marked. */
  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = undefined;
    await this.sender.stop();
  }
}
