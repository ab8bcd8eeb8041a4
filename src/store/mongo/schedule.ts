/** Scheduled FAQ changes (MongoDB). */
import type { ScheduleBackend } from '../backend';
import { faqInputOf } from '../faq-content';
import { pick, withPresent } from '../records';
import { ticketNumber } from '../ticket-id';
import type { ScheduledChange, ScheduledChangeInput, ScheduledChangeStatus } from '../types';
import type { MongoDb } from './db';
import type { ScheduledDoc } from './schemas';

/** Dates inside the Mixed `entry` come back as Date from the driver; an absent optional stays absent. */
function scheduledFromDoc(doc: ScheduledDoc): ScheduledChange {
  const change = { id: String(doc._id), ...pick(doc, ['faqId', 'action', 'runAt', 'createdBy', 'createdAt', 'status']) };
  return withPresent<ScheduledChange>(change, { entry: doc.entry ? faqInputOf(doc.entry) : null, ...pick(doc, ['finishedAt', 'error']) });
}

export class MongoSchedule implements ScheduleBackend {
  constructor(private readonly d: MongoDb) {}

  async insert(input: ScheduledChangeInput, createdAt: Date): Promise<ScheduledChange> {
    const doc: ScheduledDoc = withPresent<ScheduledDoc>(
      { _id: await this.d.next('scheduled_change'), faqId: input.faqId, action: input.action, runAt: input.runAt, createdBy: input.createdBy, createdAt, status: 'pending' },
      { entry: input.entry },
    );
    await this.d.m.scheduled.create([doc]);
    return scheduledFromDoc(doc);
  }

  async list(filter: { status?: ScheduledChangeStatus[] }): Promise<ScheduledChange[]> {
    return this.find(filter.status ? { status: { $in: filter.status } } : {});
  }

  async due(now: Date): Promise<ScheduledChange[]> {
    return this.find({ status: 'pending', runAt: { $lte: now } });
  }

  async finish(id: string, status: Exclude<ScheduledChangeStatus, 'pending'>, at: Date, error?: string): Promise<boolean> {
    const n = ticketNumber(id);
    if (n === undefined) return false;
    const $set: Record<string, unknown> = { status, finishedAt: at };
    if (error !== undefined) $set.error = error;
    return (await this.d.m.scheduled.updateOne({ _id: n, status: 'pending' }, { $set })).modifiedCount > 0;
  }

  private async find(query: Record<string, unknown>): Promise<ScheduledChange[]> {
    return (await this.d.m.scheduled.find(query).sort({ runAt: 1, _id: 1 }).lean<ScheduledDoc[]>()).map(scheduledFromDoc);
  }
}
