/**
 * The schemas of the requests after a submission: decisions, test cycles, new card versions, the list's
 * query and the Idempotency-Key (the card and the submission are in schemas.property.test.ts).
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import {
  cycleSchema,
  decisionSchema,
  idempotencyKeySchema,
  listQuerySchema,
  policySchema,
  toIssues,
} from '#shared/domain/schemas.ts';
import { STATUSES } from '#shared/domain/status.ts';
import { TEAM_IDS } from '#shared/domain/teams.ts';
import { amountIn, teamSlug, textOfLength, thresholds, validCard } from './arbitraries.ts';
import { issuePaths, messageAt } from './schema-issues.ts';

describe('decisionSchema', () => {
  const decision = () =>
    fc.oneof(
      fc.record(
        { outcome: fc.constant('approve'), reason: textOfLength(1, 2000), conditions: textOfLength(1, 2000) },
        { requiredKeys: ['outcome'] },
      ),
      fc.record({ outcome: fc.constant('decline'), reason: textOfLength(1, 2000) }),
    );

  it('accepts approvals with optional reason and conditions, and declines with a reason', () => {
    fc.assert(
      fc.property(decision(), (body) => {
        // Act / Assess
        expect(decisionSchema.safeParse(body).success).toBe(true);
      }),
    );
  });

  it('requires a reason to decline', () => {
    // Act / Assess
    expect(toIssues(decisionSchema.safeParse({ outcome: 'decline' }).error as z.ZodError)).toEqual([
      { path: 'reason', message: 'Enter the reason for declining this idea' },
    ]);
    expect(issuePaths(decisionSchema, { outcome: 'decline', reason: '   ' })).toEqual(['reason']);
  });

  it('allows conditions only with an approval', () => {
    // Act / Assess
    expect(
      messageAt(decisionSchema, { outcome: 'decline', reason: 'Too risky', conditions: 'x' }, 'conditions'),
    ).toBe('Only add conditions when you approve the idea');
  });

  it('rejects any other outcome, and shows every problem at once', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => s !== 'approve' && s !== 'decline'),
        (outcome) => {
          // Act / Assess
          expect(issuePaths(decisionSchema, { outcome, reason: '', extra: 1 })).toEqual([
            'outcome',
            'reason',
            'extra',
          ]);
        },
      ),
    );
  });
});

describe('cycleSchema', () => {
  const cycle = () =>
    fc
      .record(
        {
          result: fc.constantFrom('worked', 'didNotWork', 'unclear'),
          observed: textOfLength(1, 2000),
          learned: textOfLength(1, 2000),
          next: fc.constantFrom('adapt', 'adopt', 'abandon'),
        },
        { requiredKeys: ['result', 'observed', 'learned', 'next'] },
      )
      .chain((body) =>
        fc.oneof(
          fc.constant({ ...body, incident: 'none' }),
          fc
            .record({ incident: fc.constantFrom('minor', 'serious'), incidentDetail: textOfLength(1, 2000) })
            .map((incident) => ({ ...body, ...incident })),
        ),
      );

  it('accepts every result and next step without changes', () => {
    fc.assert(
      fc.property(cycle(), (body) => {
        // Act / Assess
        expect(cycleSchema.safeParse(body).success).toBe(true);
      }),
    );
  });

  it('requires the incident answer, refusing any other value at its path', () => {
    fc.assert(
      fc.property(cycle(), fc.constantFrom(undefined, 'None', 'major', 1), (body, incident) => {
        // Prepare
        const { incident: _, incidentDetail: __, ...rest } = body as Record<string, unknown>;

        // Act / Assess
        expect(issuePaths(cycleSchema, { ...rest, incident })).toEqual(['incident']);
      }),
    );
  });

  it('requires the detail of a minor or serious incident, and refuses one with none', () => {
    fc.assert(
      fc.property(
        cycle(),
        fc.constantFrom('minor', 'serious'),
        textOfLength(1, 2000),
        (body, kind, detail) => {
          // Prepare
          const { incidentDetail: _, ...rest } = body as Record<string, unknown>;

          // Act / Assess
          expect(issuePaths(cycleSchema, { ...rest, incident: kind })).toEqual(['incidentDetail']);
          expect(issuePaths(cycleSchema, { ...rest, incident: kind, incidentDetail: '   ' })).toEqual([
            'incidentDetail',
          ]);
          expect(
            issuePaths(cycleSchema, { ...rest, incident: kind, incidentDetail: 'x'.repeat(2001) }),
          ).toEqual(['incidentDetail']);
          expect(issuePaths(cycleSchema, { ...rest, incident: 'none', incidentDetail: detail })).toEqual([
            'incidentDetail',
          ]);
        },
      ),
    );
  });

  it('accepts changes only with adapt, reported at changes otherwise', () => {
    fc.assert(
      fc.property(cycle(), validCard(), (body, card) => {
        // Prepare
        const withChanges = { ...body, changes: { extraCost: card.extraCost } };

        // Act / Assess
        expect(issuePaths(cycleSchema, withChanges)).toEqual(body.next === 'adapt' ? null : ['changes']);
      }),
    );
  });

  it('reports bad changes under changes.', () => {
    // Prepare
    const body = {
      result: 'unclear',
      observed: 'o',
      learned: 'l',
      next: 'adapt',
      incident: 'none',
      changes: { peopleInvolved: 1.5 },
    };

    // Act / Assess
    expect(issuePaths(cycleSchema, body)).toEqual(['changes.peopleInvolved']);
  });

  it('rejects unknown results and next steps', () => {
    // Prepare
    const body = { result: 'failed', observed: 'o', learned: 'l', next: 'stop', incident: 'none' };

    // Act / Assess
    expect(issuePaths(cycleSchema, body)).toEqual(['result', 'next']);
  });
});

describe('policySchema', () => {
  const policyBody = () =>
    fc.record({
      thresholds: fc.record({
        extraCost: amountIn(0, 1_000_000, 2),
        peopleInvolved: amountIn(0, 100_000, 0),
        durationWeeks: amountIn(1, 52, 0),
        staffHours: amountIn(0, 10_000, 2),
      }),
      decisionDeadlineDays: fc.integer({ min: 1, max: 60 }),
      reason: textOfLength(5, 2000),
    });

  it('accepts any thresholds in range', () => {
    fc.assert(
      fc.property(policyBody(), thresholds(), (body, small) => {
        // Act / Assess
        expect(policySchema.safeParse(body).success).toBe(true);
        expect(policySchema.safeParse({ ...body, thresholds: small }).success).toBe(true);
      }),
    );
  });

  it.each([
    ['extraCost', -0.01],
    ['extraCost', 1_000_000.01],
    ['peopleInvolved', 100_001],
    ['peopleInvolved', 2.5],
    ['durationWeeks', 0],
    ['durationWeeks', 53],
    ['staffHours', 10_001],
    ['staffHours', Number.NaN],
    ['staffHours', '20'],
  ])('rejects thresholds.%s = %s at its path', (field, value) => {
    fc.assert(
      fc.property(policyBody(), (body) => {
        // Prepare
        const bad = { ...body, thresholds: { ...body.thresholds, [field]: value } };

        // Act / Assess
        expect(issuePaths(policySchema, bad)).toEqual([`thresholds.${field}`]);
      }),
    );
  });

  it.each([0, 61, 1.5])('rejects decisionDeadlineDays = %s', (days) => {
    fc.assert(
      fc.property(policyBody(), (body) => {
        // Act / Assess
        expect(issuePaths(policySchema, { ...body, decisionDeadlineDays: days })).toEqual([
          'decisionDeadlineDays',
        ]);
      }),
    );
  });

  it('rejects a short reason, a version or publisher in the body, and missing thresholds', () => {
    // Prepare
    const body = { thresholds: { extraCost: 500 }, decisionDeadlineDays: 5, reason: 'why', version: 7 };

    // Act / Assess
    expect(issuePaths(policySchema, body)).toEqual([
      'thresholds.peopleInvolved',
      'thresholds.durationWeeks',
      'thresholds.staffHours',
      'reason',
      'version',
    ]);
  });
});

describe('policySchema teams (per-team limits)', () => {
  const base = {
    thresholds: { extraCost: 500, peopleInvolved: 10, durationWeeks: 6, staffHours: 20 },
    decisionDeadlineDays: 5,
    reason: 'Early help has earned it',
  };

  it('accepts any known team with some of the four limits, each valid as the base ones', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEAM_IDS),
        fc
          .record(
            {
              extraCost: amountIn(0, 1_000_000, 2),
              peopleInvolved: amountIn(0, 100_000, 0),
              durationWeeks: amountIn(1, 52, 0),
              staffHours: amountIn(0, 10_000, 2),
            },
            { requiredKeys: [] },
          )
          .filter((limits) => Object.keys(limits).length > 0),
        (team, limits) => {
          // Act
          const parsed = policySchema.parse({ ...base, teams: { [team]: limits } });

          // Assess
          expect(parsed.teams).toEqual({ [team]: limits });
        },
      ),
    );
  });

  it.each([
    ['teams.nowhere', { nowhere: { extraCost: 750 } }],
    ['teams.early-help.extraCost', { 'early-help': { extraCost: -1 } }],
    ['teams.early-help.peopleInvolved', { 'early-help': { peopleInvolved: 2.5 } }],
    ['teams.early-help.durationWeeks', { 'early-help': { durationWeeks: 0 } }],
    ['teams.early-help.colour', { 'early-help': { extraCost: 750, colour: 1 } }],
    ['teams.early-help', { 'early-help': {} }],
    ['teams', [{ extraCost: 1 }]],
  ])('refuses %s', (path, teams) => {
    // Act / Assess
    expect(issuePaths(policySchema, { ...base, teams })).toEqual([path]);
  });

  it('leaves teams out when none are given', () => {
    // Act / Assess
    expect(policySchema.parse(base).teams).toBeUndefined();
  });
});

describe('listQuerySchema', () => {
  const isoDate = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .chain((date) => fc.constantFrom(date.toISOString(), date.toISOString().slice(0, 10)));

  it('accepts every combination of valid filters, coercing limit from a string', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            status: fc.constantFrom(...STATUSES),
            team: teamSlug(),
            from: isoDate,
            q: textOfLength(1, 100),
            limit: fc.integer({ min: 1, max: 100 }).map(String),
            cursor: fc.string({ minLength: 1, maxLength: 2048 }),
          },
          { requiredKeys: [] },
        ),
        (query) => {
          // Act
          const parsed = listQuerySchema.parse(query);

          // Assess
          expect(parsed.limit).toBe(query.limit === undefined ? 20 : Number(query.limit));
          expect(parsed.status).toBe(query.status);
        },
      ),
    );
  });

  it.each([
    ['status', 'open'],
    ['team', 'Early Help'],
    ['team', '-early-help'],
    ['from', '2024-02-30'],
    ['from', 'yesterday'],
    ['q', '  '],
    ['q', 'a'.repeat(101)],
    ['limit', '0'],
    ['limit', '101'],
    ['limit', '2.5'],
    ['limit', 'ten'],
    ['cursor', ''],
    ['cursor', 'c'.repeat(2049)],
    ['owner', 'me'],
  ])('rejects %s = %s at its path', (key, value) => {
    // Act / Assess
    expect(issuePaths(listQuerySchema, { [key]: value })).toEqual([key]);
  });

  it('rejects an end date before the start date', () => {
    // Act / Assess
    expect(messageAt(listQuerySchema, { from: '2025-03-02', to: '2025-03-01T23:59:59Z' }, 'to')).toBe(
      'The end date must be the same as or after the start date',
    );
  });
});

describe('idempotencyKeySchema', () => {
  it('accepts 1 to 128 characters and rejects anything else', () => {
    fc.assert(
      fc.property(
        textOfLength(1, 128),
        fc.oneof(fc.constantFrom('', '   '), textOfLength(129, 200)),
        (good, bad) => {
          // Act / Assess
          expect(idempotencyKeySchema.safeParse(good).success).toBe(true);
          expect(idempotencyKeySchema.safeParse(bad).success).toBe(false);
        },
      ),
    );
    expect(idempotencyKeySchema.safeParse(undefined).success).toBe(false);
  });
});
