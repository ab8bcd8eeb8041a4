import { createTranslator, readLocale } from '../../src/i18n';
import { LANGS } from '../../src/i18n/languages';

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
});
