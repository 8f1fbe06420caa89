/**
 * The document's examples, never written by hand: request bodies are the demo set's own
 * (infra/local/demo-data.ts, what `npm run demo` sends), run through the same schemas the handlers
 * parse them with; the policy is the card as first printed (POLICY_V1); a 400 is what the submission's
 * schema answers when a demo body lacks a field.
 */
import type { FunctionName } from '#functions/registry.ts';
import { type DemoIdea, IDEAS, learningCard, type Step } from '#infra/local/demo-data.ts';
import { POLICY_V1 } from '#shared/domain/card.ts';
import { draftSchema } from '#shared/domain/library-schemas.ts';
import { cycleSchema, decisionSchema, policySchema, submissionSchema } from '#shared/domain/schemas.ts';
import { ValidationError } from '#shared/errors.ts';
import { parse } from '#shared/http/api-handler.ts';

export interface Example {
  summary: string;
  value: unknown;
}

const idea = (key: string): DemoIdea => {
  const found = IDEAS.find((candidate) => candidate.key === key);
  if (!found)
    throw new Error(`The demo set has no idea ${key}: infra/openapi/examples.ts names one it no longer has`);
  return found;
};

const submission = (key: string) => {
  const { title, problem, hypothesis, card } = idea(key);
  return submissionSchema.parse({ title, problem, hypothesis, card });
};

const steps = <K extends 'decide' | 'cycle'>(key: string, kind: K) =>
  idea(key).steps.filter((step): step is Extract<Step, Record<K, unknown>> => kind in step);

const decision = (key: string) => {
  const [step] = steps(key, 'decide');
  if (!step) throw new Error(`The demo idea ${key} has no decision`);
  const { outcome, reason, conditions } = step;
  return decisionSchema.parse({ outcome, reason, conditions });
};

const cycle = (key: string, index: number) => {
  const step = steps(key, 'cycle')[index];
  if (!step) throw new Error(`The demo idea ${key} has no cycle ${index + 1}`);
  return cycleSchema.parse(learningCard(step.cycle));
};

/** What the request schema answers for a body, as the API's 400 would say it. */
const refusal = (schema: Parameters<typeof parse>[0], body: unknown) => {
  try {
    parse(schema, body);
  } catch (error) {
    if (error instanceof ValidationError) return error.toBody();
    throw error;
  }
  throw new Error('The example of a refused body was accepted: infra/openapi/examples.ts must break it');
};

/** Request bodies, by function. */
export const requestExamples = (): Partial<Record<FunctionName, Record<string, Example>>> => ({
  'submit-experiment': {
    insideTheCard: { summary: 'An idea inside the card', value: submission('demo-evening-calls') },
    outsideTheCard: {
      summary: 'An idea a manager must look at first (personal data, 24 families)',
      value: submission('demo-buddy-scheme'),
    },
  },
  'decide-experiment': {
    approve: { summary: 'Approve, with conditions', value: decision('demo-buddy-scheme') },
    decline: { summary: 'Decline, with the reason', value: decision('demo-text-reminders') },
  },
  'record-cycle': {
    didNotWork: { summary: 'It did not work: adapt', value: cycle('demo-evening-calls', 0) },
    adopt: { summary: 'It worked: adopt', value: cycle('demo-evening-calls', 1) },
    changes: { summary: 'Adapt, with a change to the card', value: cycle('demo-walk-and-talk', 0) },
  },
  'publish-policy': {
    printedCard: {
      summary: 'The limits of the card as first printed',
      value: policySchema.parse({
        thresholds: POLICY_V1.thresholds,
        decisionDeadlineDays: POLICY_V1.decisionDeadlineDays,
        reason: POLICY_V1.reason,
      }),
    },
  },
  'find-similar-ideas': {
    draft: {
      summary: 'A draft idea',
      value: draftSchema.parse({
        title: idea('demo-school-gate').title,
        problem: idea('demo-school-gate').problem,
      }),
    },
  },
});

/** Answers, by function and status. */
export const responseExamples = (): Partial<Record<FunctionName, Partial<Record<number, unknown>>>> => {
  const { hypothesis: _left, ...withoutHypothesis } = submission('demo-evening-calls');
  return {
    'get-policy': { 200: POLICY_V1 },
    'publish-policy': { 201: POLICY_V1 },
    'submit-experiment': { 400: refusal(submissionSchema, withoutHypothesis) },
  };
};
