import fs from 'node:fs';
import path from 'node:path';
import { CHOICE } from '../../../src/engine/choices';
import { topicsWithoutNames } from '../../../src/engine/handlers/menu';
import type { FaqEntryInput } from '../../../src/faq/types';
import { LOCALES_DIR } from '../../../src/i18n';
import { LANGS } from '../../../src/i18n/languages';
import { choiceIds, createHarness, type Harness } from '../../support/engine';
import { tempDir } from '../../support/fixtures';


/** A centre's FAQ with topics of its own, and one of the demo's. */
const FAQ: FaqEntryInput[] = [
  { id: 'curfew', topic: 'curfew', questions: { ru: ['Когда комендантский час?'], kk: ['Коменданттық сағат қашан?'] }, answer: { ru: 'С 23:00.', kk: '23:00-ден.' } },
  { id: 'pension-dates', topic: 'pensions', questions: { ru: ['Когда приходит пенсия?'], kk: ['Зейнетақы қашан түседі?'] }, answer: { ru: 'С 5 по 25 число.', kk: 'Айдың 5-інен 25-іне дейін.' } },
  { id: 'birth-grant', topic: 'family', questions: { ru: ['Как получить пособие при рождении ребёнка?'], kk: ['Бала туғанда жәрдемақыны қалай алады?'] }, answer: { ru: 'Через egov.kz.', kk: 'egov.kz арқылы.' } },
  { id: 'misc', topic: 'misc', questions: { ru: ['Где найти бланк заявления?'], kk: ['Өтініш бланкісін қайдан табамын?'] }, answer: { ru: 'В ЦОНе.', kk: 'ХҚКО-да.' } },
];

/** The project's locales with names for two of the FAQ's own topics: pensions in every language, family not in Kazakh. */
function localesNaming(dir: string): string {
  const names: Record<string, Record<string, string>> = {
    ru: { pensions: 'Социальные выплаты', family: 'Семья и дети' },
    kk: { pensions: 'Әлеуметтік төлемдер' },
    en: { pensions: 'Social payments', family: 'Family and children' },
  };
  for (const lang of LANGS) {
    const texts = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'translation.json'), 'utf8')) as { topics: Record<string, string> };
    texts.topics = { ...texts.topics, ...names[lang] };
    fs.mkdirSync(path.join(dir, lang), { recursive: true });
    fs.writeFileSync(path.join(dir, lang, 'translation.json'), JSON.stringify(texts));
  }
  return dir;
}

describe("the topic menu of a centre's own FAQ", () => {
  let h: Harness;
  let locales: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    locales = tempDir('locales-');
    h = await createHarness({ faq: FAQ, localesDir: localesNaming(locales.dir) });
  });
  afterEach(async () => {
    await h.close();
    locales.cleanup();
  });

  it('lists the topics the locales name, after the demo topics and by their names, with the rest under "other"', async () => {
    // Only "Другое" was listed for topics other than the demo's: every entry of such a FAQ under one button.
    const ru = await h.say('Здравствуйте', { chatId: 'ru' });
    expect(choiceIds(ru.replies)).toEqual(['topic:curfew', 'topic:family', 'topic:pensions', 'topic:other', CHOICE.operator]);
    expect(ru.replies[1].choices?.map((c) => c.label).slice(1, 3)).toEqual(['Семья и дети', 'Социальные выплаты']);
    // No Kazakh name for the family topic: in Kazakh its entries are under "other" (Басқа).
    const kk = await h.say('Сәлеметсіз бе', { chatId: 'kk' });
    expect(choiceIds(kk.replies)).toEqual(['topic:curfew', 'topic:pensions', 'topic:other', CHOICE.operator]);
    const other = await h.say('', { chatId: 'kk', choiceId: 'topic:other' });
    expect(choiceIds(other.replies)).toEqual([CHOICE.faq('birth-grant'), CHOICE.faq('misc'), CHOICE.menu]);
    const pensions = await h.say('', { chatId: 'ru', choiceId: 'topic:pensions' });
    expect(choiceIds(pensions.replies)).toEqual([CHOICE.faq('pension-dates'), CHOICE.menu]);
  });

  it('says which topics have no name in which language (for faq:check)', () => {
    expect(topicsWithoutNames(FAQ, h.translator)).toEqual([
      { topic: 'family', langs: ['kk'] },
      { topic: 'misc', langs: ['ru', 'kk', 'en'] },
    ]);
  });

  it("shows a topic whose name is typed, as the demo's topics", async () => {
    const typed = await h.say('социальные выплаты', { chatId: 'typed' });
    expect(choiceIds(typed.replies)).toEqual([CHOICE.faq('pension-dates'), CHOICE.menu]);
    expect(await h.store.tickets.list()).toEqual([]);
  });
});

describe('the topic menu without names for a FAQ\'s own topics', () => {
  it('lists its entries under "other"', async () => {
    const h = await createHarness({ faq: FAQ });
    try {
      const ru = await h.say('Здравствуйте');
      expect(choiceIds(ru.replies)).toEqual(['topic:curfew', 'topic:other', CHOICE.operator]);
    } finally {
      await h.close();
    }
  });
});
