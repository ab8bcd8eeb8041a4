/**
 * Question variants residents' choices suggest (MongoDB), a plain collection: one document per
 * (entry, language, key), counts moved with `$inc` in one upsert, so concurrent notes from several
 * processes all count.
 */
import { mongo } from 'mongoose';
import type { LearningBackend } from '../backend';
import { pick, withPresent } from '../records';
import type { LearnedVariant, LearnedVariantStatus } from '../types';
import { isDuplicateKey, type MongoDb } from './db';
import type { CollectionIndexes } from './indexes';

const VARIANTS = 'learned_variants';

/** One suggestion per (entry, language, key); the editors' list reads by status and entry. */
export const LEARNING_INDEXES: CollectionIndexes[] = [
  {
    collection: VARIANTS,
    indexes: [{ key: { entryId: 1, lang: 1, key: 1 }, unique: true }, { key: { status: 1, entryId: 1 } }],
  },
];

interface VariantDoc extends Omit<LearnedVariant, 'id'> {
  _id: mongo.ObjectId;
}

/** The document id of a domain id, or null when it cannot be one. */
function objectId(id: string): mongo.ObjectId | null {
  return /^[0-9a-f]{24}$/.test(id) ? new mongo.ObjectId(id) : null;
}

function variantFromDoc(doc: VariantDoc): LearnedVariant {
  return withPresent<LearnedVariant>(
    { id: doc._id.toHexString(), ...pick(doc, ['entryId', 'lang', 'key', 'text', 'picked', 'helpful', 'status', 'firstAt', 'lastAt']) },
    pick(doc, ['decidedBy', 'decidedAt']),
  );
}

export class MongoLearning implements LearningBackend {
  private readonly variants: mongo.Collection<VariantDoc>;

  constructor(d: MongoDb) {
    this.variants = d.db.collection<VariantDoc>(VARIANTS);
  }

  async add(input: { entryId: string; lang: LearnedVariant['lang']; key: string; text: string; picked: number; helpful: number }, at: Date): Promise<void> {
    const filter = { entryId: input.entryId, lang: input.lang, key: input.key };
    const update = {
      $inc: { picked: input.picked, helpful: input.helpful },
      $set: { lastAt: at },
      $setOnInsert: { text: input.text, status: 'pending' as const, firstAt: at },
    };
    try {
      await this.variants.updateOne(filter, update, { upsert: true });
    } catch (err) {
      // Two processes inserting the same new key at once: the loser adds to the winner's document.
      if (!isDuplicateKey(err)) throw err;
      await this.variants.updateOne(filter, { $inc: update.$inc, $set: update.$set });
    }
  }

  async list(filter: { entryId?: string; status?: LearnedVariantStatus[]; limit: number }): Promise<LearnedVariant[]> {
    const query: mongo.Filter<VariantDoc> = {};
    if (filter.entryId !== undefined) query.entryId = filter.entryId;
    if (filter.status && filter.status.length > 0) query.status = { $in: filter.status };
    const docs = await this.variants
      .aggregate<VariantDoc>([
        { $match: query },
        { $addFields: { seen: { $add: ['$picked', '$helpful'] } } },
        { $sort: { seen: -1, lastAt: -1, _id: 1 } },
        { $limit: filter.limit },
        { $project: { seen: 0 } },
      ])
      .toArray();
    return docs.map(variantFromDoc);
  }

  async get(id: string): Promise<LearnedVariant | null> {
    const _id = objectId(id);
    if (!_id) return null;
    const doc = await this.variants.findOne({ _id });
    return doc ? variantFromDoc(doc) : null;
  }

  async decide(id: string, status: Exclude<LearnedVariantStatus, 'pending'>, by: string, at: Date): Promise<boolean> {
    const _id = objectId(id);
    if (!_id) return false;
    const result = await this.variants.updateOne({ _id, status: 'pending' }, { $set: { status, decidedBy: by, decidedAt: at } });
    return result.modifiedCount > 0;
  }
}
