import { canDecide } from '#shared/domain/access.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import { decisionSchema, type Issue, toIssues } from '#shared/domain/schemas.ts';
import { ConflictError } from '#shared/errors.ts';
import type { User } from '#shared/services/user.ts';
import type { Controller, PageContext } from '../../context.ts';
import { formErrors } from '../../form/issues.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { teamName } from '../../i18n/index.ts';
import { answerSummaryRows, experimentHref, hypothesisRows, reasonText } from '../../presenters.ts';

const DECISION_PATHS = ['outcome', 'conditions', 'reason'];

type DecisionValues = { outcome: string; conditions: string; reason: string };

const notWaiting = (ctx: PageContext, exp: Experiment, user: User, status = 200): WebResponse =>
  ctx.render(
    'case/not-waiting.njk',
    {
      heading: ctx.t.case.notWaitingTitle,
      body:
        exp.owner === user.id && exp.status === 'escalated' ? ctx.t.case.ownIdea : ctx.t.case.notWaitingBody,
      experimentHref: experimentHref(exp.id),
    },
    { title: ctx.t.case.notWaitingTitle, status },
  );

const showCase = (
  ctx: PageContext,
  exp: Experiment,
  values: DecisionValues = { outcome: '', conditions: '', reason: '' },
  issues: Issue[] = [],
): WebResponse => {
  const { t, fmt } = ctx;
  const escalating = new Set<string>((exp.assessment?.reasons ?? []).map((reason) => reason.rule));
  const errors = formErrors(issues, t, DECISION_PATHS);
  return ctx.render(
    'case/view.njk',
    {
      exp,
      caption: t.case.captionFrom(exp.ownerName, teamName(t, exp.team)),
      reasons: (exp.assessment?.reasons ?? []).map((reason) => reasonText(t, fmt, reason)),
      deadline: exp.deadlineAt ? t.case.deadline(fmt.dateTime(exp.deadlineAt)) : undefined,
      answers: answerSummaryRows(t, fmt, exp.card, escalating),
      testCard: hypothesisRows(t, exp),
      values,
      errorList: errors.list,
      errors: errors.byPath,
      action: `/queue/${encodeURIComponent(exp.id)}/decision`,
    },
    { title: exp.title, status: issues.length > 0 ? 400 : 200, backLink: '/queue' },
  );
};

/** GET /queue/:id: the case, with the answers outside the card highlighted, and the decision form. */
export const showCasePage: Controller = async (ctx) => {
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const exp = await ctx.services.experiments.get(user, ctx.params.id ?? '');
  if (exp.status !== 'escalated' || !canDecide(user, exp)) return notWaiting(ctx, exp, user);
  return showCase(ctx, exp);
};

/** POST /queue/:id/decision: approve (optional conditions) or decline (a reason is required). */
export const decideCase: Controller = async (ctx) => {
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  const id = ctx.params.id ?? '';
  const form = ctx.req.form;
  const values: DecisionValues = {
    outcome: form.get('outcome') ?? '',
    conditions: (form.get('conditions') ?? '').trim(),
    reason: (form.get('reason') ?? '').trim(),
  };
  // Without JavaScript both boxes show; only the one under the chosen answer counts.
  const body = {
    ...(values.outcome ? { outcome: values.outcome } : {}),
    ...(values.outcome === 'approve' && values.conditions ? { conditions: values.conditions } : {}),
    ...(values.outcome === 'decline' && values.reason ? { reason: values.reason } : {}),
  };
  const parsed = decisionSchema.safeParse(body);
  if (!parsed.success) {
    const exp = await ctx.services.experiments.get(user, id);
    if (exp.status !== 'escalated' || !canDecide(user, exp)) return notWaiting(ctx, exp, user, 409);
    return showCase(ctx, exp, values, toIssues(parsed.error));
  }
  try {
    const decided = await ctx.services.experiments.decide(user, id, () => parsed.data);
    ctx.setFlash({ kind: parsed.data.outcome === 'approve' ? 'approved' : 'declined', title: decided.title });
    return redirect('/queue');
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Someone else decided first, or the case moved on: say so rather than show a bare error.
    return notWaiting(ctx, await ctx.services.experiments.get(user, id), user, 409);
  }
};
