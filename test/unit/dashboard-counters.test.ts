import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '#shared/domain/experiment.ts';
import { STATUSES } from '#shared/domain/status.ts';
import { figures, histogramMedian, tally } from '#shared/services/dashboard-service.ts';
import { bucketName, HOUR_BUCKETS, hoursBucket, statsDeltas } from '#shared/store/stats.ts';
import { sampleCard, sampleExperiment } from '#test/support/fixtures.ts';

const base: Experiment = sampleExperiment({
  title: 'A parent-to-parent buddy scheme',
  problem: 'New parents feel alone.',
  card: sampleCard({ peopleInvolved: 5, staffHours: 5 }),
});

describe('statsDeltas', () => {
  it('counts a new submission once, in its status', () => {
    expect(statsDeltas(undefined, base)).toEqual({ submitted: 1, s_assessing: 1 });
  });

  it('moves the status count and counts hours to a first authorisation in its fixed bucket (26.5 h in 24 to 36)', () => {
    // Prepare
    const after: Experiment = {
      ...base,
      status: 'authorised',
      authorisation: { by: 'megan', at: '2026-03-02T11:30:00.000Z' },
    };

    // Act
    const deltas = statsDeltas({ ...base, status: 'escalated' }, after);

    // Assess
    expect(deltas).toEqual({ s_escalated: -1, s_authorised: 1, n_manager: 1, h_manager_24: 1 });
  });

  it('counts cycles, and nothing for a change that moves no figure', () => {
    const testing: Experiment = { ...base, status: 'testing' };
    const withCycle: Experiment = {
      ...testing,
      cycles: [
        {
          number: 1,
          result: 'worked',
          observed: 'o',
          learned: 'l',
          next: 'adapt',
          recordedAt: base.createdAt,
          recordedBy: 'sam',
        },
      ],
    };
    expect(statsDeltas(testing, withCycle)).toEqual({ cycles: 1 });
    expect(statsDeltas(testing, { ...testing, updatedAt: 'later' })).toEqual({});
  });
});

describe('hoursBucket', () => {
  it.each(HOUR_BUCKETS.map((edge) => [edge]))('puts %s hours in its own bucket', (edge) => {
    expect(hoursBucket(edge)).toBe(edge);
  });

  it.each([
    [-1, 0],
    [0.0005, 0],
    [0.049, 0],
    [26.5, 24],
    [719.99, 336],
    [10_000, 720],
  ])('puts %s hours in the bucket from %s', (hours, edge) => {
    expect(hoursBucket(hours)).toBe(edge);
  });
});

describe('statsDeltas names', () => {
  it('come from a fixed set whatever the durations, so a counter item cannot grow with the log', () => {
    const allowed = new Set([
      'submitted',
      'cycles',
      'n_card',
      'n_manager',
      ...STATUSES.map((s) => `s_${s}`),
      ...HOUR_BUCKETS.flatMap((edge) => [`h_card_${bucketName(edge)}`, `h_manager_${bucketName(edge)}`]),
    ]);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50_000, noNaN: true }),
        fc.constantFrom('card', 'megan'),
        (hours, by) => {
          // Prepare
          const created = Date.parse(base.createdAt);
          const after: Experiment = {
            ...base,
            status: 'authorised',
            authorisation: { by, at: new Date(created + hours * 3_600_000).toISOString() },
          };

          // Act
          const names = Object.keys(statsDeltas(undefined, after));

          // Assess
          expect(names.filter((name) => !allowed.has(name))).toEqual([]);
        },
      ),
    );
  });
});

describe('histogramMedian', () => {
  it.each([
    [[], null],
    // One value in [2, 4): the middle of that bucket.
    [[[2, 1]], 3],
    // The middle falls at the top of [1, 2).
    [
      [
        [1, 1],
        [3, 1],
      ],
      2,
    ],
    // 2.5 of 3 values into [0.5, 1): 0.5 + 2.5/3 × 0.5.
    [
      [
        [0.5, 3],
        [10, 1],
        [100, 1],
      ],
      0.9,
    ],
    [
      [
        [4, 2],
        [1, 2],
      ],
      2,
    ],
    // Instant answers stay 0 to one decimal.
    [[[0.001, 5]], 0],
    // The open last bucket gives its lower edge.
    [[[1000, 3]], 720],
  ] as [[number, number][], number | null][])('of %j is %s', (buckets, expected) => {
    expect(histogramMedian(buckets)).toBe(expected);
  });

  it('is within the buckets that hold the true median', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1_000, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (hours) => {
          // Prepare
          const sorted = [...hours].sort((a, b) => a - b);
          const low = sorted[Math.floor((sorted.length - 1) / 2)] as number;
          const high = sorted[Math.ceil((sorted.length - 1) / 2)] as number;
          const highEdge = hoursBucket(high);
          const upper =
            HOUR_BUCKETS[HOUR_BUCKETS.indexOf(highEdge as (typeof HOUR_BUCKETS)[number]) + 1] ?? highEdge;

          // Act
          const median = histogramMedian(hours.map((h) => [h, 1]));

          // Assess: 0.05 of slack for rounding to 0.1 h.
          expect(median).not.toBeNull();
          expect(median as number).toBeGreaterThanOrEqual(hoursBucket(low) - 0.05);
          expect(median as number).toBeLessThanOrEqual(upper + 0.05);
        },
      ),
    );
  });
});

