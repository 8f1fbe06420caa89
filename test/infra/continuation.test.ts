import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_NAMES, FUNCTIONS, type FunctionSpec } from '#functions/registry.ts';
import { WORKFLOW_METRICS } from '#shared/metrics.ts';
import {
  asList,
  type Json,
  PROD_CONTEXT,
  policyStatements,
  resolveIntrinsics,
  type SynthedApp,
  synthApp,
} from './synth-app.ts';

interface State {
  Type: string;
  Resource?: string;
  Next?: string;
  Default?: string;
  Parameters?: Record<string, Json>;
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Choices?: Record<string, Json>[];
}

const MACHINE = 'arn:aws:states:eu-west-2:123456789012:stateMachine:fail-forward-prod-experiment';
const EXECUTIONS = 'arn:aws:states:eu-west-2:123456789012:execution:fail-forward-prod-experiment:*';

let prod: SynthedApp;
let states: Record<string, State>;

/** ARNs as a plain string in the test account; a reference to another resource by its logical id. */
const arnText = (value: Json) =>
  resolveIntrinsics(value, { getAtt: (id, attribute) => `<${id}.${attribute}>`, ref: (id) => `<${id}>` });

/** Every statement of the roles given, as `action on resource` lines. */
const grantsOf = (roleIds: string[]) =>
  policyStatements(prod)
    .filter((s) => s.roles.some((role) => roleIds.includes(role)))
    .flatMap((s) =>
      asList(s.statement.Action as string | string[]).flatMap((action) =>
        asList(s.statement.Resource as Json | Json[]).map((resource) => `${action} on ${arnText(resource)}`),
      ),
    );

const roleOf = (element: unknown) => prod.stack.getLogicalId(element as CfnElement);

beforeAll(() => {
  prod = synthApp(PROD_CONTEXT);
  const machine = prod.single('AWS::StepFunctions::StateMachine').Properties;
  states = (
    JSON.parse(
      resolveIntrinsics(machine.DefinitionString ?? null, {
        getAtt: (id) => `arn:aws:lambda:::function:${id}`,
      }),
    ) as { States: Record<string, State> }
  ).States;
});

describe('continue as new', () => {
  it('starts the next execution of its own state machine, by the name and input the hand-over gives', () => {
    // Act
    const start = states.StartContinuation;

    // Assess
    expect(start).toMatchObject({
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution',
      Parameters: { StateMachineArn: MACHINE, 'Name.$': '$.handOver.name', 'Input.$': '$.handOver.input' },
      Next: 'HandedOver',
    });
    expect(start?.Catch?.map((c) => [c.ErrorEquals, c.Next])).toEqual([
      [['StepFunctions.ExecutionAlreadyExistsException'], 'HandedOver'],
      [['States.ALL'], 'HandOverFailed'],
    ]);
    for (const wait of ['WaitForDecision', 'WaitForCycle']) {
      const onTimeout =
        states[wait]?.Catch?.find((c) => c.ErrorEquals.includes('States.Timeout'))?.Next ?? '';
      expect(JSON.stringify(states[onTimeout]?.Choices)).toContain('handOver');
    }
    expect(states.HandOverDecision?.Next).toBe('StartContinuation');
    expect(states.HandOverCycle?.Next).toBe('StartContinuation');
  });

  it('begins with a Choice that resumes a continuation at its wait, and assesses a first execution', () => {
    // Act
    const start = states.Start;

    // Assess
    expect(start?.Type).toBe('Choice');
    expect(start?.Default).toBe('Assess');
    expect(JSON.stringify(start?.Choices)).toContain('"Next":"Resume"');
    expect(states.Resume?.Next).toBe('ResumeAt');
    expect(JSON.stringify(states.ResumeAt?.Choices)).toContain('"Next":"NotifyManagers"');
    expect(states.ResumeAt?.Default).toBe('WaitForCycle');
  });

  it('gives every Lambda task its execution, and ends a superseded one quietly before any failure is recorded', () => {
    // Act
    const lambdaTasks = Object.entries(states).filter(([, s]) =>
      s.Resource?.includes(':states:::lambda:invoke'),
    );

    // Assess
    expect(lambdaTasks.length).toBeGreaterThan(8);
    for (const [name, state] of lambdaTasks) {
      const payload = state.Parameters?.Payload as Record<string, Json>;
      expect({ name, execution: payload['executionArn.$'] }).toEqual({ name, execution: '$$.Execution.Id' });
      const catches = state.Catch?.map((c) => c.ErrorEquals.join()) ?? [];
      const superseded = catches.indexOf('SupersededExecution');
      expect({ name, superseded: superseded >= 0 }).toEqual({ name, superseded: true });
      expect(state.Catch?.[superseded]?.Next).toBe('Superseded');
      if (catches.includes('States.ALL')) expect(superseded).toBeLessThan(catches.indexOf('States.ALL'));
    }
    expect(states.Superseded?.Type).toBe('Succeed');
  });
});

