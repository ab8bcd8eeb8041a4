/**
 * An engine over a FAQ file with no database: the FAQ goes straight into the matcher and state
 * lives in an in-memory SQLite store. Used by `npm run eval`, `npm run bench` and the ratchet test.
 */
import { createEngine } from '../app';
import type { ConversationEngine } from '../engine/engine';
import { FaqCatalog } from '../faq/catalog';
import type { FaqEntryInput } from '../faq/types';
import { createTranslator, type Translator } from '../i18n';
import type { HandoffDesk } from '../escalation';
import { createMatcher, DEFAULT_THRESHOLDS } from '../matcher';
import type { Thresholds } from '../matcher/types';
import { SqliteStore } from '../store/sqlite';
import type { Store } from '../store/types';

export interface OfflineEngine {
  engine: ConversationEngine;
  catalog: FaqCatalog;
  store: Store;
  /** The engine's own: its texts, and its hand-off port (the tickets it opens). */
  translator: Translator;
  handoff: HandoffDesk;
  /** The bands the engine decides with. */
  thresholds: Thresholds;
  /** Milliseconds spent building the matcher index. */
  indexBuildMs: number;
}

/**
 * @param storeLocation where the SQLite store keeps conversation state: ':memory:' (default) or a folder.
 * @param catalog the catalog to answer from (default: a new one over a matcher with default
 *   options). It is loaded with `entries` when empty and used as it is otherwise: the bench measures
 *   its matcher further once the engine is done, and one 10,000-entry FAQ twice without indexing it
 *   twice (indexBuildMs is then 0).
 */
export function createOfflineEngine(
  entries: readonly FaqEntryInput[],
  options: { thresholds?: Thresholds; storeLocation?: string; catalog?: FaqCatalog } = {},
): OfflineEngine {
  const store = new SqliteStore(options.storeLocation ?? ':memory:');
  const catalog = options.catalog ?? new FaqCatalog(createMatcher());
  let indexBuildMs = 0;
  if (catalog.size === 0) {
    const started = process.hrtime.bigint();
    catalog.load(entries);
    indexBuildMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  const translator = createTranslator();
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const { engine, handoff } = createEngine({ store, catalog, translator, thresholds });
  return { engine, catalog, store, translator, handoff, thresholds, indexBuildMs };
}
