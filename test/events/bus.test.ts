import { EventBus } from '../../src/events/bus';
import { SqliteStore } from '../../src/store/sqlite';
import type { FeedEvent, FeedEventInput, FeedStore } from '../../src/store/types';
import { tempDir } from '../support/fixtures';
import { waitFor } from '../support/wait';

/**
 * A feed whose appends become visible late and out of seq order, as a MongoDB feed without change
 * streams may show them (seqs are taken before the insert lands).
 */
class LaggingFeed implements FeedStore {
  readonly reorderWindow = 10;
  private seq = 0;
  private readonly visible: FeedEvent[] = [];
  /** Takes a seq now; the event shows when `land` is called. */
  reserve(input: FeedEventInput): { land: () => void } {
    const event: FeedEvent = { ...input, seq: ++this.seq, at: new Date() };
    return { land: () => void this.visible.push(event) };
  }
  async append(input: FeedEventInput): Promise<FeedEvent> {
    const event: FeedEvent = { ...input, seq: ++this.seq, at: new Date() };
    this.visible.push(event);
    return event;
  }
  async after(seq: number, limit: number): Promise<FeedEvent[]> {
    return this.visible.filter((e) => e.seq > seq).sort((a, b) => a.seq - b.seq).slice(0, limit);
  }
  async head(): Promise<number> {
    return Math.max(0, ...this.visible.map((e) => e.seq));
  }
  async prune(): Promise<number> {
    return 0;
  }
}

describe('EventBus', () => {
  const buses: EventBus[] = [];
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.stop();
  });
  const follow = async (feed: FeedStore) => {
    const bus = new EventBus(feed, { pollMs: 10 });
    buses.push(bus);
    await bus.start();
    return bus;
  };

  test("two stores on one SQLite file: each hears the other's events once, not its own, nor those from before it started", async () => {
    const tmp = tempDir();
    const one = new SqliteStore(tmp.dir);
    const two = new SqliteStore(tmp.dir);
    try {
      await one.feed.append({ topic: 'ticket', kind: 'opened', subject: 'before', origin: 'elsewhere' });
      const a = await follow(one.feed);
      const b = await follow(two.feed);
      const heardByA: string[] = [];
      const heardByB: string[] = [];
      a.on('ticket', (e) => void heardByA.push(`${e.kind} ${e.subject}`));
      b.on('ticket', (e) => void heardByB.push(`${e.kind} ${e.subject}`));
      b.on('alert', (e) => void heardByB.push(`alert ${e.kind}`));

      await a.publish({ topic: 'ticket', kind: 'opened', subject: '1' });
      await a.publish({ topic: 'alert', kind: 'due', subject: '*' });
      await b.publish({ topic: 'ticket', kind: 'claimed', subject: '1', data: { operator: 'op' } });
      await waitFor(() => heardByB.length === 2 && heardByA.length === 1, 'both to hear the other');
      await new Promise((resolve) => setTimeout(resolve, 50)); // a few more polls: nothing twice
      expect(heardByB).toEqual(['opened 1', 'alert due']);
      expect(heardByA).toEqual(['claimed 1']);
    } finally {
      await one.close();
      await two.close();
      tmp.cleanup();
    }
  });

  test('an append that becomes visible behind newer ones is still heard, once', async () => {
    const feed = new LaggingFeed();
    const bus = await follow(feed);
    const heard: string[] = [];
    bus.on('ticket', (e) => void heard.push(e.subject));
    const late = feed.reserve({ topic: 'ticket', kind: 'opened', subject: 'late', origin: 'p2' });
    await feed.append({ topic: 'ticket', kind: 'opened', subject: 'early', origin: 'p2' });
    await waitFor(() => heard.includes('early'), 'the early event');
    late.land();
    await waitFor(() => heard.includes('late'), 'the late event');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual(['early', 'late']);
  });

  test('a failing listener does not stop the others, nor the following', async () => {
    const tmp = tempDir();
    const store = new SqliteStore(tmp.dir);
    try {
      const bus = await follow(store.feed);
      const heard: string[] = [];
      bus.on('ticket', () => {
        throw new Error('listener broke');
      });
      bus.on('ticket', (e) => void heard.push(e.subject));
      await store.feed.append({ topic: 'ticket', kind: 'opened', subject: '1', origin: 'other' });
      await store.feed.append({ topic: 'ticket', kind: 'opened', subject: '2', origin: 'other' });
      await waitFor(() => heard.length === 2, 'both events');
      expect(heard).toEqual(['1', '2']);
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });
});
