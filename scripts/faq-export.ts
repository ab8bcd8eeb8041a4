/**
 * Writes the bot's current FAQ to a file in the import format, for editing and re-importing.
 *
 *   npm run faq:export -- FILE
 *
 * Exit codes: 0 written, 1 the file or store could not be written or read, 2 usage or
 * configuration error.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { faqFormatOf, serializeFaqFile } from '../src/faq/file';
import { openStore } from '../src/store';

const USAGE = `Usage: npm run faq:export -- FILE

Writes the current FAQ of the store the bot uses (DATA_DIR or MONGODB_URI) to FILE, as YAML for
.yaml/.yml or JSON for .json. Use - as FILE to print YAML to the standard output.
The file is the import format: edit it and load it back with npm run faq:import -- FILE.

Options:
  -h, --help   show this help`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (err) {
    console.error(`faq-export: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    console.error(`faq-export: expected exactly one FILE, got ${args.positionals.length}\n\n${USAGE}`);
    return 2;
  }
  const [file] = args.positionals;
  const format = file === '-' ? 'yaml' : faqFormatOf(file);
  if (!format) {
    console.error(`faq-export: ${file}: the name must end in .yaml, .yml or .json\n\n${USAGE}`);
    return 2;
  }

  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`faq-export: ${err.message}`);
    return 2;
  }

  const store = await openStore(config);
  try {
    const entries = await store.listFaq();
    const text = serializeFaqFile(entries, format);
    if (file === '-') {
      process.stdout.write(text);
      return 0;
    }
    // Write beside the target and rename: an interrupted export never leaves half a file.
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
      await fs.writeFile(temp, text, 'utf8');
      await fs.rename(temp, file);
    } catch (err) {
      await fs.rm(temp, { force: true });
      console.error(`faq-export: cannot write ${file}: ${(err as Error).message}`);
      return 1;
    }
    console.log(`Exported ${entries.length} entries from ${store.description} to ${file}.`);
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('faq-export: unexpected error:', err);
    process.exitCode = 1;
  },
);
