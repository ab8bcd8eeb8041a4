/**
 * Runs the alert sender in a process: a node-cron tick finds scheduled alerts that fell due (and
 * alerts another process left half-sent), and `kick()` starts an alert sent now without waiting
 * for the tick — also when the alert was sent from another process's console, which says so
 * through the event feed (`announceAlertsDue`). Ticks may overlap a long delivery: the sender
 * refuses an alert it is already sending, and the lease keeps other processes off it.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { EventBus } from '../events/bus';
import { silentLogger, type Logger } from '../logging';
import type { AlertSender } from './sender';

/** The feed event that says "an alert is due now: senders, look". Any alert: the sender checks them all. */
const ALERTS_DUE = { topic: 'alert', kind: 'due', subject: '*' } as const;

export interface AlertLoopOptions {
  /** node-cron expression of the tick; default every minute. */
  cron?: string;
  /** Alerts sent now from other processes start here at once. */
  bus?: EventBus;
  logger?: Logger;
}

export class AlertLoop {
  private task?: ScheduledTask;
  private stopListening?: () => void;
  private readonly log: Logger;

  constructor(
    private readonly sender: AlertSender,
    private readonly options: AlertLoopOptions = {},
  ) {
    this.log = options.logger ?? silentLogger;
  }

  start(): void {
    if (this.task) return;
    this.task = cron.schedule(this.options.cron ?? '* * * * *', () => this.kick(), { name: 'alerts' });
    this.stopListening = this.options.bus?.on(ALERTS_DUE.topic, (event) => {
      if (event.kind === ALERTS_DUE.kind) this.kick();
    });
    this.kick();
  }

  kick(): void {
    void this.sender.runDue().catch((error: unknown) => {
      this.log.warn({ err: error }, 'alerts could not be checked; retrying at the next tick');
    });
  }

  /** Stops the ticks and lets the sends in flight finish and be marked. */
  async stop(): Promise<void> {
    this.stopListening?.();
    await this.task?.destroy();
    this.task = undefined;
    await this.sender.stop();
  }
}

/**
 * "An alert is due now", for the console: starts this process's sender (when it has one) and tells
 * the other processes, whose senders start too.
 */
export function announceAlertsDue(bus: EventBus, local?: AlertLoop): { kick(): void } {
  return {
    kick() {
      local?.kick();
      void bus.publish(ALERTS_DUE);
    },
  };
}
