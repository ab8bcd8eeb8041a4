/** Staff accounts and console sessions (MongoDB); e-mails arrive normalised (see `../compose.ts`). */
import type { StaffBackend } from '../backend';
import type { StaffAccount, StaffChanges, StaffSession } from '../types';
import { pick, withPresent } from '../records';
import { isDuplicateKey, type MongoDb } from './db';
import type { SessionDoc, StaffDoc } from './schemas';

const staffFromDoc = (doc: StaffDoc): StaffAccount =>
  withPresent<StaffAccount>(pick(doc, ['email', 'role', 'passwordHash', 'disabled', 'createdAt', 'updatedAt']), pick(doc, ['lang']));
const sessionFromDoc = (doc: SessionDoc): StaffSession => pick(doc, ['idHash', 'email', 'csrfToken', 'createdAt', 'expiresAt']);

export class MongoStaff implements StaffBackend {
  constructor(private readonly d: MongoDb) {}

  async insert(account: StaffAccount): Promise<boolean> {
    try {
      await this.d.m.staff.create([account]);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async get(email: string): Promise<StaffAccount | null> {
    const doc = await this.d.m.staff.findOne({ email }).lean<StaffDoc>();
    return doc ? staffFromDoc(doc) : null;
  }

  async list(): Promise<StaffAccount[]> {
    return (await this.d.m.staff.find().sort({ email: 1 }).lean<StaffDoc[]>()).map(staffFromDoc);
  }

  async update(email: string, changes: StaffChanges, at: Date): Promise<StaffAccount | null> {
    const doc = await this.d.m.staff
      .findOneAndUpdate({ email }, { $set: { ...changes, updatedAt: at } }, { returnDocument: 'after', runValidators: true })
      .lean<StaffDoc>();
    return doc ? staffFromDoc(doc) : null;
  }

  async createSession(session: StaffSession): Promise<void> {
    await this.d.m.sessions.create([{ ...session }]);
  }

  async getSession(idHash: string): Promise<StaffSession | null> {
    const doc = await this.d.m.sessions.findOne({ idHash }).lean<SessionDoc>();
    return doc ? sessionFromDoc(doc) : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.d.m.sessions.deleteOne({ idHash });
  }

  async deleteSessionsOf(email: string): Promise<number> {
    return (await this.d.m.sessions.deleteMany({ email })).deletedCount;
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    return (await this.d.m.sessions.deleteMany({ expiresAt: { $lt: now } })).deletedCount;
  }
}
