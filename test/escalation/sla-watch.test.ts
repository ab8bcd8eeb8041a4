import { OperatorDesk, type DeskEvent } from '../../src/escalation/operator-desk';
import { ReplyRelay } from '../../src/escalation/reply-relay';
import { SlaWatch } from '../../src/escalation/sla-watch';
import { isStaffed, nextShiftStart, parseStaffedHours, parseUtcOffset, localMoment } from '../../src/escalation/staffed-hours';
import type { Reply } from '../../src/engine/types';
import { createTranslator } from '../../src/i18n';
import { createHarness, type Harness } from '../support/engine';

const tr = createTranslator();
const HOURS = 'Mon-Fri 09:00-13:00,14:00-18:00; Sat 10:00-14:00';

describe('staffed hours', () => {
  const hours = parseStaffedHours(HOURS, parseUtcOffset('+05:00'));
  it('knows split shifts in the local offset', () => {
    expect(isStaffed(hours, new Date('2026-11-23T04:30:00Z'))).toBe(true); // Mon 09:30 local
    expect(isStaffed(hours, new Date('2026-11-23T08:30:00Z'))).toBe(false); // Mon 13:30: lunch
    expect(isStaffed(hours, new Date('2026-11-29T06:00:00Z'))).toBe(false); // Sunday
  });
  it('finds the next shift start, across the weekend', () => {
    const next = nextShiftStart(hours, new Date('2026-11-28T10:00:00Z')); // Sat 15:00 local
    expect(next.toISOString()).toBe('2026-11-30T04:00:00.000Z');
    expect(localMoment(hours, next)).toEqual({ day: 'mon', time: '09:00' });
  });
  it('refuses what it cannot read', () => {
    expect(() => parseStaffedHours('Mon-Fri 9-18', 0)).toThrow(/09:00-13:00|time/);
    expect(() => parseStaffedHours('Funday 09:00-10:00', 0)).toThrow(/weekday/);
    expect(() => parseUtcOffset('UTC+5')).toThrow(/offset/);
  });
});

describe('SlaWatch', () => {
  let h: Harness;
  const sent: { chatId: string; reply: Reply }[] = [];
  let desk: OperatorDesk;
  let relay: ReplyRelay;
  const events: DeskEvent[] = [];

  beforeEach(async () => {
    sent.length = 0;
    events.length = 0;
    h = await createHarness();
    // Monday 10:00 at +05:00: on duty.
    h.clock.current = new Date('2026-11-23T05:00:00Z');
    relay = new ReplyRelay({
      store: h.store,
      channels: () => ({ send: async (chatId: string, replies: Reply[]) => void sent.push(...replies.map((reply) => ({ chatId, reply }))) }),
    });
    desk = new OperatorDesk({ store: h.store, handoff: h.handoff, relay, clock: h.clock.now });
    desk.on('change', (e) => events.push(e));
  });
  afterEach(() => h.close());

  const watch = () =>
    new SlaWatch({ store: h.store, desk, relay, translator: tr, slaMinutes: 15, hours: parseStaffedHours(HOURS, 300), clock: h.clock.now });

  it('flags a ticket queued past the SLA once, reminds operators and tells the resident honestly', async () => {
    const result = await h.say('у меня потерялась кошка, кто поможет найти');
    const id = result.outcome.kind === 'escalate' ? result.outcome.ticketId : '';
    const sla = watch();
    expect((await sla.tick()).overdue).toEqual([]);
    h.clock.advance(15 * 60_000);
    expect((await sla.tick()).overdue).toEqual([id]);
    // Another process (a new watch) does not repeat it.
    expect((await watch().tick()).overdue).toEqual([]);
    expect(sent.map((s) => s.reply.text)).toEqual([tr.t('ru', 'escalation.stillQueued', { ticket: id })]);
    expect(events.filter((e) => e.kind === 'overdue')).toHaveLength(1);
  });

  it('outside staffed hours tells the resident once when operators are back', async () => {
    h.clock.current = new Date('2026-11-23T08:10:00Z'); // Monday 13:10 local: lunch break
    const result = await h.say('у меня потерялась кошка, кто поможет найти');
    const id = result.outcome.kind === 'escalate' ? result.outcome.ticketId : '';
    expect((await watch().tick()).toldOutOfHours).toEqual([id]);
    expect((await watch().tick()).toldOutOfHours).toEqual([]);
    expect(sent.map((s) => s.reply.text)).toEqual([tr.t('ru', 'escalation.outOfHours', { ticket: id, when: 'в понедельник в 14:00' })]);
  });
});
