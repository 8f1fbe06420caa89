/**
 * Orama 3 behind the same interface as the library's engine, for the comparison only. Two set-ups:
 * - `analysed`: the library's own terms (text.ts) fed to Orama through a tokenizer that splits on
 *   spaces, the same fields, boosts and query terms: it compares the engines and nothing else;
 * - `own`: Orama out of the box with its English tokenizer and stemmer on the raw text, as a team
 *   would first try it: it shows what Orama itself does with stems, typos and Welsh.
 */
import { type AnyOrama, create, insertMultiple, load, save, search } from '@orama/orama';
import { buildIndex, type LibraryIndex, toDocument } from '#shared/library/engine.ts';
import { draftQuery, SEARCH_BOOSTS, SIMILAR_BOOSTS, searchQuery } from '#shared/library/search.ts';
import type { Draft, LibraryEntry } from '#shared/library/types.ts';

export type OramaSetUp = 'analysed' | 'own';

const SCHEMA = {
  title: 'string',
  problem: 'string',
  hypothesis: 'string',
  learning: 'string',
  team: 'enum',
  status: 'enum',
} as const;

const spaceTokenizer = () => ({
  language: 'english',
  normalizationCache: new Map<string, string>(),
  tokenize: (raw: string) => raw.split(' ').filter(Boolean),
});

const newDb = (setUp: OramaSetUp): AnyOrama =>
  setUp === 'analysed'
    ? create({ schema: SCHEMA, components: { tokenizer: spaceTokenizer() } })
    : create({ schema: SCHEMA, components: { tokenizer: { language: 'english', stemming: true } } });

const rawDocument = (entry: LibraryEntry) => ({
  id: entry.id,
  team: entry.team,
  status: entry.status,
  title: entry.title,
  problem: entry.problem ?? '',
  hypothesis: Object.values(entry.hypothesis ?? {}).join(' '),
  learning: [...entry.cycles.flatMap((c) => [c.observed, c.learned]), entry.declineReason].join(' '),
});

export interface OramaEngine {
  db: AnyOrama;
  /** The library's engine on the same entries: where the analysed set-up takes its query terms from. */
  terms: LibraryIndex;
}

export const buildOrama = async (entries: LibraryEntry[], setUp: OramaSetUp): Promise<OramaEngine> => {
  const terms = buildIndex(entries);
  const db = newDb(setUp);
  const docs = entries.map((e) => (setUp === 'analysed' ? toDocument(e, terms.stem) : rawDocument(e)));
  await insertMultiple(db, docs, 1000);
  return { db, terms };
};

export const serialiseOrama = (engine: OramaEngine): string => JSON.stringify(save(engine.db));

export const loadOrama = (serialised: string, setUp: OramaSetUp): AnyOrama => {
  const db = newDb(setUp);
  load(db, JSON.parse(serialised));
  return db;
};

type Hits = { hits: { id: string }[] };

/** Search: the library's query terms (Orama has no per-term weight), with one typo when a word is unknown. */
export const oramaSearch = async (
  db: AnyOrama,
  terms: LibraryIndex | undefined,
  q: string,
  limit = 5,
): Promise<string[]> => {
  const query = terms ? searchQuery(terms, q) : undefined;
  const term = query ? [...query.weights.keys()].join(' ') : q;
  if (!term) return [];
  const result = (await search(db, {
    term,
    properties: ['title', 'problem', 'hypothesis', 'learning'],
    boost: SEARCH_BOOSTS,
    tolerance: query ? (query.typos.size > 0 ? 1 : 0) : 1,
    threshold: 1,
    limit,
  })) as Hits;
  return result.hits.map((hit) => hit.id);
};

/** Similar: the draft's telling terms as the library's engine chooses them, over the same three fields. */
export const oramaSimilar = async (
  db: AnyOrama,
  terms: LibraryIndex | undefined,
  draft: Draft,
  excludeIds: readonly string[] = [],
  limit = 5,
): Promise<string[]> => {
  const hypothesis =
    typeof draft.hypothesis === 'string' ? draft.hypothesis : Object.values(draft.hypothesis ?? {}).join(' ');
  const term = terms
    ? [...draftQuery(terms, draft).keys()].join(' ')
    : [draft.title, draft.problem, hypothesis].join(' ');
  if (!term.trim()) return [];
  const result = (await search(db, {
    term,
    properties: ['title', 'problem', 'hypothesis'],
    boost: SIMILAR_BOOSTS,
    threshold: 1,
    limit: limit + excludeIds.length,
  })) as Hits;
  return result.hits
    .map((hit) => hit.id)
    .filter((id) => !excludeIds.includes(id))
    .slice(0, limit);
};
