/** What `npm ci` runs while it installs: nothing that downloads a binary. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/project-root';

describe('the install', () => {
  test('builds better-sqlite3 from its sources: prebuild-install, its install script\'s first step, is told not to download', () => {
    // Read as the install script reads it: prebuild-install's own configuration, from the package's folder.
    const folder = path.join(PROJECT_ROOT, 'node_modules', 'better-sqlite3');
    const read = "const pkg = require('./package.json'); process.stdout.write(JSON.stringify(require('prebuild-install/rc')(pkg).buildFromSource))";
    const buildFromSource = JSON.parse(execFileSync(process.execPath, ['-e', read], { cwd: folder, encoding: 'utf8', env: { PATH: process.env.PATH } })) as unknown;
    expect(['true', true]).toContain(buildFromSource);
  });
});
