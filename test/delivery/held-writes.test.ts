/** Writes the store refuses are held and made later, in order, bounded; other failures are not hidden. */
import { HeldWrites, HeldWritesFull } from '../../src/delivery/held-writes';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('HeldWrites', () => {
  it('holds refused writes, keeps later ones behind them, and makes them in order once the store is back', async () => {
    const held = new HeldWrites({ retryMs: 5 });
    const made: string[] = [];
    let down = true;
    const write = (name: string) => async () => {
      if (down) throw busy();
      made.push(name);
      return name;
    };
    expect(await held.run('a', write('a'))).toEqual({ held: true });
    // Not tried while others wait: the order is kept.
    down = false;
    expect(await held.run('b', write('b'))).toEqual({ held: true });
    expect(held.status()).toMatchObject({ held: 2, lastError: 'database is locked' });
    await held.settled();
    expect(made).toEqual(['a', 'b']);
    expect(await held.run('c', write('c'))).toEqual({ held: false, value: 'c' });
    expect(held.status()).toEqual({ held: 0, dropped: 0 });
  });

  it('refuses to hold more than its limit, and passes on errors that are not the store\'s trouble', async () => {
    const held = new HeldWrites({ limit: 2, retryMs: 60_000 });
    const refused = async () => {
      throw busy();
    };
    await held.run('1', refused);
    await held.run('2', refused);
    await expect(held.run('3', refused)).rejects.toBeInstanceOf(HeldWritesFull);
    const wrong = new Error('UNIQUE constraint failed');
    await expect(new HeldWrites().run('x', () => Promise.reject(wrong))).rejects.toBe(wrong);
    await held.close();
    expect(held.status().held).toBe(0);
  });
});
