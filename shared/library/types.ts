/**
 * The search engine's own types. The entry it indexes is the learning library's entry as the domain
 * defines it (`shared/domain/library-entry.ts`: the spec's fields only, no person's name or id), so
 * the engine, the store and the routes all hold one shape.
 */
import type { LibraryStatus } from '../domain/library-entry.ts';
import type { StoredHypothesis } from '../domain/stored-experiment.ts';

export {
  LIBRARY_STATUSES,
  type LibraryCycle,
  type LibraryEntry,
  type LibraryStatus,
} from '../domain/library-entry.ts';

/** The searchable fields of the index. `learning` holds every cycle's observed and learned text and the decline reason. */
export const LIBRARY_FIELDS = ['title', 'problem', 'hypothesis', 'learning'] as const;
export type LibraryField = (typeof LIBRARY_FIELDS)[number];

export interface SearchParams {
  q: string;
  team?: string;
  status?: LibraryStatus;
  limit?: number;
  offset?: number;
}

/** A draft idea, as on the check-your-answers page: the hypothesis as the test card's parts or one text. */
export interface Draft {
  title: string;
  problem?: string | null;
  hypothesis?: Partial<StoredHypothesis> | string | null;
}

export interface SimilarParams {
  excludeIds?: readonly string[];
  limit?: number;
}

/**
 * One ranked entry. `matches` gives, per field, the index terms that matched: pass them with the field's
 * text to `highlightRanges` to find the words to mark.
 */
export interface RankedItem {
  id: string;
  score: number;
  team: string;
  status: LibraryStatus;
  createdAt: string;
  matches: Partial<Record<LibraryField, string[]>>;
}

export interface SearchPage {
  items: RankedItem[];
  /** How many entries matched before paging, so the route can say whether there is a next page. */
  total: number;
}
