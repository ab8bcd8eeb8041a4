/**
 * The contract every store keeps, one suite per sub-store, run against each backend
 * (../sqlite.test.ts, ../mongo.test.ts). A behaviour belongs here when callers rely on it whatever
 * the database.
 */
import type { Store } from '../../../src/store/types';
import { alertsContract } from './alerts';
import { auditContract } from './audit';
import { conversationsContract } from './conversations';
import { faqContract } from './faq';
import { feedContract } from './feed';
import { inboxContract } from './inbox';
import { learningContract } from './learning';
import { leasesContract } from './leases';
import { outboxContract } from './outbox';
import { outcomesContract } from './outcomes';
import { scheduleContract } from './schedule';
import { staffContract } from './staff';
import { ticketsContract } from './tickets';

export { faq } from './fixtures';

/** How a suite gets a fresh store for each test, and what to do with it afterwards. */
export interface StoreUnderTest {
  open(): Promise<Store>;
  cleanup(store: Store): Promise<void>;
}

/** Opens a store before each test of the enclosing describe (handing it to `use`) and cleans it up after. */
export function eachTest(under: StoreUnderTest, use: (store: Store) => void): void {
  let store: Store;
  beforeEach(async () => {
    store = await under.open();
    use(store);
  });
  afterEach(() => under.cleanup(store));
}

export const CONTRACTS = {
  faq: faqContract,
  conversations: conversationsContract,
  tickets: ticketsContract,
  outbox: outboxContract,
  audit: auditContract,
  staff: staffContract,
  schedule: scheduleContract,
  alerts: alertsContract,
  leases: leasesContract,
  feed: feedContract,
  inbox: inboxContract,
  learning: learningContract,
  outcomes: outcomesContract,
} satisfies Record<Exclude<keyof Store, 'description' | 'close' | 'files'>, (under: StoreUnderTest) => void>;

export function runStoreContract(
  name: string,
  open: () => Promise<Store>,
  cleanup: (store: Store) => Promise<void> = (store) => store.close(),
): void {
  describe(`${name} store contract`, () => {
    for (const contract of Object.values(CONTRACTS)) contract({ open, cleanup });
  });
}
