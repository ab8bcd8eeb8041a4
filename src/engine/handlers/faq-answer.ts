/**
 * Answering from the FAQ: a question goes to the live catalog's matcher and the confidence bands
 * decide — answer (then "did this help?"), suggest up to three entries ("did you mean…"), or pass
 * the question on as unanswered (the escalation handler opens a ticket), with the entries that may
 * answer it after all when the matcher has any. A question that names nothing ("где?", "how?") is
 * asked what it is about, with the topics. Picking a suggested or listed entry answers it.
 */
import { answerText } from '../../faq/entry-text';
import type { FaqCatalog } from '../../faq/catalog';
import type { Conversation } from '../../store/types';
import { isLive, type FaqEntryInput } from '../../faq/types';
import type { Translator } from '../../i18n';
import { decide } from '../../matcher';
import type { Thresholds } from '../../matcher/types';
import { CHOICE } from '../choices';
import type { LearningPort } from '../ports';
import type { Handler, Turn } from '../turn';
import type { Reply } from '../types';
import { entriesOf, entryChoices } from './entry-choices';
import { menuReply } from './menu';

export interface FaqAnswerOptions {
  catalog: FaqCatalog;
  thresholds: Thresholds;
  translator: Translator;
  /** Told which entry a resident picked from "did you mean" for their question. */
  learning?: LearningPort;
}

/**
 * True when the entry was offered for the resident's last question: "did you mean" (entries and the
 * operator), or the entries offered with a hand-off (the only entries offered while an operator has
 * the conversation); not a topic list.
 */
function offeredForQuestion(conv: Conversation, id: string): boolean {
  const { offered } = conv;
  return offered.some((c) => c.id === CHOICE.faq(id)) && (conv.mode === 'operator' || offered.some((c) => c.id === CHOICE.operator));
}

export function faqAnswerHandler(options: FaqAnswerOptions): Handler {
  const { catalog, thresholds, translator: tr, learning } = options;
  return async (turn, next) => {
    const { choice, choiceId, command, kind, text } = turn.input;
    const conv = turn.conversation;
    if (choice?.kind === 'faq') {
      const entry = catalog.get(choice.id);
      // An entry deleted or expired since it was offered: a stale choice.
      if (!entry || !isLive(entry, turn.now)) return next();
      if (conv.lastQuestion && offeredForQuestion(conv, entry.id)) {
        await learning?.note({ entryId: entry.id, lang: turn.lang, text: conv.lastQuestion, source: 'picked' });
      } else {
        // Browsing the topics: the last question is not what this answer answers.
        conv.lastQuestion = undefined;
      }
      return answer(turn, tr, entry, 1);
    }
    if (choiceId || command || kind !== 'question') return next();

    const lang = turn.lang;
    const decision = decide(catalog.match(text, lang, turn.now, 3), thresholds);
    if (decision.kind === 'clarify') {
      // Nothing to hand over either: an operator would have to ask the same.
      turn.conversation.lastQuestion = undefined;
      return turn.answer({ kind: 'clarify' }, menuReply(turn, { catalog, translator: tr }, 'input.noSubject'));
    }
    turn.conversation.lastQuestion = text;
    if (decision.kind === 'answer') {
      const entry = catalog.get(decision.id);
      if (entry) return answer(turn, tr, entry, decision.score);
    }
    if (decision.kind === 'suggest') {
      const entries = entriesOf(catalog, decision.ids);
      const choices = entryChoices(entries, lang);
      choices.push({ id: CHOICE.operator, label: tr.t(lang, 'suggest.none') });
      const outcome = { kind: 'suggest', faqIds: entries.map((e) => e.id), score: decision.score } as const;
      return turn.answer(outcome, { text: tr.t(lang, 'suggest.title'), choices });
    }
    turn.unanswered = { question: text, reason: 'no-match', leadKey: 'escalation.noMatch' };
    if (decision.kind === 'none' && decision.ids?.length) turn.unanswered.hints = decision.ids;
    return next();
  };
}

/** The entry's answer in the conversation's language (or the fallback, said so), then "did this help?". */
function answer(turn: Turn, tr: Translator, entry: FaqEntryInput, score: number): void {
  const lang = turn.lang;
  const text: Reply = { text: answerText(entry, lang, tr) };
  const ask: Reply = {
    text: tr.t(lang, 'answer.ask'),
    choices: [
      { id: CHOICE.helpful, label: tr.t(lang, 'answer.yes') },
      { id: CHOICE.notHelpful, label: tr.t(lang, 'answer.no') },
    ],
  };
  turn.conversation.lastFaqId = entry.id;
  turn.answer({ kind: 'answer', faqId: entry.id, score }, text, ask);
}
