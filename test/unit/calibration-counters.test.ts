import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrate } from '#shared/domain/calibration.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import {
  calibrationDeltas,
  calibrationItemDeltas,
  readCalibrationItems,
} from '#shared/store/calibration-counters.ts';
import { calibrationAnswersKey, calibrationKey, parseCalibrationKey } from '#shared/store/keys.ts';
import { sampleCard, sampleExperiment } from '#test/support/fixtures.ts';

const submitted: Experiment = sampleExperiment({
  card: sampleCard({ extraCost: 600 }),
  createdAt: '2026-03-31T22:30:00.000Z',
  updatedAt: '2026-03-31T22:30:00.000Z',
});

const reason = (rule: 'extraCost' | 'peopleInvolved', answer: number, limit: number) => ({
  rule,
  answer,
  limit,
  message: 'Above the limit',
});

/** Escalated at 23:30 on 31 March UTC, which is 1 April in London (summer time). */
const escalated = (reasons = [reason('extraCost', 600, 500)]): Experiment => ({
  ...submitted,
  status: 'escalated',
  everEscalated: true,
  escalatedAt: '2026-03-31T23:30:00.000Z',
  assessment: { decision: 'escalated', reasons, policyVersion: 1, assessedAt: '2026-03-31T23:30:00.000Z' },
});

const decided = (exp: Experiment, outcome: 'approve' | 'decline'): Experiment => ({
  ...exp,
  status: outcome === 'approve' ? 'authorised' : 'declined',
  closedAt: outcome === 'decline' ? '2026-05-02T10:00:00.000Z' : undefined,
  decision: { outcome, by: 'megan', byName: 'Megan', at: '2026-05-02T10:00:00.000Z' },
});

const cycle = (number: number, incident?: 'none' | 'minor' | 'serious') => ({
  number,
  result: 'worked' as const,
  observed: 'o',
  learned: 'l',
  next: 'adapt' as const,
  recordedAt: '2026-06-10T10:00:00.000Z',
  recordedBy: 'sam',
  ...(incident ? { incident } : {}),
  ...(incident && incident !== 'none' ? { incidentDetail: 'What went wrong' } : {}),
});

const asObject = (deltas: ReturnType<typeof calibrationDeltas>) => Object.fromEntries(deltas);

describe('calibrationDeltas', () => {
  it('counts an escalation, and its decision, in the London month of the escalation', () => {
    // Act
    const onEscalation = calibrationDeltas(submitted, escalated());
    const onDecision = calibrationDeltas(escalated(), decided(escalated(), 'approve'));

    // Assess
    expect(asObject(onEscalation)).toEqual({ '2026-04': { 'e#extraCost': 1, 'o#extraCost': 1 } });
    expect(asObject(onDecision)).toEqual({
      '2026-04': { 'y#extraCost': 1, 'a#extraCost#600#y': 1, decided: 1, approved: 1 },
    });
  });

  it('counts answers by value only when the rule was the only reason, and closings in their own month', () => {
    // Prepare
    const twoReasons = escalated([reason('extraCost', 600, 500), reason('peopleInvolved', 12, 10)]);

    // Act
    const declined = calibrationDeltas(twoReasons, decided(twoReasons, 'decline'));

    // Assess
    expect(asObject(declined)).toEqual({
      '2026-04': { 'n#extraCost': 1, 'n#peopleInvolved': 1, decided: 1 },
      '2026-05': { closed: 1 },
    });
  });

  it('counts minor and serious incidents of new cycles only, never none or a cycle from before the question', () => {
    // Prepare
    const testing: Experiment = { ...submitted, status: 'testing' };
    const withCycles: Experiment = { ...testing, cycles: [cycle(1), cycle(2, 'none'), cycle(3, 'serious')] };
    const withMore: Experiment = { ...withCycles, cycles: [...withCycles.cycles, cycle(4, 'minor')] };

    // Act / Assess
    expect(asObject(calibrationDeltas(testing, withCycles))).toEqual({
      '2026-06': { 'incident#serious': 1 },
    });
    expect(asObject(calibrationDeltas(withCycles, withMore))).toEqual({ '2026-06': { 'incident#minor': 1 } });
    expect(calibrationDeltas(withMore, { ...withMore, updatedAt: '2026-07-01T00:00:00.000Z' }).size).toBe(0);
  });

  it('adds up, step by step, to what the whole life counts at once (what the bench loads)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'approve' | 'decline'>('approve', 'decline'),
        fc.boolean(),
        (outcome, serious) => {
          // Prepare
          const steps = [submitted, escalated(), decided(escalated(), outcome)];
          const last = steps.at(-1) as Experiment;
          if (outcome === 'approve')
            steps.push({
              ...last,
              status: 'abandoned',
              closedAt: '2026-06-10T10:00:00.000Z',
              cycles: [cycle(1, serious ? 'serious' : 'none')],
            });
          const sum: Record<string, Record<string, number>> = {};
          for (let i = 1; i < steps.length; i++) {
            for (const [month, deltas] of calibrationDeltas(steps[i - 1], steps[i] as Experiment)) {
              const into = sum[month] ?? {};
              sum[month] = into;
              for (const [name, n] of Object.entries(deltas)) into[name] = (into[name] ?? 0) + n;
            }
          }

          // Act
          const whole = asObject(calibrationDeltas(undefined, steps.at(-1) as Experiment));

          // Assess
          expect(whole).toEqual(sum);
        },
      ),
    );
  });
});

