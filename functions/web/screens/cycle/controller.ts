/**
 * "Record what happened": the learning card for one test cycle, with adapt, adopt or abandon, and new
 * card answers when adapting. The changed card is judged again by the service, against the
 * experiment's own policy version.
 */
import type { Experiment } from '#shared/domain/experiment.ts';
import { CYCLE_TEXT_PATHS } from '#shared/domain/personal-details.ts';
import { cycleSchema, type Issue, toIssues } from '#shared/domain/schemas.ts';
import { ConflictError } from '#shared/errors.ts';
import { type Controller, type PageContext, signedIn } from '../../context.ts';
import { personalDetails } from '../../form/personal-details.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { experimentHref } from '../../presenters.ts';
import type { Flash } from '../../session.ts';
import { type CycleValues, canRecordCycle, readCycleForm, toCycleRequest } from './form.ts';
import { cycleFormModel } from './presenter.ts';

const showForm = (ctx: PageContext, exp: Experiment, values: CycleValues = {}, issues: Issue[] = []) =>
  ctx.render('cycle/view.njk', cycleFormModel(ctx.t, ctx.fmt, exp, { values, issues }), {
    title: ctx.t.cycle.title,
    status: issues.length > 0 ? 400 : 200,
    backLink: experimentHref(exp.id),
  });

const notNow = (ctx: PageContext, exp: Experiment, status: number): WebResponse =>
  ctx.render(
    'case/not-waiting.njk',
    {
      heading: ctx.t.cycle.notNowTitle,
      body: ctx.t.statuses[exp.status],
      experimentHref: experimentHref(exp.id),
    },
    { title: ctx.t.cycle.notNowTitle, status },
  );

/** What the experiment page says after a cycle: recorded, recommended, closed, or back with a manager. */
const recorded = (exp: Experiment, n: string): Flash => {
  switch (exp.status) {
    case 'escalated':
      return { kind: 'cycleEscalated', n };
    case 'adopted':
      return { kind: 'cycleAdopted', n };
    case 'abandoned':
      return { kind: 'cycleClosed', n };
    default:
      return { kind: 'cycleRecorded', n };
  }
};

/** GET /experiments/:id/cycles/new */
export const newCycle: Controller = async (ctx) => {
  const user = signedIn(ctx);
  const exp = await ctx.services.experiments.get(user, ctx.params.id ?? '');
  if (!canRecordCycle(exp, user.id)) return notNow(ctx, exp, exp.owner === user.id ? 409 : 403);
  return showForm(ctx, exp);
};

/** POST /experiments/:id/cycles */
export const recordCycle: Controller = async (ctx) => {
  const user = signedIn(ctx);
  const id = ctx.params.id ?? '';
  const values = readCycleForm(ctx.req.form);
  const parsed = cycleSchema.safeParse(toCycleRequest(values));
  const found = parsed.success ? personalDetails(ctx.t, parsed.data, CYCLE_TEXT_PATHS, ctx.now) : undefined;
  const issues = found ? found.issues : parsed.success ? [] : toIssues(parsed.error);
  if (!parsed.success || issues.length > 0) {
    const exp = await ctx.services.experiments.get(user, id);
    if (!canRecordCycle(exp, user.id)) return notNow(ctx, exp, 409);
    return showForm(ctx, exp, values, issues);
  }
  try {
    const exp = await ctx.services.experiments.recordCycle(user, id, () => parsed.data);
    const warnings = found?.warningCodes ?? [];
    ctx.setFlash({
      ...recorded(exp, ctx.fmt.number(exp.cycles.length)),
      ...(warnings.length ? { warnings } : {}),
    });
    return redirect(experimentHref(exp.id));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return notNow(ctx, await ctx.services.experiments.get(user, id), 409);
  }
};
