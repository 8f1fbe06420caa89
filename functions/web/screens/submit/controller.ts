/**
 * "Submit an idea": the form, "Check your answers", and the submission itself.
 *
 * The draft travels in the pages themselves (hidden fields on "Check your answers", posted back by each
 * "Change" button) rather than in a server-side store: the web Lambda stays stateless, the session
 * cookie stays small, and nothing is trusted, because the final POST is validated again from scratch.
 */
import { randomUUID } from 'node:crypto';
import { assess } from '#shared/domain/assess.ts';
import { CHOICE_FIELDS, type Policy, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import type { Issue, Submission } from '#shared/domain/schemas.ts';
import { IdempotencyMismatchError } from '#shared/errors.ts';
import type { Controller, PageContext } from '../../context.ts';
import { fieldId, formErrors } from '../../form/issues.ts';
import {
  type FormValues,
  HYPOTHESIS_FIELDS,
  readSubmissionForm,
  SUBMISSION_PATHS,
  validateSubmission,
} from '../../form/submission.ts';
import { redirect, type WebResponse } from '../../http.ts';
import { cardRows, reasonText } from '../../presenters.ts';

const textField = (
  ctx: PageContext,
  field: 'title' | 'problem' | (typeof HYPOTHESIS_FIELDS)[number],
  path: string,
  values: FormValues,
  errors: Record<string, { text: string }>,
  opts: { textarea: boolean; rows?: number },
) => ({
  textarea: opts.textarea,
  params: {
    name: path,
    id: fieldId(path),
    value: values[path],
    rows: opts.rows,
    label: { text: ctx.t.fields[field].label, classes: 'govuk-label--s' },
    hint: { text: ctx.t.fields[field].hint },
    errorMessage: errors[path],
    spellcheck: true,
  },
});

const formModel = (ctx: PageContext, policy: Policy, values: FormValues, key: string, issues: Issue[]) => {
  const { t, fmt } = ctx;
  const errors = formErrors(issues, t, SUBMISSION_PATHS);
  const choices = CHOICE_FIELDS.map((field) => {
    const path = `card.${field}`;
    const answers: Readonly<Record<string, string>> = t.card[field].answers;
    return {
      name: path,
      idPrefix: fieldId(path),
      classes: 'govuk-radios--small',
      fieldset: { legend: { text: t.card[field].label, classes: 'govuk-fieldset__legend--s' } },
      errorMessage: errors.byPath[path],
      attributes: { 'data-ff-question': field },
      items: Object.keys(answers).map((answer) => ({
        value: answer,
        text: answers[answer],
        checked: values[path] === answer,
      })),
    };
  });
  const thresholds = THRESHOLD_FIELDS.map((field) => {
    const path = `card.${field}`;
    const question = t.card[field];
    return {
      name: path,
      id: fieldId(path),
      value: values[path],
      inputmode: field === 'extraCost' || field === 'staffHours' ? 'decimal' : 'numeric',
      spellcheck: false,
      autocomplete: 'off',
      classes: 'govuk-input--width-5',
      label: { text: question.label, classes: 'govuk-label--s' },
      hint: { text: question.hint(fmt.amount(field, policy.thresholds[field])) },
      prefix: question.prefix ? { text: question.prefix } : undefined,
      suffix: question.suffix ? { text: question.suffix } : undefined,
      errorMessage: errors.byPath[path],
      attributes: { 'data-ff-question': field },
    };
  });
  const commitPath = 'card.commitToShare';
  const commit = {
    name: commitPath,
    idPrefix: fieldId(commitPath),
    fieldset: { legend: { text: t.card.commitToShare.legend, classes: 'govuk-fieldset__legend--s' } },
    errorMessage: errors.byPath[commitPath],
    items: [{ value: 'true', text: t.card.commitToShare.label, checked: values[commitPath] === 'true' }],
  };
  const preview = {
    thresholds: policy.thresholds,
    questions: [...CHOICE_FIELDS, ...THRESHOLD_FIELDS].map((field) => ({
      field,
      label: t.card[field].short,
    })),
    messages: {
      inside: t.submit.preview.inside,
      outside: t.submit.preview.outside,
      notAnswered: t.submit.preview.notAnswered,
      allInside: t.submit.preview.allInside,
      someOutsideOne: t.submit.preview.someOutside('1'),
      someOutsideMany: t.submit.preview.someOutside('{count}'),
    },
  };
  return {
    errorList: errors.list,
    key,
    idea: [
      textField(ctx, 'title', 'title', values, errors.byPath, { textarea: false }),
      textField(ctx, 'problem', 'problem', values, errors.byPath, { textarea: true, rows: 4 }),
    ],
    hypothesis: HYPOTHESIS_FIELDS.map((field) =>
      textField(ctx, field, `hypothesis.${field}`, values, errors.byPath, { textarea: true, rows: 3 }),
    ),
    choices,
    thresholds,
    commit,
    preview,
    cardIntro: t.submit.cardIntro(fmt.number(policy.version)),
  };
};

const showForm = async (ctx: PageContext, values: FormValues, key: string, issues: Issue[] = []) => {
  const policy = await ctx.services.policies.current();
  return ctx.render('submit/view.njk', formModel(ctx, policy, values, key, issues), {
    title: ctx.t.submit.title,
    status: issues.length > 0 ? 400 : 200,
  });
};

const checkModel = (
  ctx: PageContext,
  policy: Policy,
  values: FormValues,
  key: string,
  submission: Submission,
) => {
  const { t, fmt } = ctx;
  const assessment = assess(submission.card, policy);
  const escalating = new Set<string>(assessment.reasons.map((reason) => reason.rule));
  const row = (label: string, value: string, path: string, tag?: string) => ({
    label,
    value,
    tag,
    changeAction: `/ideas/new/edit#${fieldId(path)}`,
  });
  return {
    key,
    hidden: SUBMISSION_PATHS.map((path) => ({ name: path, value: values[path] ?? '' })),
    idea: [
      row(t.fields.title.short, submission.title, 'title'),
      row(t.fields.problem.short, submission.problem, 'problem'),
    ],
    hypothesis: HYPOTHESIS_FIELDS.map((field) =>
      row(t.fields[field].short, submission.hypothesis[field], `hypothesis.${field}`),
    ),
    card: cardRows(t, fmt, submission.card, escalating).map((answer) =>
      row(
        answer.question,
        answer.answer,
        `card.${answer.field}`,
        answer.escalates ? t.check.outsideTag : undefined,
      ),
    ),
    reasons: assessment.reasons.map((reason) => reasonText(t, fmt, reason)),
  };
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
  const policy = await ctx.services.policies.current();
  return ctx.render('submit/check.njk', checkModel(ctx, policy, values, idempotencyKey, result.submission), {
    title: ctx.t.check.title,
  });
};

/** POST /ideas: submit, then show the card's answer on its own page (post, redirect, get). */
export const submitIdea: Controller = async (ctx): Promise<WebResponse> => {
  const { values, idempotencyKey } = readSubmissionForm(ctx.req.form);
  const result = validateSubmission(values);
  if (!result.ok) return showForm(ctx, values, idempotencyKey, result.issues);
  const user = ctx.user;
  if (!user) return redirect('/sign-in');
  try {
    const experiment = await ctx.services.experiments.submit(user, idempotencyKey, result.submission);
    return redirect(`/experiments/${encodeURIComponent(experiment.id)}/submitted`);
  } catch (error) {
    if (!(error instanceof IdempotencyMismatchError)) throw error;
    // Back-button, change an answer, submit again: the first idea stands; offer a new form for a new one.
    return showForm(ctx, values, randomUUID(), [{ path: 'title', message: ctx.t.submit.alreadySubmitted }]);
  }
};
