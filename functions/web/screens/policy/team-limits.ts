/**
 * Per-team limits on "The card" page (version 2): one row per team with limits of its own, and the
 * leaders' boxes for them, grouped by team. An empty box means the card's own limit.
 */
import { type Policy, THRESHOLD_FIELDS, type ThresholdField } from '#shared/domain/card.ts';
import { TEAM_IDS } from '#shared/domain/teams.ts';
import { numberInput } from '../../form/inputs.ts';
import { type Formatter, type Messages, teamName } from '../../i18n/index.ts';
import { type Draft, teamPath } from './draft.ts';

type Teams = Policy['teams'];

export const limitsText = (t: Messages, fmt: Formatter, limits: Partial<Record<ThresholdField, number>>) =>
  THRESHOLD_FIELDS.flatMap((field) => {
    const value = limits[field];
    return value === undefined ? [] : [`${t.card[field].short}: ${fmt.amount(field, value)}`];
  }).join('; ');

/**
 * Summary rows: each team's own limits, or one row saying no team has any. With `was`, each row says
 * what changes from it (the what-if's draft).
 */
export const teamLimitRows = (t: Messages, fmt: Formatter, teams: Teams, was?: Teams) => {
  const named = [...new Set([...Object.keys(teams ?? {}), ...Object.keys(was ?? {})])];
  if (named.length === 0)
    return [{ key: { text: t.cardLearns.teamsHeading }, value: { text: t.cardLearns.noTeams } }];
  return named.map((team) => {
    const now = limitsText(t, fmt, teams?.[team] ?? {}) || '—';
    const text =
      was === undefined ? now : t.policyForm.fromTo(limitsText(t, fmt, was[team] ?? {}) || '—', now);
    return { key: { text: t.cardLearns.teamRow(teamName(t, team)) }, value: { text } };
  });
};

/** A version's teams' own limits, for the table of every version ("Youth justice (own limits): …"). */
export const teamLimitsText = (t: Messages, fmt: Formatter, teams: Teams): string[] =>
  Object.entries(teams ?? {}).map(
    ([team, limits]) => `${t.cardLearns.teamRow(teamName(t, team))}: ${limitsText(t, fmt, limits)}`,
  );

/** The leaders' boxes for each known team's own limits, a fieldset per team. */
export const teamLimitFieldsets = (t: Messages, values: Draft, errors: Record<string, { text: string }>) =>
  TEAM_IDS.map((team) => ({
    legend: t.cardLearns.teamLegend(teamName(t, team)),
    inputs: THRESHOLD_FIELDS.map((field) =>
      numberInput({
        name: teamPath(team, field),
        kind: field,
        value: values[teamPath(team, field)],
        label: t.policyForm.limitLabels[field],
        prefix: t.card[field].prefix,
        suffix: t.card[field].suffix,
        error: errors[teamPath(team, field)],
      }),
    ),
  }));
