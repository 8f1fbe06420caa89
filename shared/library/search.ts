/**
 * Searching the library: words typed into the search box (`search`), ideas like a draft (`similar`),
 * and the newest entries (`browse`). MiniSearch ranks (BM25+); this module picks the fields and their
 * weights, turns the input into terms, filters, and pages.
 */
import type { SearchResult } from 'minisearch';
import MiniSearch from 'minisearch';
import { MAX_QUERY_LENGTH } from '../domain/library-entry.ts';
import { knows, type LibraryIndex, share } from './engine.ts';
import { glossaryFor } from './glossary.ts';
import { creditWords, oneRarityPerWord, wordsOfTerms } from './query-words.ts';
import {
  cleanText,
  highlightRanges,
  queryTerms,
  type Range,
  TERM_WEIGHTS,
  typoDistance,
  words,
} from './text.ts';
import {
  type Draft,
  LIBRARY_FIELDS,
  type LibraryField,
  type LibraryStatus,
  type RankedItem,
  type SearchPage,
  type SearchParams,
  type SimilarParams,
} from './types.ts';
import { detectLanguage } from './welsh.ts';

// The route's rule for `q` is the library's, in the domain; the engine cuts any longer text to it too.
export { checkQuery, MAX_QUERY_LENGTH, type QueryCheck } from '../domain/library-entry.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const SIMILAR_LIMIT = 5;
/** A draft is long: only its first words are looked up, enough to find what it is about and keep lookups fast. */
export const MAX_DRAFT_WORDS = 50;
/**
 * A draft is looked up by its most telling terms, as Lucene's "more like this" does: the terms the
 * library has, rarest first (weighted by where they are in the draft), at most MAX_DRAFT_TERMS of them.
 * Words that a quarter or more of the library uses ("families", "young") are left out, as stop words
 * found in the data: they say little about which entries are alike (their weight in the ranking is
 * small anyway) and cost the most to look up, as every entry that has them is scored.
 */
export const MAX_DRAFT_TERMS = 25;
export const COMMON_WORD_SHARE = 0.25;
/**
 * ...and by at least this many entries: in a library of a dozen, a word three entries share ("calls",
 * "evening") is what makes them alike, not noise, and leaving it out would leave a draft nothing to
 * be looked up by. From 40 entries on, a quarter of the library is more than this, so it changes nothing.
 */
export const COMMON_WORD_MIN_ENTRIES = 10;

/**
 * A word the library does not know at all is looked up with one typo, and such a match counts nearly
 * as much as the word itself: it is most likely what was meant. A word the library knows is never
 * looked up with a typo, so "carers" does not also find "career".
 */
const TYPO_WEIGHT = 0.9;

/** A word in the title says more about what an entry is than the same word in its story. */
export const SEARCH_BOOSTS: Record<LibraryField, number> = {
  title: 3,
  problem: 1.5,
  hypothesis: 1,
  learning: 1,
};
/**
 * An idea is like another when it sets out to do the same thing: a draft has no results yet, so it is
 * compared with what entries set out to do (title, problem, hypothesis), not with what they learnt.
 */
export const SIMILAR_BOOSTS = { title: 2, problem: 1.5, hypothesis: 1 } as const;
/** A draft's title names the idea; its problem and hypothesis add words around it. */
const DRAFT_TITLE_WEIGHT = 2;

const clamp = (value: number | undefined, fallback: number, min: number, max: number): number =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, Math.trunc(value)));

const rounded = (score: number) => Math.round(score * 1e6) / 1e6;

/**
 * The first `count` of MiniSearch's results (which come sorted by score) with scores rounded and ties
 * broken by id, so the order never depends on how the index was built. Only the results that can be
 * among the first `count` are copied and sorted again: every result is counted, few are shown.
 */
