import { describe, expect, it } from 'vitest';
import { DEMO_USERS, demoPerson } from '#infra/local/demo-users.ts';
import { assess } from '#shared/domain/assess.ts';
import { POLICY_V1 } from '#shared/domain/card.ts';
import { submissionSchema } from '#shared/domain/schemas.ts';
import { TEAM_SLUG } from '#shared/domain/teams.ts';
import { outsideIdea, PEOPLE, SMALLEST_ANSWERS, sampleIdea, userOf } from '#test/support/fixtures.ts';

describe('the sample data every test uses', () => {
  it('has a sample idea the API accepts and card v1 authorises, and one outside it on cost and people', () => {
    // Act
    const inside = submissionSchema.safeParse(sampleIdea());
    const outside = submissionSchema.safeParse(outsideIdea());

    // Assess
    expect(inside.success && outside.success).toBe(true);
    expect(assess(sampleIdea().card, POLICY_V1).decision).toBe('authorised');
    expect(assess(SMALLEST_ANSWERS, POLICY_V1).decision).toBe('authorised');
    expect(assess(outsideIdea().card, POLICY_V1).reasons.map((r) => r.rule)).toEqual([
      'extraCost',
      'peopleInvolved',
    ]);
  });

  it('has people a token or the demo sign-in accepts, and the demo users are the first six of them (one per role and team)', () => {
    // Act
    const users = Object.values(PEOPLE).map(userOf);

    // Assess
    for (const user of users) expect(user.team).toMatch(TEAM_SLUG);
    expect(DEMO_USERS.map((u) => u.sub)).toEqual(['sam', 'rhys', 'megan', 'owen', 'carys', 'gwen']);
    expect(DEMO_USERS.map(demoPerson)).toEqual(DEMO_USERS.map(userOf));
  });
});
