/**
 * Commands (/start, /menu, /lang, /operator, /cancel, /help, /subscribe, /unsubscribe) and their typed equivalents in every
 * language. The typed words live in the locales (`commands.*`), so staff can extend them there.
 */
import { LANGS, type Lang } from '../i18n/languages';
import type { Translator } from '../i18n';
import { readAsKazakhIfLatin } from '../matcher/translit';
import { slipTargets } from '../matcher/trigrams';
import { listSpellings, NEGATIONS_AFTER, NEGATIONS_BEFORE, normalizePhrase } from './input';

export type CommandName = 'start' | 'menu' | 'lang' | 'operator' | 'cancel' | 'help' | 'subscribe' | 'unsubscribe';
/**
 * `unknown`: a slash command the bot has not got ("/quit", "/stop"). It is the resident reaching
 * for a control, not a question: it gets the help, never a ticket for an operator to puzzle over.
 */
export type Command = { name: CommandName } | { name: 'select-lang'; lang: Lang } | { name: 'unknown'; typed: string };

const NAMES: readonly CommandName[] = ['start', 'menu', 'lang', 'operator', 'cancel', 'help', 'subscribe', 'unsubscribe'];

/**
 * Commands also asked for in a phrase within a short message, not only as the whole message: a
 * person (`commands.operatorPhrases`), alerts or no more of them (`commands.subscribePhrases`,
 * `commands.unsubscribePhrases`); a language, too (`commands.selectLangPhrases`, after these).
 * The first listed wins.
 */
const PHRASE_COMMANDS: ReadonlyArray<readonly [CommandName, string]> = [
  ['operator', 'commands.operatorPhrases'],
  // Before 'subscribe': "не хочу получать уведомления" says the subscribe phrase too (denied there).
  ['unsubscribe', 'commands.unsubscribePhrases'],
  ['subscribe', 'commands.subscribePhrases'],
];

/** A Latin letter in list spelling (lowercase, without marks): a message without one has no word to read as Kazakh. */
const LATIN_LETTER = /[a-z]/;

/**
 * A slash and a word at the start of a message, perhaps addressed to the bot ("/menu@HelplineBot"),
 * in any script ("/меню"); a slash before anything else ("/ 5 минут жду", "1/2") is text.
 */
const SLASH_COMMAND = /^\/(\p{L}[\p{L}\d_]*)(?:@\w+)?(?:\s|$)/u;

/**
 * A typed command of one word this long or longer is also taken with one typing slip in it, a
 * letter missing or more or two swapped ("опреатор", "оператр", "отменть"): typed as a question it
 * found no entry. A shorter word slipped is as often another word.
 */
const MIN_SLIPPED_COMMAND = 6;

/** A message naming a person to talk to in more words than this is a question about something (namesPerson). */
const MAX_PERSON_WORDS = 4;
/** More characters than four words of a request take ("позовите, пожалуйста, специалиста!"). */
const MAX_PERSON_CHARS = 64;

/** Aliases that Telegram users type out of habit; `/language` etc. */
const SLASH_ALIASES: Record<string, CommandName> = { language: 'lang', human: 'operator', topics: 'menu' };

export class CommandRecognizer {
  private readonly exact = new Map<string, Command>();
  /** Every word of the typed commands and of the phrases that ask for one (PHRASE_COMMANDS, a language). */
  private readonly words = new Set<string>();
  /** Phrases asking for a person, for alerts or for a language, as words, in the order listed. */
  private readonly phrases: Array<{ command: Command; words: string[] }> = [];
  /**
   * Which phrases of several words begin with a word (positions in `phrases`): one said in a message
   * begins with one of its words, so a message is tried against those alone, not all hundred-odd.
   */
  private readonly phrasesByFirstWord = new Map<string, number[]>();
  /** Phrases of one word, which may be said cut short ("қос" for "қосыңыз"): tried on every message. */
  private readonly oneWordPhrases: number[] = [];
  /** The words that alone ask for a person ("оператора", "человек", "маман", "human"). */
  private readonly personWords = new Set<string>();
  /** The typed commands of one word of MIN_SLIPPED_COMMAND letters or more, by that word. */
  private readonly slippable = new Map<string, Command>();
  /** The word of `slippable` a word is one typing slip from, if any (the lexicon's lookup of slips). */
  private readonly slippedFrom = slipTargets(() => this.slippable.keys());
  /**
   * The last text spelt (spelling) and its spelling: a question is asked both whether it is a
   * command and whether it names a person.
   */
  private lastSpelt = { text: '', spelt: '' };

