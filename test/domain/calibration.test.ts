import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CALIBRATION_PARAMETERS,
  calibrate,
  calibrateRules,
  type Decided,
  lastMonths,
  type RuleCounters,
  suggestLimit,
  sumRuleCounters,
  type TeamMonth,
  teamEligibility,
} from '#shared/domain/calibration.ts';
import { CARD_FIELDS, CHOICE_FIELDS, POLICY_V1, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import { amountIn } from './arbitraries.ts';

type Case = [answer: number, outcome: 'approve' | 'decline'];

/** Counters as the store would hold them after these decided only-reason escalations. */
const byAnswer = (cases: readonly Case[]): { [answer: string]: Decided } => {
  const counts: { [answer: string]: Decided } = {};
  for (const [answer, outcome] of cases) {
    const key = String(answer);
    const seen = counts[key] ?? { approved: 0, declined: 0 };
    counts[key] = {
      approved: seen.approved + (outcome === 'approve' ? 1 : 0),
      declined: seen.declined + (outcome === 'decline' ? 1 : 0),
    };
  }
  return counts;
};
const range = (from: number, step: number, count: number, outcome: Case[1]): Case[] =>
  Array.from({ length: count }, (_, i) => [from + i * step, outcome]);

describe('suggestLimit: the worked example and cases that interleave', () => {
  it('20 approved at £550–£740 and 10 declined at £810–£900 suggest £740', () => {
    // Prepare: the example, £10 apart
    const cases = [...range(550, 10, 20, 'approve'), ...range(810, 10, 10, 'decline')];

    // Act
    const result = suggestLimit(byAnswer(cases), 500);

    // Assess
    expect(result).toEqual({ suggestedLimit: 740, wouldAuthorise: 20, wouldAuthoriseDeclined: 0 });
  });

  it('a lone decline among approvals is let through when the rate stays above 90%', () => {
    const cases = [
      ...range(510, 10, 10, 'approve'),
      [605, 'decline'] as Case,
      ...range(610, 10, 9, 'approve'),
    ];
    expect(suggestLimit(byAnswer(cases), 500)).toEqual({
      suggestedLimit: 690,
      wouldAuthorise: 20,
      wouldAuthoriseDeclined: 1,
    });
  });

  it('early declines need enough approvals after them to bring the rate to 90%', () => {
    // 2 declined, then approvals: k / (k + 2) >= 0.9 first holds at k = 18
    const cases = [...range(510, 10, 2, 'decline'), ...range(530, 10, 17, 'approve')];
    expect(suggestLimit(byAnswer(cases), 500).suggestedLimit).toBeNull();
    const more = [...cases, [700, 'approve'] as Case];
    expect(suggestLimit(byAnswer(more), 500)).toEqual({
      suggestedLimit: 700,
      wouldAuthorise: 20,
      wouldAuthoriseDeclined: 2,
    });
  });

  it('stops below a run of declines that later approvals do not make up for', () => {
    // 10 approved to £600; 3 declined £610–£630; 5 approved £640–£680: 15 of 18 is 83%
    const cases = [
      ...range(510, 10, 10, 'approve'),
      ...range(610, 10, 3, 'decline'),
      ...range(640, 10, 5, 'approve'),
    ];
    expect(suggestLimit(byAnswer(cases), 500)).toEqual({
      suggestedLimit: 600,
      wouldAuthorise: 10,
      wouldAuthoriseDeclined: 0,
    });
  });

  it('counts a decline at the same answer as the suggested one', () => {
    const cases = [...range(510, 10, 18, 'approve'), [680, 'decline'] as Case, [680, 'approve'] as Case];
    expect(suggestLimit(byAnswer(cases), 500)).toEqual({
      suggestedLimit: 680,
      wouldAuthorise: 20,
      wouldAuthoriseDeclined: 1,
    });
  });

  it('never suggests the answer of a declined case', () => {
    const cases = [...range(510, 10, 20, 'approve'), [900, 'decline'] as Case];
    expect(suggestLimit(byAnswer(cases), 500).suggestedLimit).toBe(700);
  });

  it('gives nothing with 9 decisions, all approved', () => {
    expect(suggestLimit(byAnswer(range(510, 10, 9, 'approve')), 500)).toEqual({
      suggestedLimit: null,
      wouldAuthorise: 0,
      wouldAuthoriseDeclined: 0,
    });
  });

  it('gives nothing when the answer found is not above the current limit', () => {
    // Cases from an older, lower limit: all at or below today's limit of 600
    const cases = range(410, 10, 20, 'approve');
    expect(suggestLimit(byAnswer(cases), 600).suggestedLimit).toBeNull();
    expect(suggestLimit(byAnswer(cases), 599).suggestedLimit).toBe(600);
  });

  it('reads answers as numbers: £1,000 sorts after £900, pence count, and bad keys are ignored', () => {
    // Prepare
    const counts = {
      ...byAnswer([...range(900, 10, 9, 'approve'), [1000, 'approve'], [500.5, 'approve']]),
      'not a number': { approved: 100, declined: 0 },
      '': { approved: 100, declined: 0 },
    };

    // Act
    const result = suggestLimit(counts, 500);

    // Assess
    expect(result).toEqual({ suggestedLimit: 1000, wouldAuthorise: 11, wouldAuthoriseDeclined: 0 });
  });
});

describe('calibrateRules', () => {
  const counters: RuleCounters[] = [
    {
      rule: 'extraCost',
      escalations: 32,
      onlyReason: 30,
      approved: 21,
      declined: 10,
      onlyReasonByAnswer: byAnswer([...range(550, 10, 20, 'approve'), ...range(810, 10, 10, 'decline')]),
    },
    { rule: 'safeguarding', escalations: 12, onlyReason: 12, approved: 11, declined: 1 },
  ];

  it("gives one row per rule in the card's order, with the suggestion on the threshold rule", () => {
    // Act
    const rows = calibrateRules(counters, POLICY_V1.thresholds);

    // Assess
    expect(rows.map((row) => row.rule)).toEqual(CARD_FIELDS);
    expect(rows.find((row) => row.rule === 'extraCost')).toEqual({
      rule: 'extraCost',
      escalations: 32,
      onlyReason: 30,
      approved: 21,
      declined: 10,
      pending: 1,
      approvalRate: 21 / 31,
      suggestedLimit: 740,
      wouldAuthorise: 20,
      wouldAuthoriseDeclined: 0,
    });
  });

  it('gives a safety gate counts and a rate, never a suggestion', () => {
    expect(calibrateRules(counters, POLICY_V1.thresholds).find((row) => row.rule === 'safeguarding')).toEqual(
      {
        rule: 'safeguarding',
        escalations: 12,
        onlyReason: 12,
        approved: 11,
        declined: 1,
        pending: 0,
        approvalRate: 11 / 12,
        suggestedLimit: null,
        wouldAuthorise: 0,
        wouldAuthoriseDeclined: 0,
      },
    );
  });

  it('gives zeros and no rate for a rule never escalated', () => {
    expect(calibrateRules([], POLICY_V1.thresholds).find((row) => row.rule === 'staffHours')).toEqual({
      rule: 'staffHours',
      escalations: 0,
      onlyReason: 0,
      approved: 0,
      declined: 0,
      pending: 0,
      approvalRate: null,
      suggestedLimit: null,
      wouldAuthorise: 0,
      wouldAuthoriseDeclined: 0,
    });
  });

  it('adds up months before it judges', () => {
    // Prepare: the worked example split over two months
    const may: RuleCounters = {
      rule: 'extraCost',
      escalations: 20,
      onlyReason: 20,
      approved: 20,
      declined: 0,
      onlyReasonByAnswer: byAnswer(range(550, 10, 20, 'approve')),
    };
    const june: RuleCounters = {
      rule: 'extraCost',
      escalations: 10,
      onlyReason: 10,
      approved: 0,
      declined: 10,
      onlyReasonByAnswer: byAnswer(range(810, 10, 10, 'decline')),
    };

    // Act
    const [row] = calibrateRules([may, june], POLICY_V1.thresholds).filter((r) => r.rule === 'extraCost');

    // Assess
    expect(row).toMatchObject({ escalations: 30, approved: 20, declined: 10, suggestedLimit: 740 });
    expect(sumRuleCounters([may, june])).toHaveLength(1);
  });
});

const month = (team: string, monthKey: string, over: Partial<TeamMonth> = {}): TeamMonth => ({
  team,
  month: monthKey,
  closed: 0,
  escalationsApproved: 0,
  escalationsDecided: 0,
  incidents: { minor: 0, serious: 0 },
  ...over,
});
const TODAY = new Date('2026-06-15T12:00:00Z');

describe('team eligibility', () => {
  it('counts this month and the 11 before it, on the London calendar', () => {
    expect(lastMonths(TODAY)).toEqual([
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(lastMonths(new Date('2026-06-30T23:30:00Z')).at(-1)).toBe('2026-07');
  });

  it('is eligible with 10 closed, 90% approved and no serious incident', () => {
    // Act
    const [team] = teamEligibility(
      [
        month('early-help', '2025-07', { closed: 4, escalationsApproved: 5, escalationsDecided: 5 }),
        month('early-help', '2026-06', {
          closed: 6,
          escalationsApproved: 4,
          escalationsDecided: 5,
          incidents: { minor: 2, serious: 0 },
        }),
      ],
      TODAY,
    );

    // Assess
    expect(team).toEqual({
      team: 'early-help',
      closed: 10,
      escalationsApproved: 9,
      escalationsDecided: 10,
      incidents: { minor: 2, serious: 0 },
      eligible: true,
    });
  });

  it.each([
    ['9 closed', { closed: 9, escalationsApproved: 9, escalationsDecided: 10 }],
    ['89% approved', { closed: 10, escalationsApproved: 8, escalationsDecided: 9 }],
    [
      'a serious incident',
      { closed: 10, escalationsApproved: 10, escalationsDecided: 10, incidents: { minor: 0, serious: 1 } },
    ],
    ['no decided escalation yet', { closed: 30, escalationsApproved: 0, escalationsDecided: 0 }],
  ])('is not eligible with %s', (_, over) => {
    expect(teamEligibility([month('youth-justice', '2026-01', over)], TODAY)[0]?.eligible).toBe(false);
  });

  it('forgets what happened more than 12 calendar months ago', () => {
    // Prepare: a serious incident in June 2025, outside July 2025 to June 2026
    const months = [
      month('family-support', '2025-06', { incidents: { minor: 0, serious: 1 }, closed: 50 }),
      month('family-support', '2025-07', { closed: 10, escalationsApproved: 10, escalationsDecided: 10 }),
    ];

    // Act
    const [team] = teamEligibility(months, TODAY);

    // Assess
    expect(team).toMatchObject({ closed: 10, incidents: { minor: 0, serious: 0 }, eligible: true });
  });

  it('lists teams in order of their slug', () => {
    const teams = teamEligibility(
      [month('b', '2026-06'), month('a', '2026-06'), month('c', '2026-05')],
      TODAY,
    );
    expect(teams.map((t) => t.team)).toEqual(['a', 'b', 'c']);
  });
});

describe('calibrate', () => {
  it("answers with rules, teams and the spec's parameters", () => {
    const body = calibrate({ rules: [], currentLimits: POLICY_V1.thresholds, teams: [], today: TODAY });
    expect(body.parameters).toEqual({ minDecisions: 10, minApprovalRate: 0.9 });
    expect(body.rules).toHaveLength(CARD_FIELDS.length);
    expect(body.teams).toEqual([]);
  });
});

// ---- Properties (issue #16) -------------------------------------------------------------------------

const decidedCases = fc.array(
  fc.tuple(amountIn(0, 1500, 2), fc.constantFrom<Case[1]>('approve', 'approve', 'approve', 'decline')),
  { maxLength: 80 },
);
const cumulative = (cases: readonly Case[], v: number) => {
  const upTo = cases.filter(([answer]) => answer <= v);
  const approved = upTo.filter(([, o]) => o === 'approve').length;
  return { approved, decided: upTo.length };
};

describe('calibration: properties', () => {
  it('the suggested limit is an approved answer whose decided cases up to it pass both tests, and no larger one does', () => {
    fc.assert(
      fc.property(decidedCases, amountIn(0, 1000, 2), (cases, limit) => {
        // Act
        const { suggestedLimit, wouldAuthorise, wouldAuthoriseDeclined } = suggestLimit(
          byAnswer(cases),
          limit,
        );

        // Assess
        const { minDecisions, minApprovalRate } = CALIBRATION_PARAMETERS;
        const passes = (v: number) => {
          const { approved, decided } = cumulative(cases, v);
          return decided >= minDecisions && approved / decided >= minApprovalRate;
        };
        const approvedAnswers = cases.filter(([, o]) => o === 'approve').map(([a]) => a);
        if (suggestedLimit === null) {
          expect(approvedAnswers.filter((a) => a > limit && passes(a))).toEqual([]);
          return;
        }
        expect(approvedAnswers).toContain(suggestedLimit);
        expect(passes(suggestedLimit)).toBe(true);
        expect(approvedAnswers.filter((a) => a > suggestedLimit && passes(a))).toEqual([]);
        const { approved, decided } = cumulative(cases, suggestedLimit);
        expect([wouldAuthorise, wouldAuthoriseDeclined]).toEqual([decided, decided - approved]);
      }),
    );
  });

  it('never suggests a value at or below the current limit', () => {
    fc.assert(
      fc.property(decidedCases, amountIn(0, 1500, 2), (cases, limit) => {
        const { suggestedLimit } = suggestLimit(byAnswer(cases), limit);
        if (suggestedLimit !== null) expect(suggestedLimit).toBeGreaterThan(limit);
      }),
    );
  });

  it('suggests nothing with fewer than minDecisions decisions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(amountIn(0, 1500, 2), fc.constantFrom<Case[1]>('approve', 'decline')), {
          maxLength: 9,
        }),
        (cases) => {
          expect(suggestLimit(byAnswer(cases), 0)).toEqual({
            suggestedLimit: null,
            wouldAuthorise: 0,
            wouldAuthoriseDeclined: 0,
          });
        },
      ),
    );
  });

  it('never gives a safety gate a suggestion, whatever its counters hold', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHOICE_FIELDS), decidedCases, (rule, cases) => {
        const approved = cases.filter(([, o]) => o === 'approve').length;
        const counters: RuleCounters = {
          rule,
          escalations: cases.length,
          onlyReason: cases.length,
          approved,
          declined: cases.length - approved,
          onlyReasonByAnswer: byAnswer(cases),
        };
        const row = calibrateRules([counters], POLICY_V1.thresholds).find((r) => r.rule === rule);
        expect(row).toMatchObject({ suggestedLimit: null, wouldAuthorise: 0, wouldAuthoriseDeclined: 0 });
        expect(row?.approvalRate).toBe(cases.length === 0 ? null : approved / cases.length);
      }),
    );
  });

  it('the order in which decisions are counted changes nothing', () => {
    fc.assert(
      fc.property(decidedCases, fc.constantFrom(...THRESHOLD_FIELDS), fc.nat(), (cases, rule, split) => {
        const cut = cases.length === 0 ? 0 : split % cases.length;
        const one = (part: Case[]): RuleCounters => ({
          rule,
          escalations: part.length,
          onlyReason: part.length,
          approved: part.filter(([, o]) => o === 'approve').length,
          declined: part.filter(([, o]) => o === 'decline').length,
          onlyReasonByAnswer: byAnswer(part),
        });
        const whole = calibrateRules([one(cases)], POLICY_V1.thresholds);
        const parts = calibrateRules([one(cases.slice(cut)), one(cases.slice(0, cut))], POLICY_V1.thresholds);
        expect(parts).toEqual(whole);
      }),
    );
  });
});
