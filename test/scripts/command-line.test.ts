import { EXIT_OK, EXIT_USAGE, readCommandLine, usageMistake } from '../../scripts/command-line';

const USAGE = 'usage: npm run thing -- [--lang ru|en] [--write] FILE…';

describe('readCommandLine', () => {
  let printed: string[];
  let complained: string[];

  beforeEach(() => {
    printed = [];
    complained = [];
    jest.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
    jest.spyOn(console, 'error').mockImplementation((text: string) => void complained.push(text));
  });

  afterEach(() => jest.restoreAllMocks());

  const read = (args: string[], name?: string) =>
    readCommandLine(USAGE, { args, allowPositionals: true, options: { lang: { type: 'string' }, write: { type: 'boolean' } } }, name);

  it('gives the options and the positionals when the command line is right', () => {
    const line = read(['--lang', 'kk', 'faq.yaml', '--write']);
    if (typeof line === 'number') throw new Error(`ended with ${line}`);
    expect(line.values).toEqual({ lang: 'kk', write: true });
    expect(line.positionals).toEqual(['faq.yaml']);
    expect(printed).toEqual([]);
    expect(complained).toEqual([]);
  });

  it('answers -h and --help with the usage on standard output and exit code 0', () => {
    for (const help of ['-h', '--help']) {
      printed = [];
      expect(read(['faq.yaml', help])).toBe(EXIT_OK);
      expect(printed).toEqual([USAGE]);
    }
    expect(complained).toEqual([]);
  });

  it('answers an option it does not know with what was wrong, the usage and exit code 2', () => {
    expect(read(['--bogus'], 'thing')).toBe(EXIT_USAGE);
    expect(complained).toHaveLength(1);
    expect(complained[0]).toMatch(/^thing: Unknown option '--bogus'/);
    expect(complained[0]).toContain(USAGE);
  });

  it('answers an option missing its value the same way, without a name when none is given', () => {
    expect(read(['--lang'])).toBe(EXIT_USAGE);
    expect(complained[0]).toMatch(/^Option '--lang <value>' argument missing/);
    expect(complained[0]).toContain(USAGE);
  });

  it('takes a --help after "--" as a positional, not a request for the usage', () => {
    const line = read(['--', '--help']);
    if (typeof line === 'number') throw new Error(`ended with ${line}`);
    expect(line.positionals).toEqual(['--help']);
    expect(printed).toEqual([]);
  });

  it("says a mistake the script finds itself as it says parseArgs's: what was wrong, a blank line, the usage, exit code 2", () => {
    expect(usageMistake(USAGE, '--lang must be ru or en', 'thing')).toBe(EXIT_USAGE);
    expect(usageMistake(USAGE, 'expected exactly one FILE, got 0')).toBe(EXIT_USAGE);
    expect(read(['--bogus'], 'thing')).toBe(EXIT_USAGE);
    expect(complained.slice(0, 2)).toEqual([`thing: --lang must be ru or en\n\n${USAGE}`, `expected exactly one FILE, got 0\n\n${USAGE}`]);
    // parseArgs's own mistake, in the same shape.
    expect(complained[2].startsWith("thing: Unknown option '--bogus'")).toBe(true);
    expect(complained[2].endsWith(`\n\n${USAGE}`)).toBe(true);
    expect(printed).toEqual([]);
  });
});
