import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEAM_IDS, TEAM_SLUG, TEAMS, teamNames } from '#shared/domain/teams.ts';

describe('teams', () => {
  it('lists each known team once, with an id that is a team slug and a name in both languages', () => {
    // Assess
    expect(new Set(TEAM_IDS).size).toBe(TEAMS.length);
    for (const team of TEAMS) {
      expect(team.id).toMatch(TEAM_SLUG);
      expect(team.en.trim()).not.toBe('');
      expect(team.cy.trim()).not.toBe('');
    }
    expect(Object.keys(teamNames('en'))).toEqual(TEAM_IDS);
    expect(Object.keys(teamNames('cy'))).toEqual(TEAM_IDS);
  });

  it('takes a team id of lower-case letters, numbers and hyphens, starting with a letter or number', () => {
    // Prepare
    const slug = fc
      .tuple(
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
        fc.string({ maxLength: 62, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-') }),
      )
      .map(([first, rest]) => first + rest);

    // Act / Assess
    fc.assert(fc.property(slug, (id) => TEAM_SLUG.test(id)));
    for (const id of ['', '-early-help', 'Early-help', 'early help', 'early_help', 'a'.repeat(64)])
      expect(TEAM_SLUG.test(id)).toBe(false);
  });
});
