import { opensTerminalChat } from '../src/compose';

describe('opensTerminalChat', () => {
  const config = (token: string | undefined, whatsapp: boolean) => ({ telegram: { token }, whatsapp: { enabled: whatsapp } });

  test('opens when asked, whatever is configured', () => {
    expect(opensTerminalChat(config('123:abc', true), { chat: true, interactive: false })).toBe(true);
  });

  test('opens in a terminal with no channel configured (npm start on a fresh clone)', () => {
    expect(opensTerminalChat(config(undefined, false), { chat: false, interactive: true })).toBe(true);
    expect(opensTerminalChat(config(undefined, false), { chat: false, interactive: false })).toBe(false);
  });

  test('stays closed when a channel is configured and none was asked for', () => {
    expect(opensTerminalChat(config('123:abc', false), { chat: false, interactive: true })).toBe(false);
    expect(opensTerminalChat(config(undefined, true), { chat: false, interactive: true })).toBe(false);
  });
});
