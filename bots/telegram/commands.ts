/**
 * The bot's command list as Telegram shows it in the "/" menu, in each language the helpline
 * speaks. The commands themselves are recognised by the engine; this is only their advertisement.
 */
import type { Lang } from '../../src/i18n/languages';

export interface BotCommandText {
  command: string;
  description: string;
}

export const BOT_COMMANDS: Record<Lang, BotCommandText[]> = {
  ru: [
    { command: 'start', description: 'Начать сначала' },
    { command: 'menu', description: 'Темы вопросов' },
    { command: 'lang', description: 'Сменить язык' },
    { command: 'operator', description: 'Связаться с оператором' },
    { command: 'help', description: 'Как пользоваться ботом' },
    { command: 'subscribe', description: 'Подписаться на оповещения' },
    { command: 'unsubscribe', description: 'Отписаться от оповещений' },
  ],
  kk: [
    { command: 'start', description: 'Басынан бастау' },
    { command: 'menu', description: 'Сұрақ тақырыптары' },
    { command: 'lang', description: 'Тілді ауыстыру' },
    { command: 'operator', description: 'Операторға хабарласу' },
    { command: 'help', description: 'Ботты қалай пайдалану керек' },
    { command: 'subscribe', description: 'Хабарламаларға жазылу' },
    { command: 'unsubscribe', description: 'Хабарламалардан бас тарту' },
  ],
  en: [
    { command: 'start', description: 'Start over' },
    { command: 'menu', description: 'Question topics' },
    { command: 'lang', description: 'Change language' },
    { command: 'operator', description: 'Talk to an operator' },
    { command: 'help', description: 'How to use the bot' },
    { command: 'subscribe', description: 'Subscribe to alerts' },
    { command: 'unsubscribe', description: 'Stop alerts' },
  ],
};
