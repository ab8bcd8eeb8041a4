/**
 * Console load figures for `npm run bench`: how long `/healthz` takes while staff log in at the
 * production bcrypt cost (12) all at once, and while a FAQ file just under the import limit is
 * parsed. Hashing and parsing run on worker threads, so the event loop should stay free (the
 * target: /healthz under 50 ms throughout). A real console on a temporary SQLite store.
 */
import { performance } from 'node:perf_hooks';
import { createConsoleServer } from '../src/console/server';
import { DEFAULT_BCRYPT_COST, hashPassword } from '../src/console/passwords';
import { FaqCatalog } from '../src/faq/catalog';
import { serializeFaqFile } from '../src/faq/file';
import type { FaqEntryInput } from '../src/faq/types';
import { silentLogger } from '../src/logging';
import { createTranslator } from '../src/i18n';
import { createMatcher, DEFAULT_THRESHOLDS } from '../src/matcher';
import { round } from './bench-figures';
import { withTempStore } from './bench-store';

export interface ConsoleLoadFigures {
  logins: number;
  logins_s: number;
  import_mb: number;
  import_s: number;
  healthz_p50_ms: number;
  healthz_p99_ms: number;
  healthz_max_ms: number;
}


/** Asks /healthz one request after another until `work` settles; the latencies in ms. */
async function healthWhile(base: string, work: Promise<unknown>): Promise<number[]> {
  let done = false;
  void work.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const asked = performance.now();
    await (await fetch(`${base}/healthz`)).text();
    latencies.push(performance.now() - asked);
  }
  return latencies;
}

/**
 * @param logins parallel logins at the production cost
 * @param faq the entries an import file is made of, repeated up to just under `importMb`
 */
export async function consoleLoad(logins: number, faq: readonly FaqEntryInput[], importMb = 2): Promise<ConsoleLoadFigures> {
  return withTempStore('console', async (store) => {
    const catalog = new FaqCatalog(createMatcher());
    const server = await createConsoleServer({ store, catalog, thresholds: DEFAULT_THRESHOLDS, logger: silentLogger, translator: createTranslator() }, { importMaxBytes: importMb * 1024 * 1024 });
    try {
      const base = await server.listen(0);
      const password = 'a long enough password';
      const hash = await hashPassword(password, DEFAULT_BCRYPT_COST);
      await store.staff.create({ email: 'editor@bench.kz', role: 'editor', passwordHash: hash });
      for (let i = 0; i < logins; i++) await store.staff.create({ email: `staff${i}@bench.kz`, role: 'operator', passwordHash: hash });
      const login = (email: string) =>
        fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

      let started = performance.now();
      const loginWork = Promise.all(Array.from({ length: logins }, (_, i) => login(`staff${i}@bench.kz`)));
      const duringLogins = await healthWhile(base, loginWork);
      const loginsS = (performance.now() - started) / 1000;

      const editor = await login('editor@bench.kz');
      const csrf = ((await editor.json()) as { csrfToken: string }).csrfToken;
      const cookie = (editor.headers.get('set-cookie') ?? '').split(';')[0];
      const [head, entries] = serializeFaqFile(faq, 'yaml').split(/(?<=\nentries:\n)/);
      // Distinct ids are not needed: the file is parsed whole and then refused for its duplicates.
      const file = head + entries.repeat(Math.floor((importMb * 0.95 * 1024 * 1024 - head.length) / Buffer.byteLength(entries)));
      started = performance.now();
      const importWork = fetch(`${base}/api/faq-file?format=yaml`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', cookie, 'x-csrf-token': csrf },
        body: file,
      });
      const duringImport = await healthWhile(base, importWork);
      const importS = (performance.now() - started) / 1000;

      const all = [...duringLogins, ...duringImport].sort((a, b) => a - b);
      const at = (p: number) => round(all[Math.min(all.length - 1, Math.floor(all.length * p))] ?? 0);
      return {
        logins,
        logins_s: round(loginsS, 2),
        import_mb: round(Buffer.byteLength(file) / 1024 / 1024, 2),
        import_s: round(importS, 2),
        healthz_p50_ms: at(0.5),
        healthz_p99_ms: at(0.99),
        healthz_max_ms: at(1),
      };
    } finally {
      await server.close();
    }
  });
}
