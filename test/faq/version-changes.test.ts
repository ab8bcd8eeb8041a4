import { versionChanges } from '../../src/faq/version-changes';

describe('versionChanges', () => {
  it('names the entries listed in another version or not held (in listing order), and those held but gone', () => {
    const held = new Map([
      ['same', { version: 2 }],
      ['edited', { version: 1 }],
      ['gone', { version: 4 }],
      ['unversioned', {}],
    ]);
    const versions = new Map([
      ['new', 1],
      ['edited', 2],
      ['same', 2],
      ['unversioned', 1],
    ]);
    expect(versionChanges(held, versions)).toEqual({ changed: ['new', 'edited', 'unversioned'], removed: ['gone'] });
  });
});
