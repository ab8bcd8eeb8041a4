/**
 * The hand-off for a WhatsApp resident: the real app (its OperatorDesk and ReplyRelay) with the
 * WhatsApp channel on the fake client. Operator replies and the rating question travel through
 * the relay into the channel's own paced outbox.
 */
import { createTranslator } from '../../../src/i18n';
import { createRig, RESIDENT, startLinked, type Rig } from './helpers';
import { runUntil } from './manual-timers';

const tr = createTranslator();

describe('hand-off: WhatsApp resident', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await createRig();
    await startLinked(rig);
    rig.app.channels.set(rig.channel.name, rig.channel);
  });
  afterEach(() => rig.close());

  it('question → ticket → operator reply → resident answers → close → typed rating → the bot answers again', async () => {
    const { desk } = rig.app;
    rig.phone.write(RESIDENT, 'у меня потерялась кошка, кто поможет найти');
    await rig.replies(RESIDENT, 1);
    let id = '';
    await runUntil(rig.timers, () => {
      void desk.list().then((open) => (id = open[0]?.id ?? ''));
      return id !== '';
    }, 'the ticket');

    await desk.claim(id, 'op-a');
    await desk.reply(id, 'op-a', 'Обратитесь к участковому: 102.');
    const afterReply = await rig.replies(RESIDENT, 2);
    expect(afterReply[1]).toBe('Обратитесь к участковому: 102.');

    rig.phone.write(RESIDENT, 'Спасибо');
    await rig.replies(RESIDENT, 3); // the one-time "added to your request"
    await desk.close(id, 'op-a');
    const afterClose = await rig.replies(RESIDENT, 4);
    expect(afterClose[3]).toContain(tr.t('ru', 'escalation.closed', { ticket: id }));

    rig.phone.write(RESIDENT, '5');
    const rated = await rig.replies(RESIDENT, 5);
    expect(rated[4]).toBe(tr.t('ru', 'escalation.rated'));

    rig.phone.write(RESIDENT, 'Когда начинается комендантский час?');
    const answered = await rig.replies(RESIDENT, 6);
    expect(answered[5]).toBe('Комендантский час: с 23:00 до 07:00.');
  });
});
