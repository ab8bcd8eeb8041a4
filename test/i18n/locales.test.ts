import fs from 'node:fs';
import path from 'node:path';
import { NAV, SCRIPT_TEXTS } from '../../src/console/layout';
import { SORTS, STATUSES } from '../../src/console/routes/api-tickets';
import { RANGES } from '../../src/console/routes/pages-dashboard';
import { createI18next, createTranslator, filledPlainly, readLocale, type LocaleResources } from '../../src/i18n';
import { FALLBACK_LANG, LANGS, type Lang } from '../../src/i18n/languages';
import { STAFF_ROLES } from '../../src/store/types';

/** Every leaf key path of a nested resource object, with the kind of value there. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) for (const [p, t] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, t);
  } else {
    out.set(prefix, Array.isArray(value) ? 'list' : typeof value);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const resources = Object.fromEntries(LANGS.map((l) => [l, readLocale(l)]));
  const allKeys = new Set(LANGS.flatMap((l) => [...leaves(resources[l]).keys()]));

  test.each(LANGS)('%s has every key, of the same kind, with non-empty text', (lang) => {
    const own = leaves(resources[lang]);
    const missing = [...allKeys].filter((k) => !own.has(k));
    expect(missing).toEqual([]);
    const reference = leaves(resources.ru);
    for (const [key, kind] of own) {
      expect(`${key}: ${kind}`).toBe(`${key}: ${reference.get(key)}`);
    }
  });

  test("has() says whether a language's own texts have a text under a key, no fallback standing in", () => {
    const tr = createTranslator();
    expect(tr.has('kk', 'topics.curfew')).toBe(true);
    expect(tr.has('kk', 'topics.no-such-topic')).toBe(false);
    // A group of texts is no text, nor is a key that only starts like one.
    expect(tr.has('en', 'topics')).toBe(false);
    expect(tr.has('en', 'topics.curfew.more')).toBe(false);
    expect(tr.has('en', 'constructor')).toBe(false);
    expect(tr.textsUnder('en', 'topics').get('curfew')).toBe('Curfew');
    expect(tr.textsUnder('en', 'topics.curfew').size).toBe(0);
  });

  test('placeholders are the same in every language', () => {
    const tr = createTranslator();
    for (const key of allKeys) {
      if (leaves(resources.ru).get(key) !== 'string') continue;
      const expected = placeholders(tr.t('ru', key));
      for (const lang of LANGS) expect(`${lang} ${key}: ${placeholders(tr.t(lang, key)).join(',')}`).toBe(`${lang} ${key}: ${expected.join(',')}`);
    }
  });

  test('no text is empty and interpolation fills values unescaped', () => {
    const tr = createTranslator();
    for (const lang of LANGS) {
      for (const key of allKeys) {
        if (leaves(resources.ru).get(key) === 'string') expect(tr.t(lang, key).trim()).not.toBe('');
      }
      expect(tr.t(lang, 'escalation.queued', { ticket: '<42&>' })).toContain('<42&>');
    }
  });

  test('every text with values is filled as i18next fills it, in every language', () => {
    const tr = createTranslator();
    // i18next itself, set up as the translator sets it up.
    const reference = createI18next(Object.fromEntries(LANGS.map((l) => [l, { translation: resources[l] }])) as LocaleResources);
    let compared = 0;
    for (const lang of LANGS) {
      for (const [key, kind] of leaves(resources[lang])) {
        if (kind !== 'string') continue;
        const names = placeholders(reference.t(key, { lng: lang }));
        if (names.length === 0) continue;
        // Values a replacement string would misread ("$&"), markup, and a placeholder of their own.
        const vars = Object.fromEntries(names.map((name, i) => [name, i % 2 === 1 ? 7 : `$&<${name}>{{x}}`]));
        expect(`${lang} ${key}: ${tr.t(lang, key, vars)}`).toBe(`${lang} ${key}: ${reference.t(key, { lng: lang, ...vars })}`);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  test('a language the texts do not have falls back as i18next does, with values too', () => {
    const tr = createTranslator();
    const unknown = 'de' as Lang;
    expect(tr.t(unknown, 'escalation.queued', { ticket: '7' })).toBe(tr.t(FALLBACK_LANG, 'escalation.queued', { ticket: '7' }));
  });

  test('values are filled plainly only where i18next would do no more than that', () => {
    expect(filledPlainly('№{{ticket}}, {{ ticket }}', { ticket: '$&1' })).toBe('№$&1, $&1');
    expect(filledPlainly('{{n}} of {{total}}', { n: 1, total: 2 })).toBe('1 of 2');
    // Plurals, contexts, nesting, formats, unescaped values and missing values are i18next's.
    expect(filledPlainly('{{count}} items', { count: 2 })).toBeUndefined();
    expect(filledPlainly('{{name}}', { name: 'a', context: 'male' })).toBeUndefined();
    expect(filledPlainly('$t(other) {{name}}', { name: 'a' })).toBeUndefined();
    expect(filledPlainly('{{n, number}}', { n: 1 })).toBeUndefined();
    expect(filledPlainly('{{- name}}', { name: 'a' })).toBeUndefined();
    expect(filledPlainly('{{name}} {{other}}', { name: 'a' })).toBeUndefined();
  });

  test('a text looked up again is the same, in its own language, and values are filled anew each time', () => {
    const tr = createTranslator();
    const first = LANGS.map((lang) => tr.t(lang, 'answer.ask'));
    expect(LANGS.map((lang) => tr.t(lang, 'answer.ask'))).toEqual(first);
    expect(new Set(first).size).toBe(LANGS.length);
    expect(first).toEqual(LANGS.map((lang) => resources[lang].answer && (resources[lang].answer as Record<string, string>).ask));
    expect(tr.t('ru', 'escalation.queued', { ticket: 'A-1' })).toContain('A-1');
    const second = tr.t('ru', 'escalation.queued', { ticket: 'B-2' });
    expect(second).toContain('B-2');
    expect(second).not.toContain('A-1');
  });
});

/**
 * The console's texts: every key the console's code names (`t('inbox.title')`, the script's texts,
 * the navigation, the families of keys built from a value) is a `console.*` key of the locales, so
 * the completeness check above covers it in all three languages.
 */
