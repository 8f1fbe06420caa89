import * as z from 'zod';
import {
  CHOICE_FIELDS,
  CHOICE_QUESTIONS,
  type ChoiceAnswers,
  COMMITMENT_QUESTION,
  hasDecimalPlaces,
  THRESHOLD_FIELDS,
  THRESHOLD_QUESTIONS,
  type ThresholdField,
} from './card.ts';
import { COVER_MESSAGES, MAX_COVER_REASON } from './cover.ts';
import { INCIDENTS } from './experiment.ts';
import { FIELD_MESSAGES, numberError, POLICY_NUMBER_MESSAGES, type TextMessages } from './field-messages.ts';
import { policyLimit, policyThresholdShape, teamLimitsSchema } from './policy-limits.ts';
import { NEXT_STEPS, STATUSES } from './status.ts';
import { TEAM_SLUG } from './teams.ts';

// Messages follow the GOV.UK error message pattern: say what to do, in the user's words, per field and
// per kind of problem (field-messages.ts, and the card's rows for its answers).
export type { TextMessages } from './field-messages.ts';

/**
 * Text that is not well-formed UTF-16 (a lone surrogate, which no keyboard types but a JSON body can
 * carry as `"\uD800"`) cannot be encoded as the UTF-8 that DynamoDB and CSV need, so it is refused here
 * with a 400 rather than failing later as a 500 or turning into replacement characters.
 */
export const BROKEN_TEXT = 'Remove the characters that are not valid text';

/**
 * Text trimmed before its length is checked, so "   " counts as empty, and refused when not well formed.
 * Empty is `enter`; shorter than `min` is `tooShort` (or `enter` for a field without one); longer than
 * `max` is `tooLong` (likewise).
 */
export const trimmedText = (min: number, max: number, messages: TextMessages) => {
  const present = z.string({ error: messages.enter }).trim().min(1, { error: messages.enter });
  return (min > 1 ? present.min(min, { error: messages.tooShort ?? messages.enter }) : present)
    .max(max, { error: messages.tooLong ?? messages.enter })
    .refine((value) => value.isWellFormed(), { error: BROKEN_TEXT });
};

export const always = { when: () => true } as const;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const OBJECT_ERROR = 'Send the details as a JSON object';

// Every exported schema is built on its first use (z.lazy): building them all at import cost every
// function's cold start, though each parses one or two of them (docs/performance.md).

// ---- The card, built from card.ts so the questions, answers and bounds have one source. ----

const choiceSchema = <F extends (typeof CHOICE_FIELDS)[number]>(field: F) => {
  const question = CHOICE_QUESTIONS[field];
  return z.enum(question.answers as readonly ChoiceAnswers[F][], { error: question.errorMessage });
};

const thresholdSchema = (field: ThresholdField) => {
  const question = THRESHOLD_QUESTIONS[field];
  const { errors } = question;
  // z.number() already refuses NaN, Infinity and strings such as "12".
  return z
    .number({ error: numberError(errors) })
    .min(question.min, { error: errors.tooSmall })
    .max(question.max, { error: errors.tooBig })
    .refine((value) => hasDecimalPlaces(value, question.decimalPlaces), { error: errors.precision });
};

type CardAnswerShape = { [F in (typeof CHOICE_FIELDS)[number]]: z.ZodType<ChoiceAnswers[F]> } & {
  [F in ThresholdField]: z.ZodType<number>;
};

let answerShape: CardAnswerShape | undefined;
const cardAnswerShape = (): CardAnswerShape => {
  answerShape ??= Object.fromEntries([
    ...CHOICE_FIELDS.map((field) => [field, choiceSchema(field)] as const),
    ...THRESHOLD_FIELDS.map((field) => [field, thresholdSchema(field)] as const),
  ]) as CardAnswerShape;
  return answerShape;
};

export const cardSchema = z.lazy(() =>
  z.strictObject(
    {
      ...cardAnswerShape(),
      commitToShare: z.literal(true, { error: COMMITMENT_QUESTION.errorMessage }),
    },
    { error: 'Answer the questions on the card' },
  ),
);

export const cardChangesSchema = z.lazy(() =>
  z
    .strictObject(
      {
        ...cardAnswerShape(),
      },
      { error: 'Send the changed card answers as a JSON object' },
    )
    .partial()
    .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
      error: 'Change at least one answer on the card, or leave the changes out',
    }),
);

// ---- Request bodies ----

