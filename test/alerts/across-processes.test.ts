/**
 * An alert sent now from one process (its console, which has no alert transports) starts at once
 * in another process that has them, through the event feed, without waiting for its minute tick.
 */
import { AlertLoop, announceAlertsDue } from '../../src/alerts/alert-loop';
import { AlertSender, type AlertTransport, type DeliveryOutcome } from '../../src/alerts/sender';
import { EventBus } from '../../src/events/bus';
import { SqliteStore } from '../../src/store/sqlite';
import { tempDir } from '../support/fixtures';
import { waitFor } from '../support/wait';

class RecordingTransport implements AlertTransport {
  readonly sent: string[] = [];
  async deliver(chatId: string): Promise<DeliveryOutcome> {
    this.sent.push(chatId);
    return { status: 'sent' };
  }
}

test('"send now" in one process starts delivery in the process that has the channel', async () => {
  const tmp = tempDir();
  const consoleSide = new SqliteStore(tmp.dir);
  const senderSide = new SqliteStore(tmp.dir);
  const consoleBus = new EventBus(consoleSide.feed, { pollMs: 20 });
  const senderBus = new EventBus(senderSide.feed, { pollMs: 20 });
  const transport = new RecordingTransport();
  // A tick once a year: only the event can start this delivery within the test.
  const loop = new AlertLoop(new AlertSender({ store: senderSide, holder: 'sender', transports: new Map([['telegram', transport]]) }), {
    cron: '0 0 1 1 *',
    bus: senderBus,
  });
  try {
    await consoleBus.start();
    await senderBus.start();
    loop.start();
    for (const chatId of ['1', '2']) await consoleSide.alerts.saveSubscription({ channel: 'telegram', chatId, topics: ['curfew'], lang: 'ru' });
    const alert = await consoleSide.alerts.create({ text: { ru: 'Комендантский час' }, topics: ['curfew'], districts: [], runAt: new Date(), createdBy: 'ed' });
    await consoleSide.alerts.start(alert.id);
    // Several polls of the feed later, nothing has moved: nobody said the alert is due.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(transport.sent).toEqual([]);
    announceAlertsDue(consoleBus).kick();
    await waitFor(() => transport.sent.length === 2, 'the other process to send the alert');
    await waitFor(async () => (await consoleSide.alerts.get(alert.id))?.status === 'done', 'the alert done');
    expect(transport.sent.sort()).toEqual(['1', '2']);
  } finally {
    await loop.stop();
    await consoleBus.stop();
    await senderBus.stop();
    await consoleSide.close();
    await senderSide.close();
    tmp.cleanup();
  }
});
