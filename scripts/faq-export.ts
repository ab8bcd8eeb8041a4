/**
 * Writes the bot's current FAQ to a file in the import format, for editing and re-importing.
 *
 *   npm run faq:export -- FILE
 *
 * Exit codes: 0 written, 1 the file could not be written, 2 usage or configuration error.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { faqFormatOf, serializeFaqFile } from '../src/faq/file';
import { openStore } from '../src/store';
import { EXIT_FAILED, EXIT_OK, usageMistake } from './command-line';
import { runFaqCli } from './faq-cli';

const USAGE = `Usage: npm run faq:export -- FILE

Writes the current FAQ of the store the bot uses (DATA_DIR or MONGODB_URI) to FILE, as YAML for
.yaml/.yml or JSON for .json. Use - as FILE to print YAML to the standard output.
The file is the import format: edit it and load it back with npm run faq:import -- FILE.

Options:
  -h, --help   show this help`;

runFaqCli('faq-export', USAGE, {}, async (file, _values, config) => {
  const format = file === '-' ? 'yaml' : faqFormatOf(file);
  if (!format) {
    return usageMistake(USAGE, `${file}: the name must end in .yaml, .yml or .json`, 'faq-export');
  }

  const store = await openStore(config);
  let text: string;
  let count: number;
  try {
    const entries = await store.faq.list();
    count = entries.length;
    text = serializeFaqFile(entries, format);
  } finally {
    await store.close();
  }
  if (file === '-') {
    process.stdout.write(text);
    return EXIT_OK;
  }
  // Write beside the target and rename: an interrupted export never leaves half a file.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, text, 'utf8');
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    console.error(`faq-export: cannot write ${file}: ${(err as Error).message}`);
    return EXIT_FAILED;
  }
  console.log(`Exported ${count} entries to ${file}.`);
  return EXIT_OK;
});