  constructor(translator: Translator) {
    // Any language's words work in any conversation: a Kazakh speaker may well type "меню".
    for (const lang of LANGS) {
      for (const name of NAMES) {
        for (const word of translator.list(lang, `commands.${name}`)) this.add(word, { name });
      }
      for (const word of translator.list(lang, 'commands.selectLang')) this.add(word, { name: 'select-lang', lang });
      for (const [name, key] of PHRASE_COMMANDS) this.addPhrases(translator.list(lang, key), { name });
      // This language's list asks for this language, in any of them ("answer in Kazakh", "қазақша жазыңыз").
      this.addPhrases(translator.list(lang, 'commands.selectLangPhrases'), { name: 'select-lang', lang });
    }
  }

  private addPhrases(phrases: readonly string[], command: Command): void {
    for (const phrase of phrases) {
      const said = normalizePhrase(phrase);
      // Kazakh also as typed without its letters, and so as read from Latin letters (recognize).
      for (const spelling of listSpellings(said)) {
        const words = spelling.split(' ').filter((w) => w.length > 0);
        if (words.length === 0) continue;
        const at = this.phrases.push({ command, words }) - 1;
        if (words.length === 1) this.oneWordPhrases.push(at);
        else this.phrasesByFirstWord.set(words[0], [...(this.phrasesByFirstWord.get(words[0]) ?? []), at]);
        for (const word of words) this.words.add(word);
      }
    }
  }

  private add(word: string, command: Command): void {
    const said = normalizePhrase(word);
    for (const key of listSpellings(said)) {
      // The first meaning wins; a word listed twice keeps the earlier command.
      if (key && !this.exact.has(key)) {
        this.exact.set(key, command);
        if (!key.includes(' ') && key.length >= MIN_SLIPPED_COMMAND) this.slippable.set(key, command);
        if (!key.includes(' ') && command.name === 'operator') this.personWords.add(key);
      }
      for (const part of key.split(' ')) if (part) this.words.add(part);
    }
  }

  /** Whether a word is one of the typed commands' words ("меню", "оператор", "english"). */
  knowsWord(word: string): boolean {
    return this.words.has(normalizePhrase(word));
  }

  /** The command a message is, or null for an ordinary question. */
  recognize(text: string): Command | null {
    const slash = SLASH_COMMAND.exec(text);
    if (slash) {
      const word = slash[1].toLowerCase();
      const name = (NAMES as readonly string[]).includes(word) ? (word as CommandName) : SLASH_ALIASES[word];
      if (name) return { name };
      const lang = LANGS.find((l) => l === word);
      if (lang) return { name: 'select-lang', lang };
      // A command's typed word behind a slash ("/меню", "/оператор") is that command.
      return this.said([normalizePhrase(word)]) ?? { name: 'unknown', typed: `/${slash[1]}` };
    }
    const spelt = this.spelling(text);
    const words = spelt.split(' ');
    const said = this.said(words) ?? this.slipped(words);
    if (said || !LATIN_LETTER.test(spelt)) return said;
    // Kazakh typed in Latin letters ("operatorga qosynyz", "qazaqsha jazynyzshy"), read as Kazakh:
    // only when a word so read is one of the commands' words (most messages have none).
    const read = words.map(readAsKazakhIfLatin);
    return read.some((w, i) => w !== words[i] && this.words.has(w)) ? this.said(read) : null;
  }

