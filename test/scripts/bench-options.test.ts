/** `npm run bench`'s options: read and checked before anything is measured. */
import { BENCH_USAGE, BenchOptionsError, DEFAULT_MESSAGES, readBenchOptions } from '../../scripts/bench-options';
import { runTs } from '../support/run-ts';

describe('npm run bench options', () => {
  it('runs the default run with no options, and says the run is the default one', () => {
    expect(readBenchOptions([])).toEqual({
      messages: DEFAULT_MESSAGES,
      alertSubscribers: 0,
      consoleLogins: 16,
      deliveryLong: false,
      moreInMemory: false,
      given: false,
      help: false,
    });
  });

  it('takes every option as given, and marks the run as not the default one', () => {
    expect(
      readBenchOptions(['--messages', '50000', '--alert-subscribers', '100000', '--console-logins', '30', '--delivery-long', '--more-in-memory']),
    ).toEqual({ messages: 50_000, alertSubscribers: 100_000, consoleLogins: 30, deliveryLong: true, moreInMemory: true, given: true, help: false });
    expect(readBenchOptions(['--more-in-memory']).given).toBe(true);
  });

  it.each([
    [['--messages', 'abc'], '--messages takes a whole number of at least 1000, not "abc"'],
    [['--messages', '500'], '--messages takes a whole number of at least 1000, not "500"'],
    [['--messages', '1500.5'], '--messages takes a whole number of at least 1000, not "1500.5"'],
    [['--messages=-2000'], '--messages takes a whole number of at least 1000, not "-2000"'],
    [['--alert-subscribers', '10'], '--alert-subscribers takes a whole number of at least 100, not "10"'],
    [['--console-logins', '0'], '--console-logins takes a whole number of at least 1, not "0"'],
  ])('refuses %j, saying which option and why', (argv, message) => {
    expect(() => readBenchOptions(argv)).toThrow(new BenchOptionsError(message));
  });

  it('refuses an option it does not know', () => {
    expect(() => readBenchOptions(['--mesages', '5000'])).toThrow(BenchOptionsError);
    expect(() => readBenchOptions(['--mesages', '5000'])).toThrow(/--mesages/);
  });

  it('stops with the usage and exit code 2 before measuring anything when an option is wrong', async () => {
    const run = await runTs('scripts/bench.ts', ['--messages', 'many'], { LOG_LEVEL: 'silent' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bench: --messages takes a whole number of at least 1000, not "many"');
    expect(run.stderr).toContain(BENCH_USAGE);
    expect(run.stdout).toBe('');
  });

  it('prints the usage for --help and exits 0', async () => {
    const run = await runTs('scripts/bench.ts', ['--help'], { LOG_LEVEL: 'silent' });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(BENCH_USAGE);
  });
});
