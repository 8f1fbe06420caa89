/**
 * The "Submit an idea" form: its field names (which are the API's issue paths, so errors land on the
 * right field), how its strings become a submission, and validation with the API's own schema.
 */
import { randomUUID } from 'node:crypto';
import { CHOICE_FIELDS, THRESHOLD_FIELDS } from '#shared/domain/card.ts';
import { HYPOTHESIS_FIELDS } from '#shared/domain/experiment.ts';
import {
  type Issue,
  idempotencyKeySchema,
  type Submission,
  submissionSchema,
  toIssues,
} from '#shared/domain/schemas.ts';
import { parseAmount } from './numbers.ts';

/** Every field of the form, in the order it is shown and its errors are listed. */
export const SUBMISSION_PATHS: readonly string[] = [
  'title',
  'problem',
  ...HYPOTHESIS_FIELDS.map((field) => `hypothesis.${field}`),
  ...CHOICE_FIELDS.map((field) => `card.${field}`),
  ...THRESHOLD_FIELDS.map((field) => `card.${field}`),
  'card.commitToShare',
];

export type FormValues = Record<string, string>;

/** The raw strings of the form, kept as typed so a page with errors shows them back unchanged. */
export const readSubmissionForm = (form: URLSearchParams): { values: FormValues; idempotencyKey: string } => {
  const values: FormValues = {};
  for (const path of SUBMISSION_PATHS) values[path] = form.get(path) ?? '';
  // The API's own rule for the key; a missing or odd one gets a new key: it only ever protects against a
  // second click, never identifies.
  const key = idempotencyKeySchema.safeParse(form.get('idempotencyKey') ?? '');
  return { values, idempotencyKey: key.success ? key.data : randomUUID() };
};

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
