/** FAQ entries, their versions and the revision counter (MongoDB). The rules are in `../faq.ts`. */
import type { ClientSession, Model } from 'mongoose';
import type { FaqEntry } from '../../faq/types';
import type { FaqBackend, FaqCommit } from '../backend';
import { faqInputOf, sameFaqContent } from '../faq-content';
import type { MongoAudit } from './audit';
import { isDuplicateKey, setAndUnset, type MongoDb } from './db';
import type { FaqDoc } from './schemas';

const FAQ_REVISION = 'faq_revision';

function faqFromDoc(doc: FaqDoc): FaqEntry {
  return { ...faqInputOf(doc), version: doc.version, updatedBy: doc.updatedBy, updatedAt: doc.updatedAt };
}

/** Thrown inside a commit to abandon it when an entry moved since it was read. */
const STALE = Symbol('stale');

export class MongoFaq implements FaqBackend {
  constructor(
    private readonly d: MongoDb,
    private readonly audit: MongoAudit,
  ) {}

  async list(): Promise<FaqEntry[]> {
    // _id (ObjectId) grows with creation time: the order entries were created in.
    return (await this.d.m.faq.find().sort({ _id: 1 }).lean<FaqDoc[]>()).map(faqFromDoc);
  }

  async get(id: string): Promise<FaqEntry | null> {
    const doc = await this.d.m.faq.findOne({ id }).lean<FaqDoc>();
    return doc ? faqFromDoc(doc) : null;
  }

  async versions(): Promise<Map<string, number>> {
    const docs = await this.d.m.faq.find({}, { id: 1, version: 1 }).sort({ _id: 1 }).lean<Pick<FaqDoc, 'id' | 'version'>[]>();
    return new Map(docs.map((d) => [d.id, d.version]));
  }

  async getMany(ids: readonly string[]): Promise<FaqEntry[]> {
    return (await this.d.m.faq.find({ id: { $in: ids } }).sort({ _id: 1 }).lean<FaqDoc[]>()).map(faqFromDoc);
  }

  async history(id: string): Promise<FaqEntry[]> {
    return (await this.d.m.faqVersions.find({ id }).sort({ version: -1 }).lean<FaqDoc[]>()).map(faqFromDoc);
  }

  async revision(): Promise<number> {
    const doc = await this.d.m.counters.findById(FAQ_REVISION).lean<{ value: number }>();
    return doc?.value ?? 0;
  }

  async lastVersions(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.d.m.faqVersions.aggregate<{ _id: string; v: number }>([
      { $match: { id: { $in: ids } } },
      { $group: { _id: '$id', v: { $max: '$version' } } },
    ]);
    return new Map(rows.map((r) => [r._id, r.v]));
  }

  /**
   * With transactions: one transaction, all or nothing.
   *
   * Without (a standalone server): every entry is checked first — the mongoose schema validation
   * the writes would run — so a bad entry changes nothing. What is left is a failure of the server
   * itself midway (lost connection, full disk) or another writer racing this one; then part of the
   * change is written. Each entry's own write is still atomic, and planning the change again (which
   * `../faq.ts` does after a race, and running the same import again does after a failure) completes
   * it, since unchanged entries are skipped. Run MongoDB as a replica set (a single-node one is
   * enough) to close that gap.
   */
  async commit(change: FaqCommit): Promise<boolean> {
    for (const { entry } of change.put) {
      try {
        await new this.d.m.faq(entry).validate();
      } catch (err) {
        throw new TypeError(`FAQ entry "${entry.id}": ${(err as Error).message}`);
      }
    }
    try {
      return await this.d.atomically(async (session) => {
        for (const { entry, expected } of change.put) await this.put(entry, expected, session);
        for (const { id, expected } of change.remove) {
          const { deletedCount } = await this.d.m.faq.deleteOne({ id, version: expected }, { session });
          if (deletedCount === 0) throw STALE;
        }
        await this.d.m.counters.updateOne({ _id: FAQ_REVISION }, { $inc: { value: 1 } }, { upsert: true, session });
        await this.audit.insertWith(change.audit, change.at, session);
        return true;
      });
    } catch (error) {
      if (error === STALE) return false;
      throw error;
    }
  }

  /**
   * Writes the current entry on the condition that it is still the version read (the unique index
   * on id refuses a second create), then adds the version to the history.
   *
   * Without a transaction, a create or history insert refused as a duplicate of exactly this
   * version with exactly this content is taken as written: two processes seeding an empty
   * database with the same file (or saving the same new entry) both succeed instead of one of them
   * failing with E11000 or losing the race over and over. In a transaction a refused write aborts
   * the transaction, so the change is planned again from fresh reads.
   */
  private async put(entry: FaqEntry, expected: number | null, session: ClientSession | undefined): Promise<void> {
    if (expected === null) {
      await this.insertUnlessHeld(this.d.m.faq, entry, session);
    } else {
      const update = setAndUnset(entry, ['learned', 'validFrom', 'validUntil']);
      const { matchedCount } = await this.d.m.faq.updateOne({ id: entry.id, version: expected }, update, { runValidators: true, session });
      if (matchedCount === 0) throw STALE;
    }
    await this.insertUnlessHeld(this.d.m.faqVersions, entry, session);
  }

  private async insertUnlessHeld(model: Model<FaqDoc>, entry: FaqEntry, session: ClientSession | undefined): Promise<void> {
    try {
      await model.create([entry], { session });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      if (session) throw STALE;
      const held = await model.findOne({ id: entry.id, version: entry.version }).lean<FaqDoc>();
      if (!held || !sameFaqContent(held, entry)) throw STALE;
    }
  }
}
