/**
 * A small general lexicon: groups of words (Russian, Kazakh, English, common loanwords and slang)
 * that mean the same thing for a helpline's topics. Each group becomes one extra index key, so
 * "ипотека" meets "кредит", "jail" meets "arrested", and a Kazakh question with a Russian word in it
 * ("пропуск", "наличка") still meets the Kazakh variants. General vocabulary only: nothing here is
 * aimed at one particular question.
 */

export interface SynonymGroup {
  /** Index key of the group; starts with '#' so it never collides with a word stem. */
  concept: string;
  /** Surface words of any language; stemmed with every stemmer that may apply. */
  words: readonly LexiconWord[];
}

export interface LexiconWord {
  text: string;
  /**
   * Set when the word is of this language only and another language's stemmer would make it a
   * different word: the Russian stemmer cuts the Kazakh "жылу" (heat) to "жыл" (year), the Kazakh
   * stripper cuts the Russian "положение" to "полож" ("положено", one is entitled to). Written
   * "kk:жылу" in the groups below.
   */
  only?: 'ru' | 'kk';
  /**
   * Set when every stem of the word is another common word, so only the word as written (case and
   * Kazakh letters aside) belongs to the group: "allowance" stems to "allow" (allowed), "кесте"
   * (timetable) to "кес" (cut), "жанармай" (fuel) to "жан" (side, soul). Written "=кесте".
   */
  exact?: boolean;
}

