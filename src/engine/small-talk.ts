/**
 * Small talk: a message that is only courtesy — a greeting, thanks, "ok", goodbye, a bare yes or
 * no. None of it is a question. Sent to the matcher it finds no entry, and the resident's
 * "спасибо" would reach an operator as a new ticket; a typed "нет" under "Shall I pass your
 * question to an operator?" would even open one.
 *
 * The words live in the locales (`smallTalk.*`), and every language's words work in any
 * conversation, as the typed commands do. A message is small talk only when every word of it is
 * one of those phrases or a filler ("большое", "for the help"): one other word, and it is a
 * question for the FAQ as before ("спасибо, а банки работают?").
 *
 * "Are you there?" ("алло", "вы здесь?", "есть новости?") is read as its own kind, 'waiting', but it
 * is not answered as small talk: a resident who asks it is waiting for someone. With the bot it goes
 * on to an operator as before; while an operator has the conversation it goes on the ticket, and
 * the resident hears where the ticket stands (handoff-gate.ts).
 */
import type { Translator } from '../i18n';
import { LANGS } from '../i18n/languages';
import { letterRuns, listSpelling, listWords } from '../matcher/normalize';
import { readQuestionKinds } from '../matcher/question-kinds';
import { readAsKazakhIfLatin } from '../matcher/translit';
import { MIN_SLIP_LENGTH } from '../matcher/trigrams';
import { CHOICE, parseChoice } from './choices';
import { listSpellings, NEGATIONS_AFTER, NEGATIONS_BEFORE } from './input';
import type { Choice } from './types';

export const SMALL_TALK = ['greeting', 'thanks', 'ok', 'bye', 'yes', 'no', 'helped', 'notHelped', 'waiting'] as const;
export type SmallTalk = (typeof SMALL_TALK)[number];

/** What a small-talk message says, as a set: "нет, спасибо" is both a no and thanks. */
export type SmallTalkSaid = ReadonlySet<SmallTalk>;

/** A phrase of the lists with its kind, a filler, or one word that is neither. */
interface Run {
  kind: SmallTalk | 'filler' | 'other';
  words: string[];
}

/** English articles: fillers in "thanks a lot" or "for the info", where a phrase takes them in. */
const ARTICLES = new Set(['the', 'a', 'an']);

/** Small talk longer than this is no longer small: a message of many words is read as a question. */
const MAX_WORDS = 12;
/** A typed command is a few words ("подписаться на оповещения", "talk to an operator"), with courtesy a few more. */
const MAX_COMMAND_WORDS = 7;

export class SmallTalkReader {
  private readonly phrases = new Map<string, SmallTalk>();
  /**
   * Every phrase's first words, one word and more ("добрый", "добрый день"): a run is read word by
   * word only while its words so far begin a phrase, so most words of a question end it at once.
   */
  private readonly phraseStarts = new Set<string>();
  private readonly fillers = new Set<string>();
  /** Every word of the phrases and the fillers: a message with any other word is no small talk. */
  private readonly words = new Set<string>();
  /**
   * The words of the lists of MIN_SLIP_LENGTH letters or more by each spelling of them with one letter
   * left out: a word typed with a slip meets its word there (slipped).
   */
  private readonly byDeletion = new Map<string, string>();
  /**
   * spell's answers: every message's words are read so, several times over (as courtesy, as thanks
   * for something, as a lead-in), most of them words of questions that come back all day ("когда",
   * "справка"), and the lists do not change.
   */
  private readonly spellings = new Map<string, string>();
  /** Words that say what thanks is for (`smallTalk.thanksFor`): "за", "for", "үшін". */
  private readonly thanksFor = new Set<string>();
  /** The phrases that announce a question (`smallTalk.leadIn`), in list spelling; greetings when alone. */
  private readonly leadIns = new Set<string>();
  /** Their first words, as phraseStarts for the phrases. */
  private readonly leadInStarts = new Set<string>();