describe('figures', () => {
  it('derives rates and medians from counters', () => {
    // Act
    const f = figures(
      new Map(
        Object.entries({
          submitted: 4,
          cycles: 6,
          n_card: 3,
          n_manager: 1,
          s_testing: 2,
          s_adopted: 1,
          s_declined: 1,
          h_card_0: 3,
          h_manager_48: 1,
        }),
      ),
    );

    // Assess
    expect(f.submitted).toBe(4);
    expect(f.autoAuthorisedRate).toBe(0.75);
    expect(f.cyclesPerExperiment).toBe(1.5);
    expect(f.medianHoursByCard).toBe(0);
    // One decision in [48, 60): the middle of that bucket.
    expect(f.medianHoursByManager).toBe(54);
    expect(f.medianHoursToAuthorisation).toBe(0);
    expect(f.outcomes).toEqual({ adopted: 1, abandoned: 0, testing: 2 });
    expect(f.totals.declined).toBe(1);
    expect(f.totals.assessing).toBe(0);
  });
});

describe('tally', () => {
  it('adds counter items up in total, by team and by month, and keeps to one team when asked', () => {
    // Prepare
    const items = [
      { pk: 'STATS', sk: 'M#2026-01#T#early-help#S#0', submitted: 2, s_testing: 2 },
      { pk: 'STATS', sk: 'M#2026-01#T#early-help#S#1', submitted: 1, s_adopted: 1 },
      { pk: 'STATS', sk: 'M#2026-02#T#fostering#S#0', submitted: 4, s_testing: 4 },
      { pk: 'STATS', sk: 'not a counter item', submitted: 100 },
    ];

    // Act
    const everyone = tally(items);
    const oneTeam = tally(items, 'fostering');

    // Assess
    expect(Object.fromEntries(everyone.all)).toEqual({ submitted: 7, s_testing: 6, s_adopted: 1 });
    expect(Object.fromEntries(everyone.byTeam.get('early-help') ?? [])).toEqual({
      submitted: 3,
      s_testing: 2,
      s_adopted: 1,
    });
    expect([...everyone.byMonth.keys()]).toEqual(['2026-01', '2026-02']);
    expect(Object.fromEntries(oneTeam.all)).toEqual({ submitted: 4, s_testing: 4 });
    expect([...oneTeam.byTeam.keys()]).toEqual(['fostering']);
  });
});

describe('tally and figures over many items', () => {
  const counterNames = [
    'submitted',
    'cycles',
    'n_card',
    'n_manager',
    'i_minor',
    'i_serious',
    ...STATUSES.map((s) => `s_${s}`),
    ...HOUR_BUCKETS.flatMap((edge) => [`h_card_${bucketName(edge)}`, `h_manager_${bucketName(edge)}`]),
  ];
  const item = fc.record({
    month: fc.constantFrom('2025-12', '2026-01', '2026-02'),
    team: fc.constantFrom('early-help', 'fostering', 'adult-social-care'),
    shard: fc.constantFrom(0, 1),
    counters: fc.dictionary(fc.constantFrom(...counterNames), fc.integer({ min: 0, max: 500 })),
  });
  const sum = (tallies: Iterable<Map<string, number>>) => {
    const total = new Map<string, number>();
    for (const t of tallies) for (const [name, n] of t) total.set(name, (total.get(name) ?? 0) + n);
    return Object.fromEntries([...total].filter(([, n]) => n !== 0));
  };

  it('gives a total equal to the sum by team and to the sum by month, and figures that do not depend on item order', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (drawn) => {
        // Prepare
        const items = drawn.map(({ month, team, shard, counters }) => ({
          pk: 'STATS',
          sk: `M#${month}#T#${team}#S#${shard}`,
          ...counters,
        }));

        // Act
        const forwards = tally(items);
        const backwards = tally([...items].reverse());

        // Assess
        const total = sum([forwards.all]);
        expect(sum(forwards.byTeam.values())).toEqual(total);
        expect(sum(forwards.byMonth.values())).toEqual(total);
        expect(figures(backwards.all)).toEqual(figures(forwards.all));
        for (const [team, t] of forwards.byTeam)
          expect(figures(backwards.byTeam.get(team) ?? new Map())).toEqual(figures(t));
      }),
    );
  });

  it('reads histogram names finer than HOUR_BUCKETS, as older items hold, in the bucket that holds them', () => {
    // Act: 26.5 h is in the bucket from 24 h; the same count under the bucket's own name gives the same median.
    const finer = figures(new Map([['h_manager_26_5', 1]]));
    const own = figures(new Map([['h_manager_24', 1]]));

    // Assess
    expect(finer.medianHoursByManager).toBe(30);
    expect(finer).toEqual(own);
  });
});
