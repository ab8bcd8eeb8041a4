/**
 * The project's folder (the one with package.json), from wherever this module runs: `src/config/`
 * under tsx, `dist/src/config/` in the build the bot runs from. The demo FAQ, the locales and the
 * default data folder are found from it, the same in both.
 */
import fs from 'node:fs';
import path from 'node:path';

export function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json in ${from} or any folder above it`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

/** The demo FAQ: what a fresh store is seeded with unless FAQ_SEED_FILE says otherwise, and what the bench measures. */
export const DEMO_FAQ_FILE = path.join(PROJECT_ROOT, 'src', 'faq', 'demo-faq.yaml');
