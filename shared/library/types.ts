/**
 * The learning library's entry, exactly the fields the product spec lets the library show (no names,
 * no ids of people). Another branch defines the projection from an experiment
 * (`shared/domain/library-entry.ts`); this minimal type is what the search engine needs, and the two are
 * to be unified. Anonymised experiments keep only some free text and redacted text is replaced, so
 * every free-text field may be null.
 */

export const LIBRARY_STATUSES = ['testing', 'adopted', 'abandoned', 'declined'] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];

export interface LibraryHypothesis {
  weBelieve: string | null;
  toTestIt: string | null;
  measure: string | null;
  rightIf: string | null;
}

export interface LibraryCycle {
  result: 'worked' | 'didNotWork' | 'unclear';
  observed: string | null;
  learned: string | null;
  next: 'adapt' | 'adopt' | 'abandon';
  at: string;
}

export interface LibraryEntry {
  id: string;
  title: string;
  team: string;
  status: LibraryStatus;
  problem: string | null;
  hypothesis: LibraryHypothesis | null;
  cycles: LibraryCycle[];
  /** Only for a declined entry: the manager's reason, which is part of what was learnt. */
  declineReason?: string | null;
  createdAt: string;
  closedAt?: string | null;
}

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
  hypothesis?: Partial<LibraryHypothesis> | string | null;
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
