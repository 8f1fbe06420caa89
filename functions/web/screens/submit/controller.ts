/**
 * "Submit an idea": the form, "Check your answers", and the submission itself.
 *
 * The draft travels in the pages themselves (hidden fields on "Check your answers", posted back by each
 * "Change" button) rather than in a server-side store: the web Lambda stays stateless, the session
 * cookie stays small, and nothing is trusted, because the final POST is validated again from scratch.
 */
import { randomUUID } from 'node:crypto';
import { SUBMISSION_TEXT_PATHS } from '#shared/domain/personal-details.ts';
import type { Issue } from '#shared/domain/schemas.ts';
import { IdempotencyMismatchError } from '#shared/errors.ts';
import { type Controller, type PageContext, signedIn } from '../../context.ts';
import { personalDetails } from '../../form/personal-details.ts';
import { type FormValues, readSubmissionForm, validateSubmission } from '../../form/submission.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { ideasLikeYours } from '../library/ideas-like-yours.ts';
import { checkModel, formModel } from './presenter.ts';

const showForm = async (ctx: PageContext, values: FormValues, key: string, issues: Issue[] = []) => {
  const policy = await ctx.services.policies.current();
  return ctx.render('submit/view.njk', formModel(ctx.t, ctx.fmt, policy, { values, key, issues }), {
    title: ctx.t.submit.title,
    status: issues.length > 0 ? 400 : 200,
  });
};

/** GET /ideas/new: an empty form with a fresh Idempotency-Key, so a double submit makes one experiment. */
export const newIdea: Controller = async (ctx) => showForm(ctx, {}, randomUUID());

/** POST /ideas/new/edit: back to the form from "Check your answers", keeping every answer. */
export const editIdea: Controller = async (ctx) => {
  const { values, idempotencyKey } = readSubmissionForm(ctx.req.form);
  return showForm(ctx, values, idempotencyKey);
};

/** POST /ideas/new/check: validate with the API's schema; errors go back to the form. */
export const checkIdea: Controller = async (ctx) => {
  const { values, idempotencyKey } = readSubmissionForm(ctx.req.form);
  const result = validateSubmission(values);
  if (!result.ok) return showForm(ctx, values, idempotencyKey, result.issues);
  // Refused here, in the page's words, before "Check your answers"; warned about on it.
  const found = personalDetails(ctx.t, result.submission, SUBMISSION_TEXT_PATHS, ctx.now);
  if (found.issues.length > 0) return showForm(ctx, values, idempotencyKey, found.issues);
  const policy = await ctx.services.policies.current();
  const model = checkModel(ctx.t, ctx.fmt, policy, {
    values,
    key: idempotencyKey,
    submission: result.submission,
  });
  const similar = await ideasLikeYours(ctx, result.submission, { on: 'check' });
  return ctx.render(
    'submit/check.njk',
    { ...model, personalWarnings: found.warnings, ideasLikeYours: similar },
    { title: ctx.t.check.title },
  );
};

/** POST /ideas: submit, then show the card's answer on its own page (post, redirect, get). */
export const submitIdea: Controller = async (ctx): Promise<WebResponse> => {
  const { values, idempotencyKey } = readSubmissionForm(ctx.req.form);
  const result = validateSubmission(values);
  if (!result.ok) return showForm(ctx, values, idempotencyKey, result.issues);
  const found = personalDetails(ctx.t, result.submission, SUBMISSION_TEXT_PATHS, ctx.now);
  if (found.issues.length > 0) return showForm(ctx, values, idempotencyKey, found.issues);
  try {
    const experiment = await ctx.services.experiments.submit(
      signedIn(ctx),
      idempotencyKey,
      result.submission,
    );
    return redirect(`/experiments/${encodeURIComponent(experiment.id)}/submitted`);
  } catch (error) {
    if (!(error instanceof IdempotencyMismatchError)) throw error;
    // Back-button, change an answer, submit again: the first idea stands; offer a new form for a new one.
    return showForm(ctx, values, randomUUID(), [{ path: 'title', message: ctx.t.submit.alreadySubmitted }]);
  }
};
