/**
 * Commands (/start, /menu, /lang, /operator, /cancel, /help, /subscribe, /unsubscribe) and their typed equivalents in every
 * language. The typed words live in the locales (`commands.*`), so staff can extend them there.
 */
import { LANGS, type Lang } from '../i18n/languages';
import type { Translator } from '../i18n';
import { normalizePhrase } from './input';

export type CommandName = 'start' | 'menu' | 'lang' | 'operator' | 'cancel' | 'help' | 'subscribe' | 'unsubscribe';
export type Command = { name: CommandName } | { name: 'select-lang'; lang: Lang };

const NAMES: readonly CommandName[] = ['start', 'menu', 'lang', 'operator', 'cancel', 'help', 'subscribe', 'unsubscribe'];

/** Aliases that Telegram users type out of habit; `/language` etc. */
const SLASH_ALIASES: Record<string, CommandName> = { language: 'lang', human: 'operator', topics: 'menu' };

export class CommandRecognizer {
  private readonly exact = new Map<string, Command>();
  private readonly operatorPhrases: string[] = [];

  constructor(translator: Translator) {
    // Any language's words work in any conversation: a Kazakh speaker may well type "меню".
    for (const lang of LANGS) {
      for (const name of NAMES) {
        for (const word of translator.list(lang, `commands.${name}`)) this.add(word, { name });
      }
      for (const word of translator.list(lang, 'commands.selectLang')) this.add(word, { name: 'select-lang', lang });
      for (const phrase of translator.list(lang, 'commands.operatorPhrases')) {
        this.operatorPhrases.push(normalizePhrase(phrase));
      }
    }
  }

  private add(word: string, command: Command): void {
    const key = normalizePhrase(word);
    // The first meaning wins; a word listed twice keeps the earlier command.
    if (key && !this.exact.has(key)) this.exact.set(key, command);
  }

  /** The command a message is, or null for an ordinary question. */
  recognize(text: string): Command | null {
    const slash = /^\/([a-z_]+)(?:@\w+)?(?:\s|$)/i.exec(text);
    if (slash) {
      const word = slash[1].toLowerCase();
      const name = (NAMES as readonly string[]).includes(word) ? (word as CommandName) : SLASH_ALIASES[word];
      if (name) return { name };
      const lang = LANGS.find((l) => l === word);
      return lang ? { name: 'select-lang', lang } : null;
    }
    const phrase = normalizePhrase(text);
    const exact = this.exact.get(phrase);
    if (exact) return exact;
    // A short message asking for a person ("соедините с оператором, пожалуйста").
    if (phrase.split(' ').length <= 8 && this.operatorPhrases.some((p) => phrase.includes(p))) {
      return { name: 'operator' };
    }
    return null;
  }
}
