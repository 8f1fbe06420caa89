/**
 * A draft of the next card version, as the policy form holds it: its fields, the request the API would
 * get, and validation with the API's own schema.
 */
import { type Policy, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import { type Issue, type PolicyRequest, policySchema, toIssues } from '#shared/domain/schemas.ts';
import { parseAmount } from '../../form/numbers.ts';

export const DRAFT_PATHS = [
  ...THRESHOLD_FIELDS.map((f) => `thresholds.${f}`),
  'decisionDeadlineDays',
  'reason',
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
});

export const readDraft = (form: URLSearchParams): Draft =>
  Object.fromEntries(DRAFT_PATHS.map((p) => [p, form.get(p) ?? '']));

const toRequest = (draft: Draft): unknown => ({
  thresholds: Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f, parseAmount(draft[`thresholds.${f}`])])),
  decisionDeadlineDays: parseAmount(draft.decisionDeadlineDays),
  reason: draft.reason ?? '',
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
