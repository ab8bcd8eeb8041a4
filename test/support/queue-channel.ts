/**
 * A channel for tests of what sits above the channels (the operator desk): `send` queues in the
 * store's outbox like a real channel, and a real OutboxSender delivers to a recorder that can be
 * switched off. Retries wait on the harness's clock, so a test moves time and then asks what was
 * delivered.
 */
import { open } from '../../src/delivery/envelope';
import { OutboxSender } from '../../src/delivery/outbox-sender';
import type { Timers } from '../../src/delivery/timers';
import type { Channel } from '../../src/engine/channel';
import type { Reply } from '../../src/engine/types';
import { seal } from '../../src/delivery/envelope';
import type { Store } from '../../src/store/types';
import type { TestClock } from './engine';

export class QueueChannel implements Channel {
  readonly sent: { chatId: string; reply: Reply }[] = [];
  /** While true every send fails with "channel unreachable". */
  down = false;
  private wakes: { at: number; fn: () => void }[] = [];
  private readonly sender: OutboxSender<Reply>;

  constructor(
    private readonly store: Pick<Store, 'outbox'>,
    private readonly clock: TestClock,
    readonly name = 'test',
  ) {
    const timers: Timers = {
      now: () => clock.now().getTime(),
      // Pacing is not what these tests are about: no gap is waited for.
      sleep: async () => undefined,
      schedule: (fn, ms) => {
        const wake = { at: clock.now().getTime() + ms, fn };
        this.wakes.push(wake);
        return () => (this.wakes = this.wakes.filter((w) => w !== wake));
      },
    };
    this.sender = new OutboxSender(
      {
        channel: name,
        outbox: store.outbox,
        transport: {
          render: (item) => [open(item.text).reply],
          send: async (chatId, reply) => {
            if (this.down) throw new Error('channel unreachable');
            this.sent.push({ chatId, reply });
          },
          classify: (error) => ({ kind: 'transient', reason: error instanceof Error ? error.message : String(error) }),
        },
        timers,
      },
      { retryBaseMs: 1000, pollMs: 0, flood: { perChatIntervalMs: 0 } },
    );
  }

  async start(): Promise<void> {
    this.sender.resume();
  }

  async stop(): Promise<void> {
    await this.sender.stop();
  }

  async send(chatId: string, replies: Reply[]): Promise<void> {
    await this.store.outbox.enqueue(replies.map((reply) => ({ channel: this.name, chatId, text: seal({ reply }) })));
    this.sender.kick();
  }

  /** Runs the retries due by the clock now, and resolves once the sender has nothing in hand. */
  async delivered(): Promise<void> {
    const now = this.clock.now().getTime();
    const due = this.wakes.filter((w) => w.at <= now);
    this.wakes = this.wakes.filter((w) => w.at > now);
    for (const wake of due) wake.fn();
    this.sender.kick();
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.sender.idle();
    }
  }
}
