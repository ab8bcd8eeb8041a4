import type { FaqEntryInput } from '../../src/faq/types';

/** A small FAQ of our own (not the demo one), in the three languages. */
export const FIXTURE_FAQ: FaqEntryInput[] = [
  {
    id: 'library-hours',
    topic: 'office-hours',
    questions: {
      ru: ['Во сколько открывается библиотека?', 'Работает ли библиотека в воскресенье?'],
      kk: ['Кітапхана нешеде ашылады?', 'Кітапхана жексенбіде жұмыс істей ме?'],
      en: ['What are the library opening hours?', 'Is the library open on Sunday?'],
    },
    answer: { ru: 'Библиотека открыта с 10:00 до 18:00, в воскресенье до 16:00.', en: 'The library is open 10:00–18:00.' },
  },
  {
    id: 'snow-removal',
    topic: 'utilities',
    questions: {
      ru: ['Когда уберут снег во дворе?', 'Куда жаловаться на неубранный снег?'],
      kk: ['Аулада қарды қашан тазалайды?'],
      en: ['When will the snow be cleared in my yard?'],
    },
    answer: { ru: 'Дворы чистят в течение суток после снегопада.' },
  },
  {
    id: 'parking-fine',
    topic: 'transport',
    questions: {
      ru: ['Как оплатить штраф за парковку?', 'Какой штраф за неправильную парковку?'],
      kk: ['Тұрақ үшін айыппұлды қалай төлеуге болады?'],
      en: ['How do I pay a parking fine?'],
    },
    answer: { ru: 'Штраф оплачивается в приложении банка или в ЦОНе.' },
  },
  {
    id: 'flu-vaccine',
    topic: 'health',
    questions: {
      ru: ['Где сделать прививку от гриппа?'],
      kk: ['Тұмауға қарсы екпені қайда салдыруға болады?'],
      en: ['Where can I get a flu vaccine?'],
    },
    answer: { ru: 'Прививку делают в поликлинике по месту жительства.' },
  },
  {
    id: 'id-card-renewal',
    topic: 'general',
    questions: {
      ru: ['Как заменить удостоверение личности?'],
      kk: ['Жеке куәлікті қалай ауыстыруға болады?'],
      en: ['How do I renew my ID card?'],
    },
    answer: { ru: 'Заявление подают в ЦОН.' },
  },
];
