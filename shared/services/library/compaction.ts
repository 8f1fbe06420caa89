/**
 * Keeps the stored snapshot of the library's search index worth loading: run on a schedule, it writes a
 * new snapshot when enough has changed since the last one (so a cold function applies few changes on
 * top), when a change took text out of the library (so the stored snapshot never keeps words governance
 * removed for longer than one run), and once a day from every entry (so nothing a snapshot missed can
 * live on in the next). Most runs read one item and one short query and stop there.
 */

import {
  compact,
  loadIndex,
  SNAPSHOT_MADE_BY,
  SnapshotMismatchError,
  serialise,
  size,
} from '../../library/engine.ts';
import type { ExperimentStore } from '../../store/experiment-store.ts';
import type { LibrarySnapshots, SnapshotPointer } from '../../store/library-snapshots.ts';
import { allChanges, type LibraryStore, libraryChange } from '../../store/library-store.ts';
import { applyChanges, buildFromEntries, earlier, OVERLAP_MS } from './library-index.ts';

/** This many changes since the snapshot make a new one worth writing. */
export const CHANGES_FOR_SNAPSHOT = 50;
/** Any change at all makes a new snapshot once the last is this old. */
export const SNAPSHOT_MAX_AGE_MS = 60 * 60 * 1000;
/** A snapshot is built from every entry, not from the last snapshot, at least this often. */
export const FULL_BUILD_EVERY_MS = 24 * 60 * 60 * 1000;

export interface CompactionDeps {
  entries: LibraryStore;
  snapshots: LibrarySnapshots;
  experiments: ExperimentStore;
  now: () => Date;
}

export type CompactionResult =
  | { written: false; changes: number }
  | { written: true; changes: number; full: boolean; entries: number; bytes: number; storedBytes: number };

/**
 * Experiments stored before the library existed get their entries, once: the first run, before any
 * snapshot, reads the experiment log (an index query) and adds the entries missing.
 */
const backfill = async (deps: CompactionDeps): Promise<number> => {
  let added = 0;
  const at = deps.now().toISOString();
  for await (const page of deps.experiments.each(deps.experiments.patterns.log(), { newestFirst: false })) {
    for (const exp of page) {
      const change = libraryChange(undefined, exp, 0, at);
      if (change && (await deps.entries.backfill(change))) added += 1;
    }
  }
  return added;
};

const due = (pointer: SnapshotPointer, changes: { removesText: boolean }[], now: number): boolean =>
  changes.some((c) => c.removesText) ||
  changes.length >= CHANGES_FOR_SNAPSHOT ||
  (changes.length > 0 && now - Date.parse(pointer.builtAt) >= SNAPSHOT_MAX_AGE_MS);

/** The index from the stored snapshot with `changes` applied and compacted; undefined if it cannot be loaded. */
const fromSnapshot = async (deps: CompactionDeps, changes: Parameters<typeof applyChanges>[1]) => {
  const stored = await deps.snapshots.load();
  if (!stored) return undefined;
  try {
    const index = loadIndex(stored.text);
    applyChanges(index, changes);
    await compact(index);
    return index;
  } catch (error) {
    if (error instanceof SnapshotMismatchError) return undefined;
    throw error;
  }
};

export const compactLibrary = async (deps: CompactionDeps): Promise<CompactionResult> => {
  const started = deps.now();
  const asOf = started.toISOString();
  const pointer = await deps.snapshots.current();
  if (!pointer) await backfill(deps);
  const changes = pointer
    ? await allChanges(deps.entries.changedSince(earlier(pointer.asOf, OVERLAP_MS)))
    : [];
  const fullDue =
    pointer === undefined ||
    pointer.analyser !== SNAPSHOT_MADE_BY ||
    started.getTime() - Date.parse(pointer.fullBuildAt) >= FULL_BUILD_EVERY_MS;
  if (pointer && !fullDue && !due(pointer, changes, started.getTime())) {
    return { written: false, changes: changes.length };
  }

  const incremental = pointer && !fullDue ? await fromSnapshot(deps, changes) : undefined;
  const full = incremental === undefined;
  const index = incremental ?? (await buildFromEntries(deps.entries));
  const saved = await deps.snapshots.save(
    serialise(index),
    {
      asOf,
      builtAt: deps.now().toISOString(),
      fullBuildAt: full || !pointer ? asOf : pointer.fullBuildAt,
      analyser: SNAPSHOT_MADE_BY,
      entries: size(index),
    },
    pointer,
  );
  if (!saved) return { written: false, changes: changes.length };
  return {
    written: true,
    changes: changes.length,
    full,
    entries: saved.entries,
    bytes: saved.bytes,
    storedBytes: saved.storedBytes,
  };
};
