/**
 * The English stemmer: Porter's algorithm, from the `stemmer` package, not from this code. The index
 * records which analyser built it, so a snapshot built with another is rebuilt rather than searched
 * wrongly.
 */
import { stemmer as porter } from 'stemmer';
import type { Stemmer } from './text.ts';

/** Porter's stemmer, memoised: a library's vocabulary is small and the same words come back in every query. */
const memo = (stem: Stemmer, size = 50_000): Stemmer => {
  const cache = new Map<string, string>();
  return (word) => {
    let stemmed = cache.get(word);
    if (stemmed === undefined) {
      stemmed = stem(word);
      if (cache.size >= size) cache.clear();
      cache.set(word, stemmed);
    }
    return stemmed;
  };
};

export const porterStemmer: Stemmer = memo(porter);
export const ANALYSER_VERSION = 'porter-en+cy-radicals/2';
