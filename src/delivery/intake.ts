/**
 * The way into the helpline for a channel's updates: each update is stored in the store's inbox
 * before the platform is told it arrived (`take` resolves then: grammY's and Telegraf's polling
 * confirm a batch with the next getUpdates offset only after the middleware resolves, and the
 * webhook answers 200 only then), and handled afterwards, in the background. A restart handles
 * what was stored and not handled (`recover`); an update that comes again is recognised — by the
 * store across restarts, in memory while it is in hand — and handled once. `complete` ends an
 * update: its answer queued and the update marked handled, in one write.
 *
 * A store that refuses writes does not stop answering: the update is handled from memory, its
 * answer sent from memory, and the writes that record both are held until the store takes them
 * (a crash meanwhile loses them: the price of answering at all; /healthz says "degraded").
 */
import { silentLogger, type Logger } from '../logging';
import type { InboundState, InboxStore, OutgoingInput } from '../store/types';
import { HeldWritesFull, type HeldWrites } from './held-writes';
import { RecentIds } from './recent-ids';
import { isStoreUnavailable } from './store-trouble';

/** The channel's sender, as the intake hands it an update's answer. */
export interface AnswerSender {
  /** The answer is queued: send it. */
  kick(): void;
  /** The store could not queue the answer: send it from memory. */
  sendNow(items: OutgoingInput[]): void;
}

export interface IntakeOptions<U> {
  channel: string;
  inbox: Pick<InboxStore, 'record' | 'unhandled' | 'complete' | 'prune'>;
  sender: AnswerSender;
  /** Where writes the store refuses wait; without it such a write fails the update (tried again at the next start). */
  held?: HeldWrites;
  /** The update's id, unique in the channel (Telegram's update_id, WhatsApp's message id). */
  idOf(update: U): string;
  /** What is stored to handle the update again after a restart, and how it is read back. */
  encode(update: U): string;
  decode(payload: string): U;
  /** Handles one update, completing it in the inbox with its answer; may reject (logged, and tried again at the next start). */
  handle(update: U, id: string): Promise<void>;
  clock?: () => Date;
  logger?: Logger;
}

/** Updates a restart reads back at once; more than this were never waiting for a helpline. */
const RECOVER_LIMIT = 10_000;

/**
 * Handled updates are kept this long, to recognise a redelivery (Telegram keeps an unconfirmed
 * update for 24 hours), then deleted: they hold residents' words, which the tickets keep where needed.
 */
export const KEEP_HANDLED_MS = 48 * 3600_000;
/** How often a process deletes the handled updates past KEEP_HANDLED_MS (checked as updates arrive). */
const PRUNE_EVERY_MS = 3600_000;

export class Intake<U> {
  private readonly log: Logger;
  private readonly clock: () => Date;
  /** Ids being handled now. */
  private readonly inHand = new Set<string>();
  /** Ids handled by this process lately (the inbox may not say so yet when its write is held). */
  private readonly done = new RecentIds<string>(10_000);
  private readonly running = new Set<Promise<void>>();
  private prunedAt = -Infinity;

  constructor(private readonly options: IntakeOptions<U>) {
    this.log = options.logger ?? silentLogger;
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Stores the update and starts handling it; resolves once it is stored (only then may the
   * platform be told it arrived). An update already handled, or in hand, is left alone.
   */
  async take(update: U): Promise<void> {
    const { channel, inbox, idOf, encode, held } = this.options;
    const id = idOf(update);
    if (this.known(id)) return;
    this.pruneNow();
    const input = { channel, updateId: id, payload: encode(update), receivedAt: this.clock() };
    let state: InboundState = 'new';
    try {
      const outcome = held ? await held.run('inbox record', () => inbox.record(input)) : { held: false as const, value: await inbox.record(input) };
      if (!outcome.held) state = outcome.value;
    } catch (error) {
      // Answering from memory beats not answering; the update is not stored, so a crash now loses it.
      this.log.error({ err: error, update: id }, 'could not store an update before handling it; handling it from memory');
    }
    if (state === 'handled' || this.known(id)) return;
    this.start(update, id);
  }

  /**
   * Ends an update: queues its answer and marks it handled, in one write, then wakes the sender.
   * When the store refuses the write the answer is sent from memory and the mark is held.
   */
  async complete(id: string, outgoing: OutgoingInput[]): Promise<void> {
    const { channel, inbox, held, sender } = this.options;
    if (!held?.troubled) {
      try {
        await inbox.complete(channel, id, outgoing);
        if (outgoing.length > 0) sender.kick();
        return;
      } catch (error) {
        if (!held || !isStoreUnavailable(error)) throw error;
      }
    }
    if (outgoing.length > 0) sender.sendNow(outgoing);
    try {
      await held.run('inbox complete', () => inbox.complete(channel, id, []));
    } catch (error) {
      if (!(error instanceof HeldWritesFull)) throw error;
      // Answered, but not marked: a restart before the store is back answers it again.
      this.log.error({ update: id }, 'answered an update the store could not mark handled');
    }
  }

  /** Starts handling the updates stored and not handled before (a restart); resolves how many. */
  async recover(): Promise<number> {
    const { channel, inbox, decode } = this.options;
    const stored = await inbox.unhandled(channel, RECOVER_LIMIT);
    let started = 0;
    for (const item of stored) {
      if (this.known(item.updateId)) continue;
      let update: U;
      try {
        update = decode(item.payload);
      } catch (error) {
        this.log.error({ err: error, update: item.updateId }, 'a stored update cannot be read; left in the inbox');
        continue;
      }
      this.start(update, item.updateId);
      started++;
    }
    if (started > 0) this.log.info({ channel, updates: started }, 'handling updates stored before the restart');
    return started;
  }

  /** Resolves once every update taken so far has been handled. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Deletes old handled updates, at most once an hour, in the background. */
  private pruneNow(): void {
    const now = this.clock().getTime();
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    this.options.inbox
      .prune(new Date(now - KEEP_HANDLED_MS))
      .then((deleted) => deleted > 0 && this.log.debug({ channel: this.options.channel, deleted }, 'deleted old handled updates'))
      .catch((error: unknown) => this.log.warn({ err: error }, 'could not delete old handled updates; tried again in an hour'));
  }

  private known(id: string): boolean {
    return this.inHand.has(id) || this.done.has(id);
  }

  /** Hands the update to the channel at once (synchronously up to the engine's queue, so order holds). */
  private start(update: U, id: string): void {
    this.inHand.add(id);
    const work = this.options
      .handle(update, id)
      .then(
        () => void this.done.seen(id),
        (error: unknown) => this.log.error({ err: error, update: id }, 'update could not be handled; it stays in the inbox for the next start'),
      )
      .finally(() => {
        this.inHand.delete(id);
        this.running.delete(work);
      });
    this.running.add(work);
  }
}
