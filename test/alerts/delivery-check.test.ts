import { deliveryWarnings } from '../../src/alerts/delivery-check';
import type { AlertProgress } from '../../src/store/types';

const start = new Date('2026-01-17T12:00:00Z');
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const counts = (pending: number, sent = 0) => ({ pending, sent, failed: 0, blocked: 0, skipped: 0 });

describe('delivery warnings of an alert being sent', () => {
  const progress: AlertProgress = { telegram: counts(3, 2), whatsapp: counts(5) };

  it('names a channel this process cannot send on at once, with its state here', () => {
    const channels = [{ name: 'telegram', status: 'running' }, { name: 'whatsapp', status: 'logged-out' }];
    expect(deliveryWarnings({ status: 'sending', runAt: start }, progress, channels, later(5))).toEqual([{ kind: 'unavailable', channel: 'whatsapp', pending: 5, state: 'logged-out' }]);
    expect(deliveryWarnings({ status: 'sending', runAt: start }, progress, [{ name: 'telegram', status: 'running' }], later(5))).toEqual([{ kind: 'unavailable', channel: 'whatsapp', pending: 5 }]);
  });

  it('says so when nothing went out on a channel a minute after the start, even on one served here', () => {
    const channels = [{ name: 'telegram', status: 'running' }, { name: 'whatsapp', status: 'ready' }];
    expect(deliveryWarnings({ status: 'sending', runAt: start }, progress, channels, later(59))).toEqual([]);
    expect(deliveryWarnings({ status: 'sending', runAt: start }, progress, channels, later(150))).toEqual([{ kind: 'stalled', channel: 'whatsapp', pending: 5, minutes: 2 }]);
  });

  it('has nothing to say about an alert not being sent, or with nothing pending', () => {
    expect(deliveryWarnings({ status: 'done', runAt: start }, progress, [], later(600))).toEqual([]);
    expect(deliveryWarnings({ status: 'scheduled', runAt: start }, progress, [], later(600))).toEqual([]);
    expect(deliveryWarnings({ status: 'sending', runAt: start }, { whatsapp: counts(0, 4) }, [], later(600))).toEqual([]);
  });
});
