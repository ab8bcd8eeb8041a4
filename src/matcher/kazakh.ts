/**
 * A Kazakh suffix stripper. Kazakh is agglutinative ("банктердің" = банк + тер + дің), Snowball has
 * no Kazakh stemmer, so we peel known inflectional suffixes off the end, longest first, again and
 * again, and stop before the stem gets too short. It works on the folded spelling (қ→к, і→и …) so
 * that "қашан" and "кашан" share a stem; over-stripping is harmless as long as index and query are
 * stemmed the same way.
 */
import { foldKazakh } from './normalize';

/** Stems shorter than this are too ambiguous to be useful keys. */
const MIN_STEM = 3;
/** One-letter suffixes (-а, -ы, -и) are only stripped from longer words. */
const MIN_STEM_FOR_SINGLE_LETTER = 4;
const MAX_ROUNDS = 5;

// Folded spellings: -ға/-ге/-қа/-ке → га/ге/ка/ке, -ның/-нің → нын/нин, -ді/-ті → ди/ти, etc.
const SUFFIXES_RAW = [
  // derivational adjectives/nouns that merely mark a word class (-лық, -шы, -дағы); before a
  // vowel -лық/-лік voice to -лығ/-ліг ("куәлік", "куәлігім": an ID card, my ID card)
  'лык', 'лик', 'дык', 'дик', 'тык', 'тик', 'лыг', 'лиг', 'дыг', 'диг', 'тыг', 'тиг', 'дагы', 'деги', 'таги', 'теги', 'нтагы',
  // verb forms: participles, present/future, infinitive, conditional, past, converbs
  'атын', 'етин', 'йтын', 'йтин', 'ган', 'ген', 'кан', 'кен', 'уге', 'уга', 'ады', 'еди', 'йды',
  'йди', 'сам', 'сем', 'сак', 'сек', 'са', 'се', 'ып', 'ип', 'мын', 'мин', 'мыз', 'миз', 'сыз',
  'сиз', 'ма', 'ме', 'ба', 'бе', 'па', 'пе', 'ла', 'ле', 'йды', 'ды', 'ди', 'ты', 'ти', 'ар',
  'ер', 'у', 'й',
  // the past with the first person ("төледім", "жоғалттым": I paid, I lost); -дық/-тық are above
  'дым', 'дим', 'тым', 'тим',
  // the polite "you" of the present-future a resident asks the helpline with ("қосасыздар ма?",
  // "қашан келесіздер?": will you switch on, when will you come): whole, as its -а/-е alone leaves
  // a root of three letters, which a one-letter suffix may not. A noun of four letters in -а/-е
  // with the privative -сыз loses its -а with it ("ақшасыз", without money, stems to "акш", not to
  // "ақша"'s "акша"), which a helpline's questions rarely say
  'асыз', 'есиз',
  // voice: passive -ыл/-іл ("қосылады" ~ "қосады")
  'ыл', 'ил',
  // plural
  'лар', 'лер', 'дар', 'дер', 'тар', 'тер',
  // genitive
  'нын', 'нин', 'дын', 'дин', 'тын', 'тин',
  // dative
  'га', 'ге', 'ка', 'ке', 'на', 'не',
  // locative
  'нда', 'нде', 'да', 'де', 'та', 'те',
  // ablative
  'нан', 'нен', 'дан', 'ден', 'тан', 'тен',
  // accusative
  'ны', 'ни', 'н',
  // instrumental
  'мен', 'бен', 'пен',
  // possessive
  'лары', 'лери', 'ымыз', 'имиз', 'ым', 'им', 'ын', 'ин', 'сы', 'си', 'ы', 'и', 'а', 'е',
  // possessive after a vowel: my, your (polite) ("картам", "балам", "картаңыз")
  'м', 'ныз', 'низ',
];

/** Longest first, so "дардың"-like chains lose their biggest known piece each round. */
const SUFFIXES: readonly string[] = [...new Set(SUFFIXES_RAW)].sort((a, b) => b.length - a.length);

const VOWEL_RE = /[аеиоуыэюя]/;

/**
 * Kazakh suffixes agree with the sound before them: the т-, қ- and п- forms (-та, -ты, -тар, -қа,
 * -қан, -пен) follow only a voiceless consonant (or б, в, г, д): "банкте", "банкке", but "қалада",
 * "қалаға". A т-, қ- or п-form after anything else is part of the word, not a suffix: "Алматы" is
 * not "алма" + "-ты" ("алманы" would be), nor "карта" "қар" (snow) + "-та".
 */
const AFTER_VOICELESS = /[кпстшщфхцчбвгд]$/;
function agrees(stem: string, suffix: string): boolean {
  if (AFTER_VOWEL.has(suffix)) return ENDS_WITH_VOWEL.test(stem);
  const first = suffix[0];
  return (first !== 'т' && first !== 'к' && first !== 'п') || AFTER_VOICELESS.test(stem);
}

/**
 * The possessives -м and -ңыз/-ңіз follow a vowel ("карта-м", "карта-ңыз"; after a consonant they
 * are -ым/-ім and -ыңыз/-іңіз). A one-letter suffix leaves at least four letters, so "адам" (a
 * person) stays whole.
 */
const AFTER_VOWEL: ReadonlySet<string> = new Set(['м', 'ныз', 'низ']);
const ENDS_WITH_VOWEL = new RegExp(`${VOWEL_RE.source}$`);