export const hypothesisSchema = z.lazy(() =>
  z.strictObject(
    {
      weBelieve: trimmedText(1, 1000, FIELD_MESSAGES.weBelieve),
      toTestIt: trimmedText(1, 1000, FIELD_MESSAGES.toTestIt),
      measure: trimmedText(1, 1000, FIELD_MESSAGES.measure),
      rightIf: trimmedText(1, 1000, FIELD_MESSAGES.rightIf),
    },
    {
      error:
        'Enter your test plan: the change you think will help, how you will test it, what you will measure and the result that would show it works',
    },
  ),
);

export const submissionSchema = z.lazy(() =>
  z.strictObject(
    {
      title: trimmedText(5, 120, FIELD_MESSAGES.title),
      problem: trimmedText(1, 2000, FIELD_MESSAGES.problem),
      hypothesis: hypothesisSchema,
      card: cardSchema,
    },
    { error: OBJECT_ERROR },
  ),
);

export const decisionSchema = z.lazy(() =>
  z
    .strictObject(
      {
        outcome: z.enum(['approve', 'decline'], { error: FIELD_MESSAGES.outcome.enter }),
        reason: trimmedText(1, 2000, {
          enter: 'Enter the reason for your decision, or leave it out',
          tooLong: FIELD_MESSAGES.reason.tooLong,
        }).optional(),
        conditions: trimmedText(1, 2000, FIELD_MESSAGES.conditions).optional(),
      },
      { error: OBJECT_ERROR },
    )
    // `when` makes these run alongside other field errors, so the form shows every problem at once.
    .refine((body: unknown) => !(isRecord(body) && body.outcome === 'decline' && body.reason === undefined), {
      ...always,
      path: ['reason'],
      error: FIELD_MESSAGES.reason.enter,
    })
    .refine(
      (body: unknown) => !(isRecord(body) && body.outcome === 'decline' && body.conditions !== undefined),
      {
        ...always,
        path: ['conditions'],
        error: 'Only add conditions when you approve the idea',
      },
    ),
);

export const cycleSchema = z.lazy(() =>
  z
    .strictObject(
      {
        result: z.enum(['worked', 'didNotWork', 'unclear'], { error: FIELD_MESSAGES.result.enter }),
        observed: trimmedText(1, 2000, FIELD_MESSAGES.observed),
        learned: trimmedText(1, 2000, FIELD_MESSAGES.learned),
        next: z.enum(NEXT_STEPS, { error: FIELD_MESSAGES.next.enter }),
        changes: cardChangesSchema.optional(),
        incident: z.enum(INCIDENTS, {
          error: 'Select whether anything went wrong for anyone taking part',
        }),
        incidentDetail: trimmedText(1, 2000, {
          enter: 'Enter what went wrong',
          tooLong: 'What went wrong must be 2,000 characters or fewer',
        }).optional(),
      },
      { error: OBJECT_ERROR },
    )
    .refine((body: unknown) => !(isRecord(body) && body.changes !== undefined && body.next !== 'adapt'), {
      ...always,
      path: ['changes'],
      error: 'Only change the card answers when you adapt the idea',
    })
    .refine(
      (body: unknown) =>
        !(
          isRecord(body) &&
          (body.incident === 'minor' || body.incident === 'serious') &&
          body.incidentDetail === undefined
        ),
      { ...always, path: ['incidentDetail'], error: 'Enter what went wrong' },
    )
    .refine(
      (body: unknown) => !(isRecord(body) && body.incident === 'none' && body.incidentDetail !== undefined),
      {
        ...always,
        path: ['incidentDetail'],
        error: 'Only say what went wrong when something did: leave this out when nothing went wrong',
      },
    ),
);

export const policySchema = z.lazy(() =>
  z.strictObject(
    {
      thresholds: z.strictObject(policyThresholdShape(), {
        error: 'Enter the four limits: extra money, people or families, weeks and staff hours',
      }),
      decisionDeadlineDays: policyLimit(1, 60, 0, POLICY_NUMBER_MESSAGES.decisionDeadlineDays),
      reason: trimmedText(5, 2000, FIELD_MESSAGES.policyReason),
      allowance: z
        .record(
          z.string().regex(TEAM_SLUG, { error: 'Give each innovation allowance by its team, like housing' }),
          policyLimit(0, 10_000_000, 2, POLICY_NUMBER_MESSAGES.allowance),
          { error: 'Give the innovation allowance as pounds for each team, like { "housing": 5000 }' },
        )
        .optional(),
      teams: teamLimitsSchema.optional(),
    },
    { error: OBJECT_ERROR },
  ),
);

// ---- Query strings and headers ----

export const isoDate = () =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'Enter a real date like 2025-03-31, or a date and time like 2025-03-31T09:00:00Z',
  });

