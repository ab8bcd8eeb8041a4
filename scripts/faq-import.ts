/**
 * Loads a FAQ file (YAML or JSON, the format of ../shared/eval/faq.yaml) into the bot's store, in
 * one all-or-nothing import.
 *
 *   npm run faq:import -- FILE [--replace] [--by NAME]
 *
 * Exit codes: 0 imported, 1 the file (or the store) refused — nothing changed, 2 usage or
 * configuration error.
 */
import os from 'node:os';
import { FaqFileError, readFaqFile } from '../src/faq/file';
import { openStore } from '../src/store';
import { EXIT_FAILED, EXIT_OK } from './command-line';
import { runFaqCli } from './faq-cli';

const USAGE = `Usage: npm run faq:import -- FILE [--replace] [--by NAME]

Loads FILE (.yaml, .yml or .json) into the FAQ of the store the bot uses (DATA_DIR or MONGODB_URI).
The whole file is checked first; if anything is wrong, every problem is listed and nothing changes.
Entries are matched by id: new ones are created, changed ones get a new version (the old one stays
in the history), identical ones are left alone.

Options:
  --replace    also delete the entries that are not in FILE (their history stays)
  --by NAME    who made the change, for the history and the audit log (default: cli:<user>)
  -h, --help   show this help`;

const OPTIONS = { replace: { type: 'boolean', default: false }, by: { type: 'string' } } as const;

runFaqCli('faq-import', USAGE, OPTIONS, async (file, values, config) => {
  const by = typeof values.by === 'string' ? values.by : `cli:${os.userInfo().username}`;
  let entries;
  try {
    entries = await readFaqFile(file);
  } catch (err) {
    if (!(err instanceof FaqFileError)) throw err;
    console.error(`faq-import: ${err.message}\nNothing was imported; fix the file and run again.`);
    return EXIT_FAILED;
  }

  const store = await openStore(config);
  try {
    const summary = await store.faq.import(entries, by, { replace: values.replace === true });
    const revision = await store.faq.revision();
    console.log(
      `Imported ${entries.length} entries from ${file} into ${store.description}: ` +
        `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
        `${summary.deleted} deleted (FAQ revision ${revision}).`,
    );
    return EXIT_OK;
  } catch (err) {
    console.error(`faq-import: the store refused the import, nothing was changed: ${(err as Error).message}`);
    return EXIT_FAILED;
  } finally {
    await store.close();
  }
});
