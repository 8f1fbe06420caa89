import { describe, expect, it } from 'vitest';
import type { Experiment } from '#shared/domain/experiment.ts';
import { figures, histogramMedian } from '#shared/services/dashboard-service.ts';
import { statsDeltas } from '#shared/store/stats.ts';

const base: Experiment = {
  id: 'e1',
  title: 'A parent-to-parent buddy scheme',
  problem: 'New parents feel alone.',
  hypothesis: { weBelieve: 'a', toTestIt: 'b', measure: 'c', rightIf: 'd' },
  card: {
    safeguarding: 'no',
    lawful: 'yes',
    personalData: 'no',
    consent: 'yes',
    reversible: 'yes',
    frontPage: 'yes',
    extraCost: 0,
    peopleInvolved: 5,
    durationWeeks: 4,
    staffHours: 5,
    commitToShare: true,
  },
  team: 'early-help',
  owner: 'sam',
  ownerName: 'Sam',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  status: 'assessing',
  policyVersion: 1,
  raisedToLeaders: false,
  everEscalated: false,
  cycles: [],
  history: [],
};

describe('statsDeltas', () => {
  it('counts a new submission once, in its status', () => {
    expect(statsDeltas(undefined, base)).toEqual({ submitted: 1, s_assessing: 1 });
  });

  it('moves the status count and records hours to a first authorisation in its bucket', () => {
    // Prepare
    const after: Experiment = {
      ...base,
      status: 'authorised',
      authorisation: { by: 'megan', at: '2026-03-02T11:30:00.000Z' },
    };

    // Act
    const deltas = statsDeltas({ ...base, status: 'escalated' }, after);

    // Assess
    expect(deltas).toEqual({ s_escalated: -1, s_authorised: 1, n_manager: 1, h_manager_26_5: 1 });
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

describe('histogramMedian', () => {
  it.each([
    [[], null],
    [[[2, 1]], 2],
    [
      [
        [1, 1],
        [3, 1],
      ],
      2,
    ],
    [
      [
        [0.5, 3],
        [10, 1],
        [100, 1],
      ],
      0.5,
    ],
    [
      [
        [4, 2],
        [1, 2],
      ],
      2.5,
    ],
  ] as [[number, number][], number | null][])('of %j is %s', (buckets, expected) => {
    expect(histogramMedian(buckets)).toBe(expected);
  });
});

describe('figures', () => {
  it('derives rates and medians from counters', () => {
    // Act
    const f = figures({
      submitted: 4,
      cycles: 6,
      n_card: 3,
      n_manager: 1,
      s_testing: 2,
      s_adopted: 1,
      s_declined: 1,
      h_card_0_0: 3,
      h_manager_48_0: 1,
    });

    // Assess
    expect(f.submitted).toBe(4);
    expect(f.autoAuthorisedRate).toBe(0.75);
    expect(f.cyclesPerExperiment).toBe(1.5);
    expect(f.medianHoursByCard).toBe(0);
    expect(f.medianHoursByManager).toBe(48);
    expect(f.medianHoursToAuthorisation).toBe(0);
    expect(f.outcomes).toEqual({ adopted: 1, abandoned: 0, testing: 2 });
    expect(f.totals.declined).toBe(1);
    expect(f.totals.assessing).toBe(0);
  });
});