  constructor(translator: Translator) {
    for (const lang of LANGS) {
      for (const kind of SMALL_TALK) {
        for (const phrase of translator.list(lang, `smallTalk.${kind}`)) this.add(phrase, kind);
      }
      for (const phrase of translator.list(lang, 'smallTalk.leadIn')) {
        this.add(phrase, 'greeting');
        for (const k of listSpellings(key(phrase))) {
          this.leadIns.add(k);
          addStarts(this.leadInStarts, k);
        }
      }
      for (const word of translator.list(lang, 'smallTalk.filler')) for (const spelt of listSpellings(key(word))) this.fillers.add(spelt);
      for (const word of translator.list(lang, 'smallTalk.thanksFor')) for (const spelt of listSpellings(key(word))) this.thanksFor.add(spelt);
    }
    for (const phrase of [...this.phrases.keys(), ...this.fillers]) for (const word of phrase.split(' ')) this.words.add(word);
    for (const word of this.words) {
      if (word.length < MIN_SLIP_LENGTH) continue;
      for (let i = 0; i < word.length; i += 1) {
        const shorter = word.slice(0, i) + word.slice(i + 1);
        if (!this.byDeletion.has(shorter)) this.byDeletion.set(shorter, word);
      }
    }
  }

  private add(phrase: string, kind: SmallTalk): void {
    // Kazakh also as typed without its letters, and so as read from Latin letters (spelt below).
    for (const k of listSpellings(key(phrase))) {
      // The first meaning wins, as for the typed commands.
      if (!k || this.phrases.has(k)) continue;
      this.phrases.set(k, kind);
      addStarts(this.phraseStarts, k);
    }
  }

  /**
   * A message word in list spelling as the lists know it: as it is, or a Latin word read as Kazakh
   * when that is a word of theirs ("bolynyz" is "болыныз", of "сау болыңыз"), or the word of theirs
   * it is with a typing slip ("спосибо", "благодорю", "рахмед", "thnks", "свиданья"); as it is
   * otherwise.
   */
  private spelt(word: string): string {
    if (this.words.has(word)) return word;
    const read = readAsKazakhIfLatin(word);
    if (this.words.has(read)) return read;
    return this.slipped(word) ?? (read === word ? undefined : this.slipped(read)) ?? word;
  }

  /** A word of a message as typed, spelt as the lists know it (listSpelling, then spelt); kept (spellings). */
  private spell(typed: string): string {
    let spelt = this.spellings.get(typed);
    if (spelt === undefined) {
      if (this.spellings.size >= MAX_KEPT_SPELLINGS) this.spellings.clear();
      spelt = this.spelt(listSpelling(typed));
      this.spellings.set(typed, spelt);
    }
    return spelt;
  }

  /** The words of a text (WORD), each spelt as the lists know it (spell). */
  private spellWords(text: string): string[] {
    const words: string[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) words.push(this.spell(m[0]));
    return words;
  }

  /**
   * The word of the lists `word` is with one slip: a letter missing, one more, one replaced, or two
   * swapped (each side with one letter left out, the same). Only for words of MIN_SLIP_LENGTH letters
   * or more and the same first letter: a shorter word slipped, or one whose first letter is wrong,
   * is as often another word. Every word of a message must be courtesy for it to be small talk, so
   * a word of a question taken for courtesy leaves the message a question.
   */
  private slipped(word: string): string | undefined {
    if (word.length < MIN_SLIP_LENGTH - 1) return undefined;
    return this.slipOf(word) ?? undefined;
  }

  /** slipped, worked out. */
  private slipOf(word: string): string | null {
    const missing = this.byDeletion.get(word);
    if (missing && missing[0] === word[0]) return missing;
    for (let i = 0; i < word.length; i += 1) {
      const shorter = word.slice(0, i) + word.slice(i + 1);
      if (shorter.length >= MIN_SLIP_LENGTH && shorter[0] === word[0] && this.words.has(shorter)) return shorter;
      const known = this.byDeletion.get(shorter);
      if (known && known[0] === word[0] && known.length === word.length) return known;
    }
    return null;
  }

