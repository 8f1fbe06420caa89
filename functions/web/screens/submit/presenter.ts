/**
 * "Submit an idea" in the page's language: the form (the idea, its test card, the prompt card's
 * questions with the live preview's words) and "Check your answers".
 */
import { assess } from '#shared/domain/assess.ts';
import { CHOICE_FIELDS, type Policy, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import { HYPOTHESIS_FIELDS } from '#shared/domain/experiment.ts';
import type { Issue, Submission } from '#shared/domain/schemas.ts';
import { numberInput, radios } from '../../form/inputs.ts';
import { fieldId, formErrors } from '../../form/issues.ts';
import { type FormValues, SUBMISSION_PATHS } from '../../form/submission.ts';
import type { Formatter, Messages } from '../../i18n/index.ts';
import { cardRows, reasonText } from '../../presenters.ts';

type Errors = Record<string, { text: string }>;
type TextFieldName = 'title' | 'problem' | (typeof HYPOTHESIS_FIELDS)[number];

const textField = (
  t: Messages,
  field: TextFieldName,
  path: string,
  form: { values: FormValues; errors: Errors },
  opts: { textarea: boolean; rows?: number },
) => ({
  textarea: opts.textarea,
  params: {
    name: path,
    id: fieldId(path),
    value: form.values[path],
    rows: opts.rows,
    label: { text: t.fields[field].label, classes: 'govuk-label--s' },
    hint: { text: t.fields[field].hint },
    errorMessage: form.errors[path],
    spellcheck: true,
  },
});

const choiceFields = (t: Messages, values: FormValues, errors: Errors) =>
  CHOICE_FIELDS.map((field) => {
    const answers: Readonly<Record<string, string>> = t.card[field].answers;
    return radios({
      name: `card.${field}`,
      legend: t.card[field].label,
      items: Object.keys(answers).map((value) => ({ value, text: answers[value] ?? value })),
      chosen: values[`card.${field}`],
      error: errors[`card.${field}`],
      small: true,
      attributes: { 'data-ff-question': field },
    });
  });

const thresholdFields = (t: Messages, fmt: Formatter, policy: Policy, values: FormValues, errors: Errors) =>
  THRESHOLD_FIELDS.map((field) => {
    const question = t.card[field];
    return numberInput({
      name: `card.${field}`,
      kind: field,
      value: values[`card.${field}`],
      label: question.label,
      hint: question.hint(fmt.amount(field, policy.thresholds[field])),
      prefix: question.prefix,
      suffix: question.suffix,
      error: errors[`card.${field}`],
      noAutocomplete: true,
      attributes: { 'data-ff-question': field },
    });
  });

/** The cost question's hint, followed by what the team has left of its innovation allowance, if it has one. */
const withAllowanceHint = <Q extends { name: string; hint?: { text: string } }>(
  questions: Q[],
  hint?: string,
) =>
  hint === undefined
    ? questions
    : questions.map((q) =>
        q.name === 'card.extraCost' ? { ...q, hint: { text: q.hint ? `${q.hint.text} ${hint}` : hint } } : q,
      );

const commitField = (t: Messages, values: FormValues, errors: Errors) => {
  const path = 'card.commitToShare';
  return {
    name: path,
    idPrefix: fieldId(path),
    fieldset: { legend: { text: t.card.commitToShare.legend, classes: 'govuk-fieldset__legend--s' } },
    errorMessage: errors[path],
    items: [{ value: 'true', text: t.card.commitToShare.label, checked: values[path] === 'true' }],
  };
};

/** What the browser's live preview needs: today's limits and its words in the page's language. */
const previewData = (t: Messages, policy: Policy) => ({
  thresholds: policy.thresholds,
  questions: [...CHOICE_FIELDS, ...THRESHOLD_FIELDS].map((field) => ({ field, label: t.card[field].short })),
  messages: {
    inside: t.submit.preview.inside,
    outside: t.submit.preview.outside,
    notAnswered: t.submit.preview.notAnswered,
    allInside: t.submit.preview.allInside,
    someOutsideOne: t.submit.preview.someOutside('1'),
    someOutsideMany: t.submit.preview.someOutside('{count}'),
  },
});

/** The form, with what was typed, its errors in the order of the form, and the Idempotency-Key. */
export const formModel = (
  t: Messages,
  fmt: Formatter,
  policy: Policy,
  form: { values: FormValues; key: string; issues: Issue[]; allowanceHint?: string | undefined },
) => {
  const errors = formErrors(form.issues, t, SUBMISSION_PATHS);
  const typed = { values: form.values, errors: errors.byPath };
  return {
    errorList: errors.list,
    key: form.key,
    idea: [
      textField(t, 'title', 'title', typed, { textarea: false }),
      textField(t, 'problem', 'problem', typed, { textarea: true, rows: 4 }),
    ],
    hypothesis: HYPOTHESIS_FIELDS.map((field) =>
      textField(t, field, `hypothesis.${field}`, typed, { textarea: true, rows: 3 }),
    ),
    choices: choiceFields(t, form.values, errors.byPath),
    thresholds: withAllowanceHint(
      thresholdFields(t, fmt, policy, form.values, errors.byPath),
      form.allowanceHint,
    ),
    commit: commitField(t, form.values, errors.byPath),
    preview: previewData(t, policy),
    cardIntro: t.submit.cardIntro(fmt.number(policy.version)),
  };
};

/** "Check your answers": every answer with its "Change" button, and why a manager would need to look. */
export const checkModel = (
  t: Messages,
  fmt: Formatter,
  policy: Policy,
  form: { values: FormValues; key: string; submission: Submission },
) => {
  const { submission } = form;
  const assessment = assess(submission.card, policy);
  const escalating = new Set<string>(assessment.reasons.map((reason) => reason.rule));
  const row = (label: string, value: string, path: string, tag?: string) => ({
    label,
    value,
    tag,
    changeAction: `/ideas/new/edit#${fieldId(path)}`,
  });
  return {
    key: form.key,
    hidden: SUBMISSION_PATHS.map((path) => ({ name: path, value: form.values[path] ?? '' })),
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
