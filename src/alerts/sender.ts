/**
 * Delivers alerts as durable jobs. Every recipient has a row in the store; the sender takes a
 * channel's pending rows in batches, sends one, and marks it at once, so a restart resumes with
 * the rows still pending. A lease per alert (`alert:<id>`) lets exactly one process send an alert
 * while several run; it is renewed while sending and a sender that loses it stops.
 *
 * What "no duplicates" rests on: a row is marked right after its send returns. A process killed
 * between the two (milliseconds) would resend that one message per channel on resume; there is no
 * way to ask Telegram whether a message went out, so that window is narrowed, not closed.
 */
import { FALLBACK_LANG, LANGS, type Lang } from '../i18n/languages';
import { maskId, silentLogger, type Logger } from '../logging';
import type { Alert, AlertRecipient, Store } from '../store/types';

/** What one send came to. 'retry': the platform is unreachable now; the row stays pending. */
export type DeliveryOutcome = { status: 'sent' } | { status: 'blocked' | 'failed' | 'retry'; reason: string };

/** A channel's way of sending one alert text to one chat, paced by the channel. */
export interface AlertTransport {
  deliver(chatId: string, text: string): Promise<DeliveryOutcome>;
}

export interface AlertSenderOptions {
  store: Pick<Store, 'alerts' | 'leases'>;
  /** By channel name ('telegram', 'whatsapp'); recipients of other channels wait for a process that has theirs. */
  transports: ReadonlyMap<string, AlertTransport>;
  /** This process, as the lease holder. */
  holder: string;
  /** How long a lease lasts without renewal (ms). Default 60 s. */
  leaseMs?: number;
  /** Rows read per store query. Default 200. */
  batchSize?: number;
  clock?: () => Date;
  logger?: Logger;
}

export type DeliveryResult = 'done' | 'cancelled' | 'busy' | 'stopped' | 'incomplete';

/** The text for a recipient: their language, else Russian, else whatever the alert has. */
export function alertText(alert: Alert, lang: Lang): string {
  return alert.text[lang] ?? alert.text[FALLBACK_LANG] ?? LANGS.map((l) => alert.text[l]).find(Boolean) ?? '';
}

export class AlertSender {
  private readonly store: AlertSenderOptions['store'];
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly clock: () => Date;
  private readonly log: Logger;
  private stopping = false;
  private readonly running = new Set<Promise<unknown>>();
  private readonly inProgress = new Set<string>();

  constructor(private readonly options: AlertSenderOptions) {
    this.store = options.store;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 200;
    this.clock = options.clock ?? (() => new Date());
    this.log = options.logger ?? silentLogger;
  }

  /**
   * One tick: starts scheduled alerts that are due and delivers every alert being sent (also one
   * left half-sent by a process that stopped). Several processes may call it; leases sort them out.
   */
  async runDue(): Promise<void> {
    const now = this.clock();
    for (const alert of await this.store.alerts.list({ status: ['scheduled'] })) {
      if (alert.runAt.getTime() <= now.getTime()) await this.store.alerts.start(alert.id);
    }
    const sending = await this.store.alerts.list({ status: ['sending'] });
    await Promise.all(sending.map((a) => this.deliver(a.id)));
  }

  /**
   * Sends the pending rows of one alert, holding its lease while at it. The lease renews for the
   * same holder, so within one process a second call for an alert in progress is refused here.
   */
  deliver(alertId: string): Promise<DeliveryResult> {
    if (this.inProgress.has(alertId)) return Promise.resolve('busy');
    this.inProgress.add(alertId);
    const job = this.deliverHeld(alertId).finally(() => this.inProgress.delete(alertId));
    this.running.add(job);
    void job.then(
      () => this.running.delete(job),
      () => this.running.delete(job),
    );
    return job;
  }

  /** Stops after the sends in flight (each still marked); the rest stays pending for a later run. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }

  private async deliverHeld(alertId: string): Promise<DeliveryResult> {
    const lease = `alert:${alertId}`;
    if (!(await this.renew(lease))) return 'busy';
    let lost = false;
    // Renewed on a timer, not per send: a slow channel (WhatsApp) must not let the lease lapse.
    const timer = setInterval(() => {
      void this.renew(lease).then(
        (ok) => (lost ||= !ok),
        () => (lost = true),
      );
    }, this.leaseMs / 3);
    try {
      const live = () => !this.stopping && !lost;
      const results = await Promise.all(
        [...this.options.transports].map(([channel, transport]) => this.deliverChannel(alertId, channel, transport, live)),
      );
      if (this.stopping) return 'stopped';
      if (lost) return 'busy';
      if (results.includes('cancelled')) return 'cancelled';
      if ((await this.store.alerts.pendingRecipients(alertId, 1)).length > 0) return 'incomplete';
      await this.store.alerts.finish(alertId, 'done');
      this.log.info({ alert: alertId }, 'alert delivered');
      return 'done';
    } finally {
      clearInterval(timer);
      await this.store.leases.release(lease, this.options.holder);
    }
  }

  private async deliverChannel(
    alertId: string,
    channel: string,
    transport: AlertTransport,
    live: () => boolean,
  ): Promise<'drained' | 'cancelled' | 'paused'> {
    for (;;) {
      const batch = await this.store.alerts.pendingRecipients(alertId, this.batchSize, channel);
      if (batch.length === 0) return 'drained';
      for (const recipient of batch) {
        if (!live()) return 'paused';
        // Re-read per send: a cancel from the console takes effect before the next message.
        const alert = await this.store.alerts.get(alertId);
        if (!alert || alert.status !== 'sending') return 'cancelled';
        const outcome = await this.send(transport, alert, recipient);
        if (outcome.status === 'retry') {
          this.log.warn({ alert: alertId, channel, reason: outcome.reason }, 'alert channel unavailable; will resume');
          return 'paused';
        }
        await this.store.alerts.markRecipient(alertId, channel, recipient.chatId, outcome.status, outcome.status === 'sent' ? undefined : outcome.reason);
      }
    }
  }

  private async send(transport: AlertTransport, alert: Alert, r: AlertRecipient): Promise<DeliveryOutcome> {
    try {
      return await transport.deliver(r.chatId, alertText(alert, r.lang));
    } catch (error) {
      // A transport should classify its errors; an unexpected one fails this recipient only.
      this.log.warn({ alert: alert.id, chat: maskId(r.chatId), err: String(error) }, 'alert send threw');
      return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private async renew(lease: string): Promise<boolean> {
    const now = this.clock();
    return this.store.leases.acquire(lease, this.options.holder, now, new Date(now.getTime() + this.leaseMs));
  }
}
