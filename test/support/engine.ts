import { createEngine } from '../../src/app';
import type { ConversationEngine } from '../../src/engine/engine';
import type { IncomingMessage } from '../../src/engine/types';
import type { HandoffDesk } from '../../src/escalation';
import type { Reply } from '../../src/engine/types';
import type { Ticket } from '../../src/store/types';
import { FaqCatalog } from '../../src/faq/catalog';
import type { FaqEntryInput } from '../../src/faq/types';
import { createTranslator, type Translator } from '../../src/i18n';
import { createMatcher, DEFAULT_THRESHOLDS } from '../../src/matcher';
import type { Thresholds } from '../../src/matcher/types';
import { HeldWrites } from '../../src/delivery/held-writes';
import { SqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite';
import { SMALL_FAQ, tempDir } from './fixtures';

/** A controllable clock: tests move time explicitly. */
export class TestClock {
  constructor(public current = new Date('2022-01-10T12:00:00Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Harness {
  dir: string;
  store: SqliteStore;
  /** Writes the store refused, waiting (retried every 50 ms), as in the app. */
  held: HeldWrites;
  engine: ConversationEngine;
  /** The FAQ as the engine matches it. */
  catalog: FaqCatalog;
  handoff: HandoffDesk;
  /** The one translator of this harness (channels built on it take it too). */
  translator: Translator;
  /** Gives a conversation back to the bot when its ticket closes (the operator desk's `afterClose`). */
  handBack: (ticket: Ticket) => Promise<Reply[]>;
  clock: TestClock;
  /** Sends a text message from chat `chatId` (default 'chat-1') on the 'test' channel. */
  say(text: string, extra?: Partial<IncomingMessage>): ReturnType<ConversationEngine['handle']>;
  /** Closes the store and opens everything again on the same folder (a process restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The ids of the choices a turn's replies offer, in order. */
export const choiceIds = (replies: readonly Reply[]): string[] => replies.flatMap((r) => r.choices ?? []).map((c) => c.id);

/** Bands that hand every matched question to an operator with the entries to read (the hint band). */
export const HINT_ONLY_BANDS: Thresholds = { answer: 1.01, suggest: 1.01, hint: 0.01 };

export type HarnessOptions = { faq?: FaqEntryInput[]; thresholds?: Thresholds; dir?: string; localesDir?: string } & Pick<SqliteStoreOptions, 'busyTimeoutMs' | 'tune'>;

/**
 * Runs `body` against a harness of its own holding `faq`, closed afterwards whatever happens: a
 * test's own FAQ beside the harness its file shares.
 */
export async function withFaq(faq: FaqEntryInput[], body: (own: Harness) => Promise<void>): Promise<void> {
  const own = await createHarness({ faq });
  try {
    await body(own);
  } finally {
    await own.close();
  }
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const tmp = options.dir ? { dir: options.dir, cleanup: () => undefined } : tempDir();
  const clock = new TestClock();
  const translator = createTranslator(options.localesDir);
  const build = async () => {
    const store = new SqliteStore(tmp.dir, { now: clock.now, busyTimeoutMs: options.busyTimeoutMs, tune: options.tune });
    const held = new HeldWrites({ retryMs: 50 });
    if ((await store.faq.list()).length === 0) await store.faq.import(options.faq ?? SMALL_FAQ, 'test');
    const catalog = new FaqCatalog(createMatcher());
    await catalog.refresh(store.faq);
    const { engine, handoff, handBack } = createEngine({
      store,
      catalog,
      translator,
      thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
      clock: clock.now,
      held,
    });
    return { store, engine, catalog, handoff, handBack, held };
  };
  let parts = await build();
  const harness: Harness = {
    dir: tmp.dir,
    clock,
    translator,
    get store() {
      return parts.store;
    },
    get engine() {
      return parts.engine;
    },
    get catalog() {
      return parts.catalog;
    },
    get handoff() {
      return parts.handoff;
    },
    get held() {
      return parts.held;
    },
    handBack: (ticket) => parts.handBack(ticket),
    say: (text, extra = {}) => parts.engine.handle({ channel: 'test', chatId: 'chat-1', kind: 'text', text, ...extra }),
    async restart() {
      await parts.engine.drain();
      await parts.held.close();
      await parts.store.close();
      parts = await build();
    },
    async close() {
      await parts.engine.drain();
      await parts.held.close();
      await parts.store.close();
      tmp.cleanup();
    },
  };
  return harness;
}