  /**
   * What a message says when it is only small talk, or thanks that says what for (thankedFor);
   * null when it is more than that.
   */
  read(text: string): SmallTalkSaid | null {
    return this.courtesyOnly(text) ?? this.thankedFor(text);
  }

  /** What a text says when it is only small talk; null when any word of it is more than that. */
  private courtesyOnly(text: string): SmallTalkSaid | null {
    // Every message comes this way, and almost every one is a question: its words are read one at a
    // time and it is given up at the first that no phrase has, mostly the first or the second.
    const words: string[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const word = this.spell(m[0]);
      if (!this.words.has(word) || words.length === MAX_WORDS) return null;
      words.push(word);
    }
    // Kazakh in Latin letters may mix words the lists hold in Latin letters with others they hold
    // in Cyrillic ("kop rahmet" is "көп рахмет"): failing as typed, every word read as Kazakh.
    return this.saidIn(words) ?? this.saidIn(this.readAsKazakh(words));
  }

  /**
   * Thanks that says what it is for ("Спасибо за быстрый ремонт дороги!", "thank you for the quick
   * answer", "жылдам жауап бергеніңіз үшін рахмет"): a thank-you, though not every word of it is
   * courtesy. Sent to the FAQ it found no entry and opened a ticket ("I could not find an answer…").
   * Read as thanks only when the message is courtesy with thanks in it around one stretch of other
   * words, a few at most, that a "for" word introduces (follows, in Kazakh) with no break between
   * them, no question (no "?", no question word) and no denial in it. "Спасибо за ответ, а банки
   * работают?", "спасибо за помощь, лифт сломался" and "thanks for the answer, but the light is
   * still off" stay messages for the FAQ.
   */
  private thankedFor(text: string): SmallTalkSaid | null {
    if (text.includes('?')) return null;
    const words: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      if (words.length === MAX_WORDS) return null;
      words.push(this.spell(m[0]));
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    let first = -1;
    let last = -1;
    let thanked = false;
    let at = 0;
    for (const run of this.runs(words)) {
      if (run.kind === 'other') {
        if (first < 0) first = at;
        else if (at > last + 1 && !this.fillersOnly(words, last + 1, at)) return null;
        last = at;
      } else if (run.kind === 'thanks') {
        thanked = true;
      } else if (run.kind !== 'filler' && run.kind !== 'greeting' && run.kind !== 'ok' && run.kind !== 'bye') {
        return null;
      }
      at += run.words.length;
    }
    if (!thanked || first < 0 || last - first + 1 > MAX_THANKED_WORDS) return null;
    const thing = words.slice(first, last + 1);
    if (thing.some((w) => NEGATIONS_BEFORE.has(w) || NEGATIONS_AFTER.has(w)) || readQuestionKinds(thing).kinds.length > 0) return null;
    // The "for" word: the last one before the thing ("за", "for"), or the word right after it ("үшін").
    let from = first - 1;
    while (from >= 0 && !this.thanksFor.has(words[from])) from -= 1;
    const to = this.thanksFor.has(words[last + 1] ?? '') ? last + 1 : last;
    if (from < 0 && to === last) return null;
    const span = text.slice(starts[from < 0 ? first : from], ends[to]);
    return THANKED_BREAK.test(span) ? null : new Set(['thanks']);
  }

  /** Whether the words from `from` up to `to` (not included) are all fillers. */
  private fillersOnly(words: readonly string[], from: number, to: number): boolean {
    for (let i = from; i < to; i += 1) if (!this.fillers.has(words[i])) return false;
    return true;
  }

  /** What the words say as small talk (in runs), or null when a run of them is more than that. */
  private saidIn(words: readonly string[] | null): SmallTalkSaid | null {
    if (!words) return null;
    const said = new Set<SmallTalk>();
    let previous: Run | undefined;
    for (const run of this.runs(words)) {
      if (run.kind === 'other') return null;
      // After an article a word is a noun: "and the fine?" asks about a penalty, it is no "fine".
      if (run.kind !== 'filler' && previous?.kind === 'filler' && ARTICLES.has(previous.words[0])) return null;
      if (run.kind !== 'filler') said.add(run.kind);
      previous = run;
    }
    return said.size > 0 ? said : null;
  }

