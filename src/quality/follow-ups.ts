/**
 * What a short follow-up gets right after an answer, on any FAQ: each entry's first question in
 * each language is asked in a fresh conversation and, when the bot answers it with that entry, one
 * of a few generic follow-ups comes next ("это бесплатно?", "how long will it take?", "кімге
 * хабарласу керек?"). Such a message is about the answer just given; answered outright with another
 * entry it is most often answered wrong (the neighbour rules of engine/handlers/follow-up.ts let a
 * few right ones through), so that count is the one to keep low. The phrases are general ones a
 * resident of any centre might send, not taken from any evaluation file.
 */
import type { FaqEntryInput } from '../faq/types';
import { LANGS, type Lang } from '../i18n/languages';
import { createOfflineEngine } from './offline-engine';

export const FOLLOW_UPS: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    ...['а сколько это стоит?', 'это бесплатно?', 'бесплатно?', 'куда обращаться?', 'какие документы нужны?', 'а сколько ждать?', 'а срок какой?', 'а где?', 'а в субботу?'],
    // Every one above is now a frame the matcher knows (question-kinds.ts), answered again on any
    // FAQ; the next ones were written after that change and not read into it (but "қайда бару
    // керек?", then doing it online, who is responsible and "как долго" joined the frames later);
    // the last ones, written after those, keep the count telling (but "can I do it by phone?"
    // showed that a message naming nothing was held to five words: it is answered again now).
    ...['а онлайн можно?', 'а через егов?', 'а если не помогут?', 'а кто отвечает за это?', 'как долго ждать?'],
    ...['а для пенсионеров?', 'это обязательно?', 'а по телефону можно?', 'а если я не успею?'],
    // When it will be mended, what if it is not done or is broken: written with the changes for a
    // few words the answer asks about and for pointing back (follow-up.ts), which they measure.
    ...['когда починят?', 'а если я не сделаю?'],
    // Going and contacting said as "we" and "I" do, the price, what to do, a named day's "күні", the
    // hours, where it is, getting it, who comes: written with the changes that made them frames
    // (question-kinds.ts).
    ...['куда поедем?', 'а цена какая?', 'что делать?'],
    ...['а часы работы?', 'где это находится?', 'а когда приедут?'],
    // What to bring, what if they refuse: written with the change that made them frames.
    ...['что взять с собой?', 'а если откажут?'],
    // Finding out, checking, the website, how often, in person, whom to ask, how long it is valid,
    // the form, disagreeing, being late: written with the change that made them frames.
    ...['как узнать?', 'где проверить?', 'а сайт какой?', 'как часто?', 'нужно ли приходить лично?'],
    ...['у кого спросить?', 'сколько действует?', 'а где взять бланк?', 'а если я не согласен?', 'а если не успею?'],
    // Whether it takes long, can be had sooner, is one's due, how often a year: the same.
    ...['долго ли это?', 'а можно ускорить?', 'а мне это положено?', 'сколько раз в год можно?'],
    // Doing it oneself, in winter, for how long, who pays, if it does not work out: the same.
    ...['а можно самому?', 'а зимой?', 'это надолго?', 'а кто платит?', 'а если не получится?'],
    // The rules, cancelling, changing it, what is needed: the same.
    ...['какие правила?', 'как отменить?', 'а как изменить?', 'а что нужно?'],
    // Whether it is so, where it is written: the same.
    ...['это точно?', 'а где это написано?'],
    // Where the information comes from, whether it holds everywhere: the same.
    ...['откуда информация?', 'это везде?'],
  ],
  kk: [
    ...['бұл қанша тұрады?', 'тегін бе?', 'кімге хабарласу керек?', 'қандай құжаттар керек?', 'қанша күту керек?', 'қай жерде?', 'демалыс күндері ше?'],
    ...['онлайн бола ма?', 'қайда бару керек?', 'кімге шағымдануға болады?'],
    ...['міндетті ме?', 'телефон арқылы бола ма?'],
    ...['қашан жөндейді?', 'жасамасам не болады?'],
    ...['қайда барамыз?', 'кімге хабарласамын?', 'ақысы қанша?', 'сенбі күні ше?'],
    ...['жұмыс уақыты қандай?', 'қашан аламын?', 'қашан келеді?'],
    ...['не алып бару керек?', 'бас тартса ше?'],
    ...['қалай білуге болады?', 'қайдан тексеруге болады?', 'сайты қандай?', 'қаншалықты жиі?', 'жеке өзім бару керек пе?'],
    ...['кімнен сұрауға болады?', 'қанша уақыт жарамды?', 'бланкіні қайдан аламын?', 'келіспесем ше?', 'үлгермесем ше?'],
    ...['ұзақ па?', 'тезірек бола ма?', 'менің құқығым бар ма?', 'жылына неше рет?'],
    ...['қыста ше?', 'кім төлейді?'],
    ...['қандай ережелер бар?', 'қалай өзгертуге болады?', 'ол үшін не керек?'],
    ...['рас па?', 'бұл қайда жазылған?'],
    // A Kazakh verb before "can" ("төлей аламын"), as "можно оплатить?" is asked: the same.
    ...['онлайн төлей аламын ба?', 'өзім бара аламын ба?'],
    ...['ақпарат қайдан?'],
  ],
  en: [
    ...['how much does it cost?', 'is it free?', 'who do I contact?', 'what documents do I need?', 'how long will it take?', 'where?', 'and on weekends?'],
    ...['can I do it online?', 'what if nobody comes?', 'who is responsible?'],
    ...['is it mandatory?', 'can I do it by phone?', 'what about pensioners?'],
    ...['when will they fix it?', 'what if I break it?'],
    ...["what's the fee?", 'up to what age?'],
    ...['what are the hours?', 'where is it located?', 'when will they come?'],
    // English "what … do" read as the acting verb it is (question-kinds.ts), as "что делать?" was.
    ...['what should I do?'],
    ...['what should I bring?', 'what if they refuse?'],
    ...['how do I find out?', 'where can I check it?', "what's the website?", 'how often?', 'do I have to come in person?'],
    ...['who can I ask?', 'how long is it valid?', 'where do I get the form?', 'what if I disagree?', 'until when?'],
    ...['does it take long?', 'can it be done faster?', 'am I eligible?', 'how many times a year?'],
    ...['can I do it myself?', 'and in winter?', 'who pays?'],
    ...['what are the rules?', 'how do I cancel it?', 'how do I change it?', 'what do I need for that?'],
    ...['are you sure?', 'where is that written?'],
    ...['is it everywhere?'],
  ],
};

