/**
 * The "Submit an idea" form: its field names (which are the API's issue paths, so errors land on the
 * right field), how its strings become a submission, and validation with the API's own schema.
 */
import { CHOICE_FIELDS, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import { HYPOTHESIS_FIELDS } from '#shared/domain/experiment.ts';
import { type Issue, type Submission, submissionSchema, toIssues } from '#shared/domain/schemas.ts';
import { parseAmount } from './numbers.ts';

/** The idea itself. */
export const IDEA_PATHS: readonly string[] = ['title', 'problem'];
/** The test plan. */
export const PLAN_PATHS: readonly string[] = HYPOTHESIS_FIELDS.map((field) => `hypothesis.${field}`);
/** The prompt card's questions, in its row order. */
export const CARD_PATHS: readonly string[] = [
  ...CHOICE_FIELDS.map((field) => `card.${field}`),
  ...THRESHOLD_FIELDS.map((field) => `card.${field}`),
  'card.commitToShare',
];

/** Every field of the form, in the order it is asked and its errors are listed. */
export const SUBMISSION_PATHS: readonly string[] = [...IDEA_PATHS, ...PLAN_PATHS, ...CARD_PATHS];

export type FormValues = Record<string, string>;

/** The raw strings of some of the form's fields, kept as typed so a page with errors shows them back unchanged. */
export const readFields = (form: URLSearchParams, paths: readonly string[]): FormValues =>
  Object.fromEntries(paths.map((path) => [path, form.get(path) ?? '']));

const orUndefined = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value;

/** Builds the JSON the API would receive from the form's strings; the schema then judges it. */
export const toSubmissionCandidate = (values: FormValues): unknown => {
  const card: Record<string, unknown> = {};
  for (const field of CHOICE_FIELDS) card[field] = orUndefined(values[`card.${field}`]);
  for (const field of THRESHOLD_FIELDS) card[field] = parseAmount(values[`card.${field}`]);
  card.commitToShare = values['card.commitToShare'] === 'true' ? true : undefined;
  return {
    title: values.title ?? '',
    problem: values.problem ?? '',
    hypothesis: Object.fromEntries(
      HYPOTHESIS_FIELDS.map((field) => [field, values[`hypothesis.${field}`] ?? '']),
    ),
    card,
  };
};

export type SubmissionResult = { ok: true; submission: Submission } | { ok: false; issues: Issue[] };

export const validateSubmission = (values: FormValues): SubmissionResult => {
  const parsed = submissionSchema.safeParse(toSubmissionCandidate(values));
  return parsed.success
    ? { ok: true, submission: parsed.data }
    : { ok: false, issues: toIssues(parsed.error) };
};

/** The longest a card answer is kept as typed; a longer one (a number with many leading zeros) is kept as its value. */
const TYPED_NUMBER_MAX = 32;

/**
 * A field's answer as the draft keeps it, once its step's checks passed: text trimmed (so within the
 * schema's length), a card number as typed unless absurdly long, anything else as it is (a choice).
 * So a draft never holds more than the form's own limits allow.
 */
export const keptValue = (path: string, value: string): string => {
  if (IDEA_PATHS.includes(path) || PLAN_PATHS.includes(path)) return value.trim();
  const field = path.slice('card.'.length);
  if ((THRESHOLD_FIELDS as readonly string[]).includes(field) && value.length > TYPED_NUMBER_MAX)
    return String(parseAmount(value));
  return value.slice(0, TYPED_NUMBER_MAX);
};
