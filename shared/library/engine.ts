/**
 * The learning library's index: MiniSearch (BM25+ ranking, fuzzy matching, JSON snapshots that load
 * without re-indexing, and documents that can be replaced in a loaded snapshot). This module decides
 * only what goes into each field; text.ts decides the terms. docs/architecture.md says why MiniSearch.
 */
import MiniSearch, { type Options } from 'minisearch';
import { REDACTED } from '../domain/redaction.ts';
import { encodeTermData, LazyTermData, type SerialisedTermData, type TermData } from './postings.ts';
import { ANALYSER_VERSION, porterStemmer } from './stemmer.ts';
import { entryLanguage, fieldTerms, type Stemmer } from './text.ts';
import { LIBRARY_FIELDS, type LibraryEntry, type LibraryField, type LibraryStatus } from './types.ts';

/** What the index keeps of an entry besides its terms: enough to filter, and to list newest first. */
export interface StoredFields {
  team: string;
  status: LibraryStatus;
  createdAt: string;
}

export type IndexedDocument = { id: string } & StoredFields & Record<LibraryField, string>;

export interface LibraryIndex {
  readonly search: MiniSearch<IndexedDocument>;
  readonly stem: Stemmer;
  readonly analyser: string;
}

export interface IndexOptions {
  /** The English stemmer; a parameter so that another package's can be compared or swapped in. */
  stem?: Stemmer;
  /** Recorded in the snapshot: a snapshot made by another analyser is refused by loadIndex. */
  analyser?: string;
}

/**
 * Version 2 keeps each term's postings as one string (postings.ts), decoded when a query first reads the
 * term; version 1 was MiniSearch's own JSON, every posting an object key built into a map at load.
 */
const SNAPSHOT_FORMAT = 'fail-forward-library/2';

/**
 * What a stored snapshot's pointer records as its `analyser`: the analyser and the format together, so
 * that compaction rebuilds at once a snapshot this code would refuse to load (after either changes).
 */
export const SNAPSHOT_MADE_BY = `${ANALYSER_VERSION} in ${SNAPSHOT_FORMAT}`;

const miniSearchOptions = (): Options<IndexedDocument> => ({
  fields: [...LIBRARY_FIELDS],
  storeFields: ['team', 'status', 'createdAt'],
  // Fields arrive as their terms joined by spaces (see toDocument), so MiniSearch only splits them.
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
  autoVacuum: false,
});

const present = (text: string | null | undefined): string | null => (text && text !== REDACTED ? text : null);

const texts = (entry: LibraryEntry): Record<LibraryField, (string | null)[]> => ({
  title: [present(entry.title)],
  problem: [present(entry.problem)],
  hypothesis: [
    entry.hypothesis.weBelieve,
    entry.hypothesis.toTestIt,
    entry.hypothesis.measure,
    entry.hypothesis.rightIf,
  ].map(present),
  learning: [
    ...entry.cycles.flatMap((cycle) => [present(cycle.observed), present(cycle.learned)]),
    present(entry.declineReason),
  ],
});

/** An entry as the index holds it: each field as its terms joined by spaces (exported for the engine comparison). */
export const toDocument = (entry: LibraryEntry, stem: Stemmer): IndexedDocument => {
  const byField = texts(entry);
  const language = entryLanguage(Object.values(byField).flat());
  const field = (name: LibraryField) =>
    byField[name].flatMap((text) => fieldTerms(text, language, stem)).join(' ');
  return {
    id: entry.id,
    team: entry.team,
    status: entry.status,
    createdAt: entry.createdAt,
    title: field('title'),
    problem: field('problem'),
    hypothesis: field('hypothesis'),
    learning: field('learning'),
  };
};

const create = (options: IndexOptions) => ({
  stem: options.stem ?? porterStemmer,
  analyser: options.analyser ?? ANALYSER_VERSION,
});

/** A new index of `entries`; an id given twice keeps the last. */
export const buildIndex = (entries: Iterable<LibraryEntry>, options: IndexOptions = {}): LibraryIndex => {
  const { stem, analyser } = create(options);
  const latest = new Map<string, LibraryEntry>();
  for (const entry of entries) latest.set(entry.id, entry);
  const search = new MiniSearch<IndexedDocument>(miniSearchOptions());
  search.addAll([...latest.values()].map((entry) => toDocument(entry, stem)));
  return { search, stem, analyser };
};

/**
 * The index as one JSON string, to store and load later without re-indexing. An index with replaced or
 * removed entries not yet compacted is refused: their terms would still be in the snapshot, and a
 * snapshot must never keep words that governance removed or that an entry no longer says.
 */
