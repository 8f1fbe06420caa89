import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_PARTITIONS,
  accessPatterns,
  auditEntryKey,
  auditIndexKeys,
  erasedKey,
  erasureRequestKey,
  experimentIndexKeys,
  experimentKey,
  idempotencyKey,
  libraryEntryIndexKeys,
  libraryEntryKey,
  librarySnapshotChunkKey,
  librarySnapshotKey,
  personRefKey,
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

describe('the retention index', () => {
  const closed = {
    id: 'e',
    team: 't',
    owner: 'o',
    createdAt: '2026-01-01T00:00:00.000Z',
    status: 'adopted' as const,
    retainUntil: '2032-01-01T00:00:00.000Z',
  };

  it('holds a closed experiment on gsi1 by retainUntil until it is anonymised', () => {
    // Act
    const before = experimentIndexKeys(closed);
    const after = experimentIndexKeys({ ...closed, anonymised: true, owner: null });

    // Assess
    expect(before).toMatchObject({
      gsi1pk: 'RETAIN',
      gsi1sk: '2032-01-01T00:00:00.000Z#e',
      gsi3pk: 'OWNER#o',
    });
    expect(after).toMatchObject({ gsi1pk: null, gsi1sk: null, gsi3pk: null, gsi3sk: null, gsi4pk: 'LOG' });
  });

  it('never meets the team queue on the same item: escalated experiments have no retainUntil to index', () => {
    // Act
    const escalated = experimentIndexKeys({
      ...closed,
      status: 'escalated',
      escalatedAt: '2026-01-02T00:00:00.000Z',
    });

    // Assess
    expect(escalated).toMatchObject({ gsi1pk: 'QUEUE#TEAM#t', gsi1sk: '2026-01-02T00:00:00.000Z#e' });
  });

  it('is queried for everything due by now, soonest first', () => {
    // Act / Assess
    expect(accessPatterns.retention()).toEqual({ index: GSIS.gsi1, pk: 'RETAIN' });
  });
});

describe('audit keys', () => {
  it('sort entries by time, then by their place in the chain, on the table and on each index', () => {
    // Act
    const key = auditEntryKey('2026-03-01T09:00:00.000Z', 42);
    const indexes = auditIndexKeys(
      { at: '2026-03-01T09:00:00.000Z', actor: 'sam', action: 'readRefused', target: 'e' },
      42,
    );

    // Assess
    expect(key).toEqual({ pk: AUDIT_PARTITIONS.entries, sk: '2026-03-01T09:00:00.000Z#000000000042' });
    expect(indexes).toEqual({
      gsi1pk: 'AUDIT#ACTOR#sam',
      gsi1sk: key.sk,
      gsi2pk: 'AUDIT#TARGET#e',
      gsi2sk: key.sk,
      gsi3pk: 'AUDIT#ACTION#readRefused',
      gsi3sk: key.sk,
    });
  });

  it('leave an entry with no target out of the target index', () => {
    // Act
    const indexes = auditIndexKeys(
      { at: '2026-03-01T09:00:00.000Z', actor: 'sam', action: 'signIn', target: null },
      1,
    );

    // Assess
    expect(Object.keys(indexes)).not.toContain('gsi2pk');
  });

  it('order entries as the chain runs whatever the sequence number, because at never goes back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 50 }), (steps) => {
        // Prepare: times that stay put or move on, as the head makes them.
        let ms = Date.parse('2026-03-01T09:00:00.000Z');
        const keys = steps.map((step, i) => {
          ms += step;
          return auditEntryKey(new Date(ms).toISOString(), 999_999 + i * 7919).sk;
        });

        // Act / Assess
        expect([...keys].sort()).toEqual(keys);
      }),
    );
  });

  it('keep person references and erasure marks apart for ids that look alike', () => {
    // Act / Assess
    expect(personRefKey('sam#EXP', 'x').pk).not.toBe(personRefKey('sam', 'EXP#x').pk);
    expect(erasedKey('sam').pk).toBe('ERASED#sam');
    expect(erasedKey('sam').sk).not.toBe(erasureRequestKey('sam', '2026-03-01T09:00:00.000Z').sk);
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
