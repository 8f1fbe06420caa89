/**
 * What a library Lambda function would load: the engine's load and query functions, bundled as the
 * stack bundles functions, so the cold-start figures count the real code and its dependencies.
 * `coldLoad` and `coldQuery` are what cold-start.ts times.
 */
import { type LibraryIndex, loadIndex } from '#shared/library/engine.ts';
import { search } from '#shared/library/search.ts';

export { loadIndex } from '#shared/library/engine.ts';
export { search, similar } from '#shared/library/search.ts';

export const coldLoad = (serialised: string): LibraryIndex => loadIndex(serialised);
export const coldQuery = (index: LibraryIndex, q: string): number => search(index, { q }).items.length;
