/**
 * "Submit an idea" in the page's language: each step's fields (the idea, the test plan, the prompt
 * card's questions with the live preview's words) and "Check your answers".
 */
import { assess } from '#shared/domain/assess.ts';
import { CHOICE_FIELDS, type Policy, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import { HYPOTHESIS_FIELDS } from '#shared/domain/experiment.ts';
import type { Issue, Submission } from '#shared/domain/schemas.ts';
import { numberInput, radios } from '../../form/inputs.ts';
import { fieldId, formErrors } from '../../form/issues.ts';
import { type FormValues, SUBMISSION_PATHS } from '../../form/submission.ts';
import type { Formatter, Messages } from '../../i18n/index.ts';
import { cardRows, choiceItems, multiline, reasonText, tagHtml } from '../../presenters.ts';
import { type StepSlug, SUBMIT_STEPS, type SubmitStep } from './steps.ts';

type Errors = Record<string, { text: string }>;
type TextFieldName = 'title' | 'problem' | (typeof HYPOTHESIS_FIELDS)[number];

/** One field of a step, for the view: which GOV.UK macro, and its parameters. */
type Field =
  | { kind: 'input' | 'textarea' | 'radios' | 'checkboxes'; params: Record<string, unknown> }
  | { kind: 'number'; params: ReturnType<typeof numberInput> };

const textField = (
  t: Messages,
  field: TextFieldName,
  path: string,
  form: { values: FormValues; errors: Errors },
  rows?: number,
): Field => ({
  kind: rows ? 'textarea' : 'input',
  params: {
    name: path,
    id: fieldId(path),
    value: form.values[path],
    rows,
    label: { text: t.fields[field].label, classes: 'govuk-label--s' },
    hint: { text: t.fields[field].hint },
    errorMessage: form.errors[path],
    spellcheck: true,
  },
});

const choiceFields = (t: Messages, values: FormValues, errors: Errors): Field[] =>
  CHOICE_FIELDS.map((field) => ({
    kind: 'radios',
    params: {
      ...radios({
        name: `card.${field}`,
        legend: t.card[field].label,
        items: choiceItems(t, field),
        chosen: values[`card.${field}`],
        error: errors[`card.${field}`],
        small: true,
        attributes: { 'data-ff-question': field },
      }),
      hint: { text: t.card[field].hint },
    },
  }));

const thresholdFields = (
  t: Messages,
  fmt: Formatter,
  policy: Policy,
  values: FormValues,
  errors: Errors,
): Field[] =>
  THRESHOLD_FIELDS.map((field) => {
    const question = t.card[field];
    return {
      kind: 'number',
      params: numberInput({
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
      }),
    };
  });

const commitField = (t: Messages, values: FormValues, errors: Errors): Field => {
  const path = 'card.commitToShare';
  return {
    kind: 'checkboxes',
    params: {
      name: path,
      idPrefix: fieldId(path),
      fieldset: { legend: { text: t.card.commitToShare.legend, classes: 'govuk-fieldset__legend--s' } },
      errorMessage: errors[path],
      items: [{ value: 'true', text: t.card.commitToShare.label, checked: values[path] === 'true' }],
    },
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

interface StepInput {
  step: SubmitStep;
  values: FormValues;
  issues: Issue[];
  /** The current card limits: the card step's hints and live preview need them. */
  policy: Policy | undefined;
  /** What the team has left of its innovation allowance, said beside the cost question. */
  allowanceHint?: string | undefined;
}

/** The cost question's hint, followed by what the team has left of its innovation allowance, if it has one. */
const withAllowanceHint = (fields: Field[], hint?: string): Field[] =>
  hint === undefined
    ? fields
    : fields.map((f) => {
        if (f.kind !== 'number' || f.params.name !== 'card.extraCost') return f;
        const text = f.params.hint ? `${f.params.hint.text} ${hint}` : hint;
        return { ...f, params: { ...f.params, hint: { text } } };
      });

/** Each step's heading, paragraphs and fields. */
const STEP_CONTENT: Record<
  StepSlug,
  (
    t: Messages,
    fmt: Formatter,
    form: {
      values: FormValues;
      errors: Errors;
      policy: Policy | undefined;
      allowanceHint?: string | undefined;
    },
  ) => {
    heading: string;
    intro: string[];
    fields: Field[];
    preview?: ReturnType<typeof previewData>;
  }
> = {
  idea: (t, _fmt, form) => ({
    heading: t.submit.idea.title,
    intro: [t.submit.idea.intro],
    fields: [textField(t, 'title', 'title', form), textField(t, 'problem', 'problem', form, 4)],
  }),
  plan: (t, _fmt, form) => ({
    heading: t.submit.plan.title,
    intro: [t.submit.plan.intro],
    fields: HYPOTHESIS_FIELDS.map((field) => textField(t, field, `hypothesis.${field}`, form, 3)),
  }),
  card: (t, fmt, form) => {
    if (!form.policy) throw new Error('The card step needs the current card limits');
    return {
      heading: t.submit.card.title,
      intro: [
        t.submit.card.intro,
        t.submit.card.totals,
        t.submit.card.version(fmt.number(form.policy.version)),
      ],
      fields: [
        ...choiceFields(t, form.values, form.errors),
        ...withAllowanceHint(
          thresholdFields(t, fmt, form.policy, form.values, form.errors),
          form.allowanceHint,
        ),
        commitField(t, form.values, form.errors),
      ],
      preview: previewData(t, form.policy),
    };
  },
};

/** A step: what was typed, and its errors in the order of its fields. */
export const stepModel = (t: Messages, fmt: Formatter, input: StepInput) => {
  const errors = formErrors(input.issues, t, SUBMISSION_PATHS);
  const content = STEP_CONTENT[input.step.slug](t, fmt, {
    values: input.values,
    errors: errors.byPath,
    policy: input.policy,
    allowanceHint: input.allowanceHint,
  });
  return { ...content, errorList: errors.list, action: input.step.path, slug: input.step.slug };
};

const stepOf = (path: string): SubmitStep =>
  SUBMIT_STEPS.find((step) => step.fields.includes(path)) ?? (SUBMIT_STEPS[0] as SubmitStep);

/** A summary list row with its Change link to the field on its own step; an answer outside the card is tagged. */
const row = (t: Messages, label: string, value: string, path: string, tag?: string) => ({
  key: { text: label },
  value: {
    html: `${multiline(value).html}${tag ? ` ${tagHtml({ text: tag, classes: 'govuk-tag--orange ff-tag-after' })}` : ''}`,
  },
  actions: {
    items: [
      { href: `${stepOf(path).path}#${fieldId(path)}`, text: t.common.change, visuallyHiddenText: label },
    ],
  },
});

/**
 * "Check your answers": each step's answers under its heading, then what the card will say. `notices`
 * is where anything else to read before submitting goes (each a heading, paragraphs and a list).
 */
export const checkModel = (
  t: Messages,
  fmt: Formatter,
  policy: Policy,
  form: { submission: Submission; issues: Issue[]; team: string },
) => {
  const { submission } = form;
  const assessment = assess(submission.card, policy, form.team);
  const escalating = new Set<string>(assessment.reasons.map((reason) => reason.rule));
  const outside = assessment.reasons.length > 0;
  return {
    errorList: form.issues.map((issue) => ({ text: issue.message, href: '#submit' })),
    sections: [
      {
        heading: t.check.ideaHeading,
        rows: [
          row(t, t.fields.title.short, submission.title, 'title'),
          row(t, t.fields.problem.short, submission.problem, 'problem'),
        ],
      },
      {
        heading: t.check.planHeading,
        rows: HYPOTHESIS_FIELDS.map((field) =>
          row(t, t.fields[field].short, submission.hypothesis[field], `hypothesis.${field}`),
        ),
      },
      {
        heading: t.check.cardHeading,
        rows: cardRows(t, fmt, submission.card, escalating).map((answer) =>
          row(
            t,
            answer.question,
            answer.answer,
            `card.${answer.field}`,
            answer.escalates ? t.check.outsideTag : undefined,
          ),
        ),
      },
    ],
    notices: [
      outside
        ? {
            testid: 'check-outside',
            heading: t.check.outsideTitle,
            paragraphs: [t.check.outsideIntro],
            list: assessment.reasons.map((reason) => reasonText(t, fmt, reason)),
            after: [t.common.waitForManager],
          }
        : {
            testid: 'check-inside',
            heading: t.check.insideTitle,
            paragraphs: [t.check.insideText],
            list: [],
            after: [],
          },
    ],
  };
};
