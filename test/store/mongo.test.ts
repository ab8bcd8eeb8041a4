/**
 * The store contract against MongoDB. No MongoDB server can run on the development machines, so the
 * suite needs MONGODB_URI (e.g. mongodb://localhost:27017/helpline-test, or a replica set to also
 * exercise transactions); each test gets its own database, dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { MongoStore } from '../../src/store/mongo';
import { openStore } from '../../src/store';
import type { Store } from '../../src/store/types';
import { CONTRACTS, runStoreContract } from './contract';

const uri = process.env.MONGODB_URI;

if (!uri) {
  describe.skip('MongoStore contract (skipped: set MONGODB_URI to run against a MongoDB server)', () => {
    for (const part of Object.keys(CONTRACTS)) it(`keeps the ${part} contract`, () => undefined);
  });
} else {
  const databases = new Map<Store, string>();

  runStoreContract(
    'MongoStore',
    async () => {
      const dbName = `helpline-test-${randomUUID().slice(0, 8)}`;
      const store = await MongoStore.connect(uri, { dbName, serverSelectionTimeoutMS: 5000 });
      databases.set(store, dbName);
      return store;
    },
    async (store) => {
      await store.close();
      const conn = await mongoose.createConnection(uri, { dbName: databases.get(store) }).asPromise();
      await conn.dropDatabase();
      await conn.close();
    },
  );

  describe('openStore with MONGODB_URI', () => {
    it('opens the MongoDB store and hides credentials in its description', async () => {
      const store = await openStore({ dataDir: '/nonexistent', mongodbUri: uri });
      expect(store).toBeInstanceOf(MongoStore);
      expect(store.description).not.toMatch(/@/);
      await store.close();
    });
  });
}
