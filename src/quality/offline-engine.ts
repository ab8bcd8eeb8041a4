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
import type { FaqMatcher, Thresholds } from '../matcher/types';
import { SqliteStore } from '../store/sqlite';
import type { Store } from '../store/types';

export interface OfflineEngine {
  engine: ConversationEngine;
  catalog: FaqCatalog;
  store: Store;
  /** The engine's own: its texts, and its hand-off port (the tickets it opens). */
  translator: Translator;
  handoff: HandoffDesk;
  /** Milliseconds spent building the matcher index. */
  indexBuildMs: number;
}

/**
 * @param storeLocation where the SQLite store keeps conversation state: ':memory:' (default) or a folder.
 * @param matcher the matcher to load the FAQ into (default: a new one with default options); the
 *   bench passes its own to measure it further once the engine is done.
 */
export function createOfflineEngine(
  entries: readonly FaqEntryInput[],
  options: { thresholds?: Thresholds; storeLocation?: string; matcher?: FaqMatcher } = {},
): OfflineEngine {
  const store = new SqliteStore(options.storeLocation ?? ':memory:');
  const catalog = new FaqCatalog(options.matcher ?? createMatcher());
  const started = process.hrtime.bigint();
  catalog.load(entries);
  const indexBuildMs = Number(process.hrtime.bigint() - started) / 1e6;
  const translator = createTranslator();
  const { engine, handoff } = createEngine({
    store,
    catalog,
    translator,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
  });
  return { engine, catalog, store, translator, handoff, indexBuildMs };
}