const ranked = (results: SearchResult[], count: number): SearchResult[] => {
  let end = Math.min(count, results.length);
  const last = end > 0 ? rounded(results[end - 1]?.score ?? 0) : 0;
  while (end < results.length && rounded(results[end]?.score ?? 0) >= last) end += 1;
  return results
    .slice(0, end)
    .map((r) => ({ ...r, score: rounded(r.score) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, count);
};

const byField = (result: SearchResult): RankedItem['matches'] => {
  const matches: RankedItem['matches'] = {};
  for (const [term, fields] of Object.entries(result.match)) {
    for (const field of fields as LibraryField[]) matches[field] = [...(matches[field] ?? []), term];
  }
  for (const field of Object.keys(matches) as LibraryField[]) matches[field]?.sort();
  return matches;
};

const toItem = (result: SearchResult): RankedItem => ({
  id: result.id as string,
  score: result.score,
  team: result.team as string,
  status: result.status as LibraryStatus,
  createdAt: result.createdAt as string,
  matches: byField(result),
});

const filterBy =
  (team: string | undefined, status: LibraryStatus | undefined) =>
  (result: SearchResult): boolean =>
    (team === undefined || result.team === team) && (status === undefined || result.status === status);

/** The entries that match `q`, best first, filtered by team and status. An empty or stop-word-only `q` finds nothing. */
/**
 * The terms `q` is looked up by, with their weights, and those to match with a typo: the words the
 * library does not know at all (exported for the engine comparison).
 */
export const searchQuery = (
  index: LibraryIndex,
  q: unknown,
): { weights: Map<string, number>; typos: Set<string>; wordsOf: Map<string, number> } => {
  const text = typeof q === 'string' ? [...cleanText(q)].slice(0, MAX_QUERY_LENGTH).join('') : '';
  const { weights, byWord } = queryTerms(text, index.stem, { glossary: glossaryFor(index.stem) });
  const typos = new Set(
    byWord.filter((word) => !word.forms.some((form) => knows(index, form))).flatMap((word) => word.typed),
  );
  return { weights, typos, wordsOf: wordsOfTerms(byWord) };
};

export const search = (index: LibraryIndex, params: SearchParams): SearchPage => {
  const limit = clamp(params.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = clamp(params.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const { weights, typos, wordsOf } = searchQuery(index, params.q);
  if (weights.size === 0) return { items: [], total: 0 };
  const found = index.search.search([...weights.keys()].join(' '), {
    fields: [...LIBRARY_FIELDS],
    boost: SEARCH_BOOSTS,
    boostTerm: (term) => weights.get(term) ?? 1,
    fuzzy: (term) => (typos.has(term) ? typoDistance(term) : 0),
    weights: { fuzzy: TYPO_WEIGHT, prefix: 0 },
    filter: filterBy(params.team, params.status),
  });
  const results = creditWords(found, wordsOf);
  const page = ranked(results, offset + limit).slice(offset);
  return { items: page.map(toItem), total: results.length };
};

const hypothesisText = (hypothesis: Draft['hypothesis']): string[] => {
  if (!hypothesis) return [];
  if (typeof hypothesis === 'string') return [hypothesis];
  return [hypothesis.weBelieve, hypothesis.toTestIt, hypothesis.measure, hypothesis.rightIf].filter(
    (text): text is string => typeof text === 'string',
  );
};

/**
 * The terms of a draft, each with its weight: the title's count more. "Ideas like yours" compares
 * ideas, not languages: a word's translation counts as the word itself, and shares its rarity
 * (query-words.ts), so a Welsh draft finds the English entries on its idea and the other way round.
 * (Search, where a person typed words in one language, ranks entries in that language first.)
 */
const draftTerms = (draft: Draft, index: LibraryIndex): Map<string, number> => {
  const weights = new Map<string, number>();
  const parts: [unknown, number][] = [
    [draft.title, DRAFT_TITLE_WEIGHT],
    [draft.problem, 1],
    ...hypothesisText(draft.hypothesis).map((text): [string, number] => [text, 1]),
  ];
  const glossary = glossaryFor(index.stem);
  // A draft is long enough to tell its language, which halves the terms to look up.
  const language = detectLanguage(parts.flatMap(([text]) => words(text)));
  let room = MAX_DRAFT_WORDS;
  for (const [text, weight] of parts) {
    if (room <= 0) break;
    const terms = queryTerms(text, index.stem, {
      maxWords: room,
      glossary,
      language,
      asWritten: false,
      translation: TERM_WEIGHTS.typed,
    });
    room -= terms.words;
    for (const [term, termWeight] of oneRarityPerWord(index, terms.weights, terms.byWord)) {
      weights.set(term, Math.max(weights.get(term) ?? 0, weight * termWeight));
    }
  }
  return weights;
};

const tellingTerms = (weights: Map<string, number>, index: LibraryIndex): Map<string, number> => {
  const known = [...weights]
    .map(([term, weight]) => ({ term, weight, share: share(index, term) }))
    .filter((t) => t.share > 0)
    .map((t) => ({ ...t, telling: t.weight * Math.log(1 / t.share) }))
    .sort((a, b) => b.telling - a.telling || (a.term < b.term ? -1 : 1));
  const entries = index.search.documentCount;
  const uncommon = known.filter(
    (t) => t.share < COMMON_WORD_SHARE || t.share * entries < COMMON_WORD_MIN_ENTRIES,
  );
  // A draft made only of common words is looked up by them rather than not at all.
  return new Map(
    (uncommon.length > 0 ? uncommon : known).slice(0, MAX_DRAFT_TERMS).map((t) => [t.term, t.weight]),
  );
};

/** The terms a draft is looked up by, with their weights (exported for the engine comparison). */
export const draftQuery = (index: LibraryIndex, draft: Draft): Map<string, number> =>
  tellingTerms(draftTerms(draft ?? { title: '' }, index), index);

/** The entries most like a draft, most similar first; never one of `excludeIds`. */
export const similar = (index: LibraryIndex, draft: Draft, params: SimilarParams = {}): RankedItem[] => {
  const limit = clamp(params.limit, SIMILAR_LIMIT, 1, MAX_LIMIT);
  const excluded = new Set(params.excludeIds ?? []);
  const weights = draftQuery(index, draft);
  if (weights.size === 0) return [];
  const results = index.search.search([...weights.keys()].join(' '), {
    fields: Object.keys(SIMILAR_BOOSTS),
    boost: SIMILAR_BOOSTS,
    boostTerm: (term) => weights.get(term) ?? 1,
    filter: (result) => !excluded.has(result.id as string),
  });
  return ranked(results, limit).map(toItem);
};

/** Every entry, newest first, filtered by team and status: the library page before anything is typed. */
export const browse = (
  index: LibraryIndex,
  params: Omit<SearchParams, 'q'> = {},
): { items: RankedItem[]; total: number } => {
  const limit = clamp(params.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = clamp(params.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const all = index.search
    .search(MiniSearch.wildcard, { filter: filterBy(params.team, params.status) })
    .sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1,
    );
  return { items: all.slice(offset, offset + limit).map(toItem), total: all.length };
};

/**
 * Where in a field's stored text the words are that an item's `matches` for that field stand for: UTF-16
 * offsets for the page to wrap in <mark> after escaping the text.
 */
export const highlight = (
  index: LibraryIndex,
  text: string | null | undefined,
  terms: readonly string[],
): Range[] => highlightRanges(text, terms, index.stem);
