import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { WorkflowFunctionName } from '#functions/registry.ts';

export interface ExperimentWorkflowProps {
  functions: Record<WorkflowFunctionName, IFunction>;
  /** Execution logs (level ALL, never execution data, so family details stay out of CloudWatch). */
  logGroup?: ILogGroup;
}

/** State names are part of the contract with the local runtime, which maps them to handlers. */
export const STATES = {
  assess: 'Assess',
  cardDecision: 'CardDecision',
  beginTesting: 'BeginTesting',
  waitForCycle: 'WaitForCycle',
  remindOwner: 'RemindOwner',
  cycleOutcome: 'CycleOutcome',
  nextReview: 'NextReview',
  closed: 'Closed',
  afterApproval: 'AfterApproval',
  notifyManagers: 'NotifyManagers',
  waitForDecision: 'WaitForDecision',
  raiseToLeaders: 'RaiseToLeaders',
  notifyOwner: 'NotifyOwner',
  outcome: 'Outcome',
  declined: 'Declined',
  recordFailure: 'RecordFailure',
  failed: 'Failed',
} as const;

const TASK_TIMEOUT = Duration.seconds(30);

/**
 * The experiment workflow (Standard): assess against the card, then either authorise at once or
 * escalate and wait (task token) for a manager, raising to leaders each time the deadline passes.
 * Once authorised it waits (task token) for each test cycle, reminding the owner when the review date
 * passes, until the idea is adopted or abandoned; a change outside the card escalates again.
 * The same construct is deployed by CDK and executed by `npm start`.
 *
 * State data: `experimentId`; `assessment` `{ decision, timers: { decision, review } }` (each timer
 * `{ timeoutSeconds, heartbeatSeconds }`, computed by the Lambdas because deadlines are policy data);
 * `decision` `{ outcome }` from a decision token; `cycle` `{ number, next, escalated, timers }` from a cycle token.
 */
export class ExperimentWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ExperimentWorkflowProps) {
    super(scope, id);
    const fn = props.functions;

    const recordFailure = new tasks.LambdaInvoke(this, STATES.recordFailure, {
      lambdaFunction: fn['record-failure'],
      payload: sfn.TaskInput.fromObject({ 'experimentId.$': '$.experimentId', 'failure.$': '$.failure' }),
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(TASK_TIMEOUT),
    });
    withRetries(recordFailure);
    recordFailure.next(
      new sfn.Fail(this, STATES.failed, {
        error: 'ExperimentWorkflowFailed',
        cause: 'A step failed after its retries',
      }),
    );

    /** Every Lambda task: explicit timeout, retries for Lambda's transient errors, and a visible failure. */
    const lambdaTask = (
      name: string,
      lambdaFunction: IFunction,
      extra: Partial<tasks.LambdaInvokeProps> = {},
    ): tasks.LambdaInvoke => {
      const task = new tasks.LambdaInvoke(this, name, {
        lambdaFunction,
        payload: sfn.TaskInput.fromObject({ 'experimentId.$': '$.experimentId' }),
        taskTimeout: sfn.Timeout.duration(TASK_TIMEOUT),
        ...extra,
      });
      withRetries(task);
      return task;
    };
    const catchFailure = (task: tasks.LambdaInvoke) =>
      task.addCatch(recordFailure, { errors: [sfn.Errors.ALL], resultPath: '$.failure' });

    const assess = catchFailure(
      lambdaTask(STATES.assess, fn['assess-experiment'], {
        resultSelector: { 'decision.$': '$.Payload.decision', 'timers.$': '$.Payload.timers' },
        resultPath: '$.assessment',
      }),
    );

    const notifyManagers = catchFailure(
      lambdaTask(STATES.notifyManagers, fn['notify-managers'], { resultPath: sfn.JsonPath.DISCARD }),
    );