/**
 * Verb roots of two letters, shorter than any other stem, in folded spelling: ал- (take, get,
 * receive, buy), ет- (do), ұш- (fly). Residents use them all the time, and with MIN_STEM alone
 * each form was a word of its own ("алуға", "алдым", "алса", "алады": four keys, the last three
 * rarely in a FAQ), so "if they catch me", "I bought a ticket" counted as words no entry knows. A
 * verb ending takes them down to the root; a noun's case ending or a particle does not ("алма" is
 * an apple, "алда" ahead). Not өт- (pass): its "өте" is also өтеу's (to repay a loan).
 */
const SHORT_VERB_ROOTS: ReadonlySet<string> = new Set(['ал', 'ет', 'уш']);
/** The endings of SUFFIXES that only verbs take (infinitive, converbs, conditional, past, participles, present, person). */
const VERB_ENDINGS: ReadonlySet<string> = new Set([
  ...['у', 'а', 'е', 'ып', 'ип', 'са', 'се', 'сам', 'сем', 'сак', 'сек'],
  ...['ды', 'ди', 'ты', 'ти', 'дым', 'дим', 'тым', 'тим', 'дык', 'дик'],
  ...['ган', 'ген', 'кан', 'кен', 'ады', 'еди', 'атын', 'етин', 'мын', 'мин'],
]);

function stripOnce(word: string): string | null {
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    const min = suffix.length === 1 ? MIN_STEM_FOR_SINGLE_LETTER : MIN_STEM;
    // Most stems are long enough: the short verb roots are looked up only for the others.
    const tooShort = stem.length < min && !(SHORT_VERB_ROOTS.has(stem) && VERB_ENDINGS.has(suffix));
    if (tooShort || !VOWEL_RE.test(stem) || !agrees(stem, suffix)) continue;
    return stem;
  }
  return null;
}

/**
 * The converb -п after a vowel ("тоқтап", "төлеп": having stopped, having paid; after a consonant
 * it is -ып/-іп, a suffix above). Nouns end so too ("мектеп", "кітап"), so after it only the stem's
 * own -а/-е goes, as stripOnce takes it from other verb forms ("тоқтап" and "тоқтады" are both
 * "токт"), and nothing longer: "мектеп" and "мектепке" are "мект", not "мек".
 */
const CONVERB_AFTER_VOWEL = new RegExp(`${VOWEL_RE.source}п$`);

function stripConverb(word: string): string | null {
  if (!CONVERB_AFTER_VOWEL.test(word)) return null;
  const stem = word.slice(0, -1);
  if (stem.length < MIN_STEM_FOR_SINGLE_LETTER) return null;
  const root = stem.slice(0, -1);
  const peelsVowel = /[ае]$/.test(stem) && root.length >= MIN_STEM_FOR_SINGLE_LETTER && VOWEL_RE.test(root);
  return peelsVowel ? root : stem;
}

/**
 * Nouns that end as a verb form or a case does and whose stripped stem is another word's root, kept whole
 * (folded spelling): "сынып" (a school class) is not "сын-ып" (having broken), so "сыныпқа" (to
 * the first class) and "сынған", "сынды" (broken), or the Russian "сына" (son) read with Kazakh
 * endings, are no longer one key. The converb itself ("лифт сынып қалды": the lift broke) is told
 * by the auxiliary verb after it, which a stem does not see (analyze.ts, CONVERB_NOUNS).
 */
const WHOLE_NOUNS: ReadonlyMap<string, string> = new Map([
  ['сынып', 'сынып'],
  // before a vowel: "сыныбы" (its class)
  ['сыныб', 'сынып'],
  // "сауда" (trade: "сауда орталығы", a shopping centre) is not "сау-да": "сау" is healthy, and the
  // goodbye "сау болыңыз" ("sau boliniz") met the shops' entry.
  ['сауда', 'сауда'],
  // "маман" (a specialist: "маманға жазылу") is not "мама-н": its stem was the Russian "мама"
  // (mother) as written, and a mother named in a story ("Мама у меня пожилая…") asked for a specialist.
  ['маман', 'маман'],
  // "маманы" (its specialist) read as "мама-ны"
  ['маманы', 'маман'],
]);

/**
 * The first person of the present-future, -мын/-мін, follows the tense's own vowel -а/-е
 * ("барамын", "беремін", "жазыламын": I go, I give, I sign up), which goes with it down to a root
 * of three letters, as the other forms take it there ("береді", "беруге": "бер"). Left to
 * stripOnce, the vowel stayed ("бере") or went with the letter before it as another ending
 * ("жазыла" lost "-ла" to "жазы", where "жазылуға" is "жаз").
 */
const FIRST_PERSON = /[ае]м[ыи]н$/;
function withoutFirstPerson(word: string): string | null {
  if (!FIRST_PERSON.test(word)) return null;
  const root = word.slice(0, -4);
  return root.length >= MIN_STEM && VOWEL_RE.test(root) ? root : null;
}

/** Stems one lowercase Kazakh word (any spelling); the result is in folded spelling. */
export function stemKazakh(word: string): string {
  let current = foldKazakh(word);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const whole = WHOLE_NOUNS.get(current);
    if (whole !== undefined) return whole;
    const next = (round === 0 ? withoutFirstPerson(current) : null) ?? stripOnce(current);
    if (next === null) return stripConverb(current) ?? current;
    current = next;
  }
  return current;
}
