import { describe, expect, it } from 'vitest';
import type { LibraryIndex } from '#shared/library/engine.ts';
import {
  buildIndex,
  compact,
  has,
  knows,
  loadIndex,
  remove,
  replace,
  SnapshotMismatchError,
  serialise,
  share,
  size,
} from '#shared/library/engine.ts';
import { search, similar } from '#shared/library/search.ts';
import { ENTRIES, entry } from './fixtures.ts';

const QUERIES = [
  'calls',
  'parents',
  'young people',
  'reparaton',
  'gofalwyr',
  'teenagers evening',
  'ysgol',
  'text',
];
const DRAFTS = [
  { title: 'Evening calls to working families' },
  { title: 'Garden project for young people', problem: 'Litter picking is a punishment' },
  { title: 'Clwb i ofalwyr ifanc', hypothesis: 'bydd clwb yn helpu' },
];

/** Everything a caller can see of an index: every query's and every draft's ranked results. */
const answers = (index: LibraryIndex) => ({
  search: QUERIES.map((q) => search(index, { q, limit: 100 })),
  similar: DRAFTS.map((d) => similar(index, d)),
});

describe('library index snapshots', () => {
  it('loads a snapshot that answers exactly as the index it was made from', () => {
    // Arrange
    const built = buildIndex(ENTRIES);

    // Act
    const loaded = loadIndex(serialise(built));

    // Assess
    expect(size(loaded)).toBe(ENTRIES.length);
    expect(answers(loaded)).toEqual(answers(built));
    expect(answers(built).search[0]?.items.length).toBeGreaterThan(0);
  });

  it('refuses a snapshot of another format or made by another analyser', () => {
    const snapshot = serialise(buildIndex(ENTRIES));
    expect(() => loadIndex(snapshot, { analyser: 'another/1' })).toThrow(SnapshotMismatchError);
    expect(() => loadIndex(JSON.stringify({ format: 'other', index: {} }))).toThrow(SnapshotMismatchError);
  });

  it('holds in a loaded snapshot every term and posting of the index it was made from', () => {
    const built = buildIndex(ENTRIES);
    const loaded = loadIndex(serialise(built));
    // The terms' order is the radix tree's, which depends on the order they were added in.
    const byTerm = (index: LibraryIndex) => {
      const { index: terms, ...rest } = index.search.toJSON();
      return { ...rest, terms: Object.fromEntries(terms) };
    };
    expect(byTerm(loaded)).toEqual(byTerm(built));
    expect(Object.keys(byTerm(built).terms)).toContain('garden');
  });

  it('keeps the postings as one string per term, not as an object per posting', () => {
    // MiniSearch's own JSON makes every posting an object key that a cold load builds into a map.
    const built = buildIndex(ENTRIES);
    const snapshot = serialise(built);
    expect(snapshot.length).toBeLessThan(JSON.stringify(built.search).length);
    const { index } = JSON.parse(snapshot) as { index: Record<string, unknown> };
    expect(index).not.toHaveProperty('index');
    expect(index.postings).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it('refuses a snapshot in the first format (MiniSearch JSON), so that it is rebuilt', () => {
    const built = buildIndex(ENTRIES);
    const first = JSON.stringify({
      format: 'fail-forward-library/1',
      analyser: built.analyser,
      index: built.search,
    });
    expect(() => loadIndex(first)).toThrow(SnapshotMismatchError);
  });

  it('keeps the newest of two entries with one id', () => {
    const index = buildIndex([
      entry({ id: 'x', title: 'Old garden' }),
      entry({ id: 'x', title: 'New kitchen' }),
    ]);
    expect(size(index)).toBe(1);
    expect(search(index, { q: 'kitchen' }).items.map((i) => i.id)).toEqual(['x']);
    expect(search(index, { q: 'garden' }).items).toEqual([]);
  });
});

describe('library index changes applied on a loaded snapshot', () => {
  const changed = entry({
    id: 'calling',
    title: 'Morning calls to parents of absent pupils',
    problem: 'Pupils miss the first lesson.',
    status: 'abandoned',
    team: 'education-welfare',
  });
  const added = entry({ id: 'new', title: 'Walking bus to school', team: 'education-welfare' });

  it('answers as a rebuild of the changed library does, before and after compacting', async () => {
    // Arrange
    const loaded = loadIndex(serialise(buildIndex(ENTRIES)));

    // Act
    replace(loaded, changed);
    replace(loaded, added);
    remove(loaded, 'reparation');
    remove(loaded, 'not-in-the-library');
    await compact(loaded);

    // Assess
    const expected = ENTRIES.filter((e) => e.id !== 'reparation').map((e) =>
      e.id === 'calling' ? changed : e,
    );
    const rebuilt = buildIndex([...expected, added]);
    expect(answers(loaded)).toEqual(answers(rebuilt));
    expect(has(loaded, 'reparation')).toBe(false);
    expect(size(loaded)).toBe(size(rebuilt));
  });

  it('never finds the old text of a replaced entry, even before compacting', () => {
    const loaded = loadIndex(serialise(buildIndex(ENTRIES)));
    replace(loaded, changed);
    remove(loaded, 'reparation');
    expect(search(loaded, { q: 'evening families' }).items.map((i) => i.id)).not.toContain('calling');
    expect(search(loaded, { q: 'reparation garden' }).items).toEqual([]);
    expect(search(loaded, { q: 'absent pupils' }).items[0]?.id).toBe('calling');
  });

  it('saves a changed index only once compacted, as a snapshot without the old words that answers the same', async () => {
    // Arrange
    const loaded = loadIndex(serialise(buildIndex(ENTRIES)));
    replace(loaded, changed);
    remove(loaded, 'reparation');

    // Act
    const tooSoon = () => serialise(loaded);
    const compactedFirst = async () => {
      await compact(loaded);
      return serialise(loaded);
    };

    // Assess
    expect(tooSoon).toThrow(/compact/i);
    const snapshot = await compactedFirst();
    expect(snapshot).not.toMatch(/"reparation"|"garden"|"litter"|"working"/);
    expect(answers(loadIndex(snapshot))).toEqual(answers(loaded));
  });

  it('looks words up in the index vocabulary (which typo matching depends on)', () => {
    const index = buildIndex(ENTRIES);
    expect(knows(index, 'garden')).toBe(true);
    expect(knows(index, 'cy:ofalwyr')).toBe(true);
    expect(knows(index, 'gardn')).toBe(false);
    expect(share(index, 'garden')).toBeCloseTo(1 / ENTRIES.length);
    expect(share(index, 'gardn')).toBe(0);
  });
});
