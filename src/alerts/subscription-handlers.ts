/**
 * The subscription dialogue as engine handlers, registered by the app: unsubscribing and the
 * topic and district choices work whoever has the conversation (register `anytime` before the
 * hand-off gate); /subscribe is the bot's own (register `subscribe` after it).
 */
import type { Handler } from '../engine/turn';
import type { SubscriptionDialog } from './subscription-dialog';

export function subscriptionHandlers(dialog: SubscriptionDialog): { anytime: Handler; subscribe: Handler } {
  const anytime: Handler = async (turn, next) => {
    const { choice, command } = turn.input;
    const { conversation: conv, lang } = turn;
    // Unsubscribing is honoured at once, whoever has the conversation.
    if (command?.name === 'unsubscribe') return turn.answer({ kind: 'command', name: 'unsubscribe' }, ...(await dialog.unsubscribe(conv, lang)));
    if (choice?.kind === 'alert-topic') return turn.answer({ kind: 'command', name: 'subscribe' }, ...(await dialog.pickTopic(conv, lang, choice.topic)));
    if (choice?.kind === 'alert-district') return turn.answer({ kind: 'command', name: 'subscribe' }, ...(await dialog.pickDistrict(conv, lang, choice.index)));
    return next();
  };
  const subscribe: Handler = (turn, next) => {
    if (turn.input.command?.name !== 'subscribe') return next();
    turn.answer({ kind: 'command', name: 'subscribe' }, ...dialog.offerTopics(turn.lang));
  };
  return { anytime, subscribe };
}
