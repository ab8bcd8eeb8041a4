/**
 * The way into the helpline for a channel's updates: each update is stored in the store's inbox
 * before the platform is told it arrived (`take` resolves then: grammY's and Telegraf's polling
 * confirm a batch with the next getUpdates offset only after the middleware resolves, and the
 * webhook answers 200 only then), and handled afterwards, in the background. A restart handles
 * what was stored and not handled (`recover`); an update that comes again is recognised — by the
 * store across restarts, in memory while it is in hand — and handled once.
 */
import { silentLogger, type Logger } from '../logging';
import type { InboxStore } from '../store/types';
import { RecentIds } from './recent-ids';

export interface IntakeOptions<U> {
  channel: string;
  inbox: Pick<InboxStore, 'record' | 'unhandled'>;
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

export class Intake<U> {
  private readonly log: Logger;
  private readonly clock: () => Date;
  /** Ids being handled now. */
  private readonly inHand = new Set<string>();
  /** Ids handled by this process lately (the inbox may not say so yet when its write is held). */
  private readonly done = new RecentIds<string>(10_000);
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: IntakeOptions<U>) {
    this.log = options.logger ?? silentLogger;
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Stores the update and starts handling it; resolves once it is stored (only then may the
   * platform be told it arrived). An update already handled, or in hand, is left alone.
   */
  async take(update: U): Promise<void> {
    const { channel, inbox, idOf, encode } = this.options;
    const id = idOf(update);
    if (this.known(id)) return;
    let state;
    try {
      state = await inbox.record({ channel, updateId: id, payload: encode(update), receivedAt: this.clock() });
    } catch (error) {
      // Answering from memory beats not answering; the update is not stored, so a crash now loses it.
      this.log.error({ err: error, update: id }, 'could not store an update before handling it; handling it from memory');
      state = 'new' as const;
    }
    if (state === 'handled' || this.known(id)) return;
    this.start(update, id);
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
