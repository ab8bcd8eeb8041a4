import { wholeNumber } from '../../scripts/whole-number';

describe('wholeNumber', () => {
  it('reads digits, spaces around them allowed', () => {
    expect(wholeNumber('0')).toBe(0);
    expect(wholeNumber('6000')).toBe(6000);
    expect(wholeNumber(' 12 ')).toBe(12);
  });

  it('refuses what Number would take but is no count written in digits', () => {
    for (const value of ['', ' ', '2.0', '1e3', '0x10', '-1', '+3', '3 4', 'two', '9007199254740993']) {
      expect(wholeNumber(value)).toBeUndefined();
    }
  });
});
