/**
 * A draft of the next card version, as the policy form holds it: its fields, the request the API would
 * get, and validation with the API's own schema.
 */
import { type Policy, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import { type Issue, type PolicyRequest, policySchema, toIssues } from '#shared/domain/schemas.ts';
import { TEAM_IDS } from '#shared/domain/teams.ts';
import { parseAmount } from '../../form/numbers.ts';

/** A team's own limit in the form: empty means the card's own. */
export const teamPath = (team: string, field: string) => `teams.${team}.${field}`;
const TEAM_PATHS = TEAM_IDS.flatMap((team) => THRESHOLD_FIELDS.map((f) => teamPath(team, f)));

export const DRAFT_PATHS = [
  ...THRESHOLD_FIELDS.map((f) => `thresholds.${f}`),
  'decisionDeadlineDays',
  'reason',
  ...TEAM_PATHS,
];

// The decision form has a "reason" too, with other messages; the policy's is looked up by its own name.
const ISSUE_PATH: Record<string, string> = { reason: 'policyReason' };

/** Where an issue of this path shows: the policy's reason has a name of its own. */
export const issuePath = (path: string): string => ISSUE_PATH[path] ?? path;

export type Draft = Record<string, string>;

/** The current version's values, to start a draft from. */
export const draftFrom = (policy: Policy): Draft => ({
  ...Object.fromEntries(THRESHOLD_FIELDS.map((f) => [`thresholds.${f}`, String(policy.thresholds[f])])),
  decisionDeadlineDays: String(policy.decisionDeadlineDays),
  reason: '',
  // The teams' own limits go on into the next version unless the leader changes them.
  ...Object.fromEntries(
    Object.entries(policy.teams ?? {}).flatMap(([team, limits]) =>
      Object.entries(limits).map(([field, value]) => [teamPath(team, field), String(value)]),
    ),
  ),
});

export const readDraft = (form: URLSearchParams): Draft =>
  Object.fromEntries(DRAFT_PATHS.map((p) => [p, form.get(p) ?? '']));

/** The teams' own limits typed in the form: a number where one was typed, nothing for an empty box. */
const teamsRequest = (draft: Draft) => {
  const teams: Record<string, Record<string, unknown>> = {};
  for (const team of TEAM_IDS) {
    const own: Record<string, unknown> = {};
    for (const field of THRESHOLD_FIELDS) {
      const typed = draft[teamPath(team, field)]?.trim() ?? '';
      if (typed !== '') own[field] = parseAmount(typed);
    }
    if (Object.keys(own).length > 0) teams[team] = own;
  }
  return Object.keys(teams).length > 0 ? { teams } : {};
};

const toRequest = (draft: Draft): unknown => ({
  thresholds: Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f, parseAmount(draft[`thresholds.${f}`])])),
  decisionDeadlineDays: parseAmount(draft.decisionDeadlineDays),
  reason: draft.reason ?? '',
  ...teamsRequest(draft),
});

export const validateDraft = (
  draft: Draft,
): { ok: true; body: PolicyRequest } | { ok: false; issues: Issue[] } => {
  const parsed = policySchema.safeParse(toRequest(draft));
  if (parsed.success) return { ok: true, body: parsed.data };
  return {
    ok: false,
    issues: toIssues(parsed.error).map((issue) => ({ ...issue, path: issuePath(issue.path) })),
  };
};
