/**
 * Password hashing and FAQ file parsing run on worker threads: while 30 staff log in at once and a
 * large (and, at its end, broken) FAQ file is parsed, the bot's event loop stays free, seen here as
 * /healthz answering promptly all along. The bound is generous (a quarter of the time the work
 * takes), so a loaded machine cannot fail it; speed figures belong in `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../../src/console/passwords';
import { serializeFaqFile } from '../../src/faq/file';
import { manyFaqEntries } from '../support/fixtures';
import { consoleFixture, type ConsoleFixture } from './helpers';

/** A real bcrypt cost (production uses 12), lower to keep the test short. */
const COST = 8;
const LOGINS = 30;

describe('the event loop during logins and a large import', () => {
  let f: ConsoleFixture;
  beforeAll(async () => {
    f = await consoleFixture();
    const hash = await hashPassword('a long enough password', COST);
    for (let i = 0; i < LOGINS; i++) await f.store.staff.create({ email: `staff${i}@helpline.kz`, role: 'operator', passwordHash: hash });
  });
  afterAll(() => f.close());

  it('/healthz answers within a quarter of the time 30 parallel logins and a 1.9 MB import take', async () => {
    const editor = await f.login('editor');
    // Just under the 2 MB limit, with a broken entry at the very end: all of it is parsed, nothing stored.
    const [head, entries] = serializeFaqFile(manyFaqEntries(100), 'yaml').split(/(?<=\nentries:\n)/);
    const file = `${head}${entries.repeat(Math.floor((1.9 * 1024 * 1024 - head.length) / Buffer.byteLength(entries)))}  - id: broken\n    topic: [\n`;
    expect(Buffer.byteLength(file) / 1024 / 1024).toBeGreaterThan(1.85);

    const started = performance.now();
    const work = Promise.all([
      ...Array.from({ length: LOGINS }, (_, i) => f.call('POST', '/api/login', { body: { email: `staff${i}@helpline.kz`, password: 'a long enough password' } })),
      f.call('POST', '/api/faq-file', { session: editor, body: { format: 'yaml', text: file } }),
    ]);
    let done = false;
    void work.finally(() => (done = true));

    const latencies: number[] = [];
    while (!done) {
      const asked = performance.now();
      const health = await f.call('GET', '/healthz');
      latencies.push(performance.now() - asked);
      expect(health.statusCode).toBe(200);
    }
    const replies = await work;
    const took = performance.now() - started;

    expect(replies.slice(0, LOGINS).map((r) => r.statusCode)).toEqual(Array(LOGINS).fill(200));
    expect(replies[LOGINS].statusCode).toBe(400);
    const slowest = Math.max(...latencies);
    // A failure shows both figures (the slowest answer against a quarter of the time the work took).
    expect(Math.round(slowest)).toBeLessThan(Math.round(took / 4));
    expect(latencies.length).toBeGreaterThanOrEqual(4);
  });
});
