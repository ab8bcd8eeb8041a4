/**
 * The FAQ as the engine sees it: the current entries by id plus the matcher's in-memory index,
 * kept in step with the store. `refresh()` is cheap when nothing changed (one revision read) and
 * re-indexes only the entries whose version changed, so a staff edit reaches the bot at once; many
 * changes at once (a FAQ file re-imported) are indexed in slices, so answering goes on meanwhile.
 */
import type { Lang } from '../i18n/languages';
import type { WordEvidence } from '../language/detect';
import type { FaqMatcher, MatchCandidate, MatchExplanation, MatchResult, Thresholds } from '../matcher/types';
import { checkEntry, checkFaq, OutdatedCheck, type EntryCheck, type FaqCheck } from './entry-check';
import { SLICE_MS, timeSlices } from '../schedule/time-slices';
import { versionChanges } from './version-changes';
import { isLive, type FaqEntry, type FaqEntryInput } from './types';

/** Where the catalog reads the FAQ from: the store's FAQ sub-store. */
export interface FaqSource {
  /** A number that grows on every change. */
  revision(): Promise<number>;
  list(): Promise<FaqEntry[]>;
  /** Each current entry's id and version, in list order. */
  versions(): Promise<Map<string, number>>;
  /** The current entries among `ids`, in list order. */
  getMany(ids: readonly string[]): Promise<FaqEntry[]>;
}

/**
 * Changed entries are read from the store this many at a time: about 4 ms of reading for entries
 * the size of the demo FAQ's, so a read fits in an indexing slice instead of holding the event
 * loop for all of a re-imported file at once.
 */
const READ_BATCH = 100;

export interface CatalogMatch extends MatchCandidate {
  entry: FaqEntryInput;
}

/** The matcher's result restricted to live entries, each with its entry. */
export interface CatalogMatchResult extends MatchResult {
  candidates: CatalogMatch[];
}

/** The revision before the store was first read. */
const NEVER_READ = -1;

export interface FaqCatalogOptions {
  /**
   * How long a refresh indexes changed entries before it lets other work run (0: after every
   * changed entry; default SLICE_MS). An entry takes about 0.7 ms to index, so 2,500 entries of a
   * re-imported file held the event loop, and every resident's answer, for 1.8 s in one piece
   * (`npm run bench`, FAQ re-import).
   */
  indexSliceMs?: number;
}

export class FaqCatalog {
  private readonly entries = new Map<string, FaqEntryInput & { version?: number }>();
  private revision = NEVER_READ;
  /** Bumped whenever the entries change (a load, a refresh that changed any): a running check stops. */
  private generation = 0;
  /** The last whole-FAQ check, for the revision it was made at, and how far it got. */
  private checked?: { revision: number; thresholds: Thresholds; result: Promise<FaqCheck>; progress: { done: number; total: number } };
  /** When the catalog last (re)loaded anything from the store; for health reports. */
  lastReloadAt?: Date;

