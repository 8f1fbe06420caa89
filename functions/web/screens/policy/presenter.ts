/**
 * The card's versions in the page's language: the current limits, every version, the leaders' form for
 * the next one, and the what-if preview of a draft.
 */
import { type Policy, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import type { Issue, PolicyRequest } from '#shared/domain/schemas.ts';
import type { PreviewResult } from '#shared/services/policy-service.ts';
import { numberInput } from '../../form/inputs.ts';
import { formErrors } from '../../form/issues.ts';
import { type Formatter, type Messages, teamName } from '../../i18n/index.ts';
import { experimentHref, linkHtml } from '../../presenters.ts';
import { DRAFT_PATHS, type Draft, issuePath } from './draft.ts';
import { teamLimitFieldsets, teamLimitRows, teamLimitsText } from './team-limits.ts';

const days = (t: Messages, fmt: Formatter, n: number) => t.start.days(n, fmt.number(n));

const summaryRow = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });

/** Who published a version: a leader's name as stored, or the card itself in the page's words. */
const publisher = (t: Messages, policy: Policy): string =>
  policy.publishedBy === 'card' ? t.policy.byTheCard : policy.publishedBy;

/** Why: the leader's words as written, or the service's own reason in the page's words. */
const reasonOf = (t: Messages, policy: Policy): string =>
  policy.reasonCode ? t.policy.reasonCodes[policy.reasonCode] : policy.reason;

const currentRows = (t: Messages, fmt: Formatter, current: Policy) => [
  ...THRESHOLD_FIELDS.map((field) =>
    summaryRow(t.card[field].short, fmt.amount(field, current.thresholds[field])),
  ),
  summaryRow(t.policy.deadline, days(t, fmt, current.decisionDeadlineDays)),
  ...teamLimitRows(t, fmt, current.teams),
  summaryRow(t.policy.publishedBy, publisher(t, current)),
  summaryRow(t.policy.publishedAt, fmt.date(current.publishedAt)),
  summaryRow(t.policy.reason, reasonOf(t, current)),
];

const versionRows = (t: Messages, fmt: Formatter, all: readonly Policy[]) =>
  [...all]
    .sort((a, b) => b.version - a.version)
    .map((policy) => [
      { text: fmt.number(policy.version) },
      { text: fmt.date(policy.publishedAt) },
      {
        text: [
          ...THRESHOLD_FIELDS.map(
            (field) => `${t.card[field].short}: ${fmt.amount(field, policy.thresholds[field])}`,
          ),
          ...teamLimitsText(t, fmt, policy.teams),
        ].join('; '),
      },
      { text: days(t, fmt, policy.decisionDeadlineDays) },
      { text: `${reasonOf(t, policy)} (${publisher(t, policy)})` },
    ]);

/** The leaders' form for the next version, with the draft's values and its errors. */
const draftForm = (t: Messages, values: Draft, issues: Issue[]) => {
  const errors = formErrors(issues, t, DRAFT_PATHS.map(issuePath));
  return {
    errorList: errors.list,
    limits: THRESHOLD_FIELDS.map((field) =>
      numberInput({
        name: `thresholds.${field}`,
        kind: field,
        value: values[`thresholds.${field}`],
        label: t.policyForm.limitLabels[field],
        prefix: t.card[field].prefix,
        suffix: t.card[field].suffix,
        error: errors.byPath[`thresholds.${field}`],
      }),
    ),
    deadline: numberInput({
      name: 'decisionDeadlineDays',
      kind: 'days',
      value: values.decisionDeadlineDays,
      label: t.policyForm.deadlineLabel,
      suffix: t.policyForm.deadlineSuffix,
      error: errors.byPath.decisionDeadlineDays,
    }),
    teamLimits: teamLimitFieldsets(t, values, errors.byPath),
    teamsOpen: issues.some((issue) => issue.path.startsWith('teams')),
    reason: {
      name: 'reason',
      id: 'policyReason',
      rows: 3,
      value: values.reason,
      label: { text: t.policyForm.reasonLabel, classes: 'govuk-label--s' },
      hint: { text: t.policyForm.reasonHint },
      errorMessage: errors.byPath.policyReason,
    },
  };
};

/** The policy page: the current version, every version, and for leaders the form for the next. */
export const policyPageModel = (
  t: Messages,
  fmt: Formatter,
  policies: { current: Policy; all: readonly Policy[] },
  form: { isLeader: boolean; draft: Draft; issues: Issue[] },
) => ({
  heading: t.policy.currentHeading(fmt.number(policies.current.version)),
  currentRows: currentRows(t, fmt, policies.current),
  versions: versionRows(t, fmt, policies.all),
  isLeader: form.isLeader,
  ...draftForm(t, form.draft, form.issues),
});

/** A refusal to publish because someone else published first is a 409; other errors are 400. */
export const policyPageStatus = (issues: Issue[]): number =>
  issues.length === 0 ? 200 : issues[0]?.path === 'publish' ? 409 : 400;

const draftRows = (t: Messages, fmt: Formatter, current: Policy, body: PolicyRequest) => [
  ...THRESHOLD_FIELDS.map((field) =>
    summaryRow(
      t.card[field].short,
      t.policyForm.fromTo(
        fmt.amount(field, current.thresholds[field]),
        fmt.amount(field, body.thresholds[field]),
      ),
    ),
  ),
  summaryRow(
    t.policy.deadline,
    t.policyForm.fromTo(days(t, fmt, current.decisionDeadlineDays), days(t, fmt, body.decisionDeadlineDays)),
  ),
  ...teamLimitRows(t, fmt, body.teams, current.teams ?? {}),
  summaryRow(t.policy.reason, body.reason),
];

/** The what-if: what the draft would change on past ideas, the draft against today's card, and publish. */
export const previewModel = (
  t: Messages,
  fmt: Formatter,
  draft: { values: Draft; body: PolicyRequest },
  seen: { current: Policy; preview: PreviewResult },
) => {
  const { current, preview } = seen;
  const next = fmt.number(current.version + 1);
  const decision = (d: 'authorised' | 'escalated') => t.policyForm.decisions[d];
  return {
    heading: t.policyForm.previewTitle(next),
    summary: t.policyForm.previewSummary(
      fmt.number(preview.considered),
      fmt.number(preview.authorised),
      fmt.number(preview.escalated),
    ),
    changed: preview.changed.map((c) => [
      { html: linkHtml(experimentHref(c.id), c.title) },
      { text: teamName(t, c.team) },
      { text: decision(c.was) },
      { text: decision(c.wouldBe) },
    ]),
    draftRows: draftRows(t, fmt, current, draft.body),
    hidden: DRAFT_PATHS.map((name) => ({ name, value: draft.values[name] ?? '' })),
    publishText: t.policyForm.publish(next),
  };
};
