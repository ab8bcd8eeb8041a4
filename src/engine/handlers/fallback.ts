/**
 * The last handler: what no other handler took. A stale or forged choice (an entry deleted since it
 * was offered), or a typed number that picks nothing, gets a polite word and the menu; media, empty
 * and emoji-only messages get a hint of what the bot understands; anything else nobody handled gets
 * the help.
 */
import { TYPED_NOTHING } from '../choices';
import type { MessageKind } from '../types';
import type { Handler } from '../turn';
import { showMenu, type MenuOptions } from './menu';

const MEDIA_HINTS: Partial<Record<MessageKind, string>> = { voice: 'input.voice', audio: 'input.voice', location: 'input.location' };

export function fallbackHandler(options: MenuOptions): Handler {
  const { translator: tr } = options;
  return (turn) => {
    const { choiceId, kind } = turn.input;
    // A typed number picks no button: WhatsApp has none, and a resident who typed "1" first saw none.
    if (choiceId) return showMenu(turn, options, choiceId === TYPED_NOTHING ? 'input.typedNothing' : 'input.staleChoice');
    const reply = (key: string) => ({ text: tr.t(turn.lang, key) });
    if (kind === null) return turn.answer({ kind: 'unsupported' }, reply(MEDIA_HINTS[turn.message.kind] ?? 'input.unsupported'));
    if (kind === 'empty' || kind === 'symbols') return turn.answer({ kind: 'unsupported' }, reply(kind === 'symbols' ? 'input.emoji' : 'input.empty'));
    turn.answer({ kind: 'command', name: 'help' }, reply('help'));
  };
}
