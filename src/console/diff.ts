/**
 * Diffs of our own (longest common subsequence), enough for two versions of one FAQ entry: lines
 * of the entry as a file, and words of one field (an answer of a few hundred words, so the
 * quadratic table stays small).
 */

export interface DiffLine {
  /** ' ' unchanged, '-' only in the old text, '+' only in the new one. */
  op: ' ' | '-' | '+';
  text: string;
}

/** A run of text that is in both versions (' '), only the old ('-') or only the new ('+'). */
export type DiffPart = DiffLine;

/** The items of `a` and `b` in order, each marked unchanged, removed or added. */
function sequenceDiff(a: readonly string[], b: readonly string[]): DiffLine[] {
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: ' ', text: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push({ op: '-', text: a[i++] });
    } else {
      out.push({ op: '+', text: b[j++] });
    }
  }
  while (i < a.length) out.push({ op: '-', text: a[i++] });
  while (j < b.length) out.push({ op: '+', text: b[j++] });
  return out;
}

/**
 * The lines of `before` and `after` in order, each marked unchanged, removed or added.
 *
 * @example lineDiff('a\nb', 'a\nc') // [{op:' ',text:'a'}, {op:'-',text:'b'}, {op:'+',text:'c'}]
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  return sequenceDiff(before.split('\n'), after.split('\n'));
}

/**
 * The words of `before` and `after` (spaces and line breaks kept as they are), in runs: what stayed,
 * what went, what came. Joining the ' ' and '-' runs gives `before`, the ' ' and '+' runs `after`.
 *
 * @example wordDiff('open until 18:00', 'open until 20:00') // [{op:' ',text:'open until '}, {op:'-',text:'18:00'}, {op:'+',text:'20:00'}]
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const words = (text: string) => text.split(/(\s+)/).filter((w) => w !== '');
  const items = sequenceDiff(words(before), words(after));
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  while (i < items.length) {
    if (items[i].op === ' ') {
      push(' ', items[i++].text);
      continue;
    }
    // One change: changed words, and the spaces kept between them (not a kept word), read as one
    // removed run and one added run — "from 18:00 to 19:00" → "from 20:00 to 21:00" is one edit.
    let end = i;
    for (let j = i; j < items.length && (items[j].op !== ' ' || /^\s+$/.test(items[j].text)); j++) if (items[j].op !== ' ') end = j;
    const block = items.slice(i, end + 1);
    if (block.some((b) => b.op === '-')) push('-', block.filter((b) => b.op !== '+').map((b) => b.text).join(''));
    if (block.some((b) => b.op === '+')) push('+', block.filter((b) => b.op !== '-').map((b) => b.text).join(''));
    i = end + 1;
  }
  return parts;
}
