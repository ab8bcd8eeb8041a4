/** The audit log (MongoDB). */
import type { ClientSession } from 'mongoose';
import type { AuditBackend } from '../backend';
import { pick, withPresent } from '../records';
import type { AuditInput, AuditRecord } from '../types';
import type { MongoDb } from './db';
import type { AuditLeanDoc } from './schemas';

function auditFromDoc(doc: AuditLeanDoc): AuditRecord {
  return withPresent<AuditRecord>({ id: doc._id.toString(), ...pick(doc, ['at', 'actor', 'action']) }, pick(doc, ['target', 'detail']));
}

export class MongoAudit implements AuditBackend {
  constructor(private readonly d: MongoDb) {}

  /** Inside another part's transaction when given its session (the FAQ writes its audit with its change). */
  async insertWith(entry: AuditInput, at: Date, session: ClientSession | undefined): Promise<void> {
    await this.d.m.audit.create([{ ...entry, at }], { session });
  }

  insert(entry: AuditInput, at: Date): Promise<void> {
    return this.insertWith(entry, at, undefined);
  }

  async list(limit: number): Promise<AuditRecord[]> {
    const docs = await this.d.m.audit.find().sort({ at: -1, _id: -1 }).limit(limit).lean<AuditLeanDoc[]>();
    return docs.map(auditFromDoc);
  }

  async between(from: Date, to: Date, actions: readonly string[]): Promise<AuditRecord[]> {
    const docs = await this.d.m.audit
      .find({ action: { $in: [...actions] }, at: { $gte: from, $lt: to } })
      .sort({ at: 1, _id: 1 })
      .lean<AuditLeanDoc[]>();
    return docs.map(auditFromDoc);
  }
}
