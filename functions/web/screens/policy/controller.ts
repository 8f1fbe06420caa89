import { type Policy, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import { type Issue, type PolicyRequest, policySchema, toIssues } from '#shared/domain/schemas.ts';
import { ConflictError } from '#shared/errors.ts';
import type { Controller, PageContext } from '../../context.ts';
import { fieldId, formErrors } from '../../form/issues.ts';
import { parseAmount } from '../../form/numbers.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { teamName } from '../../i18n/index.ts';
import { experimentHref, linkHtml } from '../../presenters.ts';

const DRAFT_PATHS = [...THRESHOLD_FIELDS.map((f) => `thresholds.${f}`), 'decisionDeadlineDays', 'reason'];
// The decision form has a "reason" too, with other messages; the policy's is looked up by its own name.
const ISSUE_PATH: Record<string, string> = { reason: 'policyReason' };
const INPUT_ID: Record<string, string> = { reason: 'policyReason' };

type Draft = Record<string, string>;

const draftFrom = (policy: Policy): Draft => ({
  ...Object.fromEntries(THRESHOLD_FIELDS.map((f) => [`thresholds.${f}`, String(policy.thresholds[f])])),
  decisionDeadlineDays: String(policy.decisionDeadlineDays),
  reason: '',
});

const readDraft = (form: URLSearchParams): Draft =>
  Object.fromEntries(DRAFT_PATHS.map((p) => [p, form.get(p) ?? '']));

const toRequest = (draft: Draft): unknown => ({
  thresholds: Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f, parseAmount(draft[`thresholds.${f}`])])),
  decisionDeadlineDays: parseAmount(draft.decisionDeadlineDays),
  reason: draft.reason ?? '',
});

const validate = (draft: Draft): { ok: true; body: PolicyRequest } | { ok: false; issues: Issue[] } => {
  const parsed = policySchema.safeParse(toRequest(draft));
  if (parsed.success) return { ok: true, body: parsed.data };
  return {
    ok: false,
    issues: toIssues(parsed.error).map((issue) => ({ ...issue, path: ISSUE_PATH[issue.path] ?? issue.path })),
  };
};

const showPolicyPage = async (
  ctx: PageContext,
  draft?: Draft,
  issues: Issue[] = [],
): Promise<WebResponse> => {
  const { t, fmt } = ctx;
  const [current, all] = await Promise.all([ctx.services.policies.current(), ctx.services.policies.all()]);
  const days = (n: number) => t.start.days(n, fmt.number(n));
  const currentRows = [
    ...THRESHOLD_FIELDS.map((field) => ({
      key: { text: t.card[field].short },
      value: { text: fmt.amount(field, current.thresholds[field]) },
    })),
    { key: { text: t.policy.deadline }, value: { text: days(current.decisionDeadlineDays) } },
    { key: { text: t.policy.publishedBy }, value: { text: current.publishedBy } },
    { key: { text: t.policy.publishedAt }, value: { text: fmt.date(current.publishedAt) } },
    { key: { text: t.policy.reason }, value: { text: current.reason } },
  ];
  const versions = [...all]
    .sort((a, b) => b.version - a.version)
    .map((policy) => [
      { text: fmt.number(policy.version) },
      { text: fmt.date(policy.publishedAt) },
      {
        text: THRESHOLD_FIELDS.map(
          (field) => `${t.card[field].short}: ${fmt.amount(field, policy.thresholds[field])}`,
        ).join('; '),
      },
      { text: days(policy.decisionDeadlineDays) },
      { text: `${policy.reason} (${policy.publishedBy})` },
    ]);
  const isLeader = ctx.user?.roles.includes('leader') ?? false;
  const values = draft ?? draftFrom(current);
  const errors = formErrors(
    issues,
    t,
    DRAFT_PATHS.map((p) => ISSUE_PATH[p] ?? p),
  );
  const input = (
    path: string,
    label: string,
    opts: { prefix?: string; suffix?: string; decimal: boolean },
  ) => ({
    name: path,
    id: fieldId(INPUT_ID[path] ?? path),
    value: values[path],
    label: { text: label, classes: 'govuk-label--s' },
    inputmode: opts.decimal ? 'decimal' : 'numeric',
    spellcheck: false,
    classes: 'govuk-input--width-5',
    prefix: opts.prefix ? { text: opts.prefix } : undefined,
    suffix: opts.suffix ? { text: opts.suffix } : undefined,
    errorMessage: errors.byPath[ISSUE_PATH[path] ?? path],
  });
  return ctx.render(
    'policy/view.njk',
    {
      heading: t.policy.currentHeading(fmt.number(current.version)),
      currentRows,
      versions,
      isLeader,
      errorList: errors.list,
      limits: THRESHOLD_FIELDS.map((field) =>
        input(`thresholds.${field}`, t.policyForm.limitLabels[field], {
          prefix: t.card[field].prefix,
          suffix: t.card[field].suffix,
          decimal: field === 'extraCost' || field === 'staffHours',
        }),
      ),
      deadline: input('decisionDeadlineDays', t.policyForm.deadlineLabel, {
        suffix: t.policyForm.deadlineSuffix,
        decimal: false,
      }),
      reason: {
        name: 'reason',
        id: 'policyReason',
        rows: 3,
        value: values.reason,
        label: { text: t.policyForm.reasonLabel, classes: 'govuk-label--s' },
        hint: { text: t.policyForm.reasonHint },
        errorMessage: errors.byPath.policyReason,
      },
    },
    { title: t.policy.title, status: issues.length > 0 ? (issues[0]?.path === 'publish' ? 409 : 400) : 200 },
  );
};

