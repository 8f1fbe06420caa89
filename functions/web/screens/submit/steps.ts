/**
 * "Submit an idea" as a few pages, each a short list of the form's fields: the idea, the test plan, and
 * the prompt card (its questions together, because seeing the whole card is its point), then "Check
 * your answers". A step is added, or a field moved, here; the controller, the check page and the
 * redirects follow.
 */
import type { Issue } from '#shared/domain/schemas.ts';
import {
  CARD_PATHS,
  type FormValues,
  IDEA_PATHS,
  PLAN_PATHS,
  validateSubmission,
} from '../../form/submission.ts';

export type StepSlug = 'idea' | 'plan' | 'card';

export interface SubmitStep {
  slug: StepSlug;
  /** Its page: GET shows it, POST saves its answers and moves on. */
  path: string;
  fields: readonly string[];
}

export const SUBMIT_STEPS: readonly SubmitStep[] = [
  { slug: 'idea', path: '/ideas/new', fields: IDEA_PATHS },
  { slug: 'plan', path: '/ideas/new/test-plan', fields: PLAN_PATHS },
  { slug: 'card', path: '/ideas/new/card', fields: CARD_PATHS },
];

export const CHECK_PATH = '/ideas/new/check';

/** The page before a step, for its Back link: the start page before the first. */
export const backFrom = (step: SubmitStep): string => {
  const at = SUBMIT_STEPS.indexOf(step);
  return at > 0 ? (SUBMIT_STEPS[at - 1]?.path ?? '/') : '/';
};

/** The problems of one step alone: an empty step shows only its own errors. */
export const issuesOf = (step: SubmitStep, issues: readonly Issue[]): Issue[] =>
  issues.filter((issue) => step.fields.includes(issue.path));

/**
 * Where to go once `after` is saved (or, with no `after`, from the start): the first later step with
 * answers still missing or wrong, else "Check your answers". So a Change link's step returns to the check.
 */
export const nextPath = (values: FormValues, after?: SubmitStep): string => {
  const result = validateSubmission(values);
  if (result.ok) return CHECK_PATH;
  const from = after ? SUBMIT_STEPS.indexOf(after) + 1 : 0;
  const open = SUBMIT_STEPS.slice(from).find((step) => issuesOf(step, result.issues).length > 0);
  return open?.path ?? CHECK_PATH;
};
