/** Small pure parts: message mapping, backoff, disconnect reasons, start-up error wording. */
import { backoffDelay } from '../../../src/delivery/backoff';
import { isPrivateChat, toIncoming } from '../../../bots/whatsapp';
import { explainStartFailure, sessionEnded } from '../../../bots/whatsapp/status';
import { FakeWhatsApp } from './fake-client';
import { ManualTimers } from './manual-timers';

const phone = new FakeWhatsApp(new ManualTimers());
const RESIDENT = '77011234567@c.us';

describe('toIncoming', () => {
  it('maps a private text message, keeping the chat id and the send time', () => {
    const message = phone.message(RESIDENT, 'Когда комендантский час?');
    expect(toIncoming(message)).toEqual({
      channel: 'whatsapp',
      chatId: RESIDENT,
      kind: 'text',
      text: 'Когда комендантский час?',
      receivedAt: new Date(message.timestamp * 1000),
    });
  });

  it.each([
    ['image', 'photo'],
    ['album', 'photo'],
    ['video', 'video'],
    ['audio', 'audio'],
    ['ptt', 'voice'],
    ['sticker', 'sticker'],
    ['location', 'location'],
    ['vcard', 'contact'],
    ['multi_vcard', 'contact'],
    ['document', 'document'],
    ['poll_creation', 'other'],
  ])('maps %s to %s, with the caption as text', (type, kind) => {
    expect(toIncoming(phone.message(RESIDENT, 'caption', { type, hasMedia: true }))).toMatchObject({ kind, text: 'caption' });
  });

  it('leaves text out when a media message has no caption', () => {
    expect(toIncoming(phone.message(RESIDENT, '', { type: 'ptt', hasMedia: true }))).not.toHaveProperty('text');
  });

  it.each([
    ['a group', phone.message('120363012345678901@g.us', 'hi')],
    ['a status update', phone.message('status@broadcast', 'hi')],
    ['a broadcast list', phone.message('1650000000@broadcast', 'hi')],
    ['a channel post', phone.message('120363098765432109@newsletter', 'hi')],
    ['our own message', phone.message(RESIDENT, 'hi', { fromMe: true })],
    ['a broadcast copy', phone.message(RESIDENT, 'hi', { broadcast: true })],
    ['a deleted message', phone.message(RESIDENT, '', { type: 'revoked' })],
    ['a reaction', phone.message(RESIDENT, '👍', { type: 'reaction' })],
    ['an encryption notice', phone.message(RESIDENT, '', { type: 'e2e_notification' })],
    ['a call log', phone.message(RESIDENT, '', { type: 'call_log' })],
  ])('ignores %s', (_what, message) => {
    expect(toIncoming(message)).toBeNull();
  });

  it('knows private chats by their id', () => {
    expect(isPrivateChat(RESIDENT)).toBe(true);
    expect(isPrivateChat('123456789012345@lid')).toBe(true);
    expect(isPrivateChat('120363012345678901@g.us')).toBe(false);
    expect(isPrivateChat('status@broadcast')).toBe(false);
  });
});

describe('reconnect backoff', () => {
  it('doubles from the base and stops at the cap, however many attempts', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 100, 5000].map((n) => backoffDelay(n));
    expect(delays).toEqual([5000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    expect(backoffDelay(3, { baseMs: 100, maxMs: 500 })).toBe(500);
  });
});

describe('session end and start-up failures', () => {
  it('treats logout, unpairing, a takeover and bans as the end of the session, other drops as passing', () => {
    for (const reason of ['LOGOUT', 'UNPAIRED', 'UNPAIRED_IDLE', 'CONFLICT', 'TOS_BLOCK', 'SMB_TOS_BLOCK']) {
      expect(sessionEnded(reason)).toBe(true);
    }
    for (const reason of ['NAVIGATION', 'TIMEOUT', 'PROXYBLOCK', 'Max qrcode retries reached']) {
      expect(sessionEnded(reason)).toBe(false);
    }
  });

  it('says what to check, on one line', () => {
    expect(explainStartFailure(new Error('Failed to launch the browser process!\nspawn /nope ENOENT'))).toBe(
      'Chromium could not be started (Failed to launch the browser process!): check PUPPETEER_EXECUTABLE_PATH (Debian: apt-get install -y chromium)',
    );
    // whatsapp-web.js throws a bare string when WhatsApp Web never finishes loading.
    expect(explainStartFailure('auth timeout')).toBe('WhatsApp Web could not be started: auth timeout');
  });
});
