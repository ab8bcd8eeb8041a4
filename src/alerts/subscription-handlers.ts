/**
 * The subscription dialogue as an engine handler, registered by the app before the hand-off gate:
 * subscribing, the topic and district choices and unsubscribing work whoever has the conversation
 * (a resident waiting for an operator may want the alerts too, and "/subscribe" is no news for the
 * operator's ticket).
 */
import type { Handler } from '../engine/turn';
import type { SubscriptionDialog } from './subscription-dialog';

export function subscriptionHandler(dialog: SubscriptionDialog): Handler {
  return async (turn, next) => {
    const { choice, command } = turn.input;
    const { conversation: conv, lang } = turn;
    if (command?.name === 'subscribe') return turn.answer({ kind: 'command', name: 'subscribe' }, ...dialog.offerTopics(lang));
    // Unsubscribing is honoured at once.
    if (command?.name === 'unsubscribe') return turn.answer({ kind: 'command', name: 'unsubscribe' }, ...(await dialog.unsubscribe(conv, lang)));
    if (choice?.kind === 'alert-topic') return turn.answer({ kind: 'command', name: 'subscribe' }, ...(await dialog.pickTopic(conv, lang, choice.topic)));
    if (choice?.kind === 'alert-district') return turn.answer({ kind: 'command', name: 'subscribe' }, ...(await dialog.pickDistrict(conv, lang, choice.index)));
    return next();
  };
}