const RAW_GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['curfew', 'комендантский комендантского комендантском комендатура коменданттық curfew'],
  ['pass', 'пропуск пропуска пропуском разрешение справка pass permit permission рұқсатнама рұқсат'],
  ['fine', 'штраф штрафы пеня пени пеню неустойка fine fined fines penalty penalties айыппұл өсімпұл'],
  ['arrest', 'арест арестовать арестуют посадить тюрьма тюрьму jail prison arrest arrested қамау қамауға'],
  ['night', 'ночь ночью ночной ночная ночное night nights tonight түн түнде түнгі'],
  ['evening', 'вечер вечером вечерний evening кеш кешке кешкі'],
  ['morning', 'утро утром утренний morning таң таңертең таңғы'],
  ['shop', 'магазин магазины супермаркет маркет продуктовый продукты тц торговый shop shops store stores supermarket grocery groceries mall дүкен дүкендер супермаркет =сауда азық'],
  ['bank', 'банк банки банка банков банковский bank banks banking банк банктер'],
  ['branch', 'отделение отделения филиал branch branches =office =offices бөлімше бөлімшесі'],
  ['atm', 'банкомат банкоматы банкоматов atm atms cashpoint терминал банкомат'],
  ['cash', 'наличные наличка наличными налом нал cash наличка қолма'],
  ['money', 'деньги денег money ақша ақшаны'],
  ['withdraw', 'снять снятие снимать withdraw withdrawal withdrawals'],
  ['post', 'почта почты почтовое почтовый казпочта post postal kazpost пошта қазпошта'],
  ['parcel', 'посылка посылку бандероль parcel package packages сәлемдеме посылка'],
  ['psc', 'цон цона цоны хқко psc tson қызмет'],
  ['document', 'документ документы удостоверение справку document documents id құжат куәлік'],
  ['akimat', 'акимат акимата аким акиму акимат akimat akim akims әкімдік әкім әкімге'],
  ['reception', 'приём прием приемная приёмная записаться reception appointment қабылдау жолығу'],
  ['appeal', 'обращение жалоба пожаловаться заявление complaint complain request appeal өтініш арыз шағым'],
  ['pharmacy', 'аптека аптеки аптеку pharmacy pharmacies chemist drugstore дәріхана аптека'],
  ['medicine', 'лекарство лекарства таблетки препарат жаропонижающее обезболивающее антибиотик medicine medicines pills drugs дәрі'],
  ['allday', 'круглосуточно круглосуточная круглосуточные 24 =тәулік'],
  ['internet', 'интернет инет интернета wifi вайфай internet интернет'],
  ['mobile', 'связь мобильная мобильный сотовая сотовый оператор network mobile cellular байланыс ұялы'],
  ['call', 'звонок звонки звонить позвонить дозвониться сообщить связаться call calls calling phone contact қоңырау хабарласу'],
  ['sms', 'смс sms сообщения сообщение text texts messages хабарлама'],
  ['loan', 'кредит кредита кредиту кредиты заём займ ипотека ипотеке рассрочка loan loans credit mortgage kk:несие несиені кредит ипотека'],
  ['deferral', 'отсрочка отсрочку отсрочки отложить перенести deferral defer postpone holiday =кейінге шегеру қалдыру'],
  ['payment', 'платеж платежи платёж оплата оплатить платить заплатить внести pay paid payment payments төлем төлеу төлей'],
  ['late', 'просрочка просрочку просрочить опоздать задержка late overdue missed miss кешіктіру кешігу кешіккен'],
  ['utility', 'коммунальные коммунальных коммуналка коммуналку квартплата квитанция квитанции жкх utility utilities bill bills коммуналдық коммуналка'],
  ['electricity', 'свет электричество электроэнергия electricity power light жарық'],
  ['water', 'вода воды воду водопровод кран водоснабжение water tap taps су kk:суды'],
  ['gas', 'газ газа газовый gas газ'],
  ['police', 'полиция полицию полиции милиция police полиция'],
  ['fire', 'пожар пожарные пожарных пожарная fire firefighters brigade өрт'],
  ['number', 'номер номера телефон number numbers нөмір нөмірі'],
  ['ambulance', '=скорая =скорую =скорой ambulance жедел жәрдем'],
  ['doctor', 'врач врача доктор терапевт doctor gp physician дәрігер'],
  ['covid', 'ковид ковида коронавирус covid corona coronavirus коронавирус ковид'],
  ['fever', 'температура жар fever temperature қызу'],
  ['cough', 'кашель кашляет кашлять cough coughing жөтел'],
  ['clinic', 'поликлиника поликлиники клиника clinic polyclinic емхана'],
  ['hospital', 'больница больницу hospital аурухана'],
  ['heating', 'отопление отопления батарея батареи радиатор радиаторы heating heat radiator radiators kk:жылу батарея радиатор'],
  ['cold', 'холодно холодные холодный мерзнем замерзаем cold freezing суық'],
  ['quarantine', 'карантин карантинные ограничения ограничение quarantine restriction restrictions карантин шектеу шектеулер'],
  ['mandatory', 'обязательно обязательны обязательный обязательна required mandatory compulsory міндетті'],
  ['restore', 'включат включить восстановят восстановить вернут вернуть возобновят back restore restored return қосылады қосады қалпына'],
  ['mask', 'ru:маска маски маску mask masks бетперде'],
  ['venue', 'кафе ресторан рестораны кинотеатр кино спортзал фитнес cafe cafes restaurant restaurants cinema gym bar мейрамхана кафе'],
  ['event', 'мероприятие мероприятия event events іс kk:шара'],
  ['wedding', 'свадьба свадьбу той wedding toi той үйлену'],
  ['protest', 'митинг митинги протест демонстрация protest protests rally rallies demonstration митинг kk:шеру'],
  ['funeral', 'похороны похоронах funeral жерлеу'],
  ['transit', 'автобус автобусы автобусе трамвай трамваи троллейбус маршрутка транспорт bus buses tram trams transport автобус трамвай'],
  ['card', 'карта карту карточка карточку проездной проездную card карта карточка'],
  ['fare', 'проезд fare'],
  ['school', 'школа школы школу школе school schools мектеп'],
  ['kindergarten', 'детсад садик детский kindergarten kindergartens nursery балабақша'],
  ['remote', 'дистанционка дистанционно дистанционное дистанционке удаленно remote remotely distance online қашықтан'],
  ['child', 'дети детей ребенок ребёнок kids children child балалар kk:бала'],
  ['pension', 'пенсия пенсию пенсии pension pensions зейнетақы'],
  ['benefit', 'пособие пособия выплата выплаты benefit benefits =allowance жәрдемақы пособие'],
  ['fuel', 'бензин топливо дизель солярка азс заправка заправки заправиться petrol gasoline fuel diesel =жанармай бензин жқб'],
  ['intercity', 'поезд поезда вокзал аэропорт самолет самолеты рейс авиарейс train trains railway airport flight flights plane planes пойыз әуежай ұшақ'],
  ['ticket', 'билет билеты ticket tickets билет'],
  ['donation', 'пожертвование пожертвования благотворительность фонд сбор donate donation donations charity fund relief қайырымдылық қор'],
  ['victim', 'пострадавшие пострадавшим пострадавших victims affected зардап'],
  ['emergency', 'чп чрезвычайное чрезвычайного ru:положение тж төтенше emergency'],
  ['end', 'закончится заканчивается закончить кончится отменят отменить отмена длиться продлится end ends lifted lift over last аяқталады бітеді аяқталу біту'],
  ['extend', 'продлят продлить продление extended extend ұзарту ұзартыла'],
  ['open', 'открыт открыты открыта открыто открыться откроются работают работает open opens opened closed close закрыт закрыты закрывается ашық ашылады жабылады'],
  ['schedule', 'график расписание часы schedule timetable hours =кесте'],
  ['weekend', 'суббота субботу воскресенье ru:выходные saturday saturdays sunday weekend сенбі жексенбі демалыс'],
  ['weekday', 'будни будний weekday weekdays'],
  ['outside', 'улица улице улицу outside street out outdoors kk:дала kk:далада көше көшеге'],
  ['home', 'квартира квартире дом доме дома flat apartment building home үй үйде пәтер'],
];

function lexiconWord(raw: string): LexiconWord {
  if (raw.startsWith('=')) return { text: raw.slice(1), exact: true };
  const marked = /^(ru|kk):(.+)$/.exec(raw);
  return marked ? { text: marked[2], only: marked[1] as 'ru' | 'kk' } : { text: raw };
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = RAW_GROUPS.map(([concept, words]) => ({
  concept: `#${concept}`,
  words: words
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(lexiconWord),
}));
