/**
 * Splitting long answers into messages Telegram accepts (4,096 characters after entity parsing,
 * counted in UTF-16 code units like JavaScript strings). Cuts prefer the strongest boundary near
 * the end of the window — a paragraph, then a line, then a sentence, then a word — so a resident
 * never gets half a sentence; only whitespace at a cut is dropped.
 */

export const TELEGRAM_TEXT_LIMIT = 4096;

/** Boundaries, strongest first. Each match ends where the next part may start. */
const BOUNDARIES: RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…;]+["»”')\]]*\s+/g, /\s+/g];

/**
 * Splits `text` into parts of at most `limit` characters.
 *
 * @example splitText('One. Two.', 6) // ['One.', 'Two.']
 */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const part = rest.slice(0, cut).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Where to cut `text` so the first part fits in `limit`. */
function findCut(text: string, limit: number): number {
  // A boundary in the first third would leave a stub message; look for a weaker one instead.
  const minimum = Math.floor(limit / 3);
  const window = text.slice(0, limit + 1);
  for (const pattern of BOUNDARIES) {
    let best = -1;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      // The part ends before the boundary's trailing whitespace; the punctuation stays with it.
      const end = m.index + m[0].trimEnd().length;
      if (end <= limit && end >= minimum) best = m.index + m[0].length;
      if (m[0].length === 0) pattern.lastIndex++;
    }
    if (best > 0) return best;
  }
  // No boundary at all (a very long word or URL): cut hard, but never between a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
