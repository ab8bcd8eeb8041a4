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

export function createTranslator(dir = LOCALES_DIR): Translator {
  const instance: i18n = i18next.createInstance();
  const resources = Object.fromEntries(LANGS.map((lang) => [lang, { translation: readLocale(lang, dir) }]));
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
  // The resources never change after start, so a text without placeholders is looked up once:
  // i18next's resolution (options, fallbacks, interpolation pass) costs more per reply than matching.
  const plain = new Map<string, string>();
  return {
    t: (lang, key, vars) => {
      if (vars) return instance.t(key, { lng: lang, ...vars });
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

/** The value under a dotted key ("topics.curfew") in a locale's texts, if any. */
function textAt(texts: Record<string, unknown>, key: string): unknown {
  let value: unknown = texts;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