    const waitForDecision = lambdaTask(STATES.waitForDecision, fn['await-decision'], {
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        'experimentId.$': '$.experimentId',
        taskToken: sfn.JsonPath.taskToken,
      }),
      // The deadline is policy data (decisionDeadlineDays of the experiment's own version), so it comes from the state.
      taskTimeout: sfn.Timeout.at('$.assessment.timers.decision.timeoutSeconds'),
      heartbeatTimeout: sfn.Timeout.at('$.assessment.timers.decision.heartbeatSeconds'),
      resultPath: '$.decision',
    });

    /** Tasks that come before a wait return fresh timers, kept where the waits read them. */
    const timersSelector = {
      'decision.$': '$.Payload.timers.decision',
      'review.$': '$.Payload.timers.review',
    };

    const raiseToLeaders = catchFailure(
      lambdaTask(STATES.raiseToLeaders, fn['raise-to-leaders'], {
        resultSelector: timersSelector,
        resultPath: '$.assessment.timers',
      }),
    );
    // A deadline passing never approves and never declines: it raises, then waits again.
    waitForDecision.addCatch(raiseToLeaders, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeout' });
    catchFailure(waitForDecision);
    raiseToLeaders.next(waitForDecision);

    const notifyOwner = catchFailure(
      lambdaTask(STATES.notifyOwner, fn['notify-owner'], {
        resultSelector: timersSelector,
        resultPath: '$.assessment.timers',
      }),
    );

    // Cycles: wait for each learning card until the review date, reminding the owner when it passes.
    const waitForCycle = lambdaTask(STATES.waitForCycle, fn['await-cycle'], {
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        'experimentId.$': '$.experimentId',
        'seen.$': '$.cycle.number',
        taskToken: sfn.JsonPath.taskToken,
      }),
      taskTimeout: sfn.Timeout.at('$.assessment.timers.review.timeoutSeconds'),
      heartbeatTimeout: sfn.Timeout.at('$.assessment.timers.review.heartbeatSeconds'),
      resultPath: '$.cycle',
    });
    const remindOwner = catchFailure(
      lambdaTask(STATES.remindOwner, fn['remind-owner'], {
        resultSelector: timersSelector,
        resultPath: '$.assessment.timers',
      }),
    );
    // The review date passing reminds the owner; it never ends the test.
    waitForCycle.addCatch(remindOwner, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeout' });
    catchFailure(waitForCycle);
    remindOwner.next(waitForCycle);

    const beginTesting = new sfn.Pass(this, STATES.beginTesting, {
      result: sfn.Result.fromObject({ number: 0 }),
      resultPath: '$.cycle',
    }).next(waitForCycle);
    const nextReview = new sfn.Pass(this, STATES.nextReview, {
      inputPath: '$.cycle.timers',
      resultPath: '$.assessment.timers',
    }).next(waitForCycle);

    const escalate = notifyManagers.next(waitForDecision).next(notifyOwner);

    waitForCycle.next(
      new sfn.Choice(this, STATES.cycleOutcome)
        .when(
          sfn.Condition.or(
            sfn.Condition.stringEquals('$.cycle.next', 'adopt'),
            sfn.Condition.stringEquals('$.cycle.next', 'abandon'),
          ),
          new sfn.Succeed(this, STATES.closed),
        )
        .when(sfn.Condition.booleanEquals('$.cycle.escalated', true), notifyManagers)
        .otherwise(nextReview),
    );

    notifyOwner.next(
      new sfn.Choice(this, STATES.outcome)
        .when(
          sfn.Condition.stringEquals('$.decision.outcome', 'approve'),
          // A re-escalation approved mid-test goes back to waiting for the next cycle.
          new sfn.Choice(this, STATES.afterApproval)
            .when(sfn.Condition.isPresent('$.cycle'), waitForCycle)
            .otherwise(beginTesting),
        )
        .otherwise(new sfn.Succeed(this, STATES.declined)),
    );

    const definition = assess.next(
      new sfn.Choice(this, STATES.cardDecision)
        .when(sfn.Condition.stringEquals('$.assessment.decision', 'authorised'), beginTesting)
        .otherwise(escalate),
    );

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      ...(props.logGroup
        ? { logs: { destination: props.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false } }
        : {}),
    });
  }
}

/**
 * CDK's LambdaInvoke already retries Lambda's service exceptions; it does not retry throttling,
 * which a busy morning of submissions can hit, so add that with jittered backoff.
 */
const withRetries = (task: tasks.LambdaInvoke) =>
  task.addRetry({
    errors: ['Lambda.TooManyRequestsException'],
    interval: Duration.seconds(1),
    maxAttempts: 6,
    backoffRate: 2,
    jitterStrategy: sfn.JitterType.FULL,
  });
