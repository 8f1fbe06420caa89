/**
 * The words of a query or a draft as the person wrote them. A word is looked up by several terms (its
 * stem, as written, its Welsh forms and its glossary words) and MiniSearch scores each term on its own,
 * as if each were a word of its own. Two rules put the word back, as Lucene's synonym queries do:
 * - search credits an entry once for each word it matched, however many of the word's terms it matched
 *   (`creditWords`);
 * - a draft's words each have one rarity, shared by all their terms (`oneRarityPerWord`), so that a
 *   form rare only because of the language it is in does not outweigh the word itself. Search leaves a
 *   typed Welsh word its own rarity: someone who types Welsh words looks for Welsh text first.
 */
import type { SearchResult } from 'minisearch';
import { type LibraryIndex, share } from './engine.ts';
import type { QueryTerms } from './text.ts';

type Words = QueryTerms['byWord'];

/** BM25's inverse document frequency of a term in `part` of `entries` entries, as MiniSearch computes it. */
const idf = (entries: number, part: number): number => {
  const having = part * entries;
  return Math.log(1 + (entries - having + 0.5) / (having + 0.5));
};

/**
 * The weights with each word's terms scaled to the rarity of the word's commonest term. Welsh terms are
 * rare in a mostly English library because Welsh text is, not because the thing is: "ifanc" is in a few
 * Welsh entries and "young" in many English ones, and a Welsh entry that only shares "ifanc" with a
 * Welsh draft about young carers would otherwise outrank the English entries on young carers. A term
 * the index does not know keeps its weight.
 */
export const oneRarityPerWord = (
  index: LibraryIndex,
  weights: ReadonlyMap<string, number>,
  byWord: Words,
): Map<string, number> => {
  const entries = index.search.documentCount;
  const scaled = new Map<string, number>();
  for (const word of byWord) {
    const commonest = Math.max(0, ...word.terms.map((term) => share(index, term)));
    for (const term of word.terms) {
      const weight = weights.get(term);
      const part = share(index, term);
      if (weight === undefined || part === 0) continue;
      const factor = idf(entries, commonest) / idf(entries, part);
      scaled.set(term, Math.max(scaled.get(term) ?? 0, weight * factor));
    }
  }
  for (const [term, weight] of weights) if (!scaled.has(term)) scaled.set(term, weight);
  return scaled;
};

/** Words past this many in a query count as one more word: their bits are shared (a query is rarely this long). */
const COUNTED_WORDS = 31;

/**
 * Term → the words it stands for, as bits (word i is bit i), so that counting an entry's words costs no
 * allocation: a common word matches thousands of entries. A word is known by its first typed term, so
 * a word typed twice is one.
 */
export const wordsOfTerms = (byWord: Words): Map<string, number> => {
  const bits = new Map<string, number>();
  const ids = new Map<string, number>();
  for (const word of byWord) {
    const id = word.typed[0] ?? '';
    if (!ids.has(id)) ids.set(id, Math.min(ids.size, COUNTED_WORDS - 1));
    const bit = 1 << (ids.get(id) ?? 0);
    for (const term of word.terms) bits.set(term, (bits.get(term) ?? 0) | bit);
  }
  return bits;
};

const countBits = (bits: number): number => {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count += 1;
  return count;
};

/**
 * MiniSearch multiplies a result's score by how many of the query's terms it matched, so that an entry
 * with more of what was asked ranks first. Counted as terms, one word matched by two of its forms (a
 * Welsh word and its radical) counts as much as two words; people count words. So the factor becomes
 * the number of the query's words the entry matched, by any of their terms. Sorted again, best first.
 */
export const creditWords = (
  results: SearchResult[],
  wordsOf: ReadonlyMap<string, number>,
): SearchResult[] => {
  for (const result of results) {
    let matched = 0;
    for (const term of result.queryTerms) matched |= wordsOf.get(term) ?? 0;
    result.score = (result.score / Math.max(1, result.queryTerms.length)) * Math.max(1, countBits(matched));
  }
  return results.sort((a, b) => b.score - a.score);
};
