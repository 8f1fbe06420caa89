/**
 * What the library's routes and pages get back, and the API's shape of an item: light on purpose, so a
 * handler can import it without loading the search engine (which the library service loads on first use).
 */
import type { LibraryEntry } from '../../domain/library-entry.ts';
import type { Range } from '../../library/text.ts';

/** Where the matched words are in an entry's text, by the text's path (`title`, `cycles.2.learned`, ...). */
export type Highlights = Record<string, Range[]>;

export interface LibraryItem {
  entry: LibraryEntry;
  /** The relevance, when the results are ranked (a search with words, "ideas like yours"). */
  score?: number;
  highlights?: Highlights;
}

export interface LibraryPage {
  items: LibraryItem[];
  next: string | null;
  /** How many entries match in all, for the page to say so. */
  total: number;
}

/** An item as the JSON API gives it: the entry's own fields, and `score` when ranked. */
export const apiItem = (item: LibraryItem): LibraryEntry & { score?: number } => ({
  ...item.entry,
  ...(item.score === undefined ? {} : { score: item.score }),
});

export const NOT_IN_LIBRARY = 'There is no entry in the learning library with that id.';
