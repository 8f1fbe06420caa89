/**
 * What the JSON API answers, as zod schemas: written once, for the OpenAPI document (infra/openapi/)
 * and for the contract test that checks every real answer against it. No handler parses its answers
 * with them, so they cost a request nothing. Answers that are a service's own shape (the dashboard, a
 * person's records) are described beside their route, in `functions/<name>/openapi.ts`.
 *
 * Each schema is tied to the type the code returns (`describes<T>()`): a field added to, removed from or
 * changed in the type without the same change here fails the typecheck, so the document cannot fall
 * behind a field that the contract test never happens to see (a failure, an anonymised record).
 */
import * as z from 'zod';
import type { AllowanceReason } from './allowance.ts';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditEntry } from './audit.ts';
import {
  CARD_FIELDS,
  CHOICE_ANSWERS,
  CHOICE_FIELDS,
  POLICY_REASON_CODES,
  type Policy,
  THRESHOLD_FIELDS,
} from './card.ts';
import { allOf, describes } from './describes.ts';
import {
  type AssessmentRecord,
  type CycleResult,
  type ExecutionEnd,
  type HistoryEvent,
  HYPOTHESIS_FIELDS,
  type Incident,
  type ResumePoint,
} from './experiment.ts';
import { LIBRARY_STATUSES, type LibraryEntry } from './library-entry.ts';
import { type FreeTextCheck, PERSONAL_DETAIL_WARNINGS } from './personal-details.ts';
import { NEXT_STEPS, STATUSES } from './status.ts';
import type { StoredExperiment } from './stored-experiment.ts';
import { TEAM_SLUG } from './teams.ts';

// Tying a schema to its type: describes.ts (used here and by each route's openapi.ts).
export { allOf, describes } from './describes.ts';

// ---- Small parts ----

export const timestamp = z.iso
  .datetime()
  .meta({ id: 'Timestamp', description: 'A moment in UTC: ISO 8601 with milliseconds.' });

const text = z.string().nullable();

export const teamSlug = z
  .string()
  .regex(TEAM_SLUG)
  .meta({ id: 'Team', description: 'A team, by its slug (such as early-help).' });

export const statusSchema = z
  .enum(STATUSES)
  .meta({ id: 'Status', description: 'Where an experiment is in its life.' });

export const HISTORY_EVENTS = allOf<HistoryEvent>()([
  'submitted',
  'authorised',
  'escalated',
  'raisedToLeaders',
  'approved',
  'declined',
  'cycleRecorded',
  'reminded',
  'failed',
  'continued',
  'redacted',
  'incidentReported',
]);
const CYCLE_RESULTS = allOf<CycleResult>()(['worked', 'didNotWork', 'unclear']);
const INCIDENTS = allOf<Incident>()(['none', 'minor', 'serious']);
const RESUME_POINTS = allOf<ResumePoint>()(['assess', 'decision', 'cycle']);
const EXECUTION_ENDS = allOf<ExecutionEnd>()([
  'HANDED_OVER',
  'ABORTED',
  'TIMED_OUT',
  'FAILED',
  'SUCCEEDED',
  'MISSING',
]);

// ---- The card and its assessment ----

const choiceAnswer = <F extends (typeof CHOICE_FIELDS)[number]>(field: F) => z.enum(CHOICE_ANSWERS[field]);

const cardAnswers = {
  ...(Object.fromEntries(CHOICE_FIELDS.map((field) => [field, choiceAnswer(field)])) as unknown as {
    [F in (typeof CHOICE_FIELDS)[number]]: z.ZodEnum<{ [A in (typeof CHOICE_ANSWERS)[F][number]]: A }>;
  }),
  ...(Object.fromEntries(THRESHOLD_FIELDS.map((field) => [field, z.number().min(0)])) as {
    [F in (typeof THRESHOLD_FIELDS)[number]]: z.ZodNumber;
  }),
};

const cardSchema = z
  .strictObject({ ...cardAnswers, commitToShare: z.literal(true) })
  .meta({ id: 'CardAnswers', description: 'The answers to the prompt card, as submitted or last changed.' });

const cardChangesSchema = z
  .strictObject(cardAnswers)
  .partial()
  .meta({ id: 'CardChanges', description: 'New answers a cycle gave to some of the card’s questions.' });

const cardReasonSchema = z
  .strictObject({
    rule: z.enum(CARD_FIELDS as readonly [(typeof CARD_FIELDS)[number], ...(typeof CARD_FIELDS)[number][]]),
    answer: z.union([z.string(), z.number()]),
    limit: z.number().optional().meta({ description: 'For a threshold: the limit the answer went above.' }),
    team: teamSlug.optional().meta({ description: 'Present when the limit was the team’s own.' }),
    message: z.string(),
  })
  .meta({ id: 'CardReason', description: 'A rule of the card that escalated, in the card’s row order.' });