describe('least privilege for continuations', () => {
  it('lets the state machine start executions of its own state machine, and nothing else of Step Functions', () => {
    // Prepare
    const role = roleOf(prod.stack.workflow.stateMachine.role.node.defaultChild);

    // Act
    const grants = grantsOf([role]).filter((grant) => grant.startsWith('states:'));

    // Assess
    expect(grants).toEqual([`states:StartExecution on ${MACHINE}`]);
  });

  it('lets reconciliation list, describe and start executions of this state machine only', () => {
    // Prepare
    const role = roleOf(prod.stack.functions['reconcile-workflows'].serviceRole.node.defaultChild);
    const table = `<${roleOf(prod.stack.table.table.node.defaultChild)}.Arn>`;

    // Act
    const grants = grantsOf([role]);

    // Assess
    expect(grants.filter((grant) => grant.startsWith('states:')).sort()).toEqual([
      `states:DescribeExecution on ${EXECUTIONS}`,
      `states:ListExecutions on ${MACHINE}`,
      `states:StartExecution on ${MACHINE}`,
    ]);
    // Besides its logs and traces, the table, and what every function that notifies gets (the Notify key,
    // the directory): it reports a serious incident or tells an adoption no execution is left to.
    const notifying = grantsOf([
      roleOf(prod.stack.functions['report-serious-incident'].serviceRole.node.defaultChild),
    ]).filter((g) => !/^(dynamodb|logs|xray):/.test(g));
    const others = grants.filter((g) => !/^(states|logs|xray):/.test(g) && !notifying.includes(g));
    for (const grant of others) expect(grant).toMatch(new RegExp(`^dynamodb:\\w+ on ${table}(/index/\\*)?$`));
    expect(others.length).toBeGreaterThan(0);
    expect(notifying.length).toBeGreaterThan(0);
    expect(grants.filter((g) => /^(secretsmanager|cognito-idp):/.test(g)).sort()).toEqual(notifying.sort());
  });

  it('gives Step Functions access beyond task tokens and starts only to reconciliation and the submission', () => {
    // Act
    const reconciling = FUNCTION_NAMES.filter(
      (name) => (FUNCTIONS[name] as FunctionSpec).reconcilesExecutions,
    );

    // Assess
    expect(reconciling).toEqual(['reconcile-workflows']);
    expect((FUNCTIONS['reconcile-workflows'] as FunctionSpec).schedule).toBe('rate(5 minutes)');
  });
});

describe('the alarm on reconciliation giving up', () => {
  it('watches the metric reconciliation reports for this state machine', () => {
    // Act
    const alarm = prod
      .ofType('AWS::CloudWatch::Alarm')
      .map(([, r]) => r.Properties)
      .find((a) => a.AlarmName === 'fail-forward-prod-workflow-given-up');

    // Assess
    expect(alarm).toMatchObject({
      Namespace: WORKFLOW_METRICS.namespace,
      MetricName: WORKFLOW_METRICS.gaveUp,
      Dimensions: [{ Name: WORKFLOW_METRICS.dimension, Value: 'fail-forward-prod-experiment' }],
      Threshold: 1,
      Statistic: 'Sum',
    });
    expect(String(alarm?.AlarmDescription)).toContain('docs/operations.md, "workflow-given-up"');
    expect(asList(alarm?.AlarmActions as Json[])).toHaveLength(1);
  });
});