  /** Each Latin word read as Kazakh where that is a word of the lists; null when none is. */
  private readAsKazakh(words: readonly string[]): string[] | null {
    let changed = false;
    const read = words.map((word) => {
      const kazakh = readAsKazakhIfLatin(word);
      if (kazakh === word || !this.words.has(kazakh)) return word;
      changed = true;
      return kazakh;
    });
    return changed ? read : null;
  }

  /** Whether a word is one of the courtesy phrases' words ("спасибо", "рахмет", "please"). */
  knowsWord(word: string): boolean {
    const spelt = listSpelling(word);
    return this.words.has(spelt) || this.words.has(readAsKazakhIfLatin(spelt));
  }

  /**
   * The message without its courtesy (greetings, thanks, "ok", "please", goodbye and the fillers),
   * for the typed commands: "меню, пожалуйста", "english please", "здравствуйте, оператор".
   * Undefined when it has none, or nothing else. A yes or a no is kept: "не надо оператора" must
   * not become "оператора".
   */
  withoutCourtesy(text: string): string | undefined {
    // Asked of every question that is no command: courtesy around a command stands first or last
    // ("пожалуйста" after it, "здравствуйте" before it), so two words tell whether to look further.
    const tokens = text.trim().split(/\s+/);
    if (tokens.length > MAX_COMMAND_WORDS) return undefined;
    if (!this.isCourteous(tokens[0]) && !this.isCourteous(tokens[tokens.length - 1])) return undefined;
    const words = this.spellWords(text);
    const kept = this.runs(words)
      .filter((run) => run.kind === 'other' || run.kind === 'yes' || run.kind === 'no' || run.kind === 'waiting')
      .flatMap((run) => run.words);
    return kept.length > 0 && kept.length < words.length ? kept.join(' ') : undefined;
  }

  /** Whether a token of a message has a courtesy word ("пожалуйста," "Здравствуйте!"). */
  private isCourteous(token: string): boolean {
    return this.spellWords(token).some((w) => this.words.has(w));
  }

  /**
   * The question of a message without its parts that are only courtesy: a greeting, thanks or a
   * goodbye standing as a sentence, between commas or after a capital letter ("Здравствуйте! …
   * Буду благодарна за ответ.", "… my letter Have a nice day!"), and a name signed after thanks
   * or a goodbye ("… Kind regards, Dana."). Sent to the FAQ, they read as words of the question
   * ("ответ" is a word of an entry about answers to appeals, "day" of one about reception days). A
   * part that asks after the wait ("сколько ждать?") is a question and stays. The text as it is
   * when it has no such part, or nothing else.
   */
  withoutCourtesyParts(text: string): string {
    const parts = text.split(COURTESY_PART_BREAK);
    // A part and the break after it, in turn: [part, break, part, break, …, part].
    const kept = parts.map(() => true);
    let signedOff = -1;
    let saidGoodbye = -1;
    for (let i = 0; i < parts.length; i += 2) {
      // Courtesy alone: a part thanking for something ("Спасибо за ответ про пропуск, а банки?")
      // may hold the subject the question after it asks about.
      const said = this.courtesyOnly(parts[i]);
      if (!said || ![...said].every((kind) => DROPPED_COURTESY.has(kind))) continue;
      kept[i] = false;
      if (said.has('thanks') || said.has('bye')) signedOff = i;
      if (said.has('bye')) saidGoodbye = i;
    }
    // The name signed last, after thanks or a goodbye ("С уважением, Айгуль.", "Kind regards, Dana Smith").
    let names = 0;
    // Split with one captured break, the parts stand at the even places and the last is a part.
    for (let i = parts.length - 1; signedOff >= 0 && i > signedOff; i -= 2) {
      const part = parts[i].trim();
      if (part === '') continue;
      if (!NAME.test(part) || ++names > MAX_SIGNATURE_WORDS) break;
      kept[i] = false;
    }
    this.dropSignedDescription(parts, kept, saidGoodbye);
    const question = kept.every(Boolean)
      ? text
      : parts
          .map((part, i) => (i % 2 === 0 ? (kept[i] ? part : '') : kept[i - 1] ? part : ''))
          .join('')
          .trim();
    if (!/[\p{L}\p{N}]/u.test(question)) return text;
    return this.withoutLeadIn(question);
  }