const allowanceReasonSchema = describes<AllowanceReason>()(
  z
    .strictObject({
      rule: z.literal('allowance'),
      answer: z.number().min(0).meta({ description: 'The idea’s extra cost, in pounds.' }),
      limit: z.number().min(0).meta({ description: 'What the team had left of its allowance, in pounds.' }),
      message: z.string(),
    })
    .meta({
      id: 'AllowanceReason',
      description: 'The team’s innovation allowance could not cover the idea’s cost: after the card’s rows.',
    }),
);

const reasonCodesSchema = z
  .union([cardReasonSchema.omit({ message: true }), allowanceReasonSchema.omit({ message: true })])
  .meta({
    id: 'ReasonCodes',
    description: 'A reason as history keeps it: its rule, answer and limit, worded by whoever reads it.',
  });

const reasonSchema = z
  .union([cardReasonSchema, allowanceReasonSchema])
  .meta({ id: 'Reason', description: 'Why the idea was escalated: a rule of the card, or the allowance.' });

export const assessmentSchema = describes<AssessmentRecord>()(
  z
    .strictObject({
      decision: z.enum(['authorised', 'escalated']),
      reasons: z.array(reasonSchema),
      policyVersion: z.int().min(1),
      assessedAt: timestamp,
    })
    .meta({ id: 'Assessment', description: 'The latest check of the card against the policy version.' }),
);

// ---- The experiment ----

const hypothesisSchema = z
  .strictObject(
    Object.fromEntries(HYPOTHESIS_FIELDS.map((field) => [field, text])) as {
      [F in (typeof HYPOTHESIS_FIELDS)[number]]: typeof text;
    },
  )
  .meta({
    id: 'Hypothesis',
    description: 'The test card; a part is null once the experiment is anonymised.',
  });

const cycleSchema = z
  .strictObject({
    number: z.int().min(1),
    result: z.enum(CYCLE_RESULTS),
    observed: text,
    learned: z.string(),
    next: z.enum(NEXT_STEPS),
    changes: cardChangesSchema.optional(),
    assessment: assessmentSchema.optional(),
    recordedAt: timestamp,
    recordedBy: text,
    incident: z.enum(INCIDENTS).optional(),
    incidentDetail: text.optional(),
  })
  .meta({ id: 'Cycle', description: 'A learning card: what one test showed, and what happens next.' });

const historyEntrySchema = z
  .strictObject({
    at: timestamp,
    by: text.meta({ description: 'A person’s id, or "card" for the workflow; null once erased.' }),
    byName: text,
    event: z.enum(HISTORY_EVENTS),
    status: statusSchema,
    detail: text.optional(),
    cycle: z.int().min(1).optional().meta({ description: 'The test the entry is about.' }),
    reasons: z.array(reasonCodesSchema).optional().meta({ description: 'Why it was escalated, as codes.' }),
    asCoverFor: teamSlug.optional(),
    field: z.string().optional().meta({
      description: 'A redaction: the path of the field whose text was removed (`detail` is the reason).',
    }),
  })
  .meta({ id: 'HistoryEntry', description: 'Who did what, when, and the status after it.' });

const executionSchema = z
  .strictObject({
    arn: z.string(),
    generation: z.int().min(0),
    startedAt: timestamp,
    resume: z.enum(RESUME_POINTS).optional(),
    seen: z.int().min(0).optional(),
    restarts: z.int().min(0).optional(),
    gaveUpAt: timestamp.optional(),
    ended: z.strictObject({ as: z.enum(EXECUTION_ENDS), at: timestamp }).optional(),
  })
  .meta({ id: 'WorkflowExecution', description: 'A Step Functions execution of the experiment’s workflow.' });

const experimentShape = {
  id: z.uuid(),
  title: z.string(),
  problem: text,
  hypothesis: hypothesisSchema,
  card: cardSchema,
  team: teamSlug,
  owner: text,
  ownerName: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  status: statusSchema,
  policyVersion: z.int().min(1),
  assessment: assessmentSchema.optional(),
  authorisation: z
    .strictObject({
      by: text.meta({ description: '"card", or the id of the manager or leader who approved it.' }),
      byName: text.optional(),
      at: timestamp,
      conditions: text.optional(),
    })
    .optional(),
  decision: z
    .strictObject({
      outcome: z.enum(['approve', 'decline']),
      by: text,
      byName: text,
      at: timestamp,
      reason: text.optional(),
      conditions: text.optional(),
    })
    .optional(),
  escalatedAt: timestamp.optional(),
  deadlineAt: timestamp.optional(),
  reviewBy: timestamp.optional(),
  raisedToLeaders: z.boolean(),
  everEscalated: z.boolean(),
  cycles: z.array(cycleSchema),
  history: z.array(historyEntrySchema),
  closedAt: timestamp.optional(),
  failure: z.strictObject({ at: timestamp, error: z.string(), cause: z.string() }).optional(),
  execution: executionSchema.optional(),
  previousExecutions: z.array(executionSchema).optional(),
  allowance: z
    .strictObject({
      drawn: z
        .number()
        .min(0)
        .meta({ description: 'Pounds drawn from the team’s allowance, over all draws.' }),
      covered: z.number().min(0).meta({ description: 'The highest extra cost authorised for it so far.' }),
    })
    .meta({ id: 'AllowanceUse', description: 'What the idea drew from its team’s innovation allowance.' })
    .optional(),
  retainUntil: timestamp.optional(),
  anonymised: z.boolean().optional(),
  anonymisedAt: timestamp.optional(),
};