export interface FollowUpFigures {
  /** Two-turn conversations run: the first question answered with its own entry, then a follow-up. */
  conversations: number;
  /** The follow-up answered with the entry just answered (its answer again). */
  answered_again: number;
  /** Answered outright with another entry: mostly wrong. */
  answered_other: number;
  /** "Did you mean" choices. */
  choices: number;
  /** Handed to an operator, or asked what it is about. */
  handed_over: number;
  /** First questions the bot did not answer with their own entry (no follow-up asked). */
  first_not_answered: number;
}

export async function followUpFigures(entries: readonly FaqEntryInput[]): Promise<FollowUpFigures> {
  const { engine, store } = createOfflineEngine(entries);
  const figures: FollowUpFigures = { conversations: 0, answered_again: 0, answered_other: 0, choices: 0, handed_over: 0, first_not_answered: 0 };
  let chat = 0;
  try {
    for (const entry of entries) {
      for (const lang of LANGS) {
        const question = entry.questions[lang]?.[0];
        if (!question) continue;
        for (const followUp of FOLLOW_UPS[lang]) {
          const chatId = `follow-up-${(chat += 1)}`;
          const first = await engine.handle({ channel: 'eval', chatId, kind: 'text', text: question });
          if (first.outcome.kind !== 'answer' || first.outcome.faqId !== entry.id) {
            figures.first_not_answered += 1;
            continue;
          }
          const { outcome } = await engine.handle({ channel: 'eval', chatId, kind: 'text', text: followUp });
          figures.conversations += 1;
          if (outcome.kind === 'answer') {
            if (outcome.faqId === entry.id) figures.answered_again += 1;
            else figures.answered_other += 1;
          } else if (outcome.kind === 'suggest') figures.choices += 1;
          else figures.handed_over += 1;
        }
      }
    }
  } finally {
    await engine.drain();
    await store.close();
  }
  return figures;
}
