/**
 * English irregular forms and the base form Snowball would stem them with: Snowball strips
 * suffixes, so "paid" never meets "pay", "stolen" never "steal", "children" never "child". Common
 * verbs and nouns only, and none whose form is also another common word ("left", "found", "saw",
 * "felt", "lives", "leaves", "lay", "bit", "fell").
 */
const IRREGULAR_FORMS = `
pay: paid | buy: bought | bring: brought | build: built | catch: caught | teach: taught
think: thought | send: sent | spend: spent | lend: lent | lose: lost | go: went gone
give: gave given | take: took taken | break: broke broken | steal: stole stolen
write: wrote written | get: got gotten | come: came | fall: fallen | freeze: froze frozen
bite: bitten | drive: drove driven | run: ran | sell: sold | tell: told | keep: kept
sleep: slept | meet: met | hang: hung | dig: dug | fly: flew flown | blow: blew blown
grow: grew grown | know: knew known | throw: threw thrown | choose: chose chosen
forget: forgot forgotten | begin: began begun | understand: understood | stand: stood
sit: sat | hear: heard | make: made | say: said | become: became | fight: fought
seek: sought | sweep: swept | deal: dealt | ring: rang rung | shake: shook shaken
wake: woke woken | wear: wore worn | tear: tore torn | hide: hid hidden | ride: rode ridden
forbid: forbade forbidden | child: children | man: men | woman: women | person: people
tooth: teeth | foot: feet | mouse: mice | wife: wives | knife: knives | shelf: shelves
half: halves | thief: thieves
`;

/**
 * Forms Snowball would stem onto a common word of another meaning, kept whole: "fired" (dismissed
 * from a job, or shot) is no fire, "firing" no fire either; "passed" (passed away, passed an exam,
 * passed by) is no pass to be out in a curfew, which is a noun and never says "passed";
 * "accidentally", "accidental" (by chance: "I accidentally paid twice") are no road accident;
 * "tapped", "tapping" (a card on a validator) are no water tap.
 */
export const ENGLISH_KEPT_WHOLE: ReadonlySet<string> = new Set(['fired', 'firing', 'passed', 'accidentally', 'accidental', 'tapped', 'tapping']);

export const ENGLISH_IRREGULAR: ReadonlyMap<string, string> = new Map(
  IRREGULAR_FORMS.split(/[|\n]/)
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0)
    .flatMap((pair) => {
      const [base, forms] = pair.split(':');
      return forms.trim().split(/\s+/).map((form) => [form, base.trim()] as const);
    }),
);
