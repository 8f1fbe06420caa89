// Generators of request bodies for the POST routes: anything at all, and bodies one or two steps away
// from valid ones. The test keeps only the bodies its route's schema refuses (as the server will see them,
// after a JSON round trip), so every request must be refused and nothing may be stored.
import * as fc from 'fast-check';
import type * as z from 'zod';
import { erasureSchema, redactionSchema } from '#shared/domain/governance-schemas.ts';
import { draftSchema } from '#shared/domain/library-schemas.ts';
import { cycleSchema, decisionSchema, policySchema, submissionSchema } from '#shared/domain/schemas.ts';
import { validCard } from '../domain/arbitraries.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Strings that have broken text handling elsewhere: lone surrogates, bidi controls, zero-width and emoji. */
export const UNICODE_EDGES = [
  '\uD800',
  '\uDFFF',
  'a\uD83Dz',
  '\u202Eevil\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD',
  '\u0645\u0631\u062D\u0628\u0627',
  '\u200B\u200C\u200D\uFEFF',
  '👩‍👧‍👦🏴󠁧󠁢󠁷󠁬󠁳󠁿',
  'e\u0301\u0301\u0301\u0301',
  '\u0000',
  '\u2028\u2029',
  'Ｆｕｌｌｗｉｄｔｈ',
  '𝕿𝖊𝖘𝖙',
  '"; DROP TABLE experiments; --',
  '<script>alert(1)</script>',
  // A template injection probe, kept as plain text on purpose.
  ['$', '{7*7}{{7*7}}'].join(''),
];

const unicodeString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...UNICODE_EDGES),
    fc
      .tuple(fc.constantFrom(...UNICODE_EDGES), fc.string({ unit: 'binary', maxLength: 20 }))
      .map(([edge, rest]) => `${rest}${edge}${rest}`),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  );

/** Numbers around every bound the schemas have, and the ones JSON and JavaScript disagree about. */
const edgyNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(
      -1,
      -0.01,
      0.001,
      0.005,
      1.001,
      51.5,
      52.0001,
      53,
      60.5,
      61,
      10_000.01,
      100_000.5,
      100_001,
      1_000_000.001,
      1_000_001,
      10_000_000.01,
      2 ** 53 + 1,
      1e308,
      -1e308,
      5e-324,
    ),
    fc.double({ noNaN: true }),
    fc.integer(),
  );

/** A value of some other kind than the field expects, or just wrong. */
const badValue = (): fc.Arbitrary<Json | undefined> =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    edgyNumber(),
    unicodeString(),
    fc.constantFrom('', '   ', '\t\n', 'x'.repeat(121), 'y'.repeat(2001), 'z'.repeat(5000)),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }) as fc.Arbitrary<Json>,
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  );

const leafPaths = (value: Json, prefix: string[] = []): string[][] => {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const nested = Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
    return [prefix, ...nested].filter((p) => p.length > 0);
  }
  return [prefix];
};

const setPath = (value: Json, path: string[], replacement: Json | undefined): Json => {
  const [head, ...rest] = path;
  if (head === undefined) return replacement === undefined ? null : replacement;
  const object = value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  if (rest.length === 0) {
    if (replacement === undefined) delete object[head];
    else object[head] = replacement;
  } else {
    object[head] = setPath(object[head] ?? {}, rest, replacement);
  }
  return object;
};

