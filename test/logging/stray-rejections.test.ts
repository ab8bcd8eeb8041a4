/** Promise rejections nobody handled are logged (masked), not fatal. The real process: test/main.test.ts. */
import { EventEmitter } from 'node:events';
import { logStrayRejections } from '../../src/logging';
import { LogLines } from '../support/logs';

describe('logStrayRejections', () => {
  it('logs the rejection as an error with phone numbers masked, until removed', () => {
    const logs = new LogLines();
    const target = new EventEmitter();
    const remove = logStrayRejections(logs.logger, target);
    target.emit('unhandledRejection', new Error('invalid wid 77011234567@c.us'), Promise.resolve());
    target.emit('unhandledRejection', 'a plain string', Promise.resolve());
    const lines = logs.lines.map((l) => JSON.parse(l) as { level: number; reason: { name: string; message: string } });
    expect(lines.map((l) => [l.level, l.reason.name, l.reason.message])).toEqual([
      [50, 'Error', 'invalid wid 770•••••567@c.us'],
      [50, 'Error', 'a plain string'],
    ]);
    expect(logs.text).not.toContain('77011234567');
    remove();
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });
});
