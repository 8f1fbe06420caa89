import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { WorkflowFunctionName } from '#functions/catalogue.ts';

export interface ExperimentWorkflowProps {
  functions: Record<WorkflowFunctionName, IFunction>;
  /** Execution logs (level ALL, never execution data, so family details stay out of CloudWatch). */
  logGroup?: ILogGroup;
}

/** State names are part of the contract with the local runtime, which maps them to handlers. */
export const STATES = {
  assess: 'Assess',
  cardDecision: 'CardDecision',
  authorisedByCard: 'AuthorisedByCard',
  notifyManagers: 'NotifyManagers',
  waitForDecision: 'WaitForDecision',
  raiseToLeaders: 'RaiseToLeaders',
  notifyOwner: 'NotifyOwner',
  outcome: 'Outcome',
  approved: 'Approved',
  declined: 'Declined',
  recordFailure: 'RecordFailure',
  failed: 'Failed',
} as const;

const TASK_TIMEOUT = Duration.seconds(30);

/**
 * The experiment workflow (Standard): assess against the card, then either authorise at once or
 * escalate and wait (task token) for a manager, raising to leaders each time the deadline passes.
 * The same construct is deployed by CDK and executed by `npm start`.
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
        resultSelector: { 'decision.$': '$.Payload.decision', 'wait.$': '$.Payload.wait' },
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
      taskTimeout: sfn.Timeout.at('$.assessment.wait.timeoutSeconds'),
      heartbeatTimeout: sfn.Timeout.at('$.assessment.wait.heartbeatSeconds'),
      resultPath: '$.decision',
    });

    const raiseToLeaders = catchFailure(
      lambdaTask(STATES.raiseToLeaders, fn['raise-to-leaders'], {
        resultSelector: { decision: 'escalated', 'wait.$': '$.Payload.wait' },
        resultPath: '$.assessment',
      }),
    );
    // A deadline passing never approves and never declines: it raises, then waits again.
    waitForDecision.addCatch(raiseToLeaders, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeout' });
    catchFailure(waitForDecision);
    raiseToLeaders.next(waitForDecision);

    const notifyOwner = catchFailure(
      lambdaTask(STATES.notifyOwner, fn['notify-owner'], { resultPath: sfn.JsonPath.DISCARD }),
    );

    const outcome = new sfn.Choice(this, STATES.outcome)
      .when(
        sfn.Condition.stringEquals('$.decision.outcome', 'approve'),
        new sfn.Succeed(this, STATES.approved),
      )
      .otherwise(new sfn.Succeed(this, STATES.declined));

    const definition = assess.next(
      new sfn.Choice(this, STATES.cardDecision)
        .when(
          sfn.Condition.stringEquals('$.assessment.decision', 'authorised'),
          new sfn.Succeed(this, STATES.authorisedByCard),
        )
        .otherwise(notifyManagers.next(waitForDecision).next(notifyOwner).next(outcome)),
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
