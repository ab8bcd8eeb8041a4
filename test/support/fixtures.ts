import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFaqFile } from '../../src/faq/file';
import type { FaqEntryInput } from '../../src/faq/types';
import { SqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite';

/** A fresh, empty temporary folder; removed by the returned cleanup. */
export function tempDir(prefix = 'helpline-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The demo FAQ the bot starts with (FAQ_SEED_FILE's default), as entries. */
export const readDemoFaq = (): Promise<FaqEntryInput[]> => readFaqFile(path.resolve(__dirname, '../../src/faq/demo-faq.yaml'));

/** A small FAQ of our own for engine tests (not the evaluation data). */
export const SMALL_FAQ: FaqEntryInput[] = [
  {
    id: 'curfew-time',
    topic: 'curfew',
    questions: {
      ru: ['Когда начинается комендантский час?', 'До какого времени действует комендантский час?'],
      kk: ['Коменданттық сағат қашан басталады?'],
      en: ['When does the curfew start?', 'What are the curfew hours?'],
    },
    answer: {
      ru: 'Комендантский час: с 23:00 до 07:00.',
      kk: 'Коменданттық сағат: 23:00-ден 07:00-ге дейін.',
      en: 'Curfew: from 23:00 to 07:00.',
    },
  },
  {
    id: 'post-hours',
    topic: 'office-hours',
    questions: {
      ru: ['Когда работает почта?', 'Во сколько закрывается почтовое отделение?'],
      kk: ['Пошта қашан жұмыс істейді?'],
      en: ['When is the post office open?'],
    },
    // No Kazakh answer on purpose: the engine must fall back to Russian and say so.
    answer: { ru: 'Почта работает с 09:00 до 18:00 <по будням> & в субботу до 14:00.', en: 'The post office is open 09:00–18:00 on weekdays.' },
  },
  {
    id: 'water-outage',
    topic: 'utilities',
    questions: {
      ru: ['Когда дадут горячую воду?', 'Почему нет воды в доме?'],
      kk: ['Ыстық су қашан беріледі?'],
      en: ['When will the hot water be back?'],
    },
    answer: { ru: 'Воду подадут до вечера.', kk: 'Су кешке дейін беріледі.', en: 'Water will be back by the evening.' },
  },
];

/** `count` entries made from SMALL_FAQ with numbered ids and texts: a large FAQ for size tests. */
export function manyFaqEntries(count: number): FaqEntryInput[] {
  return Array.from({ length: count }, (_, i) => {
    const base = SMALL_FAQ[i % SMALL_FAQ.length];
    const numbered = (text: string) => `${text} (${i})`;
    return {
      id: `${base.id}-${i}`,
      topic: base.topic,
      questions: Object.fromEntries(Object.entries(base.questions).map(([lang, qs]) => [lang, qs.map(numbered)])),
      answer: Object.fromEntries(Object.entries(base.answer).map(([lang, a]) => [lang, numbered(a)])),
    };
  });
}

/** A SQLite store in a fresh temporary folder, SMALL_FAQ imported by `by`; `close` closes it and removes the folder. */
export async function seededStore(by: string, options: SqliteStoreOptions = {}): Promise<{ store: SqliteStore; close: () => Promise<void> }> {
  const tmp = tempDir();
  const store = new SqliteStore(tmp.dir, options);
  await store.faq.import(SMALL_FAQ, by);
  return {
    store,
    close: async () => {
      await store.close();
      tmp.cleanup();
    },
  };
}
