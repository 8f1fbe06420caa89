/**
 * The teams' names, in English and Welsh: the one list, read by the pages' catalogues and by the
 * library's open data. A team is a slug on the person's account (`custom:team`); a slug not listed
 * here is shown as itself, so a team added in Cognito first is never hidden.
 */
export type TeamLanguage = 'en' | 'cy';

export const TEAM_NAMES: Readonly<Record<string, Readonly<Record<TeamLanguage, string>>>> = {
  'early-help': { en: 'Early help', cy: 'Cymorth cynnar' },
  'youth-justice': { en: 'Youth justice', cy: 'Cyfiawnder ieuenctid' },
  'family-support': { en: 'Family support', cy: 'Cymorth i deuluoedd' },
  'children-services': { en: "Children's services", cy: 'Gwasanaethau plant' },
};

/** Every listed team's name in one language, by slug. */
export const teamNames = (language: TeamLanguage): Record<string, string> =>
  Object.fromEntries(Object.entries(TEAM_NAMES).map(([slug, names]) => [slug, names[language]]));

/** A team's names; the slug itself for a team not listed. */
export const teamName = (slug: string): Readonly<Record<TeamLanguage, string>> =>
  TEAM_NAMES[slug] ?? { en: slug, cy: slug };