  /**
   * A letter's goodbye that closes a message after its question ("… С уважением, жители дома 5.",
   * "… Құрметпен, 5-үйдің тұрғындары.", "… Kind regards, a resident of house 5.") is signed with
   * who writes, not only a name: the one part after it, of a few words and no question, goes with
   * it. Their "дома", "үй", "house" drew the entries about homes. Only after a goodbye that is not
   * the message's first part ("Всего доброго, а банки работают?" stays), and not after thanks
   * ("Спасибо, лифт не работает" is the matter).
   */
  private dropSignedDescription(parts: readonly string[], kept: boolean[], goodbye: number): void {
    if (goodbye <= 0) return;
    const after: number[] = [];
    for (let i = goodbye + 2; i < parts.length; i += 2) if (kept[i] && parts[i].trim() !== '') after.push(i);
    if (after.length !== 1) return;
    const [at] = after;
    const words = parts[at].trim().split(/\s+/u).length;
    const asks = parts.slice(at + 1).join('').includes('?');
    if (words <= MAX_SIGNED_DESCRIPTION_WORDS && !asks) kept[at] = false;
  }

  /**
   * The question without a phrase that only announces it at its very start, with no comma after
   * it ("Хотелось бы узнать propiska cherez egov", "Білгім келеді проездной толтыру", "I'd like to
   * know can I still call abroad"), when more words follow; the text as it is otherwise. Greetings
   * stay: "how are you supposed to pay" and "нужна помощь многодетным" ask with their words.
   */
  private withoutLeadIn(text: string): string {
    // The words so far, and where the longest lead-in they make with a word after it ends.
    let said = '';
    let end = 0;
    let leadInEnd = -1;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      if (said !== '' && this.leadIns.has(said)) leadInEnd = end;
      const word = this.spell(m[0]);
      said = said === '' ? word : `${said} ${word}`;
      end = m.index + m[0].length;
      if (!this.leadInStarts.has(said)) break;
    }
    return leadInEnd < 0 ? text : text.slice(leadInEnd).replace(LEADING_BREAK, '');
  }

  /**
   * The words in runs: a phrase of the lists with its kind, the longest first ("добрый день" is a
   * greeting, not "добрый" and a stray "день"), a filler, or one other word.
   */
  private runs(words: readonly string[]): Run[] {
    const runs: Run[] = [];
    for (let at = 0; at < words.length; ) {
      // The longest phrase from here: its words are read while they begin one.
      let said = '';
      let length = 0;
      let kind: SmallTalk | undefined;
      for (let next = at; next < words.length; next += 1) {
        said = said === '' ? words[next] : `${said} ${words[next]}`;
        if (!this.phraseStarts.has(said)) break;
        const saidKind = this.phrases.get(said);
        if (saidKind) {
          kind = saidKind;
          length = next + 1 - at;
        }
      }
      if (kind) {
        runs.push({ kind, words: words.slice(at, at + length) });
        at += length;
      } else {
        runs.push({ kind: this.fillers.has(words[at]) ? 'filler' : 'other', words: [words[at]] });
        at += 1;
      }
    }
    return runs;
  }
}

