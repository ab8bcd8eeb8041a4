import { UrgencyReader } from '../../src/engine/urgency';
import { createTranslator } from '../../src/i18n';
import { createHarness, withFaq, type Harness } from '../support/engine';
import { readDemoFaq } from '../support/fixtures';

const tr = createTranslator();

describe('UrgencyReader', () => {
  const reader = new UrgencyReader(tr);

  it('reads someone in danger now, in any of the three languages, whatever the conversation', () => {
    for (const text of ['Человеку плохо на улице, НЕ ДЫШИТ!', 'помогите, избивают', 'у соседей пожар', 'my neighbour is not breathing', 'Үйде өрт шықты', 'ол өзін өзі өлтіргісі келеді', 'папа упал и не приходит в себя', 'my dad is having a stroke', 'I think she is having a heart attack', 'атам есін жимай жатыр', 'мне плохо, сердце болит', 'my husband has chest pain', 'жүрегім ауырып тұр', 'у ребёнка судороги', 'газом пахнет в подъезде', 'I smell gas in the stairwell', 'подъезде газдың иісі шығып тұр', 'ребёнок выпал из окна', 'my son fell out of a window', 'баламыз терезеден құлап кетті', 'бабушку сбила машина']) {
      expect(`${text}: ${reader.says(text)}`).toBe(`${text}: true`);
    }
  });

  it('reads Kazakh typed in a hurry: without its letters or in Latin letters', () => {
    for (const text of ['уйде орт шыкты', 'атам олип жатыр', 'uide ort shyqty', 'atam olip jatyr', 'bir adamdy uryp jatyr']) {
      expect(`${text}: ${reader.says(text)}`).toBe(`${text}: true`);
    }
    // Read so only where the Kazakh reading says a phrase: English stays English.
    for (const text of ['olive oil price', 'sport court booking']) expect(`${text}: ${reader.says(text)}`).toBe(`${text}: false`);
  });

  it('takes whole words in a row: "fired" is no fire, a light that "не горит" no emergency', () => {
    // An illness in the past is no danger now: "после инсульта", "инсульттан кейін" ask about a disability.
    for (const text of ['I was fired from my job', 'у нас не горит свет', 'кто проверяет пожарную безопасность?', 'не дышать же нам этим дымом? дышит кто-то', 'breathing exercises for asthma', '', 'свекровь после инсульта лежачая, как оформить инвалидность', 'әкем инсульттан кейін жүре алмайды', 'he had a stroke last year, can he get disability benefits', 'after his heart attack he cannot work, what benefits are there', 'лекарства для сердца бесплатно дают?', 'heart disease medicines', 'когда дадут газ?', 'how much is gas per cubic metre', 'газ есептегіші қайда']) {
      expect(`${text}: ${reader.says(text)}`).toBe(`${text}: false`);
    }
  });
});

describe('UrgencyReader with a centre’s own phrases', () => {
  // A phrase may begin with a word's start ("поджиг*"), at any word of the message, and a phrase
  // may share its first word with another.
  const own: Record<string, string[]> = { ru: ['поджиг* дома', 'газ пахнет', 'газ горит'], kk: [], en: [] };
  const reader = new UrgencyReader({ ...tr, list: (lang, key) => (key === 'urgent' ? own[lang] : tr.list(lang, key)) });

  it('reads a phrase that begins with the start of a word, and each phrase of a shared first word', () => {
    for (const text of ['у нас поджигают дома', 'поджигатели дома!', 'в подъезде газ пахнет', 'на кухне газ горит']) {
      expect(`${text}: ${reader.says(text)}`).toBe(`${text}: true`);
    }
    for (const text of ['поджигают сарай', 'газ не пахнет дома', 'пожар', 'дома поджигают']) expect(`${text}: ${reader.says(text)}`).toBe(`${text}: false`);
  });
});

describe('a hand-off of someone in danger', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it('says to call 112 now first, where another hand-off says no answer was found', async () => {
    const urgent = await h.say('человеку плохо на улице, не дышит, что делать');
    expect(urgent.outcome).toMatchObject({ kind: 'escalate', reason: 'no-match' });
    expect(urgent.replies[0].text.startsWith(tr.t('ru', 'escalation.urgent'))).toBe(true);
    expect(urgent.replies[0].text).not.toContain(tr.t('ru', 'escalation.noMatch'));

    const other = await h.say('где получить справку о несудимости', { chatId: 'other' });
    expect(other.outcome).toMatchObject({ kind: 'escalate', reason: 'no-match' });
    expect(other.replies[0].text.startsWith(tr.t('ru', 'escalation.noMatch'))).toBe(true);
  });

  it('offers no answers to read meanwhile, which a hand-off otherwise may', async () => {
    await withFaq(await readDemoFaq(), async (demo) => {
      // "help" is most of an entry on helping the people affected: offered with a calm hand-off.
      const calm = await demo.say('Help me please my father is lost', { chatId: 'calm', langHint: 'en' });
      expect(calm.outcome).toMatchObject({ kind: 'escalate', faqIds: ['charity-fund-donations'] });
      const urgent = await demo.say('Help me please my father is not breathing', { chatId: 'urgent', langHint: 'en' });
      expect(urgent.outcome).toMatchObject({ kind: 'escalate' });
      expect(urgent.outcome).not.toHaveProperty('faqIds');
      expect(urgent.replies.map((r) => r.text)).toEqual([`${tr.t('en', 'escalation.urgent')} ${tr.t('en', 'escalation.queued', { ticket: '2' })}`]);
    });
  });

  it('opens an urgent ticket, so operators take it first; other hand-offs are not urgent', async () => {
    const urgent = await h.say('помогите, соседа избивают');
    const other = await h.say('где получить справку о несудимости', { chatId: 'other' });
    const ticketOf = async (outcome: typeof urgent.outcome) => h.store.tickets.get(outcome.kind === 'escalate' ? outcome.ticketId : '');
    expect((await ticketOf(urgent.outcome))?.urgent).toBe(true);
    expect(await ticketOf(other.outcome)).not.toHaveProperty('urgent');
  });

  it('marks a waiting ticket urgent when the resident writes that someone is in danger, and says to call 112 each time', async () => {
    const opened = await h.say('где получить справку о несудимости');
    if (opened.outcome.kind !== 'escalate') throw new Error(`not handed over: ${opened.outcome.kind}`);
    const { ticketId } = opened.outcome;
    const marked: string[] = [];
    h.handoff.events.on('change', (event) => {
      if (event.kind === 'urgent') marked.push(event.ticket.id);
    });

    const calm = await h.say('справка нужна для работы');
    expect(calm.replies.map((r) => r.text).join(' ')).not.toContain(tr.t('ru', 'escalation.urgent'));
    expect((await h.store.tickets.get(ticketId))?.urgent).toBeUndefined();

    for (const text of ['у соседей пожар, дым в подъезде', 'пожар, дети внутри']) {
      const turn = await h.say(text);
      expect(turn.outcome).toEqual({ kind: 'queued', ticketId });
      expect(turn.replies.map((r) => r.text)).toEqual([`${tr.t('ru', 'escalation.urgent')} ${tr.t('ru', 'escalation.appended', { ticket: ticketId })}`]);
    }
    const ticket = await h.store.tickets.get(ticketId);
    expect(ticket?.urgent).toBe(true);
    expect(ticket?.messages.map((m) => m.text)).toEqual(['справка нужна для работы', 'у соседей пожар, дым в подъезде', 'пожар, дети внутри']);
    // Announced once: the second line found it urgent already.
    expect(marked).toEqual([ticketId]);
  });
});
