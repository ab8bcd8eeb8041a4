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
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { FaqFileError, readFaqFile } from '../src/faq/file';
import { openStore } from '../src/store';

const USAGE = `Usage: npm run faq:import -- FILE [--replace] [--by NAME]

Loads FILE (.yaml, .yml or .json) into the FAQ of the store the bot uses (DATA_DIR or MONGODB_URI).
The whole file is checked first; if anything is wrong, every problem is listed and nothing changes.
Entries are matched by id: new ones are created, changed ones get a new version (the old one stays
in the history), identical ones are left alone.

Options:
  --replace    also delete the entries that are not in FILE (their history stays)
  --by NAME    who made the change, for the history and the audit log (default: cli:<user>)
  -h, --help   show this help`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        replace: { type: 'boolean', default: false },
        by: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`faq-import: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    console.error(`faq-import: expected exactly one FILE, got ${args.positionals.length}\n\n${USAGE}`);
    return 2;
  }
  const [file] = args.positionals;
  const by = args.values.by ?? `cli:${os.userInfo().username}`;

  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`faq-import: ${err.message}`);
    return 2;
  }

  let entries;
  try {
    entries = await readFaqFile(file);
  } catch (err) {
    if (!(err instanceof FaqFileError)) throw err;
    console.error(`faq-import: ${err.message}\nNothing was imported; fix the file and run again.`);
    return 1;
  }

  const store = await openStore(config);
  try {
    const summary = await store.importFaq(entries, by, { replace: args.values.replace });
    const revision = await store.faqRevision();
    console.log(
      `Imported ${entries.length} entries from ${file} into ${store.description}: ` +
        `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
        `${summary.deleted} deleted (FAQ revision ${revision}).`,
    );
    return 0;
  } catch (err) {
    console.error(`faq-import: the store refused the import, nothing was changed: ${(err as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('faq-import: unexpected error:', err);
    process.exitCode = 1;
  },
);
