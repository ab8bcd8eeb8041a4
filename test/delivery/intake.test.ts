/** The intake over a real SQLite store: stored before it resolves, handled once, old handled updates deleted. */
import { Intake, KEEP_HANDLED_MS } from '../../src/delivery/intake';
import { SqliteStore } from '../../src/store/sqlite';
import { tempDir } from '../support/fixtures';

interface Update {
  id: string;
  text: string;
}

describe('Intake', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: SqliteStore;
  const now = { ms: Date.parse('2022-01-10T08:00:00Z') };

  beforeEach(() => {
    tmp = tempDir('helpline-intake-');
    store = new SqliteStore(tmp.dir);
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  function intake(handled: string[]) {
    const taken: Intake<Update> = new Intake<Update>({
      channel: 'telegram',
      inbox: store.inbox,
      sender: { kick: () => undefined, sendNow: () => undefined },
      idOf: (u) => u.id,
      encode: (u) => JSON.stringify(u),
      decode: (p) => JSON.parse(p) as Update,
      handle: async (u, id) => {
        handled.push(u.text);
        await taken.complete(id, []);
      },
      clock: () => new Date(now.ms),
    });
    return taken;
  }

  it('handles an update once, recognises it after a restart, and deletes handled updates once they are old', async () => {
    const handled: string[] = [];
    const first = intake(handled);
    await first.take({ id: '1', text: 'when is the curfew?' });
    expect(await store.inbox.record({ channel: 'telegram', updateId: '1', payload: '{}', receivedAt: new Date(now.ms) })).not.toBe('new');
    await first.drain();
    await first.take({ id: '1', text: 'when is the curfew?' });
    await first.drain();

    // A new process: the update is known from the store.
    const second = intake(handled);
    await second.take({ id: '1', text: 'when is the curfew?' });
    await second.drain();
    expect(handled).toEqual(['when is the curfew?']);

    // Two days later the old update is deleted when the next one arrives; the new one stays.
    now.ms += KEEP_HANDLED_MS + 60_000;
    await second.take({ id: '2', text: 'are banks open?' });
    await second.drain();
    expect(await store.inbox.record({ channel: 'telegram', updateId: '1', payload: '{}', receivedAt: new Date(now.ms) })).toBe('new');
    expect(await store.inbox.record({ channel: 'telegram', updateId: '2', payload: '{}', receivedAt: new Date(now.ms) })).toBe('handled');
  });
});