/** A valid body with one or two fields (at any depth) replaced by a bad value or removed. */
const mutated = (valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> =>
  valid.chain((body) => {
    const paths = leafPaths(body);
    const mutation = fc.tuple(fc.constantFrom(...paths), badValue());
    return fc
      .array(mutation, { minLength: 1, maxLength: 2 })
      .map((mutations) => mutations.reduce<Json>((b, [path, v]) => setPath(b, path, v), body));
  });

/** A valid body with one more field, at the top or inside an object, under an ordinary or a hostile name. */
const withExtraField = (valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> =>
  valid.chain((body) => {
    const objects = [[], ...leafPaths(body)].filter((p) => {
      let v: Json | undefined = body;
      for (const k of p) v = v && typeof v === 'object' && !Array.isArray(v) ? v[k] : undefined;
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    return fc
      .tuple(
        fc.constantFrom(...objects),
        fc.oneof(
          fc.constantFrom('owner', 'team', 'status', 'id', 'version', 'pk', 'constructor', 'toString'),
          fc.string({ minLength: 1, maxLength: 12 }),
        ),
        fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>,
      )
      .map(([path, key, value]) => setPath(body, [...path, key], value));
  });

const text = (min: number, max: number) =>
  fc.string({ minLength: min, maxLength: max }).filter((s) => s.trim().length >= min);

export const validSubmission = (): fc.Arbitrary<Json> =>
  fc.record({
    title: text(5, 40),
    problem: text(1, 60),
    hypothesis: fc.record({
      weBelieve: text(1, 30),
      toTestIt: text(1, 30),
      measure: text(1, 30),
      rightIf: text(1, 30),
    }),
    card: validCard(),
  }) as fc.Arbitrary<Json>;

export const validDecision = (): fc.Arbitrary<Json> =>
  fc.oneof(
    fc.record({ outcome: fc.constant('approve'), conditions: text(1, 30) }, { requiredKeys: ['outcome'] }),
    fc.record({ outcome: fc.constant('decline'), reason: text(1, 30) }),
  ) as fc.Arbitrary<Json>;

export const validCycle = (): fc.Arbitrary<Json> =>
  fc.record({
    result: fc.constantFrom('worked', 'didNotWork', 'unclear'),
    observed: text(1, 40),
    learned: text(1, 40),
    next: fc.constantFrom('adapt', 'adopt', 'abandon'),
  }) as fc.Arbitrary<Json>;

/** A draft for "ideas like yours": any text at all, in any of its optional parts. */
export const validDraft = (): fc.Arbitrary<Json> =>
  fc.record(
    {
      title: text(1, 60),
      problem: fc.oneof(fc.string({ maxLength: 80 }), fc.constant(null)),
      hypothesis: fc.record(
        { weBelieve: fc.string({ maxLength: 40 }), rightIf: fc.string({ maxLength: 40 }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['title'] },
  ) as fc.Arbitrary<Json>;

export const validPolicy = (): fc.Arbitrary<Json> =>
  fc.record({
    thresholds: fc.record({
      extraCost: fc.integer({ min: 0, max: 100_000 }).map((p) => p / 100),
      peopleInvolved: fc.integer({ min: 0, max: 100 }),
      durationWeeks: fc.integer({ min: 1, max: 52 }),
      staffHours: fc.integer({ min: 0, max: 4000 }).map((h) => h / 100),
    }),
    decisionDeadlineDays: fc.integer({ min: 1, max: 60 }),
    reason: text(5, 60),
  }) as fc.Arbitrary<Json>;

export const validErasure = (): fc.Arbitrary<Json> => fc.record({ reason: text(5, 60) });

export const validRedaction = (): fc.Arbitrary<Json> =>
  fc.record({
    field: fc.constantFrom('title', 'problem', 'hypothesis.toTestIt', 'cycles.1.observed'),
    reason: text(5, 60),
  });

export interface FuzzRoute {
  name: string;
  schema: z.ZodType;
  valid: () => fc.Arbitrary<Json>;
}

export const ROUTES = {
  experiments: { name: 'POST /api/experiments', schema: submissionSchema, valid: validSubmission },
  decision: { name: 'POST /api/experiments/{id}/decision', schema: decisionSchema, valid: validDecision },
  cycles: { name: 'POST /api/experiments/{id}/cycles', schema: cycleSchema, valid: validCycle },
  policy: { name: 'POST /api/policy', schema: policySchema, valid: validPolicy },
  similar: { name: 'POST /api/library/similar', schema: draftSchema, valid: validDraft },
  erasure: { name: 'POST /api/people/{id}/erasure', schema: erasureSchema, valid: validErasure },
  redactions: {
    name: 'POST /api/experiments/{id}/redactions',
    schema: redactionSchema,
    valid: validRedaction,
  },
} as const satisfies Record<string, FuzzRoute>;

/** What the server parses from the body we send: JSON drops undefined, turns NaN into null, and so on. */
export const asSent = (body: Json): unknown => JSON.parse(JSON.stringify(body) ?? 'null');

export const isValidFor = (route: FuzzRoute, body: Json): boolean =>
  route.schema.safeParse(asSent(body)).success;

/**
 * Bodies the route must refuse: arbitrary JSON, near-valid mutations (with unicode edge cases and
 * numbers at and beyond bounds among the replacements), and valid bodies with an extra field.
 */
export const refusedBody = (route: FuzzRoute): fc.Arbitrary<Json> =>
  fc
    .oneof(
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
      { weight: 5, arbitrary: mutated(route.valid()) },
      { weight: 2, arbitrary: withExtraField(route.valid()) },
    )
    .filter((body) => !isValidFor(route, body));

/** Text that is not JSON at all, or JSON cut short. */
export const malformedJson = (): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.jsonValue({ maxDepth: 2 }).chain((v) => {
        const textValue = JSON.stringify(v) ?? 'null';
        return fc
          .integer({ min: 0, max: Math.max(0, textValue.length - 1) })
          .map((n) => textValue.slice(0, n));
      }),
      fc.constantFrom(
        '{"title": }',
        "{'title': 'single quotes'}",
        '{"a":1,}',
        'NaN',
        'undefined',
        '{"a":1}{"b":2}',
        '\uFEFF{}',
      ),
    )
    .filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return s.length > 0;
      }
    });