/** `limit` and `cursor`, as every paged list reads them. */
export const pageParameters = () => ({
  limit: z.coerce
    .number({ error: 'Enter a limit from 1 to 100' })
    .int({ error: 'Enter a limit from 1 to 100' })
    .min(1, { error: 'Enter a limit from 1 to 100' })
    .max(100, { error: 'Enter a limit from 1 to 100' })
    .default(20),
  cursor: z
    .string({ error: 'Use the cursor from the previous page' })
    .min(1, { error: 'Use the cursor from the previous page' })
    .max(2048, { error: 'Use the cursor from the previous page' })
    .optional(),
});

/** True unless both `from` and `to` are dates and `from` is after `to`. */
export const fromNotAfterTo = (query: unknown): boolean => {
  if (!isRecord(query) || typeof query.from !== 'string' || typeof query.to !== 'string') return true;
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  return Number.isNaN(from) || Number.isNaN(to) || from <= to;
};

/** A list's filters from a query string: only the parameters named, and a start date not after the end date. */
export const filterQuery = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, { error: 'Send the filters as query string parameters' }).refine(fromNotAfterTo, {
    ...always,
    path: ['to'],
    error: 'The end date must be the same as or after the start date',
  });

export const listQuerySchema = z.lazy(() =>
  filterQuery({
    status: z.enum(STATUSES, { error: `Choose a status from: ${STATUSES.join(', ')}` }).optional(),
    team: z
      .string({ error: 'Enter a team like early-help' })
      .regex(TEAM_SLUG, {
        error: 'Enter a team like early-help: lower-case letters, numbers and hyphens',
      })
      .optional(),
    from: isoDate().optional(),
    to: isoDate().optional(),
    q: trimmedText(1, 100, { enter: 'Enter a word to search for, up to 100 characters' }).optional(),
    ...pageParameters(),
  }),
);

/** The one rule for an Idempotency-Key, as the submission route reads it from its header. */
export const idempotencyKeySchema = z.lazy(() =>
  trimmedText(1, 128, {
    enter: 'Send an Idempotency-Key header, so a retried submission is never stored twice',
    tooLong: 'The Idempotency-Key header must be 1 to 128 characters',
  }),
);

export type Submission = z.infer<typeof submissionSchema>;
export type Hypothesis = z.infer<typeof hypothesisSchema>;
export type CardChanges = z.infer<typeof cardChangesSchema>;
export type DecisionRequest = z.infer<typeof decisionSchema>;
export type CycleRequest = z.infer<typeof cycleSchema>;
export type PolicyRequest = z.infer<typeof policySchema>;
export type ListQuery = z.infer<typeof listQuerySchema>;

export interface Issue {
  path: string;
  message: string;
}

const UNRECOGNISED_FIELD = 'Remove this field: it is not one we recognise';

/**
 * Flattens a zod error into the API's `issues`: dotted paths such as "card.extraCost", an unknown field
 * reported at its own path, and one message per path (the first), as a form shows one per field.
 */
export const toIssues = (error: z.ZodError, prefix?: string): Issue[] => {
  const join = (path: readonly PropertyKey[]): string =>
    [...(prefix ? [prefix] : []), ...path.map((part) => String(part))].join('.');
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    issues.push({ path, message });
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(join([...issue.path, key]), UNRECOGNISED_FIELD);
    } else {
      add(join(issue.path), issue.message);
    }
  }
  return issues;
};

// ---- Manager cover (version 2) ----

const COVER_FROM = 'Enter the first day of cover as year, month and day, like 2026-07-01';
const COVER_TO = 'Enter the last day of cover as year, month and day, like 2026-07-14';

/** `POST /api/cover`: the shape only; who, which dates and overlaps are the domain's (cover.ts). */
export const coverSchema = z.lazy(() =>
  z.strictObject(
    {
      team: z.string().regex(TEAM_SLUG, { error: 'Choose a team, like housing' }).optional(),
      coverBy: z
        .string({ error: COVER_MESSAGES.coverByMissing })
        .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, { error: COVER_MESSAGES.coverByMissing }),
      from: z.string({ error: COVER_FROM }).max(10, { error: COVER_FROM }),
      to: z.string({ error: COVER_TO }).max(10, { error: COVER_TO }),
      reason: trimmedText(1, MAX_COVER_REASON, {
        enter: 'Enter the reason for cover, or leave it out',
        tooLong: COVER_MESSAGES.reasonTooLong,
      }).optional(),
    },
    { error: OBJECT_ERROR },
  ),
);

export type CoverRequestBody = z.infer<typeof coverSchema>;
