/**
 * The GOV.UK macro parameters of the form fields several screens share: the card's number answers and
 * its choices. One place decides how a card answer is typed, so the idea form, the learning card and
 * the policy form offer the same keyboard and the same units.
 */
import { THRESHOLD_QUESTIONS, type ThresholdField } from '#shared/domain/card.ts';
import { fieldId } from './issues.ts';

type ErrorMessage = { text: string } | undefined;

/** A keyboard with a decimal point only where the card takes pounds and pence or parts of an hour. */
export const inputModeFor = (field: ThresholdField | 'days'): 'decimal' | 'numeric' =>
  field !== 'days' && THRESHOLD_QUESTIONS[field].decimalPlaces > 0 ? 'decimal' : 'numeric';

/** A short number input with its unit around it (£ before, units after), for govukInput. */
export const numberInput = (opts: {
  name: string;
  id?: string;
  kind: ThresholdField | 'days';
  value: string | undefined;
  label: string;
  hint?: string;
  prefix?: string;
  suffix?: string;
  error: ErrorMessage;
  /** Tells the browser to offer no remembered values (the card's answers). */
  noAutocomplete?: boolean;
  attributes?: Record<string, string>;
}) => ({
  name: opts.name,
  id: fieldId(opts.id ?? opts.name),
  value: opts.value,
  inputmode: inputModeFor(opts.kind),
  spellcheck: false,
  ...(opts.noAutocomplete ? { autocomplete: 'off' } : {}),
  classes: 'govuk-input--width-5',
  label: { text: opts.label, classes: 'govuk-label--s' },
  ...(opts.hint !== undefined ? { hint: { text: opts.hint } } : {}),
  prefix: opts.prefix ? { text: opts.prefix } : undefined,
  suffix: opts.suffix ? { text: opts.suffix } : undefined,
  errorMessage: opts.error,
  ...(opts.attributes ? { attributes: opts.attributes } : {}),
});

export interface RadioItem {
  value: string;
  text: string;
  hint?: string;
}

/** Radios with a small legend, the chosen one checked, for govukRadios. */
export const radios = (opts: {
  name: string;
  legend: string;
  items: readonly RadioItem[];
  chosen: string | undefined;
  error: ErrorMessage;
  small?: boolean;
  attributes?: Record<string, string>;
}) => ({
  name: opts.name,
  idPrefix: fieldId(opts.name),
  ...(opts.small ? { classes: 'govuk-radios--small' } : {}),
  fieldset: { legend: { text: opts.legend, classes: 'govuk-fieldset__legend--s' } },
  errorMessage: opts.error,
  ...(opts.attributes ? { attributes: opts.attributes } : {}),
  items: opts.items.map((item) => ({
    value: item.value,
    text: item.text,
    ...(item.hint ? { hint: { text: item.hint } } : {}),
    checked: (opts.chosen ?? '') === item.value,
  })),
});
