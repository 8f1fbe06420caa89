import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, escalatingFields } from '#shared/domain/assess.ts';
import {
  formatAmount,
  limitsFor,
  POLICY_V1,
  THRESHOLD_FIELDS,
  THRESHOLD_QUESTIONS,
  type ThresholdField,
} from '#shared/domain/card.ts';
import { SMALLEST_ANSWERS as SAFE } from '#test/support/fixtures.ts';
import { cardAnswers, policy, policyWithTeams, teamSlug, teamThresholds } from './arbitraries.ts';

const isThreshold = (rule: string): rule is ThresholdField =>
  (THRESHOLD_FIELDS as readonly string[]).includes(rule);

describe('per-team limits', () => {
  it("uses the team's value, names it in the reason, and keeps the base for other fields", () => {
    // Prepare
    const withTeams = { ...POLICY_V1, teams: { 'early-help': { extraCost: 800 } } };
    const card = { ...SAFE, extraCost: 900, peopleInvolved: 11 };

    // Act
    const result = assess(card, withTeams, 'early-help');

    // Assess
    expect(result.reasons).toEqual([
      {
        rule: 'extraCost',
        answer: 900,
        limit: 800,
        team: 'early-help',
        message: "Extra money: £900 in total, above the team's limit of £800",
      },
      {
        rule: 'peopleInvolved',
        answer: 11,
        limit: 10,
        message:
          "People or families taking part: 11 people or families, above the card's limit of 10 people or families",
      },
    ]);
  });

  it("authorises inside the team's raised limit what the base limit escalates", () => {
    const withTeams = { ...POLICY_V1, teams: { 'early-help': { extraCost: 800 } } };
    const card = { ...SAFE, extraCost: 700 };
    expect(assess(card, withTeams, 'early-help').decision).toBe('authorised');
    expect(assess(card, withTeams, 'youth-justice').decision).toBe('escalated');
    expect(assess(card, withTeams).decision).toBe('escalated');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'reads nothing off the prototype for a team called %j',
    (team) => {
      expect(limitsFor({ ...POLICY_V1, teams: {} }, team)).toEqual({
        thresholds: POLICY_V1.thresholds,
        own: new Set(),
      });
    },
  );

  it("words every threshold's team limit the same way", () => {
    for (const field of THRESHOLD_FIELDS) {
      const limit = formatAmount(20, THRESHOLD_QUESTIONS[field].unit);
      const reason = THRESHOLD_QUESTIONS[field].reason('30', limit, 'team');
      expect(reason.endsWith(`above the team's limit of ${limit}`)).toBe(true);
      expect(THRESHOLD_QUESTIONS[field].reason('30', limit)).toBe(
        THRESHOLD_QUESTIONS[field].reason('30', limit, 'card'),
      );
    }
  });
});

describe('per-team limits: properties', () => {
  it('without teams, any team gets exactly the base assessment', () => {
    fc.assert(
      fc.property(cardAnswers(), policy(), fc.option(teamSlug(), { nil: undefined }), (card, pol, team) => {
        expect(assess(card, pol, team)).toEqual(assess(card, pol));
        expect(assess(card, { ...pol, teams: {} }, team)).toEqual(assess(card, pol));
      }),
    );
  });

  it("a team's entry changes only that team's assessments", () => {
    fc.assert(
      fc.property(
        cardAnswers(),
        policy(),
        teamSlug(),
        teamThresholds(),
        teamSlug(),
        (card, pol, team, limits, other) => {
          fc.pre(other !== team);
          const withTeam = { ...pol, teams: { [team]: limits } };
          expect(assess(card, withTeam, other)).toEqual(assess(card, pol));
          expect(assess(card, withTeam)).toEqual(assess(card, pol));
        },
      ),
    );
  });

  it('each reason gives the limit that was applied, and every number inside its limit passes', () => {
    fc.assert(
      fc.property(cardAnswers(), policyWithTeams(), fc.nat(), (card, pol, pick) => {
        // Prepare
        const teams = Object.keys(pol.teams);
        const team = teams.length > 0 ? teams[pick % teams.length] : undefined;
        const own = team === undefined ? {} : (pol.teams[team] ?? {});

        // Act
        const { reasons } = assess(card, pol, team);

        // Assess
        for (const field of THRESHOLD_FIELDS) {
          const applied = own[field] ?? pol.thresholds[field];
          const reason = reasons.find((r) => r.rule === field);
          expect(reason === undefined).toBe(card[field] <= applied);
          if (!reason) continue;
          expect(reason.limit).toBe(applied);
          expect(reason.team).toBe(own[field] === undefined ? undefined : team);
          expect(reason.message).toContain(formatAmount(applied, THRESHOLD_QUESTIONS[field].unit));
        }
        for (const reason of reasons) if (!isThreshold(reason.rule)) expect(reason.team).toBeUndefined();
      }),
    );
  });

  it("the live preview follows the team's limits too", () => {
    fc.assert(
      fc.property(cardAnswers(), policyWithTeams(), fc.nat(), (card, pol, pick) => {
        const teams = Object.keys(pol.teams);
        const team = teams[pick % Math.max(1, teams.length)];
        expect(escalatingFields(card, pol, team)).toEqual(assess(card, pol, team).reasons.map((r) => r.rule));
      }),
    );
  });
});
