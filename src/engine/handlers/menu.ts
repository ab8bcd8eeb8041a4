/**
 * The topic menu: /start (greeting and menu), /menu, a topic's questions, and /help, which works
 * whoever has the conversation (register `helpHandler` before the hand-off gate), as does the
 * help after a slash command the bot has not got.
 */
import type { FaqCatalog } from '../../faq/catalog';
import { MENU_TOPICS, type FaqEntryInput } from '../../faq/types';
import type { Translator } from '../../i18n';
import { LANGS, type Lang } from '../../i18n/languages';
import { normalizePhrase } from '../input';
import { CHOICE } from '../choices';
import type { Handler, Turn } from '../turn';
import type { Choice, Reply } from '../types';
import { entryChoices } from './entry-choices';

/** The demo FAQ's topics in the order the menu lists them; a FAQ's own named topics follow, 'other' last. */
const MENU_ORDER: readonly string[] = [...MENU_TOPICS, 'general'];

export interface MenuOptions {
  catalog: FaqCatalog;
  translator: Translator;
}

export function helpHandler({ translator: tr }: { translator: Translator }): Handler {
  return (turn, next) => {
    const command = turn.input.command;
    if (command?.name !== 'help' && command?.name !== 'unknown') return next();
    const help = tr.t(turn.lang, 'help');
    const text = command.name === 'unknown' ? `${tr.t(turn.lang, 'input.unknownCommand', { command: command.typed })}\n\n${help}` : help;
    turn.answer({ kind: 'command', name: 'help' }, { text });
  };
}

export function menuHandler(options: MenuOptions): Handler {
  return (turn, next) => {
    const { choice, command } = turn.input;
    if (choice?.kind === 'menu' || command?.name === 'menu') return showMenu(turn, options, 'menu.title');
    if (command?.name === 'start') return greet(turn, options);
    if (choice?.kind === 'topic') return showTopic(turn, options, choice.topic);
    return next();
  };
}

/**
 * A topic's name typed when the menu is no longer the last thing offered ("режим работы" after a
 * "did you mean"): the topic's entries rather than a ticket. Register it after the FAQ answer, so
 * that it only takes a question the FAQ could not answer: a FAQ may well have a question worded
 * like a topic's name ("opening hours"), and that entry's answer is the better reply.
 */
export function typedTopicHandler(options: MenuOptions): Handler {
  const { catalog, translator: tr } = options;
  const topicNamed = topicNames(tr);
  return (turn, next) => {
    if (!turn.unanswered || turn.unanswered.reason !== 'no-match') return next();
    const topic = topicNamed.get(normalizePhrase(turn.input.text));
    if (!topic || !catalog.live(turn.now).some((e) => listedAs(e.topic, tr, turn.lang) === topic)) return next();
    turn.unanswered = undefined;
    showTopic(turn, options, topic);
  };
}

/** Every language's name of each topic the locales name (the demo's and a centre's own), as typed (normalised), to the topic. */
function topicNames(tr: Translator): Map<string, string> {
  const names = new Map<string, string>();
  for (const lang of LANGS) {
    for (const [topic, text] of tr.textsUnder(lang, 'topics')) {
      const name = normalizePhrase(text);
      if (name && !names.has(name)) names.set(name, topic);
    }
  }
  return names;
}

/** Answers the turn with the greeting and the menu (/start, "здравствуйте", "добрый день"). */
export function greet(turn: Turn, options: MenuOptions): void {
  const menu = menuReply(turn, options, 'menu.title');
  turn.answer({ kind: 'command', name: 'start' }, { text: options.translator.t(turn.lang, 'greeting') }, menu);
}

/** Answers the turn with the menu under the title `titleKey` (also for a stale choice). */
export function showMenu(turn: Turn, options: MenuOptions, titleKey: string): void {
  turn.answer({ kind: 'command', name: 'menu' }, menuReply(turn, options, titleKey));
}

/** The topics that have live entries, in menu order, and the operator. */
export function menuReply(turn: Turn, { catalog, translator: tr }: MenuOptions, titleKey: string): Reply {
  const lang = turn.lang;
  const choices = menuTopics(catalog.live(turn.now), tr, lang).map((topic) => ({ id: CHOICE.topic(topic), label: tr.t(lang, `topics.${topic}`) }));
  choices.push({ id: CHOICE.operator, label: tr.t(lang, 'choices.operator') });
  return { text: tr.t(lang, titleKey), choices };
}

function showTopic(turn: Turn, { catalog, translator: tr }: MenuOptions, topic: string): void {
  const lang = turn.lang;
  const entries = catalog.live(turn.now).filter((e) => listedAs(e.topic, tr, lang) === topic);
  const back = { id: CHOICE.menu, label: tr.t(lang, 'menu.back') };
  const outcome = { kind: 'command', name: 'menu' } as const;
  if (entries.length === 0) return turn.answer(outcome, { text: tr.t(lang, 'menu.empty'), choices: [back] });
  const choices: Choice[] = entryChoices(entries, lang);
  choices.push(back);
  turn.answer(outcome, { text: tr.t(lang, 'menu.topicTitle', { topic: tr.t(lang, `topics.${topic}`) }), choices });
}

const OTHER = 'other';

/**
 * A FAQ topic as the menu lists it in `lang`: itself when the locales name it in that language
 * (`topics.<topic>`: the demo FAQ's topics, and those a centre names for its own FAQ), else 'other'.
 * A FAQ's topics are its editors' words; a topic no locale names would be a button in no language.
 */
function listedAs(topic: string, tr: Translator, lang: Lang): string {
  return tr.has(lang, `topics.${topic}`) ? topic : OTHER;
}

/**
 * The topics of `entries` the locales give no name in some language, with those languages: there
 * the residents' menu lists their entries under 'other' (faq:check says so to the editors).
 */
export function topicsWithoutNames(entries: readonly FaqEntryInput[], tr: Translator): Array<{ topic: string; langs: Lang[] }> {
  return [...new Set(entries.map((e) => e.topic))]
    .filter((topic) => topic !== OTHER)
    .map((topic) => ({ topic, langs: LANGS.filter((lang) => listedAs(topic, tr, lang) === OTHER) }))
    .filter(({ langs }) => langs.length > 0);
}

/** The topics of `entries` in `lang`, in menu order: the demo's, then a FAQ's own by their names, 'other' last. */
function menuTopics(entries: readonly FaqEntryInput[], tr: Translator, lang: Lang): string[] {
  // Each topic looked up once: a large FAQ has thousands of entries and a few dozen topics.
  const present = new Set([...new Set(entries.map((e) => e.topic))].map((topic) => listedAs(topic, tr, lang)));
  const own = [...present]
    .filter((t) => t !== OTHER && !MENU_ORDER.includes(t))
    .sort((a, b) => tr.t(lang, `topics.${a}`).localeCompare(tr.t(lang, `topics.${b}`), lang));
  return [...MENU_ORDER.filter((t) => present.has(t)), ...own, ...(present.has(OTHER) ? [OTHER] : [])];
}
