import { createHarness, type Harness } from '../support/engine';

describe('alert subscriptions in the engine', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('/subscribe offers topics; a topic subscribes in the conversation language, then a district narrows it', async () => {
    await h.say('/kk');
    const offer = await h.say('/subscribe');
    expect(offer.outcome).toEqual({ kind: 'command', name: 'subscribe' });
    expect(offer.replies[0].choices?.map((c) => c.id)).toContain('subt:curfew');

    const districts = await h.say('', { choiceId: 'subt:curfew' });
    expect(await h.store.alerts.getSubscription('test', 'chat-1')).toMatchObject({ topics: ['curfew'], lang: 'kk' });
    expect(districts.replies[0].choices?.map((c) => c.label)).toEqual(['Pavlodar', 'Ekibastuz', 'Aksu', 'Бүкіл облыс']);

    // WhatsApp has no buttons: the typed number of the offered district works too.
    const done = await h.say('3');
    expect(done.replies[0].text).toContain('Aksu');
    expect(await h.store.alerts.getSubscription('test', 'chat-1')).toMatchObject({ topics: ['curfew'], district: 'Aksu' });

    await h.say('/subscribe');
    await h.say('', { choiceId: 'subt:internet' });
    expect((await h.store.alerts.getSubscription('test', 'chat-1'))?.topics).toEqual(['curfew', 'internet']);
  });

  it('typed words in each language subscribe and unsubscribe; unsubscribe is immediate', async () => {
    expect((await h.say('подписаться')).outcome).toEqual({ kind: 'command', name: 'subscribe' });
    expect((await h.say('жазылу')).outcome).toEqual({ kind: 'command', name: 'subscribe' });
    await h.say('', { choiceId: 'subt:transport' });
    expect(await h.store.alerts.getSubscription('test', 'chat-1')).not.toBeNull();
    const gone = await h.say('stop alerts');
    expect(gone.outcome).toEqual({ kind: 'command', name: 'unsubscribe' });
    expect(await h.store.alerts.getSubscription('test', 'chat-1')).toBeNull();
    const again = await h.say('/unsubscribe');
    expect(again.replies[0].text).toMatch(/\/subscribe/);
  });

  it('asked for in a sentence, alerts are offered, not an operator: "хочу получать уведомления"', async () => {
    const offer = await h.say('хочу получать уведомления о комендантском часе');
    expect(offer.outcome).toEqual({ kind: 'command', name: 'subscribe' });
    expect(offer.replies[0].choices?.map((c) => c.id)).toContain('subt:curfew');
    expect(await h.store.tickets.list()).toEqual([]);
  });

  it('a resident waiting for an operator can subscribe too, and nothing of it goes on the ticket', async () => {
    const escalated = await h.say('/operator');
    const id = escalated.outcome.kind === 'escalate' ? escalated.outcome.ticketId : '';
    const offer = await h.say('/subscribe');
    expect(offer.outcome).toEqual({ kind: 'command', name: 'subscribe' });
    await h.say('1');
    expect((await h.store.alerts.getSubscription('test', 'chat-1'))?.topics).toEqual(['curfew']);
    expect((await h.store.tickets.get(id))?.messages).toEqual([]);
  });

  it('a language change follows into the subscription, and a forged topic is refused', async () => {
    await h.say('/subscribe');
    await h.say('', { choiceId: 'subt:loans' });
    await h.say('/en');
    expect((await h.store.alerts.getSubscription('test', 'chat-1'))?.lang).toBe('en');
    const forged = await h.say('', { choiceId: 'subt:nonsense' });
    expect(forged.replies[0].choices?.[0].id).toBe('subt:curfew');
    expect((await h.store.alerts.getSubscription('test', 'chat-1'))?.topics).toEqual(['loans']);
  });
});
