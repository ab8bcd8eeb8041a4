/**
 * Deterministic pseudo-random numbers (mulberry32): the same seed gives the same sequence, so a
 * sampled calibration fit or a benchmark's messages are the same on every run.
 *
 * @example const rnd = seededRandom(7); rnd(); // 0 ≤ x < 1
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, drawn with `random` (one draw). */
export function pickOne<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/** A text as a seed (FNV-1a): the same text gives the same sequence, whatever else is run. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
