/** What eval:ratchet and eval:ceiling read first: the places their options name, and the baseline. */
import { PROJECT_ROOT } from '../src/config/project-root';
import { ratchetPlaces, readBaseline, type Baseline, type RatchetPlaces } from '../src/quality/ratchet';
import { EXIT_USAGE } from './command-line';

/**
 * The places (`--baseline FILE`, `--shared DIR`, or the project's) and the baseline's runs read from
 * them; an unreadable or malformed baseline is said, its file named, and comes back as EXIT_USAGE.
 */
export function openBaseline(given: { baseline?: string; shared?: string }): (RatchetPlaces & { baseline: Baseline }) | number {
  const places = ratchetPlaces(PROJECT_ROOT, given);
  try {
    return { ...places, baseline: readBaseline(places.baselineFile) };
  } catch (error) {
    console.error((error as Error).message);
    return EXIT_USAGE;
  }
}
