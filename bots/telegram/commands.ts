/**
 * The bot's command list as Telegram shows it in the "/" menu, in each language the helpline
 * speaks. The commands themselves are recognised by the engine; this is only their advertisement.
 * The descriptions are interface texts, so they live in the locales (`commandMenu.*`).
 */
import type { Translator } from '../../src/i18n';
import { LANGS, type Lang } from '../../src/i18n/languages';

export interface BotCommandText {
  command: string;
  description: string;
}

/** The commands in menu order. */
const COMMANDS = ['start', 'menu', 'lang', 'operator', 'cancel', 'help', 'subscribe', 'unsubscribe'] as const;

/** The menu in every language. */
export function botCommands(tr: Translator): Record<Lang, BotCommandText[]> {
  const commandsIn = (lang: Lang) => COMMANDS.map((command) => ({ command, description: tr.t(lang, `commandMenu.${command}`) }));
  return Object.fromEntries(LANGS.map((lang) => [lang, commandsIn(lang)])) as Record<Lang, BotCommandText[]>;
}
