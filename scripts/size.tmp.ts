import { gzipSync } from 'node:zlib';
import { CONSOLE_SCRIPT, CONSOLE_STYLES } from '../src/console/assets';
for (const [n, s] of [['console.css', CONSOLE_STYLES], ['console.js', CONSOLE_SCRIPT]] as const) console.log(n, Buffer.byteLength(s), 'bytes,', gzipSync(s).length, 'gzipped');
