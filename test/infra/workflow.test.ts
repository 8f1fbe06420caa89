import { createRequire } from 'node:module';
import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_FUNCTIONS } from '#functions/registry.ts';
import { synthesizeWorkflow } from '#infra/local/workflow-definition.ts';
import { type Json, PROD_CONTEXT, resolveIntrinsics, type SynthedApp, synthApp } from './synth-app.ts';

type AslValidator = (definition: unknown) => { isValid: boolean; errorsText: (separator?: string) => string };
// asl-validator is CommonJS without types.
const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator;

interface State {
  Type: string;
  Resource?: string;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number;
  HeartbeatSecondsPath?: string;
  Retry?: { ErrorEquals: string[] }[];
  Catch?: { ErrorEquals: string[] }[];
}

const REGION = 'eu-west-2';
const ACCOUNT = '123456789012';

let app: SynthedApp;
let machine: Record<string, Json>;
let definition: { StartAt: string; States: Record<string, State> };

beforeAll(() => {
  app = synthApp(PROD_CONTEXT);
  machine = app.single('AWS::StepFunctions::StateMachine').Properties;
  const nameOf = new Map(
    WORKFLOW_FUNCTIONS.map((name) => [
      app.stack.getLogicalId(app.stack.functions[name].node.defaultChild as CfnElement),
      name,
    ]),
  );
  const getAtt = (logicalId: string, attribute: string) => {
    const name = nameOf.get(logicalId);
    if (!name || attribute !== 'Arn') throw new Error(`The definition refers to ${logicalId}.${attribute}`);
    return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
  };
  definition = JSON.parse(
    resolveIntrinsics(machine.DefinitionString ?? null, {
      getAtt,
      pseudo: { 'AWS::Region': REGION, 'AWS::AccountId': ACCOUNT },
    }),
  ) as typeof definition;
});

/** Replaces every Lambda ARN with the bare function name, so two engines' ARN schemes cannot matter. */
const withFunctionNames = (value: unknown): unknown => {
  if (typeof value === 'string') return value.replace(/^arn:aws:lambda:[^:]+:\d+:function:([a-z-]+)$/, '$1');
  if (Array.isArray(value)) return value.map(withFunctionNames);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withFunctionNames(v)]));
  }
  return value;
};

const states = () => Object.entries(definition.States);

describe('the experiment state machine', () => {
  it('is a Standard workflow, traced, logging every event but no execution data', () => {
    // Act & Assess
    expect(machine.StateMachineType).toBe('STANDARD');
    expect(machine.TracingConfiguration).toEqual({ Enabled: true });
    expect(machine.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    expect(machine.StateMachineName).toBe('fail-forward-prod-experiment');
  });

  it('gives every task-token state a deadline, a heartbeat and a Catch for States.Timeout', () => {
    // Act
    const waiting = states().filter(([, s]) => s.Resource?.endsWith('.waitForTaskToken'));

    // Assess
    expect(waiting.length).toBeGreaterThan(0);
    for (const [name, state] of waiting) {
      // The deadlines are policy data, so they come from the state as *Path fields.
      expect({ name, timeout: state.TimeoutSecondsPath ?? state.TimeoutSeconds }).toEqual({
        name,
        timeout: expect.anything(),
      });
      expect({ name, heartbeat: state.HeartbeatSecondsPath ?? state.HeartbeatSeconds }).toEqual({
        name,
        heartbeat: expect.anything(),
      });
      if (state.TimeoutSeconds !== undefined && state.HeartbeatSeconds !== undefined) {
        expect(state.HeartbeatSeconds).toBeLessThan(state.TimeoutSeconds);
      }
      expect(state.Catch?.some((c) => c.ErrorEquals.includes('States.Timeout'))).toBe(true);
    }
  });

  it('retries Lambda service errors and throttling on every Lambda task', () => {
    // Act
    const lambdaTasks = states().filter(([, s]) => s.Resource?.includes(':states:::lambda:invoke'));

    // Assess
    expect(lambdaTasks.length).toBeGreaterThanOrEqual(WORKFLOW_FUNCTIONS.length);
    for (const [name, state] of lambdaTasks) {
      const retried = new Set(state.Retry?.flatMap((r) => r.ErrorEquals));
      expect({ name, service: retried.has('Lambda.ServiceException') }).toEqual({ name, service: true });
      expect({ name, throttled: retried.has('Lambda.TooManyRequestsException') }).toEqual({
        name,
        throttled: true,
      });
    }
  });

  it('is valid Amazon States Language', () => {
    // Prepare
    const broken = { StartAt: 'Missing', States: { Only: { Type: 'Succeed' } } };

    // Act (the validator fills in defaults such as QueryLanguage, so it gets a copy)
    const result = aslValidator(structuredClone(definition));

    // Assess
    expect(result.isValid, result.errorsText('\n')).toBe(true);
    expect(aslValidator(broken).isValid).toBe(false);
  });

  it('is the very definition `npm start` executes: one definition, two engines', () => {
    // Prepare
    const local = synthesizeWorkflow({
      region: REGION,
      accountId: ACCOUNT,
      stateMachineName: 'fail-forward-prod-experiment',
    });

    // Act
    const deployed = withFunctionNames(definition);
    const executedLocally = withFunctionNames(local.definition);

    // Assess
    expect(deployed).toEqual(executedLocally);
    expect(JSON.stringify(deployed)).toContain('"FunctionName":"assess-experiment"');
  });

  it('invokes only workflow functions, never an API function', () => {
    // Act
    const invoked = new Set(
      states()
        .map(([, s]) => (s as { Parameters?: { FunctionName?: string } }).Parameters?.FunctionName)
        .filter((arn): arn is string => arn !== undefined)
        .map((arn) => arn.split(':').at(-1)),
    );

    // Assess
    expect([...invoked].sort()).toEqual([...WORKFLOW_FUNCTIONS].sort());
  });
});
