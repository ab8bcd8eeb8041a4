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
  /**
   * Two words that mean the group only together, the one right after the other, each in any of
   * its forms: "детский сад" is a kindergarten, "детский" alone any children's thing (a children's
   * clinic, playground or allowance). Written "детский+сад"; the second word carries the concept.
   */
  phrases: ReadonlyArray<readonly [LexiconWord, LexiconWord]>;
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
  ['pass', 'пропуск пропуска пропуском разрешение ru:справка pass permit permission рұқсатнама рұқсат'],
  ['fine', 'штраф штрафы штрафовать оштрафовать оштрафуют оштрафуем пеня пени пеню неустойка fine fined fines penalty penalties айыппұл өсімпұл'],
  ['arrest', 'арест арестовать арестуют посадить тюрьма тюрьму jail prison arrest arrested қамау қамауға'],
  ['night', 'ночь ночью ночной ночная ночное night nights tonight түн түнде түнгі'],
  ['evening', 'вечер вечером вечерний evening кеш кешке кешкі'],
  ['morning', 'утро утром утренний morning таң таңертең таңғы'],
  ['shop', 'магазин магазины супермаркет маркет продуктовый продукты тц торговый shop shops store stores supermarket grocery groceries mall дүкен дүкендер супермаркет =сауда азық'],
  ['bank', 'банк банки банка банков банковский bank banks banking банк банктер'],
  ['branch', 'отделение отделения филиал branch branches =office =offices бөлімше бөлімшесі'],
  ['atm', 'банкомат банкоматы банкоматов atm atms cashpoint cashpoints cash+machine cash+machines терминал банкомат'],
  ['cash', 'наличные наличка наличными налом нал cash наличка қолма'],
  ['money', 'деньги денег money ақша ақшаны'],
  ['withdraw', 'снять снятие снимать withdraw withdrawal withdrawals'],
  ['post', 'ru:почта ru:почты почтовое почтовый казпочта post postal kazpost пошта қазпошта'],
  ['parcel', 'посылка посылку бандероль parcel package packages сәлемдеме посылка'],
  ['psc', 'цон цона цоны хқко psc tson қызмет'],
  ['document', 'документ документы удостоверение справку document documents =papers =бумаги =бумажки =бумаг =қағаздар id құжат куәлік'],
  ['akimat', 'акимат акимата аким акиму акимат akimat akim akims mayor mayors әкімдік әкім әкімге'],
  ['reception', 'приём прием приемная приёмная записаться reception appointment қабылдау жолығу'],
  ['appeal', 'обращение жалоба пожаловаться заявление complaint complain request appeal өтініш арыз шағым'],
  ['oneoff', 'единовременный единовременная единовременное единовременно единовременного единовременной единовременную разовый разовая разовое разовую біржолғы lump+sum'],
  ['refusal', 'отказ отказа отказали отказано отказал отказала отказать отклонили отклонена отклонено refused refuse refusal rejected reject rejection denied declined turned+down қабылдамады'],
  ['dispute', 'оспорить оспаривать оспорю обжаловать обжалование обжалую dispute contest challenge appeal'],
  ['pharmacy', 'аптека аптеки аптеку pharmacy pharmacies chemist drugstore дәріхана аптека'],
  ['medicine', 'лекарство лекарства таблетки препарат жаропонижающее обезболивающее антибиотик инсулин medicine medicines medication medications meds pills drugs insulin дәрі'],
  ['allday', 'круглосуточно круглосуточная круглосуточные 24 =тәулік'],
  ['internet', 'интернет инет интернета wifi вайфай internet интернет'],
  ['mobile', 'связь мобильная мобильный сотовая сотовый оператор сигнал сигнала network mobile cellular signal байланыс ұялы'],
  // The messengers residents name in Cyrillic as often as in Latin letters ("ватсап", "телеграм").
  ['messenger', 'мессенджер мессенджеры мессенджера messenger messengers whatsapp ватсап вотсап вацап ватсапп telegram телеграм телеграмм viber вайбер мессенджерлер'],
  ['call', 'звонок звонки звонить позвонить дозвониться сообщить связаться call calls calling phone contact қоңырау хабарласу'],
  ['sms', 'смс sms сообщения сообщение text texts messages хабарлама'],
  ['loan', 'кредит кредита кредиту кредиты заём займ ипотека ипотеке рассрочка loan loans credit mortgage kk:несие несиені кредит ипотека'],
  ['deferral', 'отсрочка отсрочку отсрочки отложить перенести deferral defer postpone holiday =кейінге шегеру қалдыру'],
  ['payment', 'платеж платежи платёж оплата оплатить платить заплатить внести pay paid payment payments төлем төлеу төлей'],
  ['accrue', 'начислить начислят начисляют начислять начисление начисления насчитать насчитают насчитали'],
  ['late', 'просрочка просрочку просрочить опоздать задержка late overdue missed miss кешіктіру кешігу кешіккен'],
  ['utility', 'коммунальные коммунальных коммуналка коммуналку квартплата квитанция квитанции жкх utility utilities bill bills коммуналдық коммуналка'],
  ['electricity', 'свет электричество электроэнергия electricity power light жарық kk:электр'],
  ['water', 'вода воды воду водопровод кран водоснабжение water =tap =taps су kk:суды'],
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
  ['heating', 'отопление отопления батарея батареи радиатор радиаторы тепло тепла теплоснабжение теплоснабжения heating heat radiator radiators kk:жылу батарея радиатор'],
  ['cold', 'холодно холодные холодный мерзнем замерзаем cold freezing суық'],
  ['quarantine', 'карантин карантинные ограничения ограничение quarantine restriction restrictions карантин шектеу шектеулер'],
  ['mandatory', 'обязательно обязательны обязательный обязательна required mandatory compulsory міндетті'],
  ['restore', 'включат включить восстановят восстановить вернут вернуть возобновят =дадут =дали наладят наладить появится появился появилась =заработает =заработал =заработала =заработало back restore restored return қосылады қосады қалпына'],
  ['mask', 'ru:маска маски маску mask masks бетперде'],
  ['venue', 'кафе ресторан рестораны кинотеатр кино спортзал фитнес cafe cafes restaurant restaurants cinema gym bar мейрамхана кафе'],
  ['event', 'мероприятие мероприятия event events іс kk:шара'],
  ['wedding', 'свадьба свадьбу той wedding toi той үйлену'],
  ['protest', 'митинг митинги протест демонстрация protest protests rally rallies demonstration митинг kk:шеру'],
  ['funeral', 'похороны похоронах поминки поминках хоронить хоронят funeral жерлеу'],
  ['transit', 'автобус автобусы автобусе трамвай трамваи троллейбус маршрутка транспорт bus buses tram trams transport автобус трамвай'],
  ['topup', 'пополнить пополнение пополнения пополнять пополняется пополняются topup replenish kk:толтыру kk:толықтыру'],
  ['bicycle', 'велосипед велосипеды велосипедом велик bike bikes bicycle bicycles'],
  ['card', 'карта карту карточка карточку проездной проездную card карта карточка'],
  ['fare', 'проезд fare'],
  ['school', 'школа школы школу школе урок уроки уроков school schools lesson lessons мектеп сабақ'],
  ['kindergarten', 'детсад садик детский+сад kindergarten kindergartens nursery daycare preschool балабақша'],
  ['remote', 'дистанционка дистанционно дистанционное дистанционке удаленно remote remotely distance online қашықтан'],
  ['child', 'дети детей ребенок ребёнок kids children child балалар kk:бала'],
  ['pension', 'пенсия пенсию пенсии pension pensions зейнетақы'],
  ['benefit', 'пособие пособия выплата выплаты benefit benefits =allowance =allowances жәрдемақы пособие'],
  ['fuel', 'бензин топливо дизель солярка азс заправка заправки заправиться petrol gasoline fuel diesel =жанармай бензин жқб'],
  ['intercity', 'поезд поезда вокзал аэропорт самолет самолеты рейс авиарейс лететь полететь улететь вылет вылеты train trains railway airport flight flights plane planes fly flying пойыз әуежай ұшақ'],
  ['ticket', 'билет билеты ticket tickets билет'],
  ['donation', 'пожертвование пожертвования благотворительность фонд сбор donate donation donations charity =fund =funds relief қайырымдылық қор'],
  ['victim', 'пострадавшие пострадавшим пострадавших victims affected зардап'],
  ['emergency', 'чп чрезвычайное чрезвычайного ru:положение тж төтенше emergency'],
  ['end', 'закончится заканчивается закончить кончится отменят отменить отмена длиться продлится end ends =lifted =lifting over last аяқталады бітеді аяқталу біту'],
  ['extend', 'продлят продлить продление extended extend ұзарту ұзартыла'],
  ['open', 'открыт открыты открыта открыто открыться откроются работают работает open opens opened closed close закрыт закрыты закрывается ашық ашылады жабылады'],
  ['schedule', 'график расписание часы schedule timetable hours =кесте'],
  ['weekend', 'суббота субботу воскресенье ru:выходные saturday saturdays sunday weekend сенбі жексенбі демалыс'],
  ['weekday', 'будни будний weekday weekdays'],
  ['outside', 'улица улице улицу гулять погулять outside street out outdoors kk:дала kk:далада көше көшеге'],
  ['home', 'квартира квартире дом доме дома flat =apartment =apartments building home house houses үй үйде пәтер'],
  // Everyday city and regional services: rubbish, snow, roads, yards, animals, lifts, utilities and
  // meters, housing, documents, taxes, transport, schools, social support, health, appeals, safety.
  // Written from general knowledge without reading any centre's FAQ or residents' messages, each
  // word's stems checked against the other groups and a dictionary's common words. Process words
  // that any request uses (apply, replace, price, deadline, reply) are left out: every entry of a
  // FAQ has some, so a group of them ties entries together instead of telling them apart. Some
  // common words were added later, here and in the groups above, when residents' messages showed an
  // everyday way of saying a thing that no group had (a waiting list for a queue, papers for
  // documents, a bin for rubbish, to build for construction): each general, none aimed at one
  // FAQ's question.
  ['garbage', 'мусор мусора мусорный мусорные мусорка мусорки отходы тбо хлам garbage rubbish trash waste litter bin bins қоқыс қоқысты =қалдық =қалдықтар =қалдықтары'],
  ['bin', 'контейнер контейнеры контейнеров урна урны dumpster dumpsters bin bins container containers'],
  ['removal', 'вывоз вывоза вывезти вывозить вывозят вывезут вывез вывезен вывезли вывезено мусоровоз мусоровоза мусоровозы removal pickup әкету әкетпейді kk:әкетеді'],
  ['furniture', 'мебель мебели диван дивана диваны шкаф шкафа кровать кровати матрас матрасы furniture sofa sofas couch wardrobe mattress жиһаз'],
  ['bulky', 'крупногабаритный крупногабаритные крупногабаритного кгм габаритный bulky габаритті'],
  ['recycling', 'вторсырье вторсырья сортировка раздельный раздельного макулатура recycling recycle recyclable =сұрыптау'],
  ['landfill', 'свалка свалки свалку полигон landfill dump dumping =үйінді'],
  ['cleaning', 'уборка уборку убрать убирать убирают чистка чистить почистить очистка очистить расчистка расчистить clean cleaning cleaned тазалау тазаламайды тазарту'],
  ['snow', 'снег снега снегу снегом снегопад сугроб сугробы snow snowfall snowdrift snowdrifts plow plowed plough ploughed snowplow snowplough =қарды =қардан =қарлы'],
  ['ice', 'гололед гололеда гололедица наледь лед льда скользко скользкий ice icy slippery мұз тайғақ көктайғақ'],
  ['gritting', 'посыпать посыпают посыпка пескосоль реагент реагенты противогололедный песок песком grit gritting sand salting құм'],
  ['icicle', 'сосулька сосульки сосулек icicle icicles сүңгі сүңгілер'],
  ['road', '=дорога =дороги =дорогу =дороге ru:дорожный ru:дорожное трасса трассы шоссе автодорога автодороги road roads highway =жолдар =жолдары =жолдың =жолда =жолдағы =жолға автожол'],
  ['pothole', 'яма ямы ямку ямка выбоина выбоины колдобина pothole potholes hole holes шұңқыр ойық'],
  ['asphalt', 'асфальт асфальта асфальтирование асфальтировать заасфальтировать asphalt paving асфальттау'],
  ['sidewalk', 'тротуар тротуары тротуара sidewalk sidewalks pavement footpath'],
  ['crosswalk', 'пешеходный пешеходного зебра crosswalk өткел'],
  ['trafficlight', 'светофор светофоры светофора stoplight бағдаршам'],
  ['bridge', 'мост моста мосты путепровод bridge bridges overpass көпір'],
  ['streetlight', 'фонарь ru:фонари ru:фонарей ru:фонарный освещение освещения лампа лампы лампочка streetlight streetlights street+light street+lights street+lamp street+lamps lamp lamps =lighting шам шамдар жарықтандыру'],
  ['yard', 'двор двора дворе дворовая придомовая придомовой yard yards courtyard kk:аула kk:ауласы kk:аулада'],
  ['playground', 'качели песочница игровая детская+площадка playground playgrounds swings sandbox алаңқай'],
  ['fence', 'забор забора ограждение ограда fence fencing =қоршау =қоршауы =қоршаулар'],
  ['tree', 'дерево деревья деревьев tree trees ағаш ағаштар'],
  ['treecutting', 'вырубка спил спилить спилили обрезка кронирование срубить срубили felling pruning prune kk:кесу'],
  ['greenery', 'ru:озеленение ru:озеленения насаждения газон газона газоны лужайка greenery landscaping lawn lawns көгал көгалдандыру жасылдандыру'],
  ['park', 'парк парки парке сквер сквера скверы =parks саябақ'],
  ['grass', 'трава травы траву сорняк сорняки бурьян grass weeds weed шөп арамшөп'],
  ['ditch', 'арык арыки арыков арычный канава канавы ditch ditches арық'],
  ['dog', 'собака собаки собак пёс псы ru:псина dog dogs иттер'],
  ['cat', 'ru:кошка ru:кошки ru:кот ru:коты котенок котята cat cats kitten kittens мысық'],
  // "Бездомные", "homeless", "иесіз" alone say a person or a thing (#homeless, an owner); before
  // an animal they are what residents call stray ("бездомные собаки", a report titled "Бездомные животные").
  ['stray', 'бродячие бродячих бродячая бродячий stray қаңғыбас қаңғыған бездомные+собаки бездомные+животные бездомные+кошки homeless+dogs homeless+animals homeless+cats иесіз+иттер'],
  ['catching', 'отлов отлова отловить отловили catch catching =аулау'],
  ['bite', 'укус укусила укусил покусала кусается bite bitten bites тістеді тістеп'],
  ['vet', 'ru:ветеринар ru:ветеринара ru:ветеринарный ветклиника ветеринария vet veterinary veterinarian'],
  ['animal', 'ru:животное ru:животные ru:животных animal animals =жануар =жануарлар =жануарлары'],
  // not "лавка": a stall or small shop as often as a bench
  ['bench', 'скамейка скамейки скамейку скамеек лавочка лавочки лавочку лавочек bench benches орындық орындықтар'],
  ['streettrade', 'торговля торговли торговать торгуют торгует торговец торговцы торговцев trade trading vendor vendors'],
  ['chip', 'чипирование чипировать чип microchip chipping чиптеу'],
  ['noise', 'шум шума шумят шумно шумный громко громкая музыка музыку music noise noisy loud шулы kk:шу'],
  ['neighbour', 'сосед ru:соседи ru:соседей ru:соседка neighbour neighbours neighbor neighbors =көрші =көршілер =көршім =көршілері'],
  ['silence', 'тишина тишины тишину silence quiet тыныштық'],
  ['elevator', 'лифт ru:лифта ru:лифты лифтом elevator elevators =lift =lifts'],
  ['housingassoc', 'кск кска =оси ужк управляющая управляющую управляющей кондоминиум кондоминиума condominium hoa osi ksk миб пиб'],
  ['chairman', 'председатель председателя председателю chairman chairperson төраға'],
  ['janitor', 'дворник дворника дворники janitor janitors caretaker сыпырушы'],
  ['plumber', 'сантехник сантехника сантехники plumber plumbers plumbing'],
  ['entrance', 'подъезд подъезда подъезде подъезды entrance stairwell кіреберіс'],
  ['roof', 'крыша крыши крышу кровля кровли roof roofs шатыр'],
  ['basement', 'подвал подвала подвале подвалы цоколь basement basements cellar жертөле'],
  ['flood', 'затопило затопили затопление потоп подтопление подтопило паводок паводка flood flooded flooding тасқын'],
  ['leak', 'течь течет протекает протекла протечка протечки капает утечка утечки утечку leak leaking leaks leaky drip dripping kk:жылыстау'],
  ['pipe', 'труба трубы трубу трубопровод pipe pipes pipeline құбыр құбырлар'],
  ['burst', '=прорыв прорыва прорвало =порыв лопнула лопнули burst rupture жарылды'],
  ['sewer', 'канализация канализации канализационный стоки сточные sewage sewer sewers sewerage кәріз'],
  ['clog', 'засор засора засорилась засорился засорение прочистка clogged clog blockage =бітелді =бітеліп'],
  ['manhole', 'люк люка люки колодец колодца колодцы manhole manholes hatch құдық'],
  ['smell', '=запах запаха воняет =вонь пахнет smell smells stink odour odor иіс сасық'],
  ['hot', 'горячая горячую горячей hot ыстық'],
  ['meter', 'счетчик счетчики счетчика счётчик водомер электросчетчик meter meters есептегіш есептеуіш'],
  ['readings', 'показания показаний =reading =readings көрсеткіш көрсеткіштер'],
  ['calibration', 'поверка поверки поверку калибровка calibration'],
  ['tariff', 'тариф тарифы тарифа тарифов расценки tariff tariffs тарифтер'],
  ['calculate', 'рассчитать рассчитывается рассчитывают рассчитают расчёт расчёта расчёте посчитать посчитают подсчитать подсчёт calculate calculated calculation work+out'],
  ['recalculation', 'перерасчет перерасчёт перерасчета пересчет пересчитать recalculation recalculate'],
  ['debt', 'задолженность задолженности задолжал =долги =долгов =долга должник должники debt debts debtor arrears қарыз қарызы берешек'],
  ['queue', 'очередь очереди очередности очередник очередники queue waiting+list кезек кезекке'],
  ['housing', '=жилье =жилья =жильё жилищный жилищная жилищного жилищные =housing accommodation =баспана =баспанасы'],
  ['rent', 'ru:аренда аренду арендовать съем rent renting rental lease =жалдау =жалға'],
  ['tenant', 'квартирант квартиранты арендатор наниматель tenant tenants lodger =жалгер пәтерші'],
  ['owner', 'собственник собственника собственники владелец владельца владельцы owner owners landlord'],
  ['privatization', 'приватизация приватизировать приватизации =privatization жекешелендіру'],
  ['propiska', 'прописка прописку прописки ru:прописан ru:прописана прописаться прописать =тұрғылықты propiska'],
  ['register', 'регистрация регистрации зарегистрироваться зарегистрировать зарегистрирован register registered registration тіркеу тіркелу тіркелген'],
  ['address', 'адрес адреса адресу address addresses мекенжай мекенжайы'],
  ['idcard', 'удик удика удиком айдишка'],
  ['iin', 'иин иина iin жсн'],
  ['passport', 'паспорт паспорта паспортом загранпаспорт загран passport passports төлқұжат'],
  ['birth', 'рождение рождении рождения =родился =родилась birth born kk:туу туған туылған'],
  ['certificate', 'свидетельство свидетельства сертификат сертификата certificate certificates =анықтама =анықтаманы =анықтамасы =анықтамалар'],
  ['marriage', 'брак брака бракосочетание загс загса замуж =жениться marriage married marry неке некеге'],
  ['divorce', 'развод развода развестись divorce divorced ажырасу ажырасқан'],
  ['death', 'смерть смерти умер умерла скончался death died deceased passed+away өлім қайтыс'],
  ['lost', 'потерял потеряла потеряли потеря утерян утеряна утеря утерянный lost lose жоғалту жоғалтып жоғалды'],
  // Forgetting a thing somewhere is how residents lose it ("забыл сумку в автобусе", "forgot my bag").
  ['forgot', 'забыл забыла забыли forgot forget forgotten ұмытып ұмыттым ұмытыппын'],
  ['duplicate', 'дубликат дубликата duplicate телнұсқа'],
  ['tax', 'налог налоги налога налоговая налоговый налогов tax taxes taxation салық салықтар'],
  ['property', 'имущество имущества недвижимость недвижимости property мүлік мүлкі жылжымайтын'],
  ['vehicle', 'автомобиль автомобиля ru:машина ru:машину авто автомашина car cars vehicle vehicles көлік автокөлік'],
  ['land', 'земля земли землю земельный земельного участок ru:участка участки land учаске учаскесі'],
  ['declaration', 'декларация декларацию декларации declaration declarations'],
  ['parking', 'ru:парковка парковки парковку стоянка стоянки паркинг припарковал припарковаться =parking'],
  ['towing', 'эвакуатор эвакуатора эвакуатором штрафстоянка штрафстоянку tow towing towed'],
  ['trafficpolice', '=гаи гибдд дпс гаишник гаишники'],
  ['license', 'лицензия лицензию лицензии licence license лицензиясы'],
  ['driver', 'водитель водителя водители шофер driver drivers жүргізуші жүргізушілер'],
  ['crash', 'дтп crash collision accident accidents апат'],
  ['camera', 'ru:камера ru:камеры видеонаблюдение camera cameras cctv бейнебақылау'],
  ['route', 'маршрут маршрута маршруты маршрутов route routes'],
  ['busstop', 'остановка остановки остановку остановке аялдама аялдамалар bus+stop bus+stops busstop'],
  ['detour', 'объезд объезда объезды объездной объездом detour detours diversion diversions diverted divert айналма'],
  ['taxi', 'ru:такси таксист таксиста taxi cab'],
  ['enrollment', 'зачисление зачислить зачислят enrollment enrolment enroll enrol admission'],
  ['grade', 'класс класса классе классов первоклассник первоклассники первоклашка =сынып =сыныпқа =сыныпта =сыныптар =сыныбы'],
  ['club', 'кружок кружки секция секции club clubs үйірме үйірмелер'],
  ['teacher', 'учитель учителя преподаватель педагог teacher teachers мұғалім ұстаз'],
  ['pupil', 'ученик ученики школьник школьники pupil pupils schoolchildren оқушы оқушылар'],
  ['exam', 'ент экзамен экзамены exam exams emtihan емтихан ұбт'],
  ['meals', 'питание питания завтрак meals meal тамақтану'],
  ['disability', 'инвалид инвалиды инвалидов инвалидность инвалидности disability disabled handicapped мүгедек мүгедектік'],
  ['ramp', 'пандус пандуса ramp ramps'],
  ['carer', 'сиделка сиделки ухаживать ухаживающий carer caregiver caregivers күтуші'],
  ['guardianship', 'опека опеки опекун опекуна опекунство попечительство guardian guardianship custody қамқоршы қорғаншы'],
  ['orphan', 'сирота сироты сирот orphan orphans =жетім =жетімдер =жетімдерге'],
  ['welfare', 'соцзащита соцзащиты собес собеса welfare'],
  ['targeted', 'асп аәк атаулы targeted tsa'],
  ['lowincome', 'малообеспеченные малообеспеченных малоимущие малоимущим нуждающиеся нуждающимся ru:бедные needy poor азқамтылған =кедей =кедейлер мұқтаж'],
  ['largefamily', 'многодетная многодетные многодетным многодетных многодетной көпбалалы'],
  ['pregnancy', 'ru:беременность ru:беременная ru:беременным ru:беременных pregnancy pregnant =жүкті =жүктілік =жүктілігі'],
  ['maternityhospital', 'роддом роддома роддоме перинатальный перзентхана'],
  ['childbirth', '=роды =родов =родила =родить =рожать childbirth =босану'],
  ['maternityleave', 'декрет декрета декретный декретные декретных maternity'],
  ['infant', 'младенец младенца новорожденный новорожденного грудной infant baby newborn нәресте сәби'],
  ['pensioner', 'пенсионер пенсионеры пенсионерам пенсионеров =pensioner =pensioners retiree зейнеткер зейнеткерлер'],
  ['elderly', 'ru:пожилой ru:пожилые ru:пожилых престарелые elderly егде =қария =қариялар'],
  ['veteran', 'ru:ветеран ru:ветераны ru:ветеранов veteran veterans ардагер ардагерлер'],
  ['homeless', 'бездомный бездомные бомж бомжи homeless =баспанасыз =баспанасыздар'],
  ['compensation', 'компенсация компенсацию возмещение возмещения возместить возместит возместят возмещать возмещает возмещают compensation reimbursement өтемақы'],
  ['subsidy', 'субсидия субсидии субсидию subsidy subsidies'],
  ['unemployment', 'безработный безработные безработица безработным unemployed unemployment =жұмыссыз =жұмыссыздар =жұмыссыздық'],
  // Losing one's job by the employer's decision, as residents say it.
  ['dismissal', 'сократили сократить сокращение сокращению уволили уволен уволена увольнение fired dismissed redundant redundancy layoff layoffs қысқартылды қысқартылсам қысқартты қысқарту'],
  ['employment', 'трудоустройство трудоустроиться трудоустроить занятость занятости вакансия вакансии вакансий vacancy vacancies employment'],
  ['salary', 'зарплата зарплату зарплаты заработная оклад salary wage wages жалақы айлық'],
  ['contributions', 'взнос взносы взносов contribution contributions жарна жарнасы'],
  ['insurance', 'страховка страховку страхование страховой осмс медстраховка застрахован insurance insured сақтандыру'],
  ['attach', 'прикрепление прикрепления прикрепиться прикреплен прикреплена открепление открепиться'],
  ['vaccination', 'прививка прививки прививку вакцина вакцинация вакцинироваться привиться vaccine vaccines vaccination vaccinated jab shot shots екпе екпесі'],
  ['labtest', 'анализ анализы анализов лаборатория лабораторные lab laboratory зертхана'],
  ['prescription', 'рецепт рецепта рецепты рецептурный prescription prescriptions'],
  ['dental', 'стоматолог стоматолога стоматология зубной зубы зуб dentist dental teeth tooth тіс'],
  // the specialists a resident names where a FAQ says "a specialist"
  ['specialist', 'специалист специалиста специалисту специалистам кардиолог кардиологу дерматолог дерматологу невролог неврологу эндокринолог эндокринологу окулист офтальмолог гинеколог уролог лор specialist specialists cardiologist dermatologist neurologist endocrinologist ophthalmologist gynaecologist gynecologist urologist kk:маман kk:маманға'],
  ['referral', 'направление направления referral =жолдама =жолдамасы =жолдаманы =жолдамаға =жолдамамен'],
  ['illness', 'болезнь болезни заболевание заболевания болеет заболел illness disease sick ill ауру науқас'],
  ['psychologist', 'психолог психолога психологу психологом психологи психологов психологическая психологической психологическую психологическое психотерапевт психотерапевта psychologist psychologists psychological counsellor counsellors counselor counselors counselling counseling psychotherapist психологиялық'],
  // "тревога" alone is also an alarm (a siren's): only the words of the feeling
  ['anxiety', 'тревожность тревожно тревожный тревожная anxiety anxious мазасыздық мазасыз'],
  ['checkup', 'скрининг скрининга медосмотр медосмотра профосмотр checkup screening'],
  ['hospitalization', 'госпитализация госпитализировать госпитализации =hospitalization =hospitalized жатқызу'],
  ['inaction', 'бездействие бездействуют игнорируют игнорирует игнор ignored ignore inaction'],
  ['official', 'чиновник чиновники госслужащий госслужащие =officials bureaucrat шенеунік'],
  ['deputy', 'депутат депутата депутаты маслихат маслихата councillor мәслихат'],
  ['boss', 'начальник начальника руководитель руководителя руководство директор директора boss director басшы басшысы басшылық'],
  ['court', 'судебный судебного судебное court courts сот'],
  ['lawyer', 'юрист юриста юристы адвокат адвоката lawyer lawyers attorney заңгер'],
  ['corruption', 'ru:взятка взятку взятки коррупция bribe bribery corruption жемқорлық'],
  ['fraud', 'мошенник мошенники мошенников мошенничество обман обманули лохотрон scam scammer scammers fraud fraudster алаяқ алаяқтар алаяқтық'],
  ['theft', 'кража украли украл воровство вор воры theft stolen steal stole ұрлық ұрлады'],
  ['violence', 'ru:насилие насилия избиение избил violence abuse =зорлық =зорлау'],
  ['drunk', 'пьяный пьяные алкоголь алкоголик пьянство drunk alcohol ішімдік'],
  ['smoking', 'ru:курение =курить =курят кальян вейп =smoking vape темекі шылым'],
  ['smoke', 'дым дыма дымом smoke =түтін'],
  // The forms of "строить" (to build) as written: their stem, "стро", is also "строя", "строй" of
  // "вышел из строя" (broke down: "лифт вышел из строя" is no building site).
  ['construction', 'строительство стройка стройки =строят =строит =строить =строится =строили строительный construction build құрылыс'],
  ['illegal', 'незаконный незаконная незаконно самовольный самовольная самострой illegal unauthorized unlawful =заңсыз'],
  ['demolition', 'снос сноса снести сносят демонтаж demolition demolish demolished'],
  ['violation', 'нарушение нарушения нарушают нарушил violation violations breach бұзушылық'],
  ['repair', 'ремонт ремонта ремонтировать отремонтировать починить чинить починка залатать залатают repair repairs fix fixed mend =жөндеу =жөндеуге =жөндейді =жөндеді =жөндемейді =жөндеп'],
  ['capitalrepair', 'капремонт капремонта капитальный капитального overhaul'],
  ['broken', 'ru:сломан сломался сломалась сломано поломка неисправен неисправность broken faulty бұзылған бұзылды бұзылып =сынған =сынды kk:сынық'],
  ['dilapidated', 'ветхий ветхое ветхого ветхие dilapidated derelict =тозған'],
  ['emergencyservice', 'аварийная аварийную аварийной аварийка авария аварии авариялық'],
  ['outage', 'отключение отключения отключили отключат отключить отключен отключена отключают outage outages blackout shutoff cutoff disconnected өшірілді ажыратылды'],
  ['voltage', 'напряжение напряжения перепад перепады скачок скачки voltage =кернеу =кернеуі'],
  ['wire', '=провода =проводов ru:проводка ru:проводку кабель кабеля wire wires wiring cable сым'],
  ['mold', 'плесень сырость грибок mold mould damp dampness зең'],
  ['rodents', 'крысы крыса мыши мышь грызуны rats rat mice rodents егеуқұйрық тышқан'],
  ['insects', 'тараканы таракан клопы клоп насекомые ru:комары cockroaches bedbugs insects mosquitoes тарақан =қандала'],
  ['pestcontrol', 'дезинсекция дератизация дезинфекция дезинфекцию fumigation disinfection pest pests залалсыздандыру'],
  ['pressure', 'ru:давление давления напор напора pressure =қысым =қысымы'],
  ['dirty', 'грязь грязи грязный грязная грязно dirty dirt filthy лас ластанған'],
  ['storm', '=буря =бури =бурю шторм ru:ураган штормовое метель метели пурга storm storms hurricane blizzard snowstorm =дауыл боран бұрқасын'],
  ['puddle', 'лужа лужи лужу puddle puddles шалшық'],
  ['stormdrain', 'ливневка ливневки ливневку ливневая ливневой drain drains drainage'],
  ['pollution', 'смог загрязнение загрязнения pollution smog ластану'],
  ['boiler', 'котел котла котельная котельной boiler boilers =қазандық =қазандығы'],
  ['rudeness', 'хамство грубость =хамят грубят rude rudeness дөрекі дөрекілік'],
  ['cemetery', 'кладбище кладбища =могила ru:могилу ru:могилы cemetery grave graves зират бейіт қабір'],
  ['conscription', '=призыв призыва призывник призывники военкомат военкомата conscription conscript'],
  ['foreigner', 'иностранец иностранцы иностранный иностранных foreigner foreigners шетелдік'],
  ['repatriate', 'кандас =кандасы кандасов =оралман =оралмандар repatriate repatriates'],
  ['citizenship', 'гражданство гражданства citizenship =азаматтық'],
  ['business', 'предприниматель предприниматели ип бизнес entrepreneur entrepreneurs =business =businesses кәсіпкер кәсіпкерлер'],
  ['adoption', 'усыновление усыновить удочерение удочерить adoption adopt =асырап'],
  ['alimony', 'алименты алиментов alimony алимент'],
  ['egov', '=егов =эгов egov egovkz ru:портал ru:портала portal'],
  ['signature', 'эцп ецп ecp подпись подписи подписать signature signatures қолтаңба эцқ'],
  ['password', 'пароль пароля password passwords құпиясөз'],
  // Air conditioning, as residents shorten it ("aircon", "air con": "con" alone also reads as ЦОН).
  ['aircon', 'кондиционер кондиционера кондиционеры кондиционером кондиционерлер aircon air+conditioning air+conditioner air+con'],
  // An X-ray, however it is typed ("xray", "x-ray", which reads as two words) or said ("рентген").
  ['xray', 'xray xrays x+ray рентген рентгена рентгеном'],
  ['receipt', 'чек чека чеки receipt receipts түбіртек'],
  ['blocked', 'блокировка блокировку заблокировали заблокирован заблокирована =blocked бұғаттау бұғатталды'],
  ['apartmentblock', 'многоквартирный многоквартирного многоквартирных многоэтажка многоэтажки многоэтажный мжд көппәтерлі'],
  ['notary', 'нотариус нотариуса нотариусу нотариальный notary нотариат'],
  ['inheritance', 'наследство наследства наследник наследники наследование inheritance heir heirs мұра мұрагер мұрагерлер'],
  ['sanatorium', 'санаторий санатория санаторно sanatorium шипажай'],
  ['evacuation', 'эвакуация эвакуации эвакуировать evacuation evacuate эвакуациялау'],
  ['earthquake', 'землетрясение землетрясения earthquake earthquakes сілкініс сілкінісі'],
];

function lexiconWord(raw: string): LexiconWord {
  if (raw.startsWith('=')) return { text: raw.slice(1), exact: true };
  const marked = /^(ru|kk):(.+)$/.exec(raw);
  return marked ? { text: marked[2], only: marked[1] as 'ru' | 'kk' } : { text: raw };
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = RAW_GROUPS.map(([concept, raw]) => {
  const items = raw.split(/\s+/).filter((w) => w.length > 0);
  const phrases = items.filter((w) => w.includes('+')).map((w) => w.split('+'));
  for (const phrase of phrases) if (phrase.length !== 2 || phrase.some((w) => w.length === 0)) throw new Error(`lexicon group ${concept}: a phrase is two words joined by "+"`);
  return {
    concept: `#${concept}`,
    words: items.filter((w) => !w.includes('+')).map(lexiconWord),
    phrases: phrases.map(([first, second]) => [lexiconWord(first), lexiconWord(second)] as const),
  };
});