describe('console texts', () => {
  const CONSOLE_DIR = path.resolve(__dirname, '../../src/console');
  const ru = new Set(leaves(readLocale('ru')).keys());
  const has = (key: string) => ru.has(`console.${key}`);
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  test('every key the console names exists', () => {
    const named = new Set<string>();
    for (const file of sources(CONSOLE_DIR)) {
      const code = fs.readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\bt\(\s*'([a-z][\w.-]*)'/g)) named.add(m[1]);
      // Error texts chosen where the error is thrown.
      for (const m of code.matchAll(/\{ key: '([a-z][\w.-]*)'/g)) named.add(`errors.${m[1]}`);
    }
    expect(named.size).toBeGreaterThan(150);
    expect([...named].filter((k) => !has(k))).toEqual([]);
  });

  test('the script, the navigation and the keys built from values have their texts', () => {
    const families: string[] = [
      ...SCRIPT_TEXTS.map((k) => `script.${k}`),
      ...NAV.map((n) => n.key),
      ...STATUSES.map((s) => `status.${s}`),
      ...['requested', 'no-match', 'not-helpful'].map((r) => `reason.${r}`),
      ...STAFF_ROLES.map((r) => `roles.${r}`),
      ...['scheduled', 'sending', 'done', 'cancelled'].map((s) => `alerts.status.${s}`),
      ...['save', 'delete'].map((a) => `schedule.action.${a}`),
      ...['pending', 'done', 'failed', 'cancelled'].map((s) => `schedule.status.${s}`),
      ...['resident', 'bot', 'operator'].map((f) => `ticket.from.${f}`),
      ...RANGES.map((r) => `dash.ranges.${r}`),
      ...SORTS.map((s) => `inbox.sort.${s}`),
      ...['not-found', 'closed', 'taken', 'empty'].map((c) => `errors.desk.${c}`),
      ...['topic', 'questions', 'answer', 'validFrom', 'validUntil'].map((f) => `faq.field.${f}`),
      ...['running', 'ready', 'starting', 'qr', 'disconnected', 'logged-out', 'failed'].map((s) => `channelState.${s}`),
    ];
    expect(families.filter((k) => !has(k))).toEqual([]);
  });
});
