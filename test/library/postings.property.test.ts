import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeTermData,
  encodeTermData,
  LazyTermData,
  type SerialisedTermData,
  type TermData,
} from '#shared/library/postings.ts';

/** A term's postings as MiniSearch serialises them: field ids 0–3, short ids and frequencies from 1. */
const termData: fc.Arbitrary<SerialisedTermData> = fc
  .dictionary(
    fc.constantFrom('0', '1', '2', '3'),
    fc.dictionary(
      fc.nat({ max: 2_000_000 }).map(String),
      fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 5000 })),
      { minKeys: 1, maxKeys: 30 },
    ),
    { minKeys: 1 },
  )
  .filter((data) => Object.keys(data).length > 0);

const asMaps = (data: SerialisedTermData): TermData =>
  new Map(
    Object.entries(data).map(([fieldId, docs]) => [
      Number(fieldId),
      new Map(Object.entries(docs).map(([shortId, freq]) => [Number(shortId), freq])),
    ]),
  );

/** A map's content as a plain sorted structure, so order of insertion does not matter to the comparison. */
const plain = (data: TermData) =>
  [...data]
    .map(([fieldId, docs]) => [fieldId, [...docs].sort((a, b) => a[0] - b[0])] as const)
    .sort((a, b) => a[0] - b[0]);

describe('the snapshot postings codec', () => {
  it('decodes to exactly the postings it encoded', () => {
    fc.assert(
      fc.property(termData, (data) => {
        const decoded: TermData = new Map();
        decodeTermData(encodeTermData(data), (fieldId, docs) => decoded.set(fieldId, docs));
        expect(plain(decoded)).toEqual(plain(asMaps(data)));
      }),
    );
  });

  it('decodes fields and entries in ascending order, the order MiniSearch JSON loads them in', () => {
    const decoded: TermData = new Map();
    decodeTermData(encodeTermData({ '2': { '40': 1, '7': 3 }, '0': { '12': 2, '3': 1 } }), (f, d) =>
      decoded.set(f, d),
    );
    expect([...decoded.keys()]).toEqual([0, 2]);
    expect([...(decoded.get(0) ?? [])]).toEqual([
      [3, 1],
      [12, 2],
    ]);
    expect([...(decoded.get(2) ?? [])]).toEqual([
      [7, 3],
      [40, 1],
    ]);
  });
});

type Op =
  | { kind: 'get' | 'has' | 'delete'; fieldId: number }
  | { kind: 'set'; fieldId: number; shortId: number }
  | { kind: 'size' | 'entries' | 'forEach' | 'clear' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('get', 'has', 'delete'),
    fieldId: fc.nat({ max: 4 }),
  }) as fc.Arbitrary<Op>,
  fc.record({
    kind: fc.constant('set'),
    fieldId: fc.nat({ max: 4 }),
    shortId: fc.nat({ max: 99 }),
  }) as fc.Arbitrary<Op>,
  fc.record({ kind: fc.constantFrom('size', 'entries', 'forEach', 'clear') }) as fc.Arbitrary<Op>,
);

const apply = (map: TermData, o: Op): unknown => {
  switch (o.kind) {
    case 'get':
      return map.get(o.fieldId) ? [...(map.get(o.fieldId) ?? [])] : undefined;
    case 'has':
      return map.has(o.fieldId);
    case 'delete':
      return map.delete(o.fieldId);
    case 'set':
      map.set(o.fieldId, new Map([[o.shortId, 1]]));
      return undefined;
    case 'size':
      return map.size;
    case 'entries':
      return plain(new Map(map.entries()));
    case 'forEach': {
      const seen: number[] = [];
      map.forEach((_docs, fieldId) => {
        seen.push(fieldId);
      });
      return seen.sort();
    }
    case 'clear':
      map.clear();
      return undefined;
  }
};

describe('postings decoded on first use', () => {
  it('behave as the decoded map under any sequence of reads and changes', () => {
    fc.assert(
      fc.property(termData, fc.array(op, { minLength: 1, maxLength: 12 }), (data, ops) => {
        const lazy = new LazyTermData(encodeTermData(data));
        const eager = asMaps(data);
        for (const o of ops) expect(apply(lazy, o)).toEqual(apply(eager, o));
        expect(plain(new Map(lazy))).toEqual(plain(eager));
        expect(lazy).toBeInstanceOf(Map);
      }),
    );
  });
});
