/** The project's folder, found from wherever the code runs: the sources or their build in dist/. */
import fs from 'node:fs';
import path from 'node:path';
import { findProjectRoot, PROJECT_ROOT } from '../../src/config/project-root';
import { tempDir } from '../support/fixtures';

describe('project root', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  test('is the nearest folder above with package.json, from the sources and from their build alike', () => {
    fs.writeFileSync(path.join(tmp.dir, 'package.json'), '{}');
    const sources = path.join(tmp.dir, 'src', 'config');
    const build = path.join(tmp.dir, 'dist', 'src', 'config');
    fs.mkdirSync(sources, { recursive: true });
    fs.mkdirSync(build, { recursive: true });
    expect(findProjectRoot(sources)).toBe(tmp.dir);
    expect(findProjectRoot(build)).toBe(tmp.dir);
  });

  test('a folder with no package.json above it is an error that names it', () => {
    // The temporary folder's ancestors (the system's temp folder, /) have no package.json.
    const lost = path.join(tmp.dir, 'a', 'b');
    fs.mkdirSync(lost, { recursive: true });
    expect(() => findProjectRoot(lost)).toThrow(`no package.json in ${lost}`);
  });

  test('for this code is the folder with its package.json, locales and demo FAQ', () => {
    expect(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).name).toBe('helpline-bot');
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'locales', 'ru', 'translation.json'))).toBe(true);
  });
});
