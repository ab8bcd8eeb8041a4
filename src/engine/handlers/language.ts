/**
 * The reply language, settled first on every turn: an explicit choice (/lang, a language button,
 * the language's typed name) wins and sticks; otherwise what the text is written in; when the text
 * does not tell (a number, "ok"), tells it only weakly (a place name's ending), or is only courtesy
 * in a conversation that has a language ("рахмет" after Russian), what was known, then the channel's
 * hint. Works whoever has the conversation, the bot or an operator.
 */
import type { Translator } from '../../i18n';
import { LANGS, type Lang } from '../../i18n/languages';
import { detectLanguage, langFromHint, type WordEvidence } from '../../language/detect';
import type { Conversation } from '../../store/types';
import { CHOICE } from '../choices';
import type { Handler, Turn } from '../turn';

export interface LanguageOptions {
  translator: Translator;
  /** Told when the resident picks a language explicitly (alerts follow the conversation's language). */
  onChosen?: (conversation: Conversation, lang: Lang) => Promise<void>;
  /** The FAQ's words by language: evidence for short messages the general cues cannot place. */
  vocabulary?: WordEvidence;
}

export function languageHandler({ translator: tr, onChosen, vocabulary }: LanguageOptions): Handler {
  const choose = async (turn: Turn, lang: Lang) => {
    turn.conversation.lang = lang;
    turn.conversation.langChosen = true;
    await onChosen?.(turn.conversation, lang);
    turn.answer({ kind: 'command', name: 'lang' }, { text: tr.t(lang, 'lang.set') });
  };
  return async (turn, next) => {
    const { kind, choice, command, text } = turn.input;
    // A typed request ("are you a real person?") tells the language as well as a question does.
    const typed = !command || (!text.startsWith('/') && command.name !== 'select-lang');
    const written = kind === 'question' && !turn.input.choiceId && typed;
    turn.conversation.lang = replyLanguage(turn, written ? text : '', vocabulary);
    if (command?.name === 'select-lang') return choose(turn, command.lang);
    if (choice?.kind === 'lang') return choose(turn, choice.lang);
    if (command?.name === 'lang') {
      const choices = LANGS.map((l) => ({ id: CHOICE.lang(l), label: tr.t(l, 'lang.name') }));
      return turn.answer({ kind: 'command', name: 'lang' }, { text: tr.t(turn.lang, 'lang.prompt'), choices });
    }
    return next();
  };
}

function replyLanguage(turn: Turn, text: string, vocabulary: WordEvidence | undefined): Lang {
  const conv = turn.conversation;
  if (conv.langChosen && conv.lang) return conv.lang;
  // The conversation's language, or else the client's: what a weak reading of the text does not turn.
  const settled = conv.lang ?? langFromHint(turn.message.langHint);
  const known = settled ?? turn.lang;
  if (!text) return known;
  // Courtesy crosses languages here ("рахмет" or "ok" in a Russian conversation): thanks, "ok" or
  // goodbye alone does not change a language the conversation already has. (A greeting starts the
  // conversation over, as /start does, and is a command by now: it follows its language.)
  if (conv.lang && turn.input.smallTalk) return conv.lang;
  const detected = detectLanguage(text, known, vocabulary);
  // An address ("Павлодар, ул. Ленина 10") or a name in a Russian conversation does not turn it
  // Kazakh by a place name's ending, nor the other way round.
  if (detected.weak && settled) return settled;
  return detected.confident ? detected.lang : known;
}
