import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accessPatterns,
  experimentIndexKeys,
  experimentKey,
  idempotencyKey,
  libraryEntryIndexKeys,
  libraryEntryKey,
  librarySnapshotChunkKey,
  librarySnapshotKey,
} from '#shared/store/keys.ts';
import { GSIS, KEY_ATTRIBUTES } from '#shared/store/table-design.ts';

describe('idempotencyKey', () => {
  it('cannot be made the same by two owners, whatever their ids and keys hold', () => {
    // Act
    const a = idempotencyKey('sam#x', 'y');
    const b = idempotencyKey('sam', 'x#y');

    // Assess
    expect(a.pk).not.toBe(b.pk);
  });

  it('is the same only for the same owner and key', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.string(), fc.string()),
        fc.tuple(fc.string(), fc.string()),
        ([ownerA, keyA], [ownerB, keyB]) => {
          // Prepare
          fc.pre(
            ownerA.isWellFormed() && keyA.isWellFormed() && ownerB.isWellFormed() && keyB.isWellFormed(),
          );

          // Act
          const same = idempotencyKey(ownerA, keyA).pk === idempotencyKey(ownerB, keyB).pk;

          // Assess
          expect(same).toBe(ownerA === ownerB && keyA === keyB);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the keys of ordinary ids as they were, so records made before still match', () => {
    // Act / Assess
    expect(idempotencyKey('sam', '4f8c2b1e-0c8e-4b2e-9a59-8d1f7e0b6c3a').pk).toBe(
      'IDEMP#sam#4f8c2b1e-0c8e-4b2e-9a59-8d1f7e0b6c3a',
    );
  });
});

describe('the index keys', () => {
  it('are exactly the index attributes of the table design', () => {
    // Act
    const names = Object.keys(
      experimentIndexKeys({ id: 'e', team: 't', owner: 'o', createdAt: '2026-01-01', status: 'assessing' }),
    );

    // Assess
    expect(new Set(names)).toEqual(
      new Set(Object.values(GSIS).flatMap((gsi) => [gsi.partitionKey, gsi.sortKey])),
    );
    for (const name of names) expect(KEY_ATTRIBUTES.has(name)).toBe(true);
  });
});

describe('the library keys', () => {
  it('keep entries, the snapshot pointer and its pieces apart from each other and from experiments', () => {
    // Act
    const keys = [
      experimentKey('e1'),
      libraryEntryKey('e1'),
      librarySnapshotKey(),
      librarySnapshotChunkKey('s1', 0),
      librarySnapshotChunkKey('s1', 12),
    ].map((k) => `${k.pk}|${k.sk}`);

    // Assess
    expect(new Set(keys).size).toBe(keys.length);
    expect(librarySnapshotChunkKey('s1', 12).sk).toBe('CHUNK#0012');
  });

  it('put an entry on the change index, sorted by when it changed', () => {
    // Act
    const early = libraryEntryIndexKeys('2026-01-01T00:00:00.000Z', 'b');
    const late = libraryEntryIndexKeys('2026-01-02T00:00:00.000Z', 'a');

    // Assess
    expect(early[GSIS.gsi4.partitionKey]).toBe(accessPatterns.libraryChanges().pk);
    expect(String(early[GSIS.gsi4.sortKey]) < String(late[GSIS.gsi4.sortKey])).toBe(true);
    expect(String(early[GSIS.gsi4.sortKey]) > '2026-01-01T00:00:00.000Z').toBe(true);
  });
});
