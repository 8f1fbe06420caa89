/**
 * "Submit an idea": its steps (steps.ts), "Check your answers", and the submission itself.
 *
 * The answers are kept between steps in the server-side session (`SessionDraft`), never in the pages:
 * each step keeps only answers that passed its own checks, with the Idempotency-Key the submission will
 * carry, so Back, Change and a second click all work without JavaScript, and the final POST is
 * validated again from scratch.
 */
import { randomUUID } from 'node:crypto';
import { SUBMISSION_TEXT_PATHS } from '#shared/domain/personal-details.ts';
import type { Issue, Submission } from '#shared/domain/schemas.ts';
import { IdempotencyMismatchError } from '#shared/errors.ts';
import type { SessionDraft } from '#shared/store/session-store.ts';
import { type Controller, type PageContext, signedIn } from '../../context.ts';
import { personalDetails } from '../../form/personal-details.ts';
import { type FormValues, keptValue, readFields, validateSubmission } from '../../form/submission.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { experimentHref } from '../../presenters.ts';
import { ideasLikeYours } from '../library/ideas-like-yours.ts';
import { checkModel, stepModel } from './presenter.ts';
import { backFrom, issuesOf, nextPath, SUBMIT_STEPS, type SubmitStep } from './steps.ts';

/** The idea being written; a new one (with a new key) when there is none or the last was submitted. */
const openDraft = (ctx: PageContext): SessionDraft => {
  const draft = ctx.draft.get();
  return draft && !draft.submittedId ? draft : { key: randomUUID(), values: {} };
};

const submittedHref = (id: string) => `${experimentHref(id)}/submitted`;

/** "Your team has £X left of its £Y innovation allowance for 2026–27", or undefined when it has none. */
const allowanceHint = async (ctx: PageContext): Promise<string | undefined> => {
  const row = await ctx.services.allowance.forTeam(signedIn(ctx).team);
  if (!row) return undefined;
  const amount = (pounds: number) => ctx.fmt.amount('extraCost', pounds);
  return ctx.t.allowance.hint(amount(row.left), amount(row.allowance), row.year);
};

const showStep = async (ctx: PageContext, step: SubmitStep, values: FormValues, issues: Issue[] = []) => {
  const card = step.slug === 'card';
  const [policy, hint] = card
    ? await Promise.all([ctx.services.policies.current(), allowanceHint(ctx)])
    : [undefined, undefined];
  const model = stepModel(ctx.t, ctx.fmt, { step, values, issues, policy, allowanceHint: hint });
  return ctx.render('submit/step.njk', model, {
    title: model.heading,
    status: issues.length > 0 ? 400 : 200,
    backLink: backFrom(step),
  });
};

/** GET of a step: its answers so far. After a submission, the next idea starts empty. */
const showStepPage =
  (step: SubmitStep): Controller =>
  async (ctx) => {
    if (ctx.draft.get()?.submittedId) await ctx.draft.save(undefined);
    return showStep(ctx, step, ctx.draft.get()?.values ?? {});
  };

/** POST of a step: check its answers alone; keep them and move on, or show its errors. */
const saveStep =
  (step: SubmitStep): Controller =>
  async (ctx) => {
    const draft = openDraft(ctx);
    const typed = readFields(ctx.req.form, step.fields);
    const values = { ...draft.values, ...typed };
    const result = validateSubmission(values);
    const issues = result.ok ? [] : issuesOf(step, result.issues);
    if (issues.length > 0) return showStep(ctx, step, values, issues);
    const kept = Object.fromEntries(step.fields.map((path) => [path, keptValue(path, typed[path] ?? '')]));
    const next = { key: draft.key, values: { ...draft.values, ...kept } };
    await ctx.draft.save(next);
    return redirect(nextPath(next.values, step));
  };

const [ideaStep, planStep, cardStep] = SUBMIT_STEPS as [SubmitStep, SubmitStep, SubmitStep];

/** GET /ideas/new, the idea itself. */
export const showIdeaStep = showStepPage(ideaStep);
/** POST /ideas/new */
export const saveIdeaStep = saveStep(ideaStep);
/** GET /ideas/new/test-plan */
export const showPlanStep = showStepPage(planStep);
/** POST /ideas/new/test-plan */
export const savePlanStep = saveStep(planStep);
/** GET /ideas/new/card, the prompt card with its live summary. */
export const showCardStep = showStepPage(cardStep);
/** POST /ideas/new/card */
export const saveCardStep = saveStep(cardStep);

/**
 * Personal details the services would refuse, in the page's words: shown on the step that asks for the
 * field, before "Check your answers" and again before submitting.
 */
const refusedDetails = (ctx: PageContext, draft: SessionDraft, submission: Submission) => {
  const found = personalDetails(ctx.t, submission, SUBMISSION_TEXT_PATHS, ctx.now);
  const step = SUBMIT_STEPS.find((s) => issuesOf(s, found.issues).length > 0);
  return {
    found,
    refused: step ? showStep(ctx, step, draft.values, issuesOf(step, found.issues)) : undefined,
  };
};

const showCheck = async (ctx: PageContext, draft: SessionDraft, issues: Issue[] = []) => {
  const result = validateSubmission(draft.values);
  if (!result.ok) return redirect(nextPath(draft.values));
  const { found, refused } = refusedDetails(ctx, draft, result.submission);
  if (refused) return refused;
  const [policy, similar] = await Promise.all([
    ctx.services.policies.current(),
    ideasLikeYours(ctx, result.submission, { on: 'check' }),
  ]);
  const form = { submission: result.submission, issues, team: signedIn(ctx).team };
  const model = {
    ...checkModel(ctx.t, ctx.fmt, policy, form),
    personalWarnings: found.warnings,
    ideasLikeYours: similar,
  };
  return ctx.render('submit/check.njk', model, {
    title: ctx.t.check.title,
    status: issues.length > 0 ? 409 : 200,
    backLink: cardStep.path,
  });
};

/** GET /ideas/new/check: every answer with its Change link, and what the card will say. */
export const checkIdea: Controller = async (ctx) => {
  const draft = ctx.draft.get();
  if (!draft || draft.submittedId) return redirect(ideaStep.path);
  return showCheck(ctx, draft);
};

/** POST /ideas: submit the idea being written, then show the card's answer on its own page. */
export const submitIdea: Controller = async (ctx): Promise<WebResponse> => {
  const draft = ctx.draft.get();
  if (!draft) return redirect(ideaStep.path);
  // A second click, or Back and submit again: the same idea.
  if (draft.submittedId) return redirect(submittedHref(draft.submittedId));
  const result = validateSubmission(draft.values);
  if (!result.ok) return redirect(nextPath(draft.values));
  const { refused } = refusedDetails(ctx, draft, result.submission);
  if (refused) return refused;
  try {
    const experiment = await ctx.services.experiments.submit(signedIn(ctx), draft.key, result.submission);
    await ctx.draft.save({ key: draft.key, values: {}, submittedId: experiment.id });
    return redirect(submittedHref(experiment.id));
  } catch (error) {
    if (!(error instanceof IdempotencyMismatchError)) throw error;
    // Answers changed after this key was used (two tabs): the first idea stands; a new key makes this one new.
    const renewed = { ...draft, key: randomUUID() };
    await ctx.draft.save(renewed);
    return showCheck(ctx, renewed, [{ path: 'submit', message: ctx.t.submit.alreadySubmitted }]);
  }
};
