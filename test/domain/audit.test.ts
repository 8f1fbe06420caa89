import { createHash } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  type AuditEntry,
  type AuditFields,
  canonicalAuditEntry,
  chainEntry,
  GENESIS_HASH,
  hashEntry,
  verifyChain,
} from '#shared/domain/audit.ts';

const FIRST: AuditFields = {
  at: '2026-05-01T09:00:00.000Z',
  actor: 'megan',
  action: 'decision',
  target: 'exp-1',
  outcome: 'done',
};

const chainOf = (fields: readonly AuditFields[], anchor = GENESIS_HASH): AuditEntry[] => {
  const entries: AuditEntry[] = [];
  let head = anchor;
  for (const f of fields) {
    const entry = chainEntry(f, head);
    entries.push(entry);
    head = entry.hash;
  }
  return entries;
};
const headOf = (entries: readonly AuditEntry[], anchor = GENESIS_HASH) => entries.at(-1)?.hash ?? anchor;

describe('audit entries', () => {
  it('serialises an entry as a fixed array, target null when absent', () => {
    expect(canonicalAuditEntry(FIRST, GENESIS_HASH)).toBe(
      `["fail-forward-audit-1","2026-05-01T09:00:00.000Z","megan","decision","exp-1","done","${GENESIS_HASH}"]`,
    );
    expect(canonicalAuditEntry({ ...FIRST, action: 'signIn', target: null }, 'abc')).toBe(
      '["fail-forward-audit-1","2026-05-01T09:00:00.000Z","megan","signIn",null,"done","abc"]',
    );
  });

  it('hashes the canonical form with SHA-256 in lower-case hex', () => {
    // The canonical text written out by hand, so a change of format fails here
    const text = `["fail-forward-audit-1","2026-05-01T09:00:00.000Z","megan","decision","exp-1","done","${GENESIS_HASH}"]`;
    expect(hashEntry(FIRST, GENESIS_HASH)).toBe(createHash('sha256').update(text).digest('hex'));
    expect(hashEntry(FIRST, GENESIS_HASH)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('cannot be confused by a field that holds the separator', () => {
    const a = hashEntry({ ...FIRST, actor: 'a","b' }, GENESIS_HASH);
    const b = hashEntry({ ...FIRST, actor: 'a', target: 'b","exp-1' }, GENESIS_HASH);
    expect(a).not.toBe(b);
  });

  it('chains each entry to the head it was written after', () => {
    // Act
    const [first, second] = chainOf([FIRST, { ...FIRST, action: 'cycle', actor: 'sam' }]);

    // Assess
    expect(first?.previousHash).toBe(GENESIS_HASH);
    expect(second?.previousHash).toBe(first?.hash);
    expect(second?.hash).toBe(hashEntry({ ...FIRST, action: 'cycle', actor: 'sam' }, first?.hash ?? ''));
  });

  it("lists the spec's events and the refused attempts", () => {
    expect(AUDIT_ACTIONS).toEqual(
      expect.arrayContaining([
        'signIn',
        'signOut',
        'sessionEnded',
        'decision',
        'cycle',
        'policyPublished',
        'csvExport',
        'recordsExport',
        'erasure',
        'redaction',
        'readRefused',
        'changeRefused',
      ]),
    );
    expect(AUDIT_OUTCOMES).toEqual(['done', 'forbidden', 'notFound']);
  });
});

describe('verifyChain', () => {
  const three = chainOf([
    FIRST,
    { ...FIRST, at: '2026-05-01T09:01:00.000Z', action: 'csvExport', target: null },
    { ...FIRST, at: '2026-05-01T09:02:00.000Z', actor: 'gov', action: 'readRefused', outcome: 'notFound' },
  ]);

  it('finds an untouched chain intact', () => {
    expect(verifyChain(three, { head: headOf(three) })).toEqual({ entries: 3, intact: true });
  });

  it('finds an empty trail intact when the head is the genesis hash', () => {
    expect(verifyChain([], { head: GENESIS_HASH })).toEqual({ entries: 0, intact: true });
  });

  it('names a changed entry', () => {
    // Prepare
    const tampered = three.map((e, i) => (i === 1 ? { ...e, actor: 'someone-else' } : e));

    // Act
    const verdict = verifyChain(tampered, { head: headOf(three) });

    // Assess
    expect(verdict).toEqual({
      entries: 3,
      intact: false,
      firstBroken: { index: 1, at: three[1]?.at, hash: three[1]?.hash, reason: 'changed' },
    });
  });

  it('names the entry after a removed one', () => {
    const verdict = verifyChain([three[0], three[2]] as AuditEntry[], { head: headOf(three) });
    expect(verdict).toMatchObject({
      entries: 2,
      intact: false,
      firstBroken: { index: 1, reason: 'unlinked' },
    });
  });

  it('finds the newest entry removed by comparing with the stored head', () => {
    const verdict = verifyChain(three.slice(0, 2), { head: headOf(three) });
    expect(verdict).toEqual({
      entries: 2,
      intact: false,
      firstBroken: { index: 1, at: three[1]?.at, hash: three[1]?.hash, reason: 'head' },
    });
  });

  it('finds every entry removed when the head says there were some', () => {
    expect(verifyChain([], { head: headOf(three) })).toEqual({
      entries: 0,
      intact: false,
      firstBroken: { index: 0, at: null, hash: null, reason: 'head' },
    });
  });

  it('finds a chain rewritten from a changed entry onwards, at the head', () => {
    // Prepare: an insider changes entry 1 and recomputes every hash after it
    const rewritten = chainOf([FIRST, { ...FIRST, actor: 'someone-else' }, FIRST]);

    // Act
    const verdict = verifyChain(rewritten, { head: headOf(three) });

    // Assess
    expect(verdict).toMatchObject({ intact: false, firstBroken: { reason: 'head' } });
  });

  it('starts from an anchor once old entries have gone', () => {
    // Prepare
    const kept = three.slice(1);

    // Act
    const withAnchor = verifyChain(kept, { head: headOf(three), anchor: three[0]?.hash ?? '' });
    const withoutAnchor = verifyChain(kept, { head: headOf(three) });

    // Assess
    expect(withAnchor).toEqual({ entries: 2, intact: true });
    expect(withoutAnchor).toMatchObject({ intact: false, firstBroken: { index: 0, reason: 'unlinked' } });
  });
});

const iso = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const auditFields: fc.Arbitrary<AuditFields> = fc.record({
  at: iso,
  actor: fc.string({ minLength: 1, maxLength: 20 }),
  action: fc.constantFrom(...AUDIT_ACTIONS),
  target: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
  outcome: fc.constantFrom(...AUDIT_OUTCOMES),
});
const chain = fc.array(auditFields, { minLength: 1, maxLength: 15 }).map((fields) => chainOf(fields));

const FIELDS = ['at', 'actor', 'action', 'target', 'outcome', 'hash', 'previousHash'] as const;
const otherValue = (entry: AuditEntry, field: (typeof FIELDS)[number], seed: string): AuditEntry => {
  switch (field) {
    case 'action': {
      const others = AUDIT_ACTIONS.filter((a) => a !== entry.action);
      return { ...entry, action: others[seed.length % others.length] ?? 'signIn' };
    }
    case 'outcome': {
      const others = AUDIT_OUTCOMES.filter((o) => o !== entry.outcome);
      return { ...entry, outcome: others[seed.length % others.length] ?? 'done' };
    }
    case 'target':
      return { ...entry, target: entry.target === null ? seed : null };
    case 'at':
      return { ...entry, at: new Date(Date.parse(entry.at) + 1 + seed.length).toISOString() };
    default:
      return { ...entry, [field]: `${entry[field]}${seed}` };
  }
};

describe('verifyChain: properties', () => {
  it('finds any chain written with chainEntry intact', () => {
    fc.assert(
      fc.property(chain, (entries) => {
        expect(verifyChain(entries, { head: headOf(entries) })).toEqual({
          entries: entries.length,
          intact: true,
        });
      }),
    );
  });

  it('finds any change to any one field of any entry, at that entry', () => {
    fc.assert(
      fc.property(
        chain,
        fc.nat(),
        fc.constantFrom(...FIELDS),
        fc.string({ minLength: 1, maxLength: 5 }),
        (entries, pick, field, seed) => {
          // Prepare
          const index = pick % entries.length;
          const tampered = entries.map((e, i) => (i === index ? otherValue(e, field, seed) : e));

          // Act
          const verdict = verifyChain(tampered, { head: headOf(entries) });

          // Assess
          expect(verdict.intact).toBe(false);
          expect(!verdict.intact && verdict.firstBroken.index).toBe(index);
        },
      ),
    );
  });

  it('finds any entry removed: the entry after it, or the head when it was the newest', () => {
    fc.assert(
      fc.property(chain, fc.nat(), (entries, pick) => {
        // Prepare
        const index = pick % entries.length;
        const removed = entries.filter((_, i) => i !== index);

        // Act
        const verdict = verifyChain(removed, { head: headOf(entries) });

        // Assess
        expect(verdict.intact).toBe(false);
        if (verdict.intact) return;
        const isLast = index === entries.length - 1;
        expect(verdict.firstBroken.reason).toBe(isLast ? 'head' : 'unlinked');
        expect(verdict.firstBroken.index).toBe(isLast ? Math.max(0, index - 1) : index);
      }),
    );
  });

  it('finds any two entries swapped', () => {
    fc.assert(
      fc.property(
        chain.filter((entries) => entries.length >= 2),
        fc.nat(),
        fc.nat(),
        (entries, a, b) => {
          // Prepare
          const i = a % entries.length;
          const j = b % entries.length;
          fc.pre(i !== j);
          const swapped = [...entries];
          [swapped[i], swapped[j]] = [entries[j] as AuditEntry, entries[i] as AuditEntry];

          // Act
          const verdict = verifyChain(swapped, { head: headOf(entries) });

          // Assess
          expect(verdict.intact).toBe(false);
          expect(!verdict.intact && verdict.firstBroken.index).toBe(Math.min(i, j));
        },
      ),
    );
  });
});
