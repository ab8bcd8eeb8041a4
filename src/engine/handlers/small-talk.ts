/**
 * Small talk answered in kind (see ../small-talk.ts): a greeting gets the greeting and the menu, as
 * /start does; thanks, "ok" and goodbye get a short word back. Nothing is matched and no ticket is
 * opened. Register it after the hand-off gate: while an operator has the conversation, the
 * resident's "спасибо" is for the operator and goes on the ticket.
 */
import type { Handler } from '../turn';
import { greet, menuReply, type MenuOptions } from './menu';

export function smallTalkHandler(options: MenuOptions): Handler {
  const { translator: tr } = options;
  return (turn, next) => {
    const said = turn.input.smallTalk;
    // "Are you there?" with the bot: someone is wanted, so it goes on to an operator.
    if (!said || said === 'waiting') return next();
    if (said === 'greeting') return greet(turn, options);
    const lang = turn.lang;
    if (said === 'yes' || said === 'no' || said === 'helped' || said === 'notHelped') {
      // A yes or a no (or "помогло") that picks none of the choices offered: they are offered
      // again, not dropped.
      const offered = turn.conversation.offered;
      if (offered.length > 0) return turn.answer({ kind: 'small-talk', said: 'ok' }, { text: tr.t(lang, 'smallTalkReply.pick'), choices: offered });
      // "Не помогло", "никто не берёт трубку" with no answer before to be about: what did not work
      // is asked, with the topics and the operator, as for a question that names nothing; an "ok"
      // would leave a resident who could not get through with nowhere to go.
      if (said === 'notHelped') return turn.answer({ kind: 'clarify' }, menuReply(turn, options, 'input.noSubject'));
      return turn.answer({ kind: 'small-talk', said: 'ok' }, { text: tr.t(lang, 'smallTalkReply.ok') });
    }
    turn.answer({ kind: 'small-talk', said }, { text: tr.t(lang, `smallTalkReply.${said}`) });
  };
}
