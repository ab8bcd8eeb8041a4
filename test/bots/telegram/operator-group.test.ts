/**
 * The Telegram operator group over the fake Bot API: tickets posted (in forum topics when the
 * group has them), operators answer by replying or with a FAQ entry (/faq), /close closes and the
 * bot asks for a rating.
 */
import { OperatorGroup } from '../../../bots/telegram/operator-group';
import type { TelegramChannel } from '../../../bots/telegram';
import { OperatorDesk } from '../../../src/escalation/operator-desk';
import { ReplyRelay } from '../../../src/escalation/reply-relay';
import { createTranslator } from '../../../src/i18n';
import type { FakeUser } from '../../support/bot-api-server';
import { createRig, type Rig } from './helpers';
import { waitFor } from '../../support/wait';
import { HINT_ONLY_BANDS } from '../../support/engine';

const tr = createTranslator();
const GROUP = -1009876543210;
const operatorUser: FakeUser = { id: 4242, is_bot: false, first_name: 'Aigerim', username: 'aigerim_op' };

describe.each([
  ['a plain group', false],
  ['a forum group', true],
])('Telegram operator group (%s)', (_name, forum) => {
  let rig: Rig;
  let relay: ReplyRelay;
  let desk: OperatorDesk;
  let group: OperatorGroup;
  let channel: TelegramChannel;
  const me = { id: 777000222 };

  beforeEach(async () => {
    // Every matched question is handed over with the entries to read: what the group shows of them
    // is under test here, not where the matcher's confidence falls.
    rig = await createRig('grammy', { thresholds: HINT_ONLY_BANDS });
    if (forum) rig.api.forums.add(GROUP);
    const { harness } = rig;
    const channels = new Map<string, TelegramChannel>();
    relay = new ReplyRelay({ store: harness.store, channels: (n) => channels.get(n) });
    desk = new OperatorDesk({ store: harness.store, handoff: harness.handoff, relay, afterClose: harness.handBack });
    // The group's updates come in through the channel, and its posts leave through the channel's pipe.
    channel = rig.makeChannel({}, { intercept: (update) => group.intercept(update), flood: { perChatIntervalMs: 10, perGroupIntervalMs: 10, globalPerSecond: 1000 } });
    const faq = { catalog: harness.catalog, learning: harness.store.learning, translator: harness.translator };
    group = new OperatorGroup({ desk, chatId: String(GROUP), api: channel.groupApi, faq });
    group.start();
    channels.set('telegram', channel);
    await channel.start();
  });
  afterEach(async () => {
    await group.stop();
    await rig.close();
  });

  it('posts the ticket, relays the operator reply, closes with /close and the bot asks for a rating', async () => {
    const { api } = rig;
    api.push(api.text(me, 'у меня потерялась кошка, кто поможет найти'));
    const [post] = await api.waitForMessages(GROUP, 1);
    const id = /^#(\d+)/.exec(post.text)?.[1] ?? '';
    expect(id).not.toBe('');
    expect(post.text).toContain('у меня потерялась кошка');
    const topic = forum ? api.topics[0] : undefined;
    if (forum) {
      expect(topic?.name.startsWith(`#${id} `)).toBe(true);
      expect(post.threadId).toBe(topic?.threadId);
    }
    const replyTo = forum
      ? { threadId: topic?.threadId, replyToMessage: topic?.threadId, topicName: topic?.name }
      : { replyToMessage: post.messageId, replyToText: post.text };

    api.push(api.text({ id: GROUP, type: 'supergroup' }, 'Позвоните участковому: 102.', { from: operatorUser, ...replyTo }));
    await waitFor(() => api.sentTo(me.id).some((m) => m.text === 'Позвоните участковому: 102.'), 'the reply at the resident');
    expect((await desk.get(id))?.assignee).toBe('telegram:aigerim_op');

    api.push(api.text(me, 'Спасибо!'));
    await waitFor(async () => (await desk.get(id))?.status === 'assigned', 'the resident answer on the ticket');

    api.push(api.text({ id: GROUP, type: 'supergroup' }, '/close', { from: operatorUser, ...replyTo }));
    const rating = await waitFor(
      () => api.sentTo(me.id).find((m) => m.text === tr.t('ru', 'escalation.closed', { ticket: id })),
      'the rating question',
    );
    expect(rating.keyboard?.flat().map((b) => b.callback_data)).toEqual(['rate:1', 'rate:2', 'rate:3', 'rate:4', 'rate:5']);
    await waitFor(() => api.sentTo(GROUP).some((m) => m.text === `#${id} closed.`), 'the confirmation in the group');
    // Nothing the operators wrote reached the engine as a resident's question.
    expect((await desk.list()).length).toBe(0);
    expect(api.sentTo(GROUP).filter((m) => m.text.includes(tr.t('ru', 'escalation.noMatch')))).toEqual([]);
  });

  it("lists the entries the FAQ may answer with, and /faq sends one's answer and notes the resident's words", async () => {
    const { api } = rig;
    const question = 'трактор сломал трубу, вода';
    api.push(api.text(me, question));
    const [post] = await api.waitForMessages(GROUP, 1);
    const id = /^#(\d+)/.exec(post.text)?.[1] ?? '';
    expect(post.text).toContain('\n1. water-outage: Когда дадут горячую воду?\n');
    const topic = forum ? api.topics[0] : undefined;
    // In a topic the operator writes without replying to the post: the number is the bot's ranking now.
    const replyTo = forum
      ? { threadId: topic?.threadId, replyToMessage: topic?.threadId, topicName: topic?.name }
      : { replyToMessage: post.messageId, replyToText: post.text };
    const operator = (text: string) => api.push(api.text({ id: GROUP, type: 'supergroup' }, text, { from: operatorUser, ...replyTo }));

    operator('/faq 7');
    await waitFor(() => api.sentTo(GROUP).some((m) => m.text.startsWith(`No FAQ entry number 7 for #${id}`)), 'the refusal');
    operator('/faq no-such-entry');
    await waitFor(() => api.sentTo(GROUP).some((m) => m.text === 'No FAQ entry "no-such-entry" answers now'), 'the refusal');

    operator('/faq 1');
    await waitFor(() => api.sentTo(me.id).some((m) => m.text.includes('Воду подадут до вечера.')), "the entry's answer at the resident");
    await waitFor(() => api.sentTo(GROUP).some((m) => m.text === `#${id} answered with the FAQ entry "water-outage".`), 'the confirmation');
    expect((await desk.get(id))?.assignee).toBe('telegram:aigerim_op');
    const [learned] = await rig.harness.store.learning.list({ entryId: 'water-outage' });
    expect(learned).toMatchObject({ text: question, lang: 'ru' });
  });

  it('tells the group when the resident withdraws a ticket because an answer the bot offered helped', async () => {
    const { api } = rig;
    api.push(api.text(me, 'трактор сломал трубу, вода'));
    const [post] = await api.waitForMessages(GROUP, 1);
    const id = /^#(\d+)/.exec(post.text)?.[1] ?? '';
    const [, hints] = await api.waitForMessages(me.id, 2);
    expect(hints.keyboard?.flat().map((b) => b.callback_data)).toContain('faq:water-outage');
    api.push(api.press(me, 'faq:water-outage', hints.messageId));
    const [, , answer, ask] = await api.waitForMessages(me.id, 4);
    expect(answer.text).toBe('Воду подадут до вечера.');
    api.push(api.press(me, 'fb:yes', ask.messageId));
    await api.waitForMessages(me.id, 5);
    await waitFor(() => api.sentTo(GROUP).some((m) => m.text === `#${id} was withdrawn by the resident. Nothing to do.`), 'the notice');
    expect((await desk.get(id))?.status).toBe('closed');
  });

  it('heads an urgent ticket URGENT, takes replies to it as to any, and tells of a ticket marked urgent while it waits', async () => {
    const { api } = rig;
    api.push(api.text(me, 'помогите, соседа избивают'));
    const [post] = await api.waitForMessages(GROUP, 1);
    const id = /^#(\d+)/.exec(post.text)?.[1] ?? '';
    expect(post.text.startsWith(`#${id} · URGENT (someone may be in danger now) · ru · telegram`)).toBe(true);
    const topic = forum ? api.topics[0] : undefined;
    if (forum) expect(topic?.name.startsWith(`#${id} 🚨 помогите`)).toBe(true);
    const replyTo = forum
      ? { threadId: topic?.threadId, replyToMessage: topic?.threadId, topicName: topic?.name }
      : { replyToMessage: post.messageId, replyToText: post.text };
    api.push(api.text({ id: GROUP, type: 'supergroup' }, 'Полиция выехала.', { from: operatorUser, ...replyTo }));
    await waitFor(() => api.sentTo(me.id).some((m) => m.text === 'Полиция выехала.'), 'the reply at the resident');

    const other = { id: 777000333 };
    api.push(api.text(other, 'у меня потерялась кошка, кто поможет найти'));
    const [, calm] = await api.waitForMessages(GROUP, 2);
    const calmId = /^#(\d+)/.exec(calm.text)?.[1] ?? '';
    expect(calm.text).not.toContain('URGENT');
    api.push(api.text(other, 'у соседей пожар, дым в подъезде'));
    await waitFor(() => api.sentTo(GROUP).some((m) => m.text === `#${calmId} is now URGENT (someone may be in danger now): take it first.`), 'the notice');
    expect((await desk.get(calmId))?.urgent).toBe(true);
  });

  it('reminds the group of a ticket that waited past the SLA', async () => {
    const { api } = rig;
    api.push(api.text(me, 'у меня потерялась кошка, кто поможет найти'));
    await api.waitForMessages(GROUP, 1);
    const [ticket] = await desk.list();
    desk.announceOverdue(ticket);
    await waitFor(() => api.sentTo(GROUP).some((m) => m.text === `#${ticket.id} is still waiting in the queue.`), 'the reminder');
  });
});