/**
 * The offered choice a small-talk reply picks (WhatsApp has no buttons, and residents type on
 * Telegram too), by what the bot asked:
 * - "did this answer help?": yes or no, "помогло" or "не помогло", and thanks is a yes;
 * - "shall I pass your question to an operator?" (asked after "it did not help"): yes is the
 *   operator, no the topics; "не помогло" said again is the operator, "помогло" after all the topics;
 *   asked under an answer given again, no (and "помогло", thanks) is "the answer helped";
 * - "did you mean…?": no, or "не помогло", is "none of these — to an operator"; a yes picks the
 *   entry when only one is offered ("did you mean this?"), and names none among several.
 * Any other offer (the menu, entries offered with a hand-off) is not answered by yes or no.
 */
export function choiceSaid(said: SmallTalkSaid, offered: readonly Choice[]): string | undefined {
  const ids = new Set(offered.map((c) => c.id));
  const answer = oneOf(said, 'yes', 'no');
  const helped = oneOf(said, 'helped', 'notHelped');
  if (ids.has(CHOICE.helpful) && ids.has(CHOICE.notHelpful)) {
    // Thanks is a yes here ("спасибо", "Да, спасибо"); "нет, спасибо" stays a no.
    const verdict = agreeing(helped, answer) ?? (said.has('thanks') ? 'yes' : undefined);
    if (verdict) return verdict === 'yes' ? CHOICE.helpful : CHOICE.notHelpful;
    return undefined;
  }
  if (ids.has(CHOICE.operatorNotHelpful) && ids.has(CHOICE.helpful)) {
    // "Shall I pass it to an operator?" under an answer given again: "не помогло" is a yes to the
    // operator, "помогло" or thanks a no ("no, the answer helped").
    const wanted = agreeing(oneOf(said, 'notHelped', 'helped'), answer) ?? (said.has('thanks') ? 'no' : undefined);
    if (wanted) return wanted === 'yes' ? CHOICE.operatorNotHelpful : CHOICE.helpful;
    return undefined;
  }
  if (ids.has(CHOICE.operatorNotHelpful) && ids.has(CHOICE.menu)) {
    // "Не помогло" is a yes to the operator here, "помогло" a no.
    const wanted = agreeing(oneOf(said, 'notHelped', 'helped'), answer);
    if (wanted) return wanted === 'yes' ? CHOICE.operatorNotHelpful : CHOICE.menu;
    return undefined;
  }
  const suggested = offered.filter((c) => parseChoice(c.id)?.kind === 'faq');
  if (suggested.length === 0 || !ids.has(CHOICE.operator)) return undefined;
  const none = answer === 'no' || (answer === undefined && helped === 'no');
  if (none) return CHOICE.operator;
  if (answer === 'yes' && suggested.length === 1) return suggested[0].id;
  return undefined;
}

/**
 * Emoji that say what a word of small talk says, the same in every language: a thumbs-up or a tick
 * is a yes, a thumbs-down or a cross a no, folded hands, a heart or flowers are thanks. Residents
 * answer "did this answer help? 👍 Yes / 👎 No" with the emoji itself, above all on WhatsApp, where
 * the choices are a list to type from; read as a message without words, the bot's 👍 asked for
 * a question in words, and the answer's "yes, it helped" was lost to the learning.
 */