export const experimentSchema = describes<StoredExperiment>()(
  z.strictObject(experimentShape).meta({
    id: 'Experiment',
    description:
      'One experiment with its assessment, cycles and history. Ids, names and free text are null where retention or erasure removed them.',
  }),
);

/** Warnings about the free text just sent, in what a submission, a cycle or cover answers. */
export const freeTextWarnings = z
  .array(z.strictObject({ path: z.string(), kind: z.enum(PERSONAL_DETAIL_WARNINGS) }))
  .optional()
  .meta({ description: 'Free text that may narrow a family down (a postcode, a date of birth).' });

/** What a submission or a cycle answers: the experiment, with warnings about the free text just sent. */
export const experimentWithWarnings = describes<
  StoredExperiment & { warnings?: FreeTextCheck['warnings'] }
>()(
  z
    .strictObject({
      ...experimentShape,
      warnings: freeTextWarnings,
    })
    .meta({ id: 'ExperimentWithWarnings', description: 'The experiment, and warnings about its free text.' }),
);

/** A page of a list: `next` is the cursor of the following page, null on the last. */
export const pageOf = <S extends z.ZodType>(item: S, id: string, description: string) =>
  z
    .strictObject({
      items: z.array(item),
      next: z
        .string()
        .nullable()
        .meta({ description: 'Send it back as `cursor` for the next page; null on the last page.' }),
    })
    .meta({ id, description });

export const experimentPage = pageOf(experimentSchema, 'ExperimentPage', 'A page of experiments.');

// ---- The policy ----

const thresholdsSchema = z
  .strictObject({
    extraCost: z.number().min(0),
    peopleInvolved: z.number().min(0),
    durationWeeks: z.number().min(1),
    staffHours: z.number().min(0),
  })
  .meta({ id: 'Thresholds', description: 'The card’s four limits; a value equal to a limit is inside it.' });

export const policySchema = describes<Policy>()(
  z
    .strictObject({
      version: z.int().min(1),
      thresholds: thresholdsSchema,
      decisionDeadlineDays: z.int().min(1),
      publishedBy: z.string(),
      publishedAt: timestamp,
      reason: z.string(),
      reasonCode: z
        .enum(POLICY_REASON_CODES)
        .optional()
        .meta({ description: 'A reason the service wrote itself, worded by whoever reads it.' }),
      teams: z.record(z.string(), thresholdsSchema.partial()).optional(),
      allowance: z.record(z.string(), z.number().min(0)).optional(),
    })
    .meta({
      id: 'Policy',
      description: 'A version of the card’s policy; a published version never changes.',
    }),
);

// ---- The audit trail ----

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const auditEntrySchema = describes<AuditEntry>()(
  z
    .strictObject({
      at: timestamp,
      actor: z.string().meta({ description: 'A person’s id, or "system" for retention.' }),
      action: z.enum(AUDIT_ACTIONS),
      target: text.meta({ description: 'An experiment, a person, a policy version; null for sign-in.' }),
      outcome: z.enum(AUDIT_OUTCOMES),
      hash: sha256,
      previousHash: sha256,
    })
    .meta({ id: 'AuditEntry', description: 'One entry of the append-only, hash-chained audit trail.' }),
);

// ---- The learning library ----

const libraryEntryShape = {
  id: z.uuid(),
  title: z.string(),
  team: teamSlug,
  status: z.enum(LIBRARY_STATUSES),
  problem: text,
  hypothesis: hypothesisSchema,
  cycles: z.array(
    z.strictObject({
      result: z.enum(CYCLE_RESULTS),
      observed: text,
      learned: z.string(),
      next: z.enum(NEXT_STEPS),
      at: timestamp,
    }),
  ),
  declineReason: text.optional().meta({ description: 'Only on a declined idea: why it was declined.' }),
  createdAt: timestamp,
  closedAt: timestamp.nullable(),
};

export const libraryEntrySchema = describes<LibraryEntry>()(
  z.strictObject(libraryEntryShape).meta({
    id: 'LibraryEntry',
    description: 'What a test taught, for everyone to read: no person’s name or id.',
  }),
);

/** An entry as a search or "ideas like yours" gives it: with its relevance when ranked. */
export const libraryItemSchema = describes<LibraryEntry & { score?: number }>()(
  z
    .strictObject({
      ...libraryEntryShape,
      score: z.number().optional().meta({ description: 'The relevance.' }),
    })
    .meta({ id: 'LibraryItem', description: 'A library entry, with `score` when results are ranked.' }),
);
