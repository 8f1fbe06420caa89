import { canDecide } from '#shared/domain/access.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import { decisionSchema, type Issue, toIssues } from '#shared/domain/schemas.ts';
import { ConflictError } from '#shared/errors.ts';
import type { User } from '#shared/services/user.ts';
import { type Controller, type PageContext, signedIn } from '../../context.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { experimentHref } from '../../presenters.ts';
import { ideasLikeYours } from '../library/ideas-like-yours.ts';
import {
  caseModel,
  type DecisionValues,
  NO_DECISION,
  readDecisionForm,
  toDecisionRequest,
} from './presenter.ts';

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

const showCase = async (ctx: PageContext, exp: Experiment, values = NO_DECISION, issues: Issue[] = []) => {
  const similar = await ideasLikeYours(ctx, exp, { on: 'case', excludeId: exp.id });
  return ctx.render(
    'case/view.njk',
    { ...caseModel(ctx.t, ctx.fmt, exp, { values, issues }), ideasLikeYours: similar },
    { title: exp.title, status: issues.length > 0 ? 400 : 200, backLink: '/queue' },
  );
};

const isWaitingFor = (exp: Experiment, user: User) => exp.status === 'escalated' && canDecide(user, exp);

/** GET /queue/:id: the case, with the answers outside the card highlighted, and the decision form. */
export const showCasePage: Controller = async (ctx) => {
  const user = signedIn(ctx);
  const exp = await ctx.services.experiments.get(user, ctx.params.id ?? '');
  return isWaitingFor(exp, user) ? showCase(ctx, exp) : notWaiting(ctx, exp, user);
};

/** A decision the schema refuses: the case again with the errors, unless it is no longer waiting. */
const refused = async (ctx: PageContext, user: User, values: DecisionValues, issues: Issue[]) => {
  const exp = await ctx.services.experiments.get(user, ctx.params.id ?? '');
  return isWaitingFor(exp, user) ? showCase(ctx, exp, values, issues) : notWaiting(ctx, exp, user, 409);
};

/** POST /queue/:id/decision: approve (optional conditions) or decline (a reason is required). */
export const decideCase: Controller = async (ctx) => {
  const user = signedIn(ctx);
  const id = ctx.params.id ?? '';
  const values = readDecisionForm(ctx.req.form);
  const parsed = decisionSchema.safeParse(toDecisionRequest(values));
  if (!parsed.success) return refused(ctx, user, values, toIssues(parsed.error));
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
