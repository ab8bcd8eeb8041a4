/**
 * Queued tickets that wait too long: a node-cron tick (injectable clock) flags each ticket queued
 * longer than SLA_MINUTES, reminds the operators (a desk 'overdue' event: the console's event
 * stream, the operator group) and tells the resident honestly that the question is still queued.
 * Outside staffed hours the resident is told once when operators are back.
 *
 * "Once" holds across restarts and processes: each notice takes a never-renewed lease named after
 * the ticket in the store, and only the first taker sends it.
 */
import type { Translator } from '../i18n';
import type { Logger } from '../logging';
import { CronJob } from '../schedule/cron-job';
import type { Store, Ticket } from '../store/types';
import type { OperatorDesk } from './operator-desk';
import type { ReplyRelay } from './reply-relay';
import { isStaffed, localMoment, nextShiftStart, type StaffedHours } from './staffed-hours';

export interface SlaWatchOptions {
  store: Pick<Store, 'tickets' | 'audit' | 'leases'>;
  desk: OperatorDesk;
  relay: ReplyRelay;
  translator: Translator;
  slaMinutes: number;
  /** Absent: operators are always on duty. */
  hours?: StaffedHours;
  clock?: () => Date;
  /** node-cron expression; default every minute. */
  cron?: string;
  logger?: Logger;
}

export interface SlaTickResult {
  overdue: string[];
  toldOutOfHours: string[];
}

export class SlaWatch {
  private readonly job: CronJob<SlaTickResult>;

  constructor(private readonly options: SlaWatchOptions) {
    this.job = new CronJob('sla-watch', (now) => this.check(now), 'SLA check failed; tried again on the next tick', options);
  }

  /** Checks the queue at `now`; ticks never overlap within a process. */
  tick(now?: Date): Promise<SlaTickResult> {
    return this.job.tick(now);
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  private async check(now: Date): Promise<SlaTickResult> {
    const { store, desk, relay, translator: tr, slaMinutes, hours } = this.options;
    const result: SlaTickResult = { overdue: [], toldOutOfHours: [] };
    const queued = await store.tickets.list({ status: ['queued'] });
    const staffed = !hours || isStaffed(hours, now);
    for (const ticket of queued) {
      if (!staffed && hours && (await this.once(`ticket-hours:${ticket.id}`, now))) {
        const back = localMoment(hours, nextShiftStart(hours, now));
        const when = tr.t(ticket.lang, 'escalation.backAt', { day: tr.t(ticket.lang, `weekdays.${back.day}`), time: back.time });
        await relay.queue(ticket.channel, ticket.chatId, [{ text: tr.t(ticket.lang, 'escalation.outOfHours', { ticket: ticket.id, when }) }]);
        result.toldOutOfHours.push(ticket.id);
      }
      if (!this.late(ticket, now, slaMinutes)) continue;
      if (!(await this.once(`ticket-sla:${ticket.id}`, now))) continue;
      await desk.announceOverdue(ticket);
      await store.audit.record({ actor: 'system', action: 'ticket.overdue', target: ticket.id, detail: { slaMinutes } });
      // Out of hours the resident has just been told when operators return; no second notice.
      if (staffed) {
        await relay.queue(ticket.channel, ticket.chatId, [{ text: tr.t(ticket.lang, 'escalation.stillQueued', { ticket: ticket.id }) }]);
      }
      result.overdue.push(ticket.id);
    }
    return result;
  }

  private late(ticket: Ticket, now: Date, slaMinutes: number): boolean {
    return now.getTime() - ticket.createdAt.getTime() >= slaMinutes * 60_000;
  }

  /** True the first time ever (any process) this marker is taken. */
  private once(marker: string, now: Date): Promise<boolean> {
    return this.options.store.leases.once(marker, now);
  }
}
