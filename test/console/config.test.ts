import { ConfigError, loadConfig } from '../../src/config';

describe('console and schedule configuration', () => {
  it('defaults to 127.0.0.1:3000, 12 h sessions, 5 failures in 15 min, 2 MB imports, every minute', () => {
    const config = loadConfig({});
    expect(config.console).toEqual({
      enabled: true,
      port: 3000,
      host: '127.0.0.1',
      secureCookie: false,
      trustProxy: false,
      sessionHours: 12,
      loginMaxFailures: 5,
      loginWindowMinutes: 15,
      importMaxBytes: 2 * 1024 * 1024,
    });
    expect(config.scheduleCron).toBe('* * * * *');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      CONSOLE_ENABLED: '0',
      CONSOLE_PORT: '8080',
      CONSOLE_HOST: '0.0.0.0',
      CONSOLE_SECURE_COOKIE: '1',
      CONSOLE_TRUST_PROXY: '1',
      CONSOLE_SESSION_HOURS: '8',
      CONSOLE_LOGIN_MAX_FAILURES: '3',
      CONSOLE_LOGIN_WINDOW_MIN: '30',
      CONSOLE_IMPORT_MAX_MB: '0.5',
      SCHEDULE_CRON: '*/30 * * * * *',
    });
    expect(config.console).toEqual({ enabled: false, port: 8080, host: '0.0.0.0', secureCookie: true, trustProxy: true, sessionHours: 8, loginMaxFailures: 3, loginWindowMinutes: 30, importMaxBytes: 512 * 1024 });
    expect(config.scheduleCron).toBe('*/30 * * * * *');
  });

  it('names each bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ CONSOLE_PORT: '70000', CONSOLE_ENABLED: 'maybe', SCHEDULE_CRON: 'every minute', CONSOLE_IMPORT_MAX_MB: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/CONSOLE_PORT/);
    expect(problems).toMatch(/CONSOLE_ENABLED/);
    expect(problems).toMatch(/CONSOLE_IMPORT_MAX_MB \(got "0"\)/);
    expect(problems).toMatch(/SCHEDULE_CRON \(got "every minute"\): must be a cron expression/);
  });
});
