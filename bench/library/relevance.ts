/**
 * Relevance of the library's engine on the labelled set: precision at 3 and nDCG at 5 for `similar`
 * over the drafts (each draft excluded from nothing: drafts are not entries) and for `search` over the
 * queries.
 */
import { buildIndex } from '#shared/library/engine.ts';
import { search, similar } from '#shared/library/search.ts';
import type { Draft, LibraryEntry } from '#shared/library/types.ts';
import { DRAFTS, ENTRIES, QUERIES } from './labelled-set.ts';
import { mean, ndcgAt, precisionAt, precisionCeilingAt } from './metrics.ts';
import type { Grade } from './set-types.ts';

export interface CaseResult {
  id: string;
  kind?: string;
  ranked: string[];
  precisionAt3: number;
  ndcgAt5: number;
}

export interface RelevanceFigures {
  entries: number;
  similar: { cases: CaseResult[]; precisionAt3: number; ndcgAt5: number };
  search: { cases: CaseResult[]; precisionAt3: number; precisionCeilingAt3: number; ndcgAt5: number };
}

/** The functions measured: the engine's own, or another engine's in compare-engines.ts. */
export interface Ranker {
  similar(draft: Draft): string[] | Promise<string[]>;
  search(q: string): string[] | Promise<string[]>;
}

export const engineRanker = (entries: LibraryEntry[]): Ranker => {
  const index = buildIndex(entries);
  return {
    similar: (draft) => similar(index, draft, { limit: 5 }).map((item) => item.id),
    search: (q) => search(index, { q, limit: 5 }).items.map((item) => item.id),
  };
};

const score = (id: string, ranked: string[], relevant: Record<string, Grade>, kind?: string): CaseResult => ({
  id,
  ...(kind ? { kind } : {}),
  ranked,
  precisionAt3: precisionAt(3, ranked, relevant),
  ndcgAt5: ndcgAt(5, ranked, relevant),
});

export const measureRelevance = async (ranker: Ranker = engineRanker(ENTRIES)): Promise<RelevanceFigures> => {
  const known = new Set(ENTRIES.map((e) => e.id));
  for (const c of [...DRAFTS, ...QUERIES])
    for (const id of Object.keys(c.relevant))
      if (!known.has(id)) throw new Error(`Label ${c.id} names ${id}, which is not in the set`);
  const similarCases: CaseResult[] = [];
  for (const d of DRAFTS) {
    const draft = { title: d.title, problem: d.problem, hypothesis: d.hypothesis };
    similarCases.push(score(d.id, await ranker.similar(draft), d.relevant));
  }
  const searchCases: CaseResult[] = [];
  for (const q of QUERIES) searchCases.push(score(q.id, await ranker.search(q.q), q.relevant, q.kind));
  return {
    entries: ENTRIES.length,
    similar: {
      cases: similarCases,
      precisionAt3: mean(similarCases.map((c) => c.precisionAt3)),
      ndcgAt5: mean(similarCases.map((c) => c.ndcgAt5)),
    },
    search: {
      cases: searchCases,
      precisionAt3: mean(searchCases.map((c) => c.precisionAt3)),
      precisionCeilingAt3: mean(QUERIES.map((q) => precisionCeilingAt(3, q.relevant))),
      ndcgAt5: mean(searchCases.map((c) => c.ndcgAt5)),
    },
  };
};