describe('readCalibrationItems', () => {
  it('reads the counters back into what calibrate takes, per rule within the months asked and per team', () => {
    // Prepare
    const items = [
      {
        ...calibrationKey('2026-04', 'early-help', 0),
        'e#extraCost': 12,
        'o#extraCost': 12,
        'y#extraCost': 11,
        'n#extraCost': 1,
        decided: 12,
        approved: 11,
        closed: 10,
      },
      {
        ...calibrationKey('2026-04', 'early-help', 1),
        'a#extraCost#600#y': 6,
        'a#extraCost#700#y': 5,
        'a#extraCost#900#n': 1,
      },
      { ...calibrationKey('2025-01', 'youth-justice', 0), 'e#extraCost': 3, 'incident#serious': 1 },
    ];

    // Act
    const { rules, teams } = readCalibrationItems(items, '2026-01', '2026-12');
    const result = calibrate({
      rules,
      currentLimits: { extraCost: 500, peopleInvolved: 10, durationWeeks: 6, staffHours: 20 },
      teams,
      today: new Date('2026-06-15T12:00:00Z'),
    });

    // Assess
    const extraCost = result.rules.find((rule) => rule.rule === 'extraCost');
    expect(extraCost).toMatchObject({
      escalations: 12,
      approved: 11,
      declined: 1,
      suggestedLimit: 700,
      wouldAuthorise: 11,
      wouldAuthoriseDeclined: 0,
    });
    expect(teams).toContainEqual({
      team: 'youth-justice',
      month: '2025-01',
      closed: 0,
      escalationsApproved: 0,
      escalationsDecided: 0,
      incidents: { minor: 0, serious: 1 },
    });
  });
});

describe('calibrationItemDeltas', () => {
  it("puts the counters by answer on the month's answers item and the rest on the team's item", () => {
    // Act
    const items = calibrationItemDeltas(
      '2026-04',
      'early-help',
      { 'e#extraCost': 1, 'y#extraCost': 1, 'a#extraCost#600#y': 1, decided: 1, approved: 1 },
      1,
    );

    // Assess
    expect(items).toEqual([
      {
        key: calibrationKey('2026-04', 'early-help', 1),
        deltas: { 'e#extraCost': 1, 'y#extraCost': 1, decided: 1, approved: 1 },
      },
      { key: calibrationAnswersKey('2026-04', 1), deltas: { 'a#extraCost#600#y': 1 } },
    ]);
    expect(parseCalibrationKey(calibrationAnswersKey('2026-04', 1).sk)).toEqual({ month: '2026-04' });
  });

  it('writes no item that would get no counter', () => {
    expect(calibrationItemDeltas('2026-04', 'early-help', { closed: 1 }, 0)).toEqual([
      { key: calibrationKey('2026-04', 'early-help', 0), deltas: { closed: 1 } },
    ]);
    expect(calibrationItemDeltas('2026-04', 'early-help', { 'a#extraCost#600#n': 1 }, 0)).toEqual([
      { key: calibrationAnswersKey('2026-04', 0), deltas: { 'a#extraCost#600#n': 1 } },
    ]);
  });

  it('gives the same answer read back from the split items as from one item per team and month', () => {
    // Prepare
    const deltas: { team: string; d: Record<string, number> }[] = [
      {
        team: 'early-help',
        d: {
          'e#extraCost': 2,
          'o#extraCost': 2,
          'y#extraCost': 2,
          decided: 2,
          approved: 2,
          'a#extraCost#600#y': 1,
          'a#extraCost#700#y': 1,
        },
      },
      {
        team: 'fostering',
        d: {
          'e#extraCost': 9,
          'o#extraCost': 9,
          'y#extraCost': 8,
          'n#extraCost': 1,
          decided: 9,
          approved: 8,
          'a#extraCost#650#y': 8,
          'a#extraCost#900#n': 1,
        },
      },
    ];
    const whole = deltas.map(({ team, d }) => ({ ...calibrationKey('2026-04', team, 0), ...d }));
    const split = deltas.flatMap(({ team, d }) =>
      calibrationItemDeltas('2026-04', team, d, 0).map(({ key, deltas: c }) => ({ ...key, ...c })),
    );
    const merged = new Map<string, Record<string, unknown>>();
    for (const item of split) merged.set(item.sk, { ...merged.get(item.sk), ...item });
    const answer = (items: Record<string, unknown>[]) => {
      const { rules, teams } = readCalibrationItems(items, '2026-01', '2026-12');
      return calibrate({
        rules,
        currentLimits: { extraCost: 500, peopleInvolved: 10, durationWeeks: 6, staffHours: 20 },
        teams,
        today: new Date('2026-06-15T12:00:00Z'),
      });
    };

    // Act
    const fromSplit = answer([...merged.values()]);

    // Assess
    expect(merged.size).toBe(3);
    expect(fromSplit).toEqual(answer(whole));
    expect(fromSplit.rules.find((rule) => rule.rule === 'extraCost')).toMatchObject({
      suggestedLimit: 700,
      wouldAuthorise: 10,
      wouldAuthoriseDeclined: 0,
    });
    expect(fromSplit.teams.map((team) => team.team)).toEqual(['early-help', 'fostering']);
  });
});
