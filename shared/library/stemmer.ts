/**
 * The English stemmer: Porter's algorithm. It comes from a package, not from this code. Until the
 * `stemmer` package (a small Porter implementation) is added, it is the Porter stemmer that ships
 * inside @orama/orama's tokenizer; both implement the same published algorithm. The index records
 * which analyser built it, so a snapshot built with another is rebuilt rather than searched wrongly.
 */
import { tokenizer } from '@orama/orama/components';
import type { Stemmer } from './text.ts';

const porter = tokenizer.createTokenizer({ language: 'english', stemming: true }).stemmer;
if (!porter) throw new Error("Orama's tokenizer came without its English stemmer");

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
export const ANALYSER_VERSION = 'porter-en+cy-radicals/1';
