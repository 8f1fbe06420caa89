/**
 * The library's search index as a warm function holds it: loaded once from the stored snapshot (or, when
 * there is none yet, built from the entries), then kept up to date on each query by applying the entries
 * that changed since, at most once every `checkEveryMs`. docs/architecture.md explains the design.
 *
 * What changed is read from the change index with `changedAt` after the last check, less `overlapMs`:
 * `changedAt` is stamped before the write commits and an index is eventually consistent, so a change can
 * appear a little after a later check began. Reading the overlap again costs a few items; each change
 * carries the experiment's version, so one seen before is not applied twice, nor an older over a newer.
 */
import {
  buildIndex,
  compact,
  type LibraryIndex,
  loadIndex,
  remove,
  replace,
  SnapshotMismatchError,
} from '../../library/engine.ts';
import type { LibrarySnapshots } from '../../store/library-snapshots.ts';
import type { LibraryChange, LibraryStore } from '../../store/library-store.ts';

/** How far back each check reads again: well beyond a transaction's time to commit and an index's lag. */
export const OVERLAP_MS = 30_000;
/** At most two checks for changes a second: what keeps a change searchable well within 2 seconds. */
export const CHECK_EVERY_MS = 500;
/** Replaced entries leave terms behind until compacted; past this many the index is compacted in place. */
const DIRT_LIMIT = 500;

export const earlier = (iso: string, ms: number): string =>
  iso === '' ? '' : new Date(Date.parse(iso) - ms).toISOString();

/** Applies changes to an index; `seen` (id → version) skips a change already applied or older than one. */
export const applyChanges = (
  index: LibraryIndex,
  changes: Iterable<LibraryChange>,
  seen: Map<string, { version: number; changedAt: string }> = new Map(),
): number => {
  let applied = 0;
  for (const change of changes) {
    const before = seen.get(change.id);
    if (before && before.version >= change.version) continue;
    if (change.entry) replace(index, change.entry);
    else remove(index, change.id);
    seen.set(change.id, { version: change.version, changedAt: change.changedAt });
    applied += 1;
  }
  return applied;
};

/**
 * Every experiment's place in the library now: its latest change (an entry, or a tombstone). An item can
 * come twice in one read of the change index if it changed while the read went on; the later version wins.
 */
export const latestChanges = async (entries: LibraryStore): Promise<LibraryChange[]> => {
  const latest = new Map<string, LibraryChange>();
  for await (const page of entries.changedSince('')) {
    for (const change of page) {
      const known = latest.get(change.id);
      if (!known || known.version < change.version) latest.set(change.id, change);
    }
  }
  return [...latest.values()];
};

/** An index of every entry in the library now, from the entries themselves (no snapshot). */
export const buildFromEntries = async (entries: LibraryStore): Promise<LibraryIndex> =>
  buildIndex((await latestChanges(entries)).flatMap((change) => (change.entry ? [change.entry] : [])));

export interface LibraryIndexDeps {
  entries: LibraryStore;
  snapshots: LibrarySnapshots;
  /** Milliseconds since the epoch: the real clock, as `changedAt` is stamped with it. */
  clock?: () => number;
  checkEveryMs?: number;
  overlapMs?: number;
}

interface Held {
  index: LibraryIndex;
  /** Changes after this moment (less the overlap) are read by the next check. */
  from: string;
  checkedAt: number;
  seen: Map<string, { version: number; changedAt: string }>;
}

export const libraryIndex = (deps: LibraryIndexDeps) => {
  const clock = deps.clock ?? Date.now;
  const checkEveryMs = deps.checkEveryMs ?? CHECK_EVERY_MS;
  const overlapMs = deps.overlapMs ?? OVERLAP_MS;
  let held: Promise<Held> | undefined;
  let checking: Promise<void> | undefined;

  const check = async (state: Held): Promise<void> => {
    const started = new Date(clock()).toISOString();
    const since = earlier(state.from, overlapMs);
    for await (const page of deps.entries.changedSince(since)) applyChanges(state.index, page, state.seen);
    state.from = started;
    state.checkedAt = clock();
    // What was seen before the overlap can never be read again, so it need not be remembered.
    for (const [id, { changedAt }] of state.seen) if (changedAt <= since) state.seen.delete(id);
    if (state.index.search.dirtCount > DIRT_LIMIT) await compact(state.index);
  };

  const load = async (): Promise<Held> => {
    const started = new Date(clock()).toISOString();
    const stored = await deps.snapshots.load();
    let state: Held | undefined;
    if (stored) {
      try {
        state = { index: loadIndex(stored.text), from: stored.pointer.asOf, checkedAt: 0, seen: new Map() };
      } catch (error) {
        // A snapshot by another analyser (a deploy changed it): built afresh until one by this is stored.
        if (!(error instanceof SnapshotMismatchError)) throw error;
      }
    }
    state ??= { index: await buildFromEntries(deps.entries), from: started, checkedAt: 0, seen: new Map() };
    await check(state);
    return state;
  };

  return {
    /** The index, with every change up to at most `checkEveryMs` ago applied. */
    async current(): Promise<LibraryIndex> {
      held ??= load().catch((error: unknown) => {
        held = undefined;
        throw error;
      });
      const state = await held;
      if (clock() - state.checkedAt >= checkEveryMs) {
        checking ??= check(state)
          .catch((error: unknown) => {
            // The index answers as of its last check rather than not at all; the next query checks again.
            console.error('The library could not read its changes', error);
          })
          .finally(() => {
            checking = undefined;
          });
        await checking;
      }
      return state.index;
    },
  };
};

export type LibraryIndexHolder = ReturnType<typeof libraryIndex>;
