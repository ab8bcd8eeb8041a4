import { timeSlices } from '../../src/schedule/time-slices';

/** Whether a callback queued on the event loop ran during `pause()`. */
async function otherWorkRanDuring(pause: () => Promise<boolean>): Promise<{ yielded: boolean; ran: boolean }> {
  let ran = false;
  setImmediate(() => (ran = true));
  const yielded = await pause();
  return { yielded, ran };
}

describe('timeSlices', () => {
  it('yields to the event loop once the slice is used up, and says so', async () => {
    const pause = timeSlices(0);
    expect(await otherWorkRanDuring(pause)).toEqual({ yielded: true, ran: true });
    expect(await otherWorkRanDuring(pause)).toEqual({ yielded: true, ran: true });
  });

  it('does not yield while the slice lasts', async () => {
    const pause = timeSlices(Infinity);
    expect(await otherWorkRanDuring(pause)).toEqual({ yielded: false, ran: false });
  });
});
