/** Hourly message outcome counts (MongoDB): one document per hour, channel, language, outcome and detail, moved with `$inc`. */
import type { OutcomeBackend } from '../backend';
import { withPresent } from '../records';
import type { OutcomeCount } from '../types';
import type { MongoDb } from './db';
import type { OutcomeDoc } from './schemas';

export class MongoOutcomes implements OutcomeBackend {
  constructor(private readonly d: MongoDb) {}

  async increment(counts: readonly OutcomeCount[]): Promise<void> {
    const operations = counts.map((c) => ({
      updateOne: {
        filter: { hour: c.hour, channel: c.channel, lang: c.lang, outcome: c.outcome, detail: c.detail ?? '' },
        update: { $inc: { count: c.count } },
        upsert: true,
      },
    }));
    // One batch, in a transaction where the server has them: all or none of the counts.
    await this.d.atomically((session) => this.d.m.outcomes.bulkWrite(operations, { ordered: true, session }));
  }

  async between(from: Date, to: Date): Promise<OutcomeCount[]> {
    const docs = await this.d.m.outcomes
      .find({ hour: { $gte: from, $lt: to } })
      .sort({ hour: 1, channel: 1, lang: 1, outcome: 1, detail: 1 })
      .lean<OutcomeDoc[]>();
    return docs.map(({ hour, channel, lang, outcome, detail, count }) => withPresent<OutcomeCount>({ hour, channel, lang, outcome, count }, { detail: detail || undefined }));
  }
}
