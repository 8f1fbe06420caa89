import type { Issue } from '#shared/domain/schemas.ts';
import { ConflictError } from '#shared/errors.ts';
import { type Controller, type PageContext, signedIn } from '../../context.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { calibrationModel } from './calibration.ts';
import { type Draft, draftFrom, readDraft, validateDraft } from './draft.ts';
import { policyPageModel, policyPageStatus, previewModel } from './presenter.ts';

const showPolicyPage = async (
  ctx: PageContext,
  draft?: Draft,
  issues: Issue[] = [],
): Promise<WebResponse> => {
  const { t, fmt } = ctx;
  const isLeader = ctx.user?.roles.includes('leader') ?? false;
  const [current, all, calibration] = await Promise.all([
    ctx.services.policies.current(),
    ctx.services.policies.all(),
    isLeader ? ctx.services.calibration.get(signedIn(ctx), {}) : undefined,
  ]);
  const model = policyPageModel(
    t,
    fmt,
    { current, all },
    { isLeader, draft: draft ?? draftFrom(current), issues },
  );
  const insights = calibration ? calibrationModel(t, fmt, current, calibration) : undefined;
  return ctx.render(
    'policy/view.njk',
    { ...model, insights },
    { title: t.policy.title, status: policyPageStatus(issues) },
  );
};

/** GET /policy: the card's limits today, every earlier version, and for leaders the publish form. */
export const showPolicy: Controller = async (ctx) => showPolicyPage(ctx);

/** POST /policy/edit: back to the draft from its preview. */
export const editPolicy: Controller = async (ctx) => showPolicyPage(ctx, readDraft(ctx.req.form));

/** POST /policy/preview: the what-if, before anything is published. */
export const previewPolicy: Controller = async (ctx) => {
  const draft = readDraft(ctx.req.form);
  const result = validateDraft(draft);
  if (!result.ok) return showPolicyPage(ctx, draft, result.issues);
  const [current, preview] = await Promise.all([
    ctx.services.policies.current(),
    ctx.services.policies.preview(signedIn(ctx), result.body),
  ]);
  const model = previewModel(ctx.t, ctx.fmt, { values: draft, body: result.body }, { current, preview });
  return ctx.render('policy/preview.njk', model, { title: model.heading });
};

/** POST /policy/publish: publishes the previewed draft as the next version. */
export const publishPolicy: Controller = async (ctx) => {
  const draft = readDraft(ctx.req.form);
  const result = validateDraft(draft);
  if (!result.ok) return showPolicyPage(ctx, draft, result.issues);
  try {
    const policy = await ctx.services.policies.publish(signedIn(ctx), result.body);
    ctx.setFlash({ kind: 'published', version: ctx.fmt.number(policy.version) });
    return redirect('/policy');
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return showPolicyPage(ctx, draft, [{ path: 'publish', message: ctx.t.policyForm.raceError }]);
  }
};
