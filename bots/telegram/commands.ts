/**
 * The bot's command list as Telegram shows it in the "/" menu, in each language the helpline
 * speaks. The commands themselves are recognised by the engine; this is only their advertisement.
 * The descriptions are interface texts, so they live in the locales (`commandMenu.*`).
 */
import { createTranslator, type Translator } from '../../src/i18n';
import { LANGS, type Lang } from '../../src/i18n/languages';

export interface BotCommandText {
  command: string;
  description: string;
}

/** The commands in menu order. */
const COMMANDS = ['start', 'menu', 'lang', 'operator', 'help', 'subscribe', 'unsubscribe'] as const;

function commandsIn(lang: Lang, t: Translator): BotCommandText[] {
  return COMMANDS.map((command) => ({ command, description: t.t(lang, `commandMenu.${command}`) }));
}

const translator = createTranslator();

export const BOT_COMMANDS = Object.fromEntries(LANGS.map((lang) => [lang, commandsIn(lang, translator)])) as Record<
  Lang,
  BotCommandText[]
>;