export const serialise = (index: LibraryIndex): string => {
  if (index.search.dirtCount > 0) {
    throw new Error('Compact the library index (await compact(index)) before serialising it');
  }
  const { index: termIndex, ...rest } = index.search.toJSON();
  const terms: string[] = [];
  const postings: string[] = [];
  for (const [term, data] of termIndex as [string, SerialisedTermData][]) {
    terms.push(term);
    postings.push(encodeTermData(data));
  }
  const snapshot: Snapshot = { ...rest, terms, postings };
  return JSON.stringify({ format: SNAPSHOT_FORMAT, analyser: index.analyser, index: snapshot });
};

type SerialisedSearch = ReturnType<MiniSearch['toJSON']>;
/** MiniSearch's serialised index with the postings moved out of `index` into `terms` and `postings`. */
type Snapshot = Omit<SerialisedSearch, 'index'> & { terms: string[]; postings: string[] };

export class SnapshotMismatchError extends Error {
  override name = 'SnapshotMismatchError';
}

/** An index from `serialise`'s output. Throws SnapshotMismatchError for a snapshot of another format or analyser. */
export const loadIndex = (serialised: string, options: IndexOptions = {}): LibraryIndex => {
  const { stem, analyser } = create(options);
  const snapshot = JSON.parse(serialised) as { format?: unknown; analyser?: unknown; index?: unknown };
  if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.analyser !== analyser || !snapshot.index) {
    throw new SnapshotMismatchError(
      `The library snapshot is ${String(snapshot.format)} by ${String(snapshot.analyser)}; this code reads ${SNAPSHOT_FORMAT} by ${analyser}`,
    );
  }
  const { terms, postings, ...rest } = snapshot.index as Snapshot;
  const search = MiniSearch.loadJS<IndexedDocument>({ ...rest, index: [] }, miniSearchOptions());
  const tree = vocabulary({ search });
  if (!tree || terms.length !== postings.length) {
    throw new Error('The library snapshot cannot be loaded into this version of MiniSearch');
  }
  for (let i = 0; i < terms.length; i += 1) {
    tree.set(terms[i] as string, new LazyTermData(postings[i] as string));
  }
  return { search, stem, analyser };
};

type Vocabulary = {
  get(term: string): TermData | undefined;
  set(term: string, data: TermData): unknown;
};

/**
 * MiniSearch keeps its terms in a private radix tree with no public lookup. Without it (another
 * MiniSearch version) every term counts as known and none as common, which only turns typo matching
 * and common-word pruning off, and test/library/engine.test.ts fails; a snapshot cannot be loaded
 * without it, and loadIndex says so.
 */
const vocabulary = (index: Pick<LibraryIndex, 'search'>): Vocabulary | undefined => {
  const tree = (index.search as unknown as { _index?: Vocabulary })._index;
  return typeof tree?.get === 'function' && typeof tree.set === 'function' ? tree : undefined;
};

/** Whether any entry is indexed by `term`. */
export const knows = (index: LibraryIndex, term: string): boolean => {
  const tree = vocabulary(index);
  return tree ? tree.get(term) !== undefined : true;
};

/**
 * The share of entries with `term` in their most common field for it (an estimate from below, with
 * replaced entries counted until compact): 0 for an unknown term.
 */
export const share = (index: LibraryIndex, term: string): number => {
  const fields = vocabulary(index)?.get(term);
  if (!fields || index.search.documentCount === 0) return 0;
  let most = 0;
  for (const docs of fields.values()) most = Math.max(most, docs.size);
  return Math.min(1, most / index.search.documentCount);
};

export const size = (index: LibraryIndex): number => index.search.documentCount;

export const has = (index: LibraryIndex, id: string): boolean => index.search.has(id);

/** Adds or replaces `entry` (an entry that changed, or is new to the library). */
export const replace = (index: LibraryIndex, entry: LibraryEntry): void => {
  if (index.search.has(entry.id)) index.search.discard(entry.id);
  index.search.add(toDocument(entry, index.stem));
};

/** The same as replace: adding an entry the index already holds replaces it rather than failing. */
export const add = replace;

/** Removes the entry with this id, if the index holds it (an entry the library must no longer show). */
export const remove = (index: LibraryIndex, id: string): void => {
  if (index.search.has(id)) index.search.discard(id);
};

/**
 * Drops what replaced and removed entries left in the index: they are already skipped by searches
 * (answers are the same before and after), but they hold memory and would be written into a snapshot.
 * It walks the whole index, so run it once after a batch of changes, before serialising.
 */
export const compact = async (index: LibraryIndex): Promise<void> => {
  if (index.search.dirtCount > 0) await index.search.vacuum({ batchSize: Number.MAX_SAFE_INTEGER });
};
