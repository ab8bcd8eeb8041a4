/**
 * Long CPU work done in slices. The bot answers residents on the same event loop, so work that
 * takes seconds on a large FAQ (a confidence refit, the console's FAQ check, indexing a re-imported
 * file) lets it run every few milliseconds.
 */

/** How long a slice of such work runs before it yields. */
export const SLICE_MS = 8;

/**
 * A pause to await after each piece of the work: it yields to the event loop once `sliceMs` have
 * passed since the last yield (0: after every piece), and says whether it did.
 */
export function timeSlices(sliceMs: number = SLICE_MS): () => Promise<boolean> {
  let sliceStart = Date.now();
  return async () => {
    if (Date.now() - sliceStart < sliceMs) return false;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = Date.now();
    return true;
  };
}