/** GET /policy: the card's limits today, every earlier version, and for leaders the publish form. */
export const showPolicy: Controller = async (ctx) => showPolicyPage(ctx);

/** POST /policy/edit: back to the draft from its preview. */
export const editPolicy: Controller = async (ctx) => showPolicyPage(ctx, readDraft(ctx.req.form));

/** POST /policy/preview: the what-if, before anything is published. */
export const previewPolicy: Controller = async (ctx) => {
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const { t, fmt } = ctx;
  const draft = readDraft(ctx.req.form);
  const result = validate(draft);
  if (!result.ok) return showPolicyPage(ctx, draft, result.issues);
  const [current, preview] = await Promise.all([
    ctx.services.policies.current(),
    ctx.services.policies.preview(user, result.body.thresholds),
  ]);
  const next = fmt.number(current.version + 1);
  const decision = (d: 'authorised' | 'escalated') => t.policyForm.decisions[d];
  const days = (n: number) => t.start.days(n, fmt.number(n));
  return ctx.render(
    'policy/preview.njk',
    {
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
      draftRows: [
        ...THRESHOLD_FIELDS.map((field) => ({
          key: { text: t.card[field].short },
          value: {
            text: t.policyForm.fromTo(
              fmt.amount(field, current.thresholds[field]),
              fmt.amount(field, result.body.thresholds[field]),
            ),
          },
        })),
        {
          key: { text: t.policy.deadline },
          value: {
            text: t.policyForm.fromTo(
              days(current.decisionDeadlineDays),
              days(result.body.decisionDeadlineDays),
            ),
          },
        },
        { key: { text: t.policy.reason }, value: { text: result.body.reason } },
      ],
      hidden: DRAFT_PATHS.map((name) => ({ name, value: draft[name] ?? '' })),
      publishText: t.policyForm.publish(next),
    },
    { title: t.policyForm.previewTitle(next) },
  );
};

/** POST /policy/publish: publishes the previewed draft as the next version. */
export const publishPolicy: Controller = async (ctx) => {
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const draft = readDraft(ctx.req.form);
  const result = validate(draft);
  if (!result.ok) return showPolicyPage(ctx, draft, result.issues);
  try {
    const policy = await ctx.services.policies.publish(user, result.body);
    ctx.setFlash({ kind: 'published', version: ctx.fmt.number(policy.version) });
    return redirect('/policy');
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return showPolicyPage(ctx, draft, [{ path: 'publish', message: ctx.t.policyForm.raceError }]);
  }
};
