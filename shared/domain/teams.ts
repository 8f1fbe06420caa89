/**
 * Teams: what a team id looks like, and the teams the service knows by name: the one list, read by the
 * pages' catalogues and by the library's open data. A team id comes from the identity provider
 * (Cognito's `custom:team`); a team not listed here still works everywhere and is shown by its id, so a
 * team added in Cognito first is never hidden.
 */

/** A team id: lower-case letters, numbers and hyphens, as `early-help`. */
export const TEAM_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type TeamLanguage = 'en' | 'cy';

/** The known teams, in the order the pages offer them, with their names in English and Welsh. */
export const TEAMS = [
  { id: 'early-help', en: 'Early help', cy: 'Cymorth cynnar' },
  { id: 'youth-justice', en: 'Youth justice', cy: 'Cyfiawnder ieuenctid' },
  { id: 'family-support', en: 'Family support', cy: 'Cymorth i deuluoedd' },
  { id: 'children-services', en: "Children's services", cy: 'Gwasanaethau plant' },
  { id: 'information-governance', en: 'Information governance', cy: 'Llywodraethu gwybodaeth' },
] as const satisfies readonly ({ id: string } & Record<TeamLanguage, string>)[];

export const TEAM_IDS: readonly string[] = TEAMS.map((team) => team.id);

/** The teams' names in one language, by id. */
export const teamNames = (language: TeamLanguage): Readonly<Record<string, string>> =>
  Object.fromEntries(TEAMS.map((team) => [team.id, team[language]]));

/** A team's names in both languages; its id for a team not listed. */
export const teamName = (id: string): Readonly<Record<TeamLanguage, string>> => {
  const team = TEAMS.find((t) => t.id === id);
  return team ? { en: team.en, cy: team.cy } : { en: id, cy: id };
};
