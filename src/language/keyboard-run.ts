/**
 * Letters typed by running a finger along a keyboard row ("фывапролдж", "asdfgh", "qwerty"): a
 * resident trying the bot out, or a pocket. No word of any language: the matcher takes such a word
 * for a stop word, and language detection takes no cue from it ("qwerty" is not Kazakh for its q).
 */

/** The letter rows of the Russian and the English keyboard. */
const KEYBOARD_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Letter → its row and place in the row. */
const KEY_AT: ReadonlyMap<string, { row: number; col: number }> = new Map(
  KEYBOARD_ROWS.flatMap((keys, row) => [...keys].map((key, col) => [key, { row, col }] as const)),
);

/**
 * Letters typed by running a finger along one keyboard row, not a word: "фывапролдж", "asdfgh",
 * "йцукен", "ывапывап". Every letter from one row, and more than three in four of them in runs of
 * at least three neighbouring keys, either way. A word of one row has such a run now and then
 * ("про" in "пропал", "erty" in "property"), never most of its letters in them.
 */
export function isKeyboardRun(word: string): boolean {
  if (word.length < 4) return false;
  const row = KEY_AT.get(word[0])?.row;
  if (row === undefined) return false;
  const cols: number[] = [];
  for (const letter of word) {
    const key = KEY_AT.get(letter);
    if (key?.row !== row) return false;
    cols.push(key.col);
  }
  const inRun = new Uint8Array(cols.length);
  let start = 0;
  while (start < cols.length - 1) {
    const step = cols[start + 1] - cols[start];
    let end = start + 1;
    if (step === 1 || step === -1) while (end + 1 < cols.length && cols[end + 1] - cols[end] === step) end += 1;
    if (end - start >= 2) inRun.fill(1, start, end + 1);
    // A run that turns back ("asdfdsa") starts again at the letter it turned on.
    start = end - start >= 2 ? end : start + 1;
  }
  return inRun.reduce((sum, v) => sum + v, 0) / cols.length > 0.75;
}
