import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeFaqFile, FaqFileError, parseFaqFile, readFaqFile, serializeFaqFile } from '../../src/faq/file';
import type { FaqEntryInput } from '../../src/faq/types';

const SHARED_FAQ = path.resolve(__dirname, '../../../shared/eval/faq.yaml');
const DEMO_FAQ = path.resolve(__dirname, '../../src/faq/demo-faq.yaml');

/** The problems a text produces (fails the test when it parses). */
function problemsOf(text: string, format: 'yaml' | 'json' = 'yaml'): string[] {
  try {
    parseFaqFile(text, format);
  } catch (err) {
    expect(err).toBeInstanceOf(FaqFileError);
    return (err as FaqFileError).problems;
  }
  throw new Error('the file was accepted');
}

const good = `version: 1
entries:
  - id: bank-hours
    topic: office-hours
    questions:
      ru: ["Когда работают банки?"]
      kk: ["Банктер қашан жұмыс істейді?"]
    answer:
      ru: "С 10:00 до 17:00."
      kk: "10:00-ден 17:00-ге дейін."
`;

describe('parseFaqFile', () => {
  it.each([
    ['the shared eval FAQ', SHARED_FAQ],
    ['the demo FAQ', DEMO_FAQ],
  ])('reads %s', async (_name, file) => {
    const entries = await readFaqFile(file);
    expect(entries).toHaveLength(30);
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(30);
    expect(entries[0]).toMatchObject({ id: 'curfew-hours', topic: 'curfew' });
    expect(entries[0].questions.kk?.[0]).toBe('Коменданттық сағат нешеде басталады?');
    expect(entries.every((e) => e.answer.ru && e.answer.kk && e.answer.en)).toBe(true);
  });

  it('reads a minimal entry and its validity window as Dates', () => {
    const [entry] = parseFaqFile(
      `${good}    validFrom: 2022-01-10T07:00:00+06:00\n    validUntil: "2022-01-20T00:00:00Z"\n`,
      'yaml',
    );
    expect(entry).toEqual({
      id: 'bank-hours',
      topic: 'office-hours',
      questions: { ru: ['Когда работают банки?'], kk: ['Банктер қашан жұмыс істейді?'] },
      answer: { ru: 'С 10:00 до 17:00.', kk: '10:00-ден 17:00-ге дейін.' },
      validFrom: new Date('2022-01-10T01:00:00Z'),
      validUntil: new Date('2022-01-20T00:00:00Z'),
    });
  });

  it("reads residents' learned wordings, an empty map as \"none\" (an import then removes them)", () => {
    const [entry] = parseFaqFile(`${good}    learned: { ru: ["банки до скольки"], kk: [] }\n`, 'yaml');
    expect(entry.learned).toEqual({ ru: ['банки до скольки'] });
    const [none] = parseFaqFile(`${good}    learned: {}\n`, 'yaml');
    expect(none.learned).toEqual({});
    expect(parseFaqFile(good, 'yaml')[0].learned).toBeUndefined();
    expect(problemsOf(`${good}    learned: { ru: "банки до скольки", de: ["x"] }\n`).sort()).toEqual([
      'entry #1 "bank-hours": learned has unknown field "de" (languages are ru, kk, en)',
      'entry #1 "bank-hours": learned.ru must be a list of wordings',
    ]);
  });

  it('names the entry (position and id) and the field of a problem', () => {
    const text = good.replace('kk: "10:00-ден 17:00-ге дейін."', 'kk: ""');
    expect(problemsOf(text)).toEqual(['entry #1 "bank-hours": answer.kk must be a non-empty string']);
  });

  it('collects every problem of every entry, not just the first', () => {
    const text = `version: 1
entries:
  - id: Bank Hours
    topic: office-hours
    questions: { ru: [""], de: ["Wann?"] }
    answer: { ru: "x" }
    validFrom: 2022-01-10
  - id: ok
    topic: curfew
    questions: { ru: ["Вопрос?"], en: ["Question?"] }
    answer: { ru: "Ответ." }
  - id: ok
    topic: curfew
    questions: { en: ["Question?"] }
    answer: { en: "Answer." }
    validFrom: 2022-02-01T00:00:00Z
    validUntil: 2022-01-01T00:00:00Z
  - id: no-questions
    topic: curfew
    questions: {}
    answers: { en: "typo in the field name" }
  - just a line
`;
    expect(problemsOf(text)).toEqual([
      'entry #1 "Bank Hours": id must be a slug: lower-case latin letters, digits and single - _ . between them',
      'entry #1 "Bank Hours": questions.ru[0] must be a non-empty string',
      'entry #1 "Bank Hours": questions has unknown field "de" (languages are ru, kk, en)',
      'entry #1 "Bank Hours": validFrom must be an ISO date-time with a time zone, e.g. 2022-01-10T07:00:00+06:00 or 2022-01-10T01:00:00Z',
      'entry #3 "ok": validUntil must be after validFrom',
      'entry #3 "ok": id "ok" is already used by entry #2',
      'entry #4 "no-questions": answer is required',
      'entry #4 "no-questions" has unknown field "answers"',
      'entry #4 "no-questions": questions must have at least one language (ru, kk or en)',
      'entry #5 must be a map with id, topic, questions and answer',
    ]);
  });

  it('accepts an answer missing in one of its question languages (the bot falls back to Russian)', () => {
    const entry = {
      id: 'translation-pending',
      topic: 'curfew',
      questions: { ru: ['Вопрос?'], kk: ['Сұрақ?'] },
      answer: { ru: 'Ответ.' },
    };
    for (const format of ['yaml', 'json'] as const) {
      expect(parseFaqFile(serializeFaqFile([entry], format), format)).toEqual([entry]);
    }
  });

  it('checks the top of the file', () => {
    expect(problemsOf('version: 2\nentries: {}\n')).toEqual([
      'version must be 1 (the only version of the format)',
      'entries must be a list of entries',
    ]);
    expect(problemsOf('- just\n- a list\n')).toEqual(['the file must be a map with "version: 1" and "entries"']);
  });

  it('reports YAML and JSON syntax errors with their position', () => {
    expect(problemsOf('version: 1\nentries:\n  - id: a\n   topic: [\n')[0]).toMatch(/^not valid YAML: .*line 4/);
    expect(problemsOf('{"version": 1,', 'json')[0]).toMatch(/^not valid JSON/);
    expect(problemsOf('version: 1\nversion: 1\nentries: []\n')[0]).toMatch(/not valid YAML: .*unique/i);
  });

  it('rejects an unknown file extension with a clear message', async () => {
    await expect(readFaqFile('faq.txt')).rejects.toThrow(/\.yaml, \.yml or \.json/);
  });

  it('limits questions to 500 characters, answers to 4,000 and question lists to 50', () => {
    const entry = (questions: string[], answer: string) =>
      `version: 1\nentries:\n  - id: a\n    topic: t\n    questions: { ru: ${JSON.stringify(questions)} }\n    answer: { ru: ${JSON.stringify(answer)} }\n`;
    expect(parseFaqFile(entry(['в'.repeat(500)], 'о'.repeat(4000)), 'yaml')).toHaveLength(1);
    expect(problemsOf(entry(['в'.repeat(501)], 'о'.repeat(4001)))).toEqual([
      'entry #1 "a": questions.ru[0] must be at most 500 characters',
      'entry #1 "a": answer.ru must be at most 4000 characters',
    ]);
    expect(problemsOf(entry(Array.from({ length: 51 }, (_, i) => `q${i}`), 'ok'))).toEqual(['entry #1 "a": questions.ru must have at most 50 questions']);
  });

  it('refuses text with U+FFFD, the trace of a wrong encoding', () => {
    expect(problemsOf(good.replace('С 10:00', 'С 10\uFFFD00'))).toEqual([expect.stringMatching(/^entry #1 "bank-hours": answer\.ru contains U\+FFFD/)]);
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    let bomb = `${good}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
    for (let i = 1; i <= 9; i++) bomb += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
    expect(problemsOf(bomb)).toEqual(['the file uses too many YAML aliases (*name): at most 100 are expanded; write the entries out instead']);
    // A few aliases are fine.
    expect(parseFaqFile(`${good}shared: &s [a]\nagain: *s\n`, 'yaml')).toHaveLength(1);
  });
});

describe('decodeFaqFile and readFaqFile', () => {
  it('refuses bytes that are not UTF-8 instead of reading replacement characters', async () => {
    expect(decodeFaqFile(Buffer.from(`\uFEFF${good}`, 'utf8'))).toBe(`${good}`);
    expect(() => decodeFaqFile(Buffer.from([0x76, 0xee, 0xe4]))).toThrow(/not valid UTF-8/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faq-bytes-'));
    try {
      const file = path.join(dir, 'faq.yaml');
      // "С 10:00" with the С in Windows-1251.
      fs.writeFileSync(file, Buffer.concat([Buffer.from(good.split('С 10:00')[0]), Buffer.from([0xd1]), Buffer.from(` 10:00${good.split('С 10:00')[1]}`)]));
      await expect(readFaqFile(file)).rejects.toThrow(/not valid UTF-8/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('serializeFaqFile', () => {
  let entries: FaqEntryInput[];
  beforeAll(async () => {
    entries = await readFaqFile(SHARED_FAQ);
    entries[1] = { ...entries[1], validFrom: new Date('2022-01-10T01:00:00.500Z'), validUntil: new Date('2022-03-01T00:00:00Z') };
  });

  it.each(['yaml', 'json'] as const)('round-trips the whole FAQ exactly through %s', (format) => {
    const text = serializeFaqFile(entries, format);
    expect(parseFaqFile(text, format)).toEqual(entries);
    // And a second export is byte-for-byte the first.
    expect(serializeFaqFile(parseFaqFile(text, format), format)).toBe(text);
  });

  it('writes YAML that looks like the hand-written file', () => {
    const text = serializeFaqFile(entries.slice(0, 2), 'yaml');
    const source = fs.readFileSync(SHARED_FAQ, 'utf8');
    // Each line of the first entry is written exactly as in the source file.
    const firstEntry = source.slice(source.indexOf('  - id: curfew-hours'), source.indexOf('\n\n  - id: curfew-movement-pass'));
    expect(text).toContain(firstEntry);
    expect(text).toContain('\n\n  - id: curfew-movement-pass\n');
    expect(text).toMatch(/^version: 1$/m);
    expect(text).not.toMatch(/\\u04/); // no escaped Cyrillic
    expect(text).toContain('    validFrom: 2022-01-10T01:00:00.500Z\n');
  });

  it.each(['yaml', 'json'] as const)('round-trips awkward texts and ids through %s', (format) => {
    const awkward: FaqEntryInput[] = [
      {
        id: '123',
        topic: 'true',
        questions: { ru: ['a "quoted" # not a comment', '  leading spaces', 'null', 'тест: двоеточие'], en: ['- dash', '[x]'] },
        answer: { ru: 'Ответ:\n- пункт 1\n- пункт 2 # hash\n', en: 'trailing  \nspaces\ttab 😀', kk: 'Бір жол.' },
      },
    ];
    const text = serializeFaqFile(awkward, format);
    expect(parseFaqFile(text, format)).toEqual(awkward);
    if (format === 'yaml') expect(text).toContain('      ru: |\n        Ответ:\n        - пункт 1\n');
  });

  it.each(['yaml', 'json'] as const)('round-trips learned wordings through %s, and leaves out an entry with none', (format) => {
    const learned = { ...entries[0], learned: { kk: ['түнде шығуға бола ма', 'сағат нешеде'] } };
    const text = serializeFaqFile([learned, entries[1]], format);
    expect(parseFaqFile(text, format)).toEqual([learned, entries[1]]);
    if (format === 'yaml') expect(text).toContain('    learned:\n      kk: ["түнде шығуға бола ма", "сағат нешеде"]\n');
    expect(serializeFaqFile([{ ...entries[1], learned: { ru: [] } }], format)).not.toContain('learned');
  });

  it('drops bookkeeping fields and empty question lists', () => {
    const stored = { ...entries[0], version: 3, updatedBy: 'alice', updatedAt: new Date(), questions: { ...entries[0].questions, en: [] } };
    const [back] = parseFaqFile(serializeFaqFile([stored], 'json'), 'json');
    expect(back).toEqual({ ...entries[0], questions: { ru: entries[0].questions.ru, kk: entries[0].questions.kk } });
  });

  it('writes a file readFaqFile reads back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpline-faqfile-'));
    try {
      const file = path.join(dir, 'faq.yml');
      fs.writeFileSync(file, serializeFaqFile(entries, 'yaml'));
      expect(await readFaqFile(file)).toEqual(entries);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
