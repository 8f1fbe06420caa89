/**
 * The learning library for everyone signed in: search it (ranked, with the matched words for the page to
 * highlight), find the ideas most like a draft, read one entry; and for leaders, the whole library as
 * open data. Searches run on the warm index (library-index.ts); what they show is read from the entries
 * themselves, so an answer never holds text the entry no longer has, even in the second before the
 * index applies a change.
 */
import { entryTexts, type LibraryEntry } from '../../domain/library-entry.ts';
import type { DraftRequest, LibraryQuery } from '../../domain/library-schemas.ts';
import { type OpenLearning, type Publisher, toOpenLearning } from '../../domain/open-learning.ts';
import { REDACTED } from '../../domain/redaction.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { LibraryIndex } from '../../library/engine.ts';
import { browse, highlight, SIMILAR_LIMIT, search, similar } from '../../library/search.ts';
import { entryLanguage } from '../../library/text.ts';
import type { LibraryField, RankedItem } from '../../library/types.ts';
import type { ExperimentStore } from '../../store/experiment-store.ts';
import type { LibrarySnapshots } from '../../store/library-snapshots.ts';
import type { LibraryStore } from '../../store/library-store.ts';
import type { AuditRecorder } from '../audit-service.ts';
import type { CursorBinding, PageCursors } from '../cursors.ts';
import { requirePermission } from '../rights.ts';
import type { User } from '../user.ts';
import { compactLibrary } from './compaction.ts';
import { latestChanges, libraryIndex } from './library-index.ts';
import { type Highlights, type LibraryItem, type LibraryPage, NOT_IN_LIBRARY } from './library-items.ts';

export interface LibraryDeps {
  entries: LibraryStore;
  snapshots: LibrarySnapshots;
  experiments: ExperimentStore;
  cursors: PageCursors;
  publisher: Publisher;
  /** Each open-data export is in the audit trail, as the CSV export is. */
  audit: AuditRecorder;
  now: () => Date;
}

/** "Ideas like yours" asks the index for a few more than it shows, in case one left the library a moment ago. */
const SPARE = 3;

const notInLibrary = () => new NotFoundError(NOT_IN_LIBRARY);

const badCursor = () =>
  new ValidationError('The cursor is not valid. Use the `next` value from the previous page.', [
    { path: 'cursor', message: 'Use the `next` value from the previous page' },
  ]);

/** Which field of the index a text of the entry is searched in. */
const fieldOf = (path: string): LibraryField => {
  if (path === 'title' || path === 'problem') return path;
  return path.startsWith('hypothesis.') ? 'hypothesis' : 'learning';
};

const highlightsOf = (
  index: LibraryIndex,
  entry: LibraryEntry,
  matches: RankedItem['matches'],
): Highlights => {
  const found: Highlights = {};
  for (const [path, text] of entryTexts(entry)) {
    // The marker is not the team's words: it was never indexed, so nothing in it matched.
    if (text === REDACTED) continue;
    const ranges = highlight(index, text, matches[fieldOf(path)] ?? []);
    if (ranges.length > 0) found[path] = ranges;
  }
  return found;
};

const languageOf = (entry: LibraryEntry) =>
  entryLanguage([...entryTexts(entry).values()].filter((text) => text !== REDACTED));

export const libraryService = (deps: LibraryDeps) => {
  const held = libraryIndex({ entries: deps.entries, snapshots: deps.snapshots });
  /** The ranked or listed items with their entries as stored now; one gone from the library meanwhile is left out. */
  const withEntries = async (
    index: LibraryIndex,
    ranked: readonly RankedItem[],
    opts: { score: boolean; highlights: boolean },
  ): Promise<LibraryItem[]> => {
    const entries = await deps.entries.getMany(ranked.map((item) => item.id));
    return ranked.flatMap((item) => {
      const entry = entries.get(item.id);
      if (!entry) return [];
      return [
        {
          entry,
          ...(opts.score ? { score: item.score } : {}),
          ...(opts.highlights ? { highlights: highlightsOf(index, entry, item.matches) } : {}),
        },
      ];
    });
  };

  const offsetOf = async (cursor: string | undefined, binding: CursorBinding): Promise<number> => {
    const key = await deps.cursors.decode(cursor, binding);
    if (key === undefined) return 0;
    const offset = key.offset;
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) throw badCursor();
    return offset;
  };

  return {
    /**
     * A page of the library: ranked by relevance with `score` when there are words to search for, newest
     * first otherwise. A page's cursor is its offset, signed and bound to the person and the search.
     */
    async search(user: User, query: LibraryQuery, opts: { highlights?: boolean } = {}): Promise<LibraryPage> {
      const { q, team, status, limit } = query;
      const binding: CursorBinding = { user: user.id, list: 'library', q, team, status };
      const offset = await offsetOf(query.cursor, binding);
      const index = await held.current();
      const found = q
        ? search(index, { q, team, status, limit, offset })
        : browse(index, { team, status, limit, offset });
      const items = await withEntries(index, found.items, {
        score: q !== undefined,
        highlights: q !== undefined && opts.highlights === true,
      });
      const end = offset + found.items.length;
      const next = end < found.total ? await deps.cursors.encode({ offset: end }, binding) : null;
      return { items, next, total: found.total };
    },

    /**
     * The five entries most like a draft, most similar first. Never an experiment of the person asking:
     * "ideas like yours" is about what others tried, and their own earlier ideas (or this very one, once
     * it is being tested) are not news to them.
     */
    async similar(
      user: User,
      draft: DraftRequest,
      opts: { highlights?: boolean } = {},
    ): Promise<LibraryItem[]> {
      const [index, own] = await Promise.all([held.current(), deps.experiments.ownedIds(user.id)]);
      const ranked = similar(
        index,
        { title: draft.title, problem: draft.problem ?? null, hypothesis: draft.hypothesis ?? null },
        { excludeIds: own, limit: SIMILAR_LIMIT + SPARE },
      );
      const items = await withEntries(index, ranked, { score: true, highlights: opts.highlights === true });
      return items.slice(0, SIMILAR_LIMIT);
    },

    /** One entry; 404 for an id not in the library, whether or not such an experiment exists. */
    async get(_user: User, id: string): Promise<LibraryEntry> {
      const entry = await deps.entries.get(id);
      if (!entry) throw notInLibrary();
      return entry;
    },

    /** The whole library as open data (docs/open-learning.schema.json), for leaders. */
    async openData(user: User): Promise<OpenLearning> {
      requirePermission(user, 'exportLibrary');
      const sources = (await latestChanges(deps.entries)).flatMap((change) =>
        change.entry
          ? [{ entry: change.entry, modifiedAt: change.changedAt, language: languageOf(change.entry) }]
          : [],
      );
      const data = toOpenLearning(sources, deps.publisher, deps.now().toISOString());
      await deps.audit.record({ actor: user.id, action: 'libraryExport', target: null, outcome: 'done' });
      return data;
    },

    /** The scheduled task: a new snapshot of the index when one is due (see compaction.ts). */
    compact: () =>
      compactLibrary({
        entries: deps.entries,
        snapshots: deps.snapshots,
        experiments: deps.experiments,
        // Compared with the entries' changedAt, which the real clock stamps.
        now: () => new Date(),
      }),
  };
};

export type LibraryService = ReturnType<typeof libraryService>;