const GESTURES: ReadonlyMap<string, SmallTalk> = new Map([
  ...[...'👍👌✅✔☑🆗'].map((ch) => [ch, 'yes'] as const),
  ...[...'👎❌✖'].map((ch) => [ch, 'no'] as const),
  ...[...'🙏❤♥💐🌹🤝🥰💕💖🫶'].map((ch) => [ch, 'thanks'] as const),
]);
/** Smiles that only set the tone of a gesture beside them ("🙂🙏"): alone they say nothing. */
const TONE = new Set([...'🙂😊☺😀😃😄😁']);
/** What comes with an emoji and changes nothing it says: skin tones, the emoji and text presentation selectors, spaces and punctuation. */
const GESTURE_NOISE = /[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F|[\s.,!?)(]/gu;

/**
 * What a message of emoji alone says as small talk ("👍", "🙏🏻🙏🏻", "👍🙂"), or null when any emoji
 * of it is not a gesture GESTURES knows ("🤔", "😡") or it has none.
 */
export function gestureSaid(text: string): SmallTalkSaid | null {
  const said = new Set<SmallTalk>();
  for (const ch of text.replace(GESTURE_NOISE, '')) {
    if (TONE.has(ch)) continue;
    const kind = GESTURES.get(ch);
    if (!kind) return null;
    said.add(kind);
  }
  return said.size > 0 ? said : null;
}

/** One verdict from two readings of a message, either of which may be missing; none when they differ. */
function agreeing(a: 'yes' | 'no' | undefined, b: 'yes' | 'no' | undefined): 'yes' | 'no' | undefined {
  if (a && b) return a === b ? a : undefined;
  return a ?? b;
}

/**
 * The one thing to answer when a message says several ("Здравствуйте, спасибо!" is thanks): asking
 * about the wait comes first ("здравствуйте, есть кто?"), thanks and goodbye end a conversation, a
 * greeting starts one, the rest only keeps it going.
 */
export function mainSmallTalk(said: SmallTalkSaid): SmallTalk {
  for (const kind of ['waiting', 'thanks', 'bye', 'greeting', 'ok', 'yes', 'no', 'helped', 'notHelped'] as const) {
    if (said.has(kind)) return kind;
  }
  return 'ok';
}

/**
 * 'yes' when the message says `yes` and not `no`, 'no' the other way round, undefined when it says
 * both or neither: a yes or a no ('yes', 'no'), "помогло" or "не помогло" ('helped', 'notHelped').
 */
function oneOf(said: SmallTalkSaid, yes: SmallTalk, no: SmallTalk): 'yes' | 'no' | undefined {
  if (said.has(yes) === said.has(no)) return undefined;
  return said.has(yes) ? 'yes' : 'no';
}

/**
 * Where a message's parts end: a sentence's end, a line break, a comma, a colon ("Бір сұрақ: …";
 * not one between digits, "23:00"), a dash between spaces, or a capital letter after a space, which
 * starts a sentence typed without its full stop ("…ашылмайды Сау болыңыз!").
 */
const COURTESY_PART_BREAK = /([.!?…;,\n]+|:(?!\d)|\s[-–—]\s|\s+(?=\p{Lu}))/u;

/** Spaces and breaks left at the start of a question once a lead-in before them is taken away. */
const LEADING_BREAK = /^[\s.,:;!?…—–-]+/u;

/** A word of a name signed at the end: a capitalised word; a name and a surname at most. */
const NAME = /^\p{Lu}\p{Ll}+$/u;
const MAX_SIGNATURE_WORDS = 2;
/** Who signs a letter, in words: "жители дома 5", "5-үйдің тұрғыны", "a resident of house 5". */
const MAX_SIGNED_DESCRIPTION_WORDS = 6;

/** How many words' spellings are kept before starting afresh (a crude bound, as for the matcher's memos). */
const MAX_KEPT_SPELLINGS = 20_000;

/** What thanks may be for, in words: "быстрый ремонт дороги во дворе". More is a message of its own. */
const MAX_THANKED_WORDS = 5;
/** A break between the "for" word and the end of what thanks is for: a sentence, a clause, a dash. */
const THANKED_BREAK = /[.!?…;,:\n]|\s[-–—]\s/u;

/** Courtesy a question goes without; 'waiting' ("сколько ждать?") and the helped verdicts are questions or answers. */
const DROPPED_COURTESY: ReadonlySet<SmallTalk> = new Set(['greeting', 'thanks', 'bye', 'ok', 'yes', 'no']);

/** A word as `normalizePhrase` cuts them: letters and digits (read's own loop; listWords elsewhere). */
const WORD = letterRuns();

/** A phrase of the lists as its words' keys. */
function key(text: string): string {
  return listWords(text).join(' ');
}

/** Adds each of a phrase's first words, one word and more, the whole phrase among them, to `starts`. */
function addStarts(starts: Set<string>, phrase: string): void {
  let said = '';
  for (const word of phrase.split(' ')) {
    said = said === '' ? word : `${said} ${word}`;
    starts.add(said);
  }
}