  private readonly indexSliceMs: number;
  /** The refresh under way, if any: refreshes run one after another. */
  private refreshing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly matcher: FaqMatcher,
    options: FaqCatalogOptions = {},
  ) {
    this.indexSliceMs = options.indexSliceMs ?? SLICE_MS;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Replaces everything with `entries`, indexed and calibrated at once (the eval; the first fill). */
  load(entries: readonly FaqEntryInput[]): void {
    this.checked = undefined;
    this.generation += 1;
    this.entries.clear();
    for (const e of entries) this.entries.set(e.id, e);
    this.matcher.load(entries);
    this.lastReloadAt = new Date();
  }

  /**
   * Brings the catalog up to date with the store; returns the number of entries that changed. Until
   * a change of many entries is fully indexed, those not reached yet answer in their last version.
   * One refresh at a time: a second one, while the first yields, would take the same changes again.
   */
  refresh(faq: FaqSource): Promise<number> {
    const run = this.refreshing.then(() => this.refreshOnce(faq));
    this.refreshing = run.catch(() => undefined);
    return run;
  }

  private async refreshOnce(faq: FaqSource): Promise<number> {
    const revision = await faq.revision();
    if (revision === this.revision) return 0;
    if (this.revision === NEVER_READ && this.entries.size === 0) {
      // The first fill (start-up): indexed and calibrated at once, so the first messages (a backlog
      // after an outage) are judged with this FAQ's own confidence, not the prior's. Later changes
      // are refitted in the background, which never holds up answering.
      const current: FaqEntry[] = await faq.list();
      this.load(current);
      this.revision = revision;
      return current.length;
    }
    // Later, only what changed is read: listing a large FAQ whole to find one edited entry held the
    // event loop for 0.4 s at 10,000 entries, in every bot, on every edit.
    const { changed: changedIds, removed: removedIds } = versionChanges(this.entries, await faq.versions());
    let changed = 0;
    const pause = timeSlices(this.indexSliceMs);
    // After each change: the first one stops a whole-FAQ check under way (checkAll), and a slice
    // used up lets other work run.
    const afterChange = async () => {
      changed++;
      if (changed === 1) this.generation += 1;
      await pause();
    };
    for (let from = 0; from < changedIds.length; from += READ_BATCH) {
      // An entry deleted since `versions` read it is missing here; the delete moved the revision,
      // so the next refresh removes it.
      for (const entry of await faq.getMany(changedIds.slice(from, from + READ_BATCH))) {
        this.entries.set(entry.id, entry);
        this.matcher.upsert(entry);
        await afterChange();
      }
    }
    for (const id of removedIds) {
      this.entries.delete(id);
      this.matcher.remove(id);
      await afterChange();
    }
    this.revision = revision;
    if (changed > 0) this.generation += 1;
    this.lastReloadAt = new Date();
    return changed;
  }

  get(id: string): FaqEntryInput | undefined {
    return this.entries.get(id);
  }

  /** Entries answerable at `now`, in a stable order. */
  live(now: Date): FaqEntryInput[] {
    return [...this.entries.values()].filter((e) => isLive(e, now));
  }

  /** Ranked live candidates for a question. Entries outside their validity window are skipped. */
  match(text: string, lang: Lang | undefined, now: Date, limit = 3): CatalogMatchResult {
    // Ask for a few more than needed: scheduled or expired entries are filtered out afterwards.
    const result = this.matcher.match(text, lang, limit + 3);
    const out: CatalogMatch[] = [];
    for (const c of result.candidates) {
      const entry = this.entries.get(c.id);
      if (!entry || !isLive(entry, now)) continue;
      // Written out, not spread: this runs for every message, and a spread copies by a slower path.
      out.push({ id: c.id, score: c.score, relevance: c.relevance, asked: c.asked, asksAll: c.asksAll, askedShare: c.askedShare, entry });
      if (out.length === limit) break;
    }
    // What the matcher said of its first candidate is not said of another that took its place.
    const explained = out[0] !== undefined && out[0].id === result.candidates[0]?.id ? result.explained : undefined;
    return { ...result, candidates: out, explained };
  }

  /** The message's words no entry knows (FaqMatcher.unknownWords). */
  unknownWords(text: string, lang: Lang | undefined): string[] {
    return this.matcher.unknownWords(text, lang);
  }

  /** Why the first entry ranked for a message is as likely as it is (FaqMatcher.explain). */
  explain(text: string, lang: Lang | undefined): MatchExplanation | undefined {
    return this.matcher.explain(text, lang);
  }

  /** Labels for entries offered for a message: each one's question closest to it (FaqMatcher.closestQuestions). */
  closestQuestions(text: string, lang: Lang, ids: readonly string[]): Map<string, string> {
    return this.matcher.closestQuestions(text, lang, ids);
  }

  /**
   * What the bot would make of each of entry `id`'s questions asked in other words (entry-check.ts),
   * with the version of the entry it has; undefined when it does not have the entry.
   */
  checkEntry(id: string, thresholds: Thresholds): { check: EntryCheck; version?: number } | undefined {
    const entry = this.entries.get(id);
    const check = entry && checkEntry(this.matcher, entry, thresholds);
    return check && { check, version: entry.version };
  }

  /**
   * The whole FAQ's check (entry-check.ts) as the bot has it now: computed in slices once the
   * confidence has caught up with the latest change, so answering never waits for it, and kept
   * until the FAQ (or the bands asked for) change. A change while it runs stops it and starts it
   * again on the new FAQ; whoever waits for it gets the new FAQ's check.
   */
  checkAll(thresholds: Thresholds): Promise<FaqCheck> {
    const known = this.checked;
    const same = known && known.revision === this.revision && (['answer', 'suggest', 'hint'] as const).every((k) => known.thresholds[k] === thresholds[k]);
    if (known && same) return known.result;
    const entries = [...this.entries.values()];
    const progress = { done: 0, total: entries.length };
    const generation = this.generation;
    const outdated = () => this.generation !== generation;
    const result = this.matcher
      .whenCalibrated()
      .then(() => checkFaq(this.matcher, entries, thresholds, { progress: (done) => (progress.done = done), outdated }))
      .then(
        (check) => {
          progress.done = progress.total;
          return check;
        },
        (error: unknown) => (error instanceof OutdatedCheck ? this.checkAll(thresholds) : Promise.reject(error)),
      );
    const entry = { revision: this.revision, thresholds, result, progress };
    this.checked = entry;
    // A failed check is not kept: the next page asks again.
    result.catch(() => {
      if (this.checked === entry) this.checked = undefined;
    });
    return result;
  }

  /** How far the last whole-FAQ check got: entries checked of all (done = total once finished). */
  get checkProgress(): { done: number; total: number } | undefined {
    return this.checked && { ...this.checked.progress };
  }

  /** The FAQ's words by language, as evidence for language detection. */
  get vocabulary(): WordEvidence {
    return this.matcher.vocabulary;
  }

  /** Resolves once the matcher's confidence model reflects the latest changes. */
  whenCalibrated(): Promise<void> {
    return this.matcher.whenCalibrated();
  }
}
