/**
 * The one i18next setup. Interface texts live in `locales/<lang>/translation.json`; FAQ content
 * lives in the store. Resources are read synchronously at start so a missing or broken locale
 * file fails at once, not on the first message.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n } from 'i18next';
import { PROJECT_ROOT } from '../config/project-root';
import { FALLBACK_LANG, LANGS, type Lang } from './languages';

export const LOCALES_DIR = path.join(PROJECT_ROOT, 'locales');

export type Vars = Record<string, string | number>;

export interface Translator {
  /** The text for `key` in `lang`, with `{{name}}` placeholders filled from `vars`. */
  t(lang: Lang, key: string, vars?: Vars): string;
  /** A list of phrases (e.g. typed command words) stored under `key` in `lang`. */
  list(lang: Lang, key: string): string[];
  /** Whether `lang`'s own texts have a text under `key` (no other language's standing in). */
  has(lang: Lang, key: string): boolean;
  /** `lang`'s own texts right under the group `key` ("topics"), by their keys. */
  textsUnder(lang: Lang, key: string): ReadonlyMap<string, string>;
}

export function readLocale(lang: Lang, dir = LOCALES_DIR): Record<string, unknown> {
  const file = path.join(dir, lang, 'translation.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Each language's texts, as i18next takes them. */
export type LocaleResources = Record<Lang, { translation: Record<string, unknown> }>;

/** The i18next instance over `resources`, ready at once (the translator's, and a test's reference). */
export function createI18next(resources: LocaleResources): i18n {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources,
    lng: FALLBACK_LANG,
    fallbackLng: FALLBACK_LANG,
    supportedLngs: [...LANGS],
    initAsync: false,
    // Replies are plain text; each channel adapter escapes for its own parse mode.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export function createTranslator(dir = LOCALES_DIR): Translator {
  const resources = Object.fromEntries(LANGS.map((lang) => [lang, { translation: readLocale(lang, dir) }])) as LocaleResources;
  const instance = createI18next(resources);
  // The resources never change after start, so a text without placeholders is looked up once:
  // i18next's resolution (options, fallbacks, interpolation pass) costs more per reply than matching.
  const plain = new Map<string, string>();
  return {
    t: (lang, key, vars) => {
      if (vars) {
        // A language's own text with plain placeholders ("Обращение №{{ticket}}") is filled here:
        // i18next took 5 µs and more a call (every hand-off's reply has one). Anything else
        // (plurals by count, a context, nesting, formats, a text only another language has) is
        // i18next's, as before.
        // A language the texts do not have (a stored conversation's, say) is i18next's to fall back from.
        const own = resources[lang] as LocaleResources[Lang] | undefined;
        const template = own && textAt(own.translation, key);
        return (typeof template === 'string' ? filledPlainly(template, vars) : undefined) ?? instance.t(key, { lng: lang, ...vars });
      }
      const cacheKey = `${lang}\u0000${key}`;
      let text = plain.get(cacheKey);
      if (text === undefined) {
        text = instance.t(key, { lng: lang });
        plain.set(cacheKey, text);
      }
      return text;
    },
    list: (lang, key) => {
      const value: unknown = instance.t(key, { lng: lang, returnObjects: true });
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    },
    has: (lang, key) => typeof textAt(resources[lang].translation, key) === 'string',
    textsUnder: (lang, key) => {
      const group = textAt(resources[lang].translation, key);
      const texts = new Map<string, string>();
      if (typeof group !== 'object' || group === null) return texts;
      for (const [name, text] of Object.entries(group)) if (typeof text === 'string') texts.set(name, text);
      return texts;
    },
  };
}

/** A placeholder as i18next writes them, "{{name}}" (its name with spaces around it, or a format, or "- name"). */
const PLACEHOLDER = /\{\{(.*?)\}\}/g;
/** A placeholder's name alone, nothing i18next would read as more. */
const PLAIN_NAME = /^\s*([A-Za-z_]\w*)\s*$/;

/**
 * `template` with each `{{name}}` replaced by its value, as i18next does with values unescaped and
 * not read again; undefined when i18next would do more than that: `count` (a plural form) or
 * `context` among the values, a nested `$t(…)`, a placeholder that is not a plain name (a format,
 * "{{- name}}"), or one without a value.
 */
export function filledPlainly(template: string, vars: Vars): string | undefined {
  if ('count' in vars || 'context' in vars || template.includes('$t(')) return undefined;
  let plain = true;
  const filled = template.replace(PLACEHOLDER, (whole: string, inner: string) => {
    const name = PLAIN_NAME.exec(inner)?.[1];
    if (name === undefined || !Object.hasOwn(vars, name)) {
      plain = false;
      return whole;
    }
    return String(vars[name]);
  });
  return plain ? filled : undefined;
}

/** The value under a dotted key ("topics.curfew") in a locale's texts, if any. */
function textAt(texts: Record<string, unknown>, key: string): unknown {
  let value: unknown = texts;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