  /**
   * Whether a short message that is no command names a person to talk to ("хочу оператора",
   * "оператор нужен срочно", "позвать оператора можно?"): a word that alone asks for one, not
   * denied, in at most MAX_PERSON_WORDS words. Not a command (the FAQ may answer "мобильный
   * оператор"), but when the FAQ does not, the resident asked for a person, not a question the
   * FAQ has no answer to.
   */
  namesPerson(text: string): boolean {
    // Asked of every question the FAQ may not answer: a long one is given up before it is spelt.
    if (text.length > MAX_PERSON_CHARS) return false;
    const words = this.spelling(text).split(' ');
    if (words.length > MAX_PERSON_WORDS) return false;
    return words.some((w, i) => this.personWords.has(w) && !denied(words, i, 1));
  }

  /** `text` in the lists' spelling (normalizePhrase), kept for the next question about the same text. */
  private spelling(text: string): string {
    if (this.lastSpelt.text !== text) this.lastSpelt = { text, spelt: normalizePhrase(text) };
    return this.lastSpelt.spelt;
  }

  /** The command a message's words are, or ask for in a phrase; null if none. */
  private said(words: readonly string[]): Command | null {
    const exact = this.exact.get(words.join(' '));
    if (exact) return exact;
    // A short message asking for a person ("соедините с оператором, пожалуйста"), for alerts
    // ("хочу получать уведомления о комендантском часе") or a language ("қазақша жазыңызшы"),
    // unless it says the resident does not want it ("мне не нужен оператор", "маған оператор керек емес").
    if (words.length > 8) return null;
    // The first listed phrase the message says wins, as in the locales' order.
    let first = this.firstSaid(words, this.oneWordPhrases, Infinity);
    for (const word of words) first = this.firstSaid(words, this.phrasesByFirstWord.get(word), first);
    return first === Infinity ? null : this.phrases[first].command;
  }

  /** The command a message of one word is with a typing slip in it (MIN_SLIPPED_COMMAND); null if none. */
  private slipped(words: readonly string[]): Command | null {
    if (words.length !== 1) return null;
    const key = this.slippedFrom(words[0]);
    return key === null ? null : (this.slippable.get(key) ?? null);
  }

  /** The lowest of `first` and the positions among `candidates` of phrases `words` ask for. */
  private firstSaid(words: readonly string[], candidates: readonly number[] | undefined, first: number): number {
    for (const at of candidates ?? []) if (at < first && asksFor(words, this.phrases[at].words)) first = at;
    return first;
  }
}

/**
 * How far before a phrase a denial reaches (NEGATIONS_BEFORE). A leading "нет" or "no" is no
 * denial: "нет, соедините с оператором" answers "did this help?".
 */
const NEGATION_REACH = 3;

/** Whether the `length` words from `at` are denied: a denial within NEGATION_REACH before them, or one right after. */
function denied(words: readonly string[], at: number, length: number): boolean {
  for (let i = Math.max(0, at - NEGATION_REACH); i < at; i += 1) if (NEGATIONS_BEFORE.has(words[i])) return true;
  return NEGATIONS_AFTER.has(words[at + length] ?? '');
}

/**
 * Whether `words` say `phrase` (word by word; its last word may be cut short, "соедините с" or
 * "операторға қос" for "қосыңыз") and do not deny it.
 */
function asksFor(words: readonly string[], phrase: readonly string[]): boolean {
  const last = phrase.length - 1;
  for (let at = 0; at + phrase.length <= words.length; at += 1) {
    const said = phrase.every((w, i) => (i === last ? words[at + i].startsWith(w) : words[at + i] === w));
    if (!said || denied(words, at, phrase.length)) continue;
    return true;
  }
  return false;
}
