import fs from 'node:fs';
import path from 'node:path';
import { serializeFaqFile } from '../../src/faq/file';
import type { FaqEntryInput } from '../../src/faq/types';
import { FIXTURE_FAQ } from '../matcher/fixtures';

/** Writes a mini evaluation suite folder `dir`: faq.yaml of `entries` and dev.jsonl of two Russian cases (library-hours, parking-fine). */
export function writeEvalSuite(dir: string, entries: FaqEntryInput[] = FIXTURE_FAQ): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'faq.yaml'), serializeFaqFile(entries, 'yaml'));
  const cases = [
    { text: 'Когда откроется библиотека в воскресенье?', lang: 'ru', expect: 'library-hours' },
    { text: 'как оплатить штраф за парковку', lang: 'ru', expect: 'parking-fine' },
  ];
  fs.writeFileSync(path.join(dir, 'dev.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n'));
}
