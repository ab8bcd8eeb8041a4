/**
 * How people type Kazakh in Latin letters, written down once: the detector spells its frequent
 * Kazakh words this way (detect.ts), and the FAQ's vocabulary reads a Latin word back as Kazakh
 * (matcher/vocabulary.ts). A new convention goes into this table; the reading below follows it.
 */

/** How each letter of folded Kazakh is typed in Latin letters (к as k or q, ш as sh or w …). */
export const KAZAKH_LATIN_LETTERS: Readonly<Record<string, readonly string[]>> = {
  а: ['a'], б: ['b'], в: ['v'], г: ['g', 'gh'], д: ['d'], е: ['e'], ж: ['j', 'zh'], з: ['z'], и: ['i', 'y'],
  й: ['i', 'y'], к: ['k', 'q'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s'],
  т: ['t'], у: ['u'], ф: ['f'], х: ['h', 'kh'], ц: ['ts'], ч: ['ch'], ш: ['sh', 'w'], щ: ['sh'], ы: ['y', 'i'],
  э: ['e'], ю: ['iu', 'yu'], я: ['ia', 'ya'],
};

/** The Latin spellings of a folded Kazakh word (at most 64; none if it has a letter not in the table). */
export function kazakhLatinSpellings(word: string): string[] {
  let spellings = [''];
  for (const letter of word) {
    const options = KAZAKH_LATIN_LETTERS[letter];
    if (!options) return [];
    spellings = spellings.flatMap((prefix) => options.map((o) => prefix + o)).slice(0, 64);
  }
  return spellings;
}

/**
 * The spellings of the table only Kazakh typists use that way (Russian in Latin letters writes ж as
 * zh, ш as sh, к as k): they are read back as their letter before the rest of a word is read as
 * Russian in Latin letters. Longest first.
 */
export const KAZAKH_ONLY_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ['gh', 'г'],
  ['j', 'ж'],
  ['w', 'ш'],
  ['q', 'к'],
];

/** A Latin-typed word with the Kazakh-only spellings turned back into their Cyrillic letters. */
export function readKazakhOnlySpellings(word: string): string {
  let out = word;
  for (const [latin, letter] of KAZAKH_ONLY_SPELLINGS) out = out.split(latin).join(letter);
  return out;
}
