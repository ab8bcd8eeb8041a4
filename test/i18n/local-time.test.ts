import { localParts, offsetLabel, startOfLocalDay } from '../../src/i18n/local-time';

describe('local time (OPERATOR_UTC_OFFSET)', () => {
  it('reads a moment on the operators\' clock, whatever the server\'s zone', () => {
    expect(localParts(new Date('2026-01-17T12:05:00Z'), 300)).toEqual({ date: '2026-01-17', time: '17:05', input: '2026-01-17T17:05' });
    // Past local midnight while UTC is still on the day before.
    expect(localParts(new Date('2026-01-16T19:30:00Z'), 300)).toEqual({ date: '2026-01-17', time: '00:30', input: '2026-01-17T00:30' });
    expect(localParts(new Date('2026-01-17T02:00:00Z'), -210).input).toBe('2026-01-16T22:30');
  });

  it('finds where the local day began', () => {
    expect(startOfLocalDay(new Date('2026-01-17T12:00:00Z'), 300).toISOString()).toBe('2026-01-16T19:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-01-16T19:00:00Z'), 300).toISOString()).toBe('2026-01-16T19:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-01-16T18:59:59Z'), 300).toISOString()).toBe('2026-01-15T19:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-01-17T02:00:00Z'), -210).toISOString()).toBe('2026-01-16T03:30:00.000Z');
  });

  it('writes the offset as people do', () => {
    expect(offsetLabel(300)).toBe('+05:00');
    expect(offsetLabel(-210)).toBe('-03:30');
    expect(offsetLabel(0)).toBe('+00:00');
  });
});
