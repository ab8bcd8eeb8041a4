import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { DEFAULT_THRESHOLDS } from '../../src/matcher';

describe('loadConfig', () => {
  test('an empty environment gives working defaults: SQLite in ./data, the demo FAQ, no channels', () => {
    const config = loadConfig({});
    expect(config.mongodbUri).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve(__dirname, '../../data'));
    expect(config.faqSeedFile).toBe(path.resolve(__dirname, '../../src/faq/demo-faq.yaml'));
    expect(config.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(config.telegram.token).toBeUndefined();
    expect(config.telegram.driver).toBe('grammy');
    expect(config.whatsapp.enabled).toBe(false);
    expect(config.whatsapp.clientId).toBeUndefined();
  });

  test('WHATSAPP_CLIENT_ID names the WhatsApp login, with the characters whatsapp-web.js allows', () => {
    expect(loadConfig({ WHATSAPP_CLIENT_ID: 'line-2_kk' }).whatsapp.clientId).toBe('line-2_kk');
    for (const bad of ['line 2', '../other', 'x'.repeat(65)]) {
      expect(() => loadConfig({ WHATSAPP_CLIENT_ID: bad })).toThrow(/WHATSAPP_CLIENT_ID/);
    }
  });

  test('reads and converts values', () => {
    const config = loadConfig({
      DATA_DIR: '/tmp/x',
      MONGODB_URI: 'mongodb://db:27017/helpline',
      MATCH_ANSWER_THRESHOLD: '0.7',
      MATCH_SUGGEST_THRESHOLD: '0.2',
      MATCH_HINT_THRESHOLD: '0.1',
      TELEGRAM_BOT_TOKEN: '123456:ABCdefGhIJKlmnoPQRstuVWXyz_12345',
      TELEGRAM_DRIVER: 'telegraf',
      WHATSAPP_ENABLED: '1',
    });
    expect(config).toMatchObject({
      dataDir: '/tmp/x',
      mongodbUri: 'mongodb://db:27017/helpline',
      thresholds: { answer: 0.7, suggest: 0.2, hint: 0.1 },
      telegram: { driver: 'telegraf' },
      whatsapp: { enabled: true },
    });
  });

  test('every bad variable is named in one error, and secrets are not echoed', () => {
    let error: unknown;
    try {
      loadConfig({
        MATCH_ANSWER_THRESHOLD: 'high',
        TELEGRAM_DRIVER: 'botkit',
        TELEGRAM_BOT_TOKEN: 'not-a-token-secret',
        MONGODB_URI: 'postgres://x',
        TELEGRAM_WEBHOOK_URL: 'https://example.org/hook',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['MATCH_ANSWER_THRESHOLD', 'TELEGRAM_DRIVER', 'TELEGRAM_BOT_TOKEN', 'MONGODB_URI']) {
      expect(problems).toContain(name);
    }
    expect(problems).not.toContain('not-a-token-secret');
  });

  test('a webhook needs its secret, and the suggest band cannot be above the answer band', () => {
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://example.org/hook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => loadConfig({ MATCH_ANSWER_THRESHOLD: '0.3', MATCH_SUGGEST_THRESHOLD: '0.5' })).toThrow(/MATCH_SUGGEST_THRESHOLD/);
  });

  test('the hint band is below the suggest band: refused above it, and follows it down when unset', () => {
    expect(() => loadConfig({ MATCH_HINT_THRESHOLD: '0.7' })).toThrow(/MATCH_HINT_THRESHOLD.*must not be above MATCH_SUGGEST_THRESHOLD/);
    expect(loadConfig({ MATCH_SUGGEST_THRESHOLD: '0.1' }).thresholds).toEqual({ answer: 0.65, suggest: 0.1, hint: 0.1 });
    expect(loadConfig({ MATCH_HINT_THRESHOLD: '0.3' }).thresholds.hint).toBe(0.3);
  });

  test('operator settings: group chat id, SLA minutes, staffed hours in an offset; bad ones are named', () => {
    const config = loadConfig({ OPERATOR_CHAT_ID: '-1001234567890', SLA_MINUTES: '20', STAFFED_HOURS: 'Mon-Fri 09:00-13:00,14:00-18:00; Sat 10:00-14:00', OPERATOR_UTC_OFFSET: '+06:00' });
    expect(config.operators.chatId).toBe('-1001234567890');
    expect(config.operators.slaMinutes).toBe(20);
    expect(config.operators.hours?.offsetMinutes).toBe(360);
    expect(config.operators.utcOffsetMinutes).toBe(360);
    expect(config.operators.hours?.shifts).toHaveLength(11);
    expect(loadConfig({}).operators).toEqual({ slaMinutes: 30, utcOffsetMinutes: 300 });
    expect(() => loadConfig({ STAFFED_HOURS: 'weekdays 9 to 5', OPERATOR_CHAT_ID: '@group', OPERATOR_UTC_OFFSET: 'Asia/Almaty' })).toThrow(
      /STAFFED_HOURS[\s\S]*OPERATOR_CHAT_ID|OPERATOR_CHAT_ID[\s\S]*STAFFED_HOURS/,
    );
  });
});
