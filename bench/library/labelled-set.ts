/** The labelled set: entries, drafts and queries. For the bench only (see set-types.ts). */
import type { LibraryEntry } from '#shared/library/types.ts';
import { ENTRIES_A } from './set-entries-a.ts';
import { ENTRIES_B } from './set-entries-b.ts';
import { ENTRIES_C } from './set-entries-c.ts';
import { ENTRIES_D } from './set-entries-d.ts';
import { ENTRIES_WELSH } from './set-entries-welsh.ts';

export { DRAFTS } from './set-labels.ts';
export { QUERIES } from './set-queries.ts';
export const ENTRIES: LibraryEntry[] = [
  ...ENTRIES_A,
  ...ENTRIES_B,
  ...ENTRIES_C,
  ...ENTRIES_D,
  ...ENTRIES_WELSH,
];
