/**
 * Letters typed by running a finger along a keyboard row ("фывапролдж", "asdfgh", "qwerty"): a
 * resident trying the bot out, or a pocket. No word of any language: the matcher takes such a word
 * for a stop word, and language detection takes no cue from it ("qwerty" is not Kazakh for its q).
 */

/** The letter rows of the Russian and the English keyboard. */
const KEYBOARD_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/**
 * Letter's code → its row × 16 + its place in the row, plus one (0: no key of these rows). A typed
 * array indexed by code: every word of every message is looked at, most leave a row at once.
 */
const KEY_AT = (() => {
  const table = new Uint8Array(0x450);
  KEYBOARD_ROWS.forEach((keys, row) => {
    for (let col = 0; col < keys.length; col += 1) table[keys.charCodeAt(col)] = row * 16 + col + 1;
  });
  return table;
})();

/** The key of the letter at `i` as above (0 for anything else). */
function keyAt(word: string, i: number): number {
  const code = word.charCodeAt(i);
  return code < KEY_AT.length ? KEY_AT[code] : 0;
}

/**
 * Letters typed by running a finger along one keyboard row, not a word: "фывапролдж", "asdfgh",
 * "йцукен", "ывапывап". Every letter from one row, and more than three in four of them in runs of
 * at least three neighbouring keys, either way. A word of one row has such a run now and then
 * ("про" in "пропал", "erty" in "property"), never most of its letters in them.
 */
export function isKeyboardRun(word: string): boolean {
  if (word.length < 4) return false;
  const first = keyAt(word, 0);
  if (first === 0) return false;
  const row = first >> 4;
  // Most words leave the row within a letter or two: checked before anything is allocated.
  for (let i = 1; i < word.length; i += 1) {
    const key = keyAt(word, i);
    if (key === 0 || key >> 4 !== row) return false;
  }
  const cols = Array.from({ length: word.length }, (_, i) => keyAt(word, i) & 15);
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
