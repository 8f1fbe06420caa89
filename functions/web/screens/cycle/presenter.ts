/**
 * "Record what happened" in the page's language: the learning card for one test cycle, with new card
 * answers offered (folded away) for an adapt.
 */
import { CHOICE_FIELDS, type ChoiceField, type ThresholdField } from '#shared/domain/card.ts';
import type { Experiment } from '#shared/domain/experiment.ts';
import { INCIDENTS } from '#shared/domain/experiment.ts';
import type { Issue } from '#shared/domain/schemas.ts';
import { numberInput, radios } from '../../form/inputs.ts';
import { formErrors } from '../../form/issues.ts';
import type { Formatter, Messages } from '../../i18n/index.ts';
import { answerText, choiceItems } from '../../presenters.ts';
import { CHANGE_FIELDS, CYCLE_PATHS, type CycleValues, cycleHref, NEXT, RESULTS } from './form.ts';

type Errors = Record<string, { text: string }>;

const isChoice = (field: string): field is ChoiceField =>
  (CHOICE_FIELDS as readonly string[]).includes(field);

/** A new answer to one of the card's questions, with what it is now as the hint. */
const changeField =
  (t: Messages, fmt: Formatter, exp: Experiment, form: { values: CycleValues; errors: Errors }) =>
  (field: ChoiceField | ThresholdField) => {
    const path = `changes.${field}`;
    const current = t.cycle.currently(answerText(t, fmt, field, exp.card[field]));
    if (isChoice(field)) {
      return {
        kind: 'choice',
        params: radios({
          name: path,
          legend: t.card[field].label,
          items: [{ value: '', text: t.cycle.noChange, hint: current }, ...choiceItems(t, field)],
          chosen: form.values[path],
          error: form.errors[path],
          small: true,
        }),
      };
    }
    const question = t.card[field];
    return {
      kind: 'threshold',
      params: numberInput({
        name: path,
        kind: field,
        value: form.values[path],
        label: question.label,
        hint: current,
        prefix: question.prefix,
        suffix: question.suffix,
        error: form.errors[path],
        noAutocomplete: true,
      }),
    };
  };

const textArea = (
  name: 'observed' | 'learned' | 'incidentDetail',
  label: string,
  hint: string,
  values: CycleValues,
  errors: Errors,
) => ({
  name,
  id: name,
  rows: 4,
  value: values[name],
  label: { text: label, classes: 'govuk-label--s' },
  hint: { text: hint },
  errorMessage: errors[name],
});

/** The learning card, with what was typed and its errors in the order of the form. */
export const cycleFormModel = (
  t: Messages,
  fmt: Formatter,
  exp: Experiment,
  form: { values: CycleValues; issues: Issue[] },
) => {
  const { values } = form;
  const errors = formErrors(form.issues, t, CYCLE_PATHS);
  const hasChangeErrors = form.issues.some((issue) => issue.path.startsWith('changes'));
  return {
    exp,
    action: cycleHref(exp),
    errorList: errors.list,
    result: radios({
      name: 'result',
      legend: t.cycle.resultLegend,
      items: RESULTS.map((value) => ({ value, text: t.cycle.results[value] })),
      chosen: values.result,
      error: errors.byPath.result,
    }),
    observed: textArea('observed', t.cycle.observedLabel, t.cycle.observedHint, values, errors.byPath),
    learned: textArea('learned', t.cycle.learnedLabel, t.cycle.learnedHint, values, errors.byPath),
    incident: radios({
      name: 'incident',
      legend: t.cycle.incidentLegend,
      items: INCIDENTS.map((value) => ({
        value,
        text: t.cycle.incidents[value],
        ...(value === 'none' ? {} : { hint: t.cycle.incidentHints[value] }),
      })),
      chosen: values.incident,
      error: errors.byPath.incident,
    }),
    incidentDetail: textArea(
      'incidentDetail',
      t.cycle.incidentDetailLabel,
      t.cycle.incidentDetailHint,
      values,
      errors.byPath,
    ),
    next: radios({
      name: 'next',
      legend: t.cycle.nextLegend,
      items: NEXT.map((value) => ({ value, text: t.cycle.nextSteps[value], hint: t.cycle.nextHints[value] })),
      chosen: values.next,
      error: errors.byPath.next,
    }),
    changes: CHANGE_FIELDS.map(changeField(t, fmt, exp, { values, errors: errors.byPath })),
    changesOpen: hasChangeErrors || CHANGE_FIELDS.some((field) => (values[`changes.${field}`] ?? '') !== ''),
  };
};
