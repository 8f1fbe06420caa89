/**
 * Teams: what a team id looks like, and the teams the service knows by name. A team id comes from the
 * identity provider (Cognito's `custom:team`); a team not listed here still works everywhere and is
 * shown by its id. The language catalogues take the names from here.
 */

/** A team id: lower-case letters, numbers and hyphens, as `early-help`. */
export const TEAM_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The known teams, in the order the pages offer them, with their names in English and Welsh. */
export const TEAMS = [
  { id: 'early-help', en: 'Early help', cy: 'Cymorth cynnar' },
  { id: 'youth-justice', en: 'Youth justice', cy: 'Cyfiawnder ieuenctid' },
  { id: 'family-support', en: 'Family support', cy: 'Cymorth i deuluoedd' },
  { id: 'children-services', en: "Children's services", cy: 'Gwasanaethau plant' },
] as const satisfies readonly { id: string; en: string; cy: string }[];

export const TEAM_IDS: readonly string[] = TEAMS.map((team) => team.id);

/** The teams' names in one language, by id. */
export const teamNames = (language: 'en' | 'cy'): Readonly<Record<string, string>> =>
  Object.fromEntries(TEAMS.map((team) => [team.id, team[language]]));
