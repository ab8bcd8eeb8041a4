/** Leases between processes (MongoDB). */
import type { LeaseBackend } from '../backend';
import { isDuplicateKey, type MongoDb } from './db';

export class MongoLeases implements LeaseBackend {
  constructor(private readonly d: MongoDb) {}

  /**
   * One conditional upsert: it matches when the lease is ours or expired and then renews it; when
   * another holder has a live lease the filter matches nothing, the upsert tries to insert a second
   * document with the same _id and the unique _id refuses it — that refusal means "not acquired".
   */
  async acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
    try {
      await this.d.m.leases.updateOne({ _id: name, $or: [{ holder }, { expiresAt: { $lte: now } }] }, { $set: { holder, expiresAt: until } }, { upsert: true });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async release(name: string, holder: string): Promise<void> {
    await this.d.m.leases.deleteOne({ _id: name, holder });
  }
}
