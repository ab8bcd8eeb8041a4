/** Staff accounts (e-mails case-insensitive) and console sessions. */
import type { Store } from '../../../src/store/types';
import { eachTest, type StoreUnderTest } from './index';

export function staffContract(open: StoreUnderTest): void {
  describe('staff and sessions', () => {
    let store!: Store;
    eachTest(open, (opened) => (store = opened));

    const hash = '$2a$10$abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopq';

    it('creates an account with a lower-case e-mail and refuses a duplicate', async () => {
      const account = await store.staff.create({ email: 'Ada@Example.kz', role: 'admin', passwordHash: hash });
      expect(account).toMatchObject({ email: 'ada@example.kz', role: 'admin', passwordHash: hash, disabled: false });
      expect(account.createdAt).toBeInstanceOf(Date);
      await expect(store.staff.create({ email: 'ada@example.kz', role: 'editor', passwordHash: hash })).rejects.toThrow(/exists/);
      expect(await store.staff.get('ADA@example.kz')).toEqual(account);
      expect(await store.staff.get('nobody@example.kz')).toBeNull();
    });

    it('lists accounts by e-mail and updates role, hash and the disabled flag', async () => {
      await store.staff.create({ email: 'b@x.kz', role: 'editor', passwordHash: hash });
      await store.staff.create({ email: 'a@x.kz', role: 'operator', passwordHash: hash });
      expect((await store.staff.list()).map((s) => s.email)).toEqual(['a@x.kz', 'b@x.kz']);
      const updated = await store.staff.update('b@x.kz', { role: 'admin', disabled: true });
      expect(updated).toMatchObject({ role: 'admin', disabled: true, passwordHash: hash });
      expect(await store.staff.update('b@x.kz', { disabled: false })).toMatchObject({ role: 'admin', disabled: false });
      expect(await store.staff.update('none@x.kz', { role: 'admin' })).toBeNull();
    });

    it('keeps the language an account chose for the console', async () => {
      const account = await store.staff.create({ email: 'c@x.kz', role: 'operator', passwordHash: hash });
      expect(account.lang).toBeUndefined();
      expect((await store.staff.get('c@x.kz'))?.lang).toBeUndefined();
      expect(await store.staff.update('c@x.kz', { lang: 'kk' })).toMatchObject({ lang: 'kk', role: 'operator' });
      expect((await store.staff.get('c@x.kz'))?.lang).toBe('kk');
      // Other changes leave it as it is.
      await store.staff.update('c@x.kz', { disabled: true });
      expect(await store.staff.get('c@x.kz')).toMatchObject({ lang: 'kk', disabled: true });
      expect((await store.staff.list()).find((s) => s.email === 'c@x.kz')?.lang).toBe('kk');
    });

    it('keeps sessions by id hash until deleted, per account or when expired', async () => {
      const at = new Date('2026-01-01T10:00:00Z');
      const session = (idHash: string, email: string, hours: number) => ({
        idHash,
        email,
        csrfToken: `csrf-${idHash}`,
        createdAt: at,
        expiresAt: new Date(at.getTime() + hours * 3600_000),
      });
      await store.staff.createSession(session('s1', 'a@x.kz', 1));
      await store.staff.createSession(session('s2', 'a@x.kz', 3));
      await store.staff.createSession(session('s3', 'b@x.kz', 3));
      expect(await store.staff.getSession('s1')).toEqual(session('s1', 'a@x.kz', 1));
      expect(await store.staff.deleteExpiredSessions(new Date(at.getTime() + 2 * 3600_000))).toBe(1);
      expect(await store.staff.getSession('s1')).toBeNull();
      expect(await store.staff.deleteSessionsOf('a@x.kz')).toBe(1);
      expect(await store.staff.getSession('s2')).toBeNull();
      await store.staff.deleteSession('s3');
      expect(await store.staff.getSession('s3')).toBeNull();
    });

    it('keeps sessions that expired long ago until the sweep, which counts every one of them', async () => {
      const long = new Date('2001-01-01T00:00:00Z');
      for (const idHash of ['old-1', 'old-2', 'old-3']) {
        await store.staff.createSession({ idHash, email: 'a@x.kz', csrfToken: `csrf-${idHash}`, createdAt: long, expiresAt: new Date(long.getTime() + 60_000) });
      }
      // The caller compares with its clock: an expired session is still found until swept.
      expect(await store.staff.getSession('old-2')).toMatchObject({ idHash: 'old-2', expiresAt: new Date(long.getTime() + 60_000) });
      expect(await store.staff.deleteExpiredSessions(new Date())).toBe(3);
      expect(await store.staff.getSession('old-2')).toBeNull();
    });
  });
}
