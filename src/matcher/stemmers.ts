/**
 * Russian and English stemming (Snowball) with a small cache: the same few thousand words come
 * back again and again, and a Map lookup is cheaper than re-running the stemmer.
 */
import { newStemmer, type SnowballStemmer } from 'snowball-stemmers';
import { stemKazakh } from './kazakh';

const CACHE_LIMIT = 50_000;

function cached(stemmer: SnowballStemmer): (word: string) => string {
  const cache = new Map<string, string>();
  return (word: string): string => {
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const stem = stemmer.stem(word);
    // A crude bound: clearing is rare and keeps memory flat under hostile input.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
    return stem;
  };
}

export const stemRussian = cached(newStemmer('russian'));
export const stemEnglish = cached(newStemmer('english'));
export { stemKazakh };
