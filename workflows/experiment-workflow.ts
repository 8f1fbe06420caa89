import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { WorkflowFunctionName } from '#functions/registry.ts';

export interface ExperimentWorkflowProps {
  functions: Record<WorkflowFunctionName, IFunction>;
  /** The state machine's name: it continues as new by starting an execution of itself by that name. */
  stateMachineName: string;
  /** Execution logs (level ALL, never execution data, so family details stay out of CloudWatch). */
  logGroup?: ILogGroup;
}

/** State names are part of the contract with the local runtime, which maps them to handlers. */
export const STATES = {
  start: 'Start',
  resume: 'Resume',
  resumeAt: 'ResumeAt',
  assess: 'Assess',
  cardDecision: 'CardDecision',
  beginTesting: 'BeginTesting',
  waitForCycle: 'WaitForCycle',
  remindOwner: 'RemindOwner',
  incidentCheck: 'IncidentCheck',
  seriousIncident: 'SeriousIncident',
  notifyAdoption: 'NotifyAdoption',
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
  decisionTimedOut: 'DecisionTimedOut',
  cycleTimedOut: 'CycleTimedOut',
  handOverDecision: 'HandOverDecision',
  handOverCycle: 'HandOverCycle',
  startContinuation: 'StartContinuation',
  handedOver: 'HandedOver',
  handOverFailed: 'HandOverFailed',
  superseded: 'Superseded',
} as const;

/** What a task throws when its execution no longer drives the experiment (shared/workflow/continuation.ts). */
const SUPERSEDED = 'SupersededExecution';

const TASK_TIMEOUT = Duration.seconds(30);

/**
 * The experiment workflow (Standard): assess against the card, then either authorise at once or
 * escalate and wait (task token) for a manager, raising to leaders each time the deadline passes.
 * Once authorised it waits (task token) for each test cycle, reminding the owner when the review date
 * passes, until the idea is adopted or abandoned; a change outside the card escalates again.
 * The same construct is deployed by CDK and executed by `npm start`.
 *
 * An execution lives at most a year, so one that has driven its experiment for its age budget hands over
 * at the wait it is in: the wait's timeout is capped at the budget (`endsBy: 'handOver'`), and when that
 * cap ends it, `HandOver…` names the next execution and `StartContinuation` starts it, resuming at the same
 * wait (`Start` → `Resume` → `ResumeAt`). Reconciliation starts such continuations too, for an execution
 * that was stopped, timed out or failed. Every Lambda task is given `$$.Execution.Id` and acts only for the
 * execution that drives the experiment; any other ends quietly in `Superseded`.
 *
 * State data: `experimentId`; for a continuation, `generation`, `resume` (`decision` or `cycle`) and
 * `cycle` `{ number }`; `assessment` `{ decision, timers: { decision, review } }` (each timer
 * `{ timeoutSeconds, heartbeatSeconds, endsBy }`, computed by the Lambdas because deadlines are policy
 * data); `decision` `{ outcome }` from a decision token; `cycle` `{ number, next, escalated,
 * seriousIncident, timers }` from a cycle token; `handOver` `{ name, input }`, the execution a hand-over starts.
 */
export class ExperimentWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ExperimentWorkflowProps) {
    super(scope, id);
    const fn = props.functions;

    // Nothing to do and nothing to record: a newer execution drives the experiment.
    const superseded = new sfn.Succeed(this, STATES.superseded);

    const recordFailure = new tasks.LambdaInvoke(this, STATES.recordFailure, {
      lambdaFunction: fn['record-failure'],
      payload: sfn.TaskInput.fromObject({
        'experimentId.$': '$.experimentId',
        'failure.$': '$.failure',
        executionArn: sfn.JsonPath.executionId,
      }),
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(TASK_TIMEOUT),
    });
    withRetries(recordFailure);
    recordFailure.addCatch(superseded, { errors: [SUPERSEDED], resultPath: sfn.JsonPath.DISCARD });
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
        payload: sfn.TaskInput.fromObject({
          'experimentId.$': '$.experimentId',
          executionArn: sfn.JsonPath.executionId,
        }),
        taskTimeout: sfn.Timeout.duration(TASK_TIMEOUT),
        ...extra,
      });
      withRetries(task);
      return task;
    };
    const catchFailure = (task: tasks.LambdaInvoke) =>
      task
        .addCatch(superseded, { errors: [SUPERSEDED], resultPath: sfn.JsonPath.DISCARD })
        .addCatch(recordFailure, { errors: [sfn.Errors.ALL], resultPath: '$.failure' });

    const assess = catchFailure(
      lambdaTask(STATES.assess, fn['assess-experiment'], {
        payload: sfn.TaskInput.fromObject({
          'experimentId.$': '$.experimentId',
          executionArn: sfn.JsonPath.executionId,
          'executionStartedAt.$': '$$.Execution.StartTime',
        }),
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
        executionArn: sfn.JsonPath.executionId,
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
    // Hand-over (continue as new): the next execution, named by the Lambda, resumes where this one waits.
    const startContinuation = new tasks.StepFunctionsStartExecution(this, STATES.startContinuation, {
      stateMachine: sfn.StateMachine.fromStateMachineName(this, 'Itself', props.stateMachineName),
      integrationPattern: sfn.IntegrationPattern.REQUEST_RESPONSE,
      name: sfn.JsonPath.stringAt('$.handOver.name'),
      input: sfn.TaskInput.fromJsonPathAt('$.handOver.input'),
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(TASK_TIMEOUT),
    });
    const handedOver = new sfn.Succeed(this, STATES.handedOver);
    // Already started: by a retry of this very step, or by reconciliation. Either way the successor runs.
    startContinuation.addCatch(handedOver, {
      errors: ['StepFunctions.ExecutionAlreadyExistsException'],
      resultPath: sfn.JsonPath.DISCARD,
    });
    // Not started: the experiment already names its successor, so reconciliation starts it. The failed
    // execution is for the operators' alarm, not a failure of the experiment.
    startContinuation.addCatch(
      new sfn.Fail(this, STATES.handOverFailed, {
        error: 'HandOverFailed',
        cause: 'The next execution could not be started; reconciliation starts it',
      }),
      { errors: [sfn.Errors.ALL], resultPath: sfn.JsonPath.DISCARD },
    );
    startContinuation.next(handedOver);
    const handOver = (name: string, resume: 'decision' | 'cycle') =>
      catchFailure(
        lambdaTask(name, fn['hand-over'], {
          payload: sfn.TaskInput.fromObject({
            'experimentId.$': '$.experimentId',
            executionArn: sfn.JsonPath.executionId,
            resume,
            ...(resume === 'cycle' ? { 'seen.$': '$.cycle.number' } : {}),
          }),
          resultSelector: { 'name.$': '$.Payload.name', 'input.$': '$.Payload.input' },
          resultPath: '$.handOver',
        }),
      ).next(startContinuation);
    /** A wait's timeout is its deadline, unless the execution's age budget capped it: then hand over. */
    const byHandOver = (wait: 'decision' | 'review') => {
      const endsBy = `$.assessment.timers.${wait}.endsBy`;
      return sfn.Condition.and(
        sfn.Condition.isPresent(endsBy),
        sfn.Condition.stringEquals(endsBy, 'handOver'),
      );
    };

    // A deadline passing never approves and never declines: it raises, then waits again.
    waitForDecision.addCatch(
      new sfn.Choice(this, STATES.decisionTimedOut)
        .when(byHandOver('decision'), handOver(STATES.handOverDecision, 'decision'))
        .otherwise(raiseToLeaders),
      { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeout' },
    );
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
        executionArn: sfn.JsonPath.executionId,
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
    waitForCycle.addCatch(
      new sfn.Choice(this, STATES.cycleTimedOut)
        .when(byHandOver('review'), handOver(STATES.handOverCycle, 'cycle'))
        .otherwise(remindOwner),
      { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeout' },
    );
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

    const closed = new sfn.Succeed(this, STATES.closed);
    // Recommending it as normal practice goes beyond what the card allowed, so the team's managers are
    // told. The experiment is final by then and reconciliation sends the notice only once this execution
    // has ended without it (shared/services/tasks/owed-work.ts), so this task also retries what Notify
    // itself throws (an outage, a 5xx), not only Lambda's errors; the dedupe key makes a retry after a
    // message that did go out send nothing more.
    const notifyAdoption = lambdaTask(STATES.notifyAdoption, fn['notify-adoption'], {
      resultPath: sfn.JsonPath.DISCARD,
    });
    notifyAdoption.addRetry({ errors: [SUPERSEDED], maxAttempts: 0 });
    notifyAdoption.addRetry({
      errors: [sfn.Errors.ALL],
      interval: Duration.seconds(2),
      maxAttempts: 8,
      backoffRate: 2,
      maxDelay: Duration.minutes(5),
      jitterStrategy: sfn.JitterType.FULL,
    });
    catchFailure(notifyAdoption).next(closed);

    const cycleOutcome = new sfn.Choice(this, STATES.cycleOutcome)
      .when(sfn.Condition.stringEquals('$.cycle.next', 'adopt'), notifyAdoption)
      .when(sfn.Condition.stringEquals('$.cycle.next', 'abandon'), closed)
      .when(sfn.Condition.booleanEquals('$.cycle.escalated', true), notifyManagers)
      .otherwise(nextReview);

    // A serious incident is told at once and takes back the team's own limits, before the cycle goes on
    // its way (even when it closed the experiment): a task of its own, so it is retried and fails visibly.
    const seriousIncident = catchFailure(
      lambdaTask(STATES.seriousIncident, fn['report-serious-incident'], {
        payload: sfn.TaskInput.fromObject({
          'experimentId.$': '$.experimentId',
          executionArn: sfn.JsonPath.executionId,
          'cycle.$': '$.cycle.number',
        }),
        resultPath: sfn.JsonPath.DISCARD,
      }),
    ).next(cycleOutcome);
    const serious = sfn.Condition.and(
      sfn.Condition.isPresent('$.cycle.seriousIncident'),
      sfn.Condition.booleanEquals('$.cycle.seriousIncident', true),
    );
    waitForCycle.next(
      new sfn.Choice(this, STATES.incidentCheck).when(serious, seriousIncident).otherwise(cycleOutcome),
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

    assess.next(
      new sfn.Choice(this, STATES.cardDecision)
        .when(sfn.Condition.stringEquals('$.assessment.decision', 'authorised'), beginTesting)
        .otherwise(escalate),
    );

    // A continuation resumes at a wait, with timers from the experiment as it is now.
    const resume = catchFailure(
      lambdaTask(STATES.resume, fn['resume-workflow'], {
        resultSelector: { 'timers.$': '$.Payload.timers' },
        resultPath: '$.assessment',
      }),
    ).next(
      new sfn.Choice(this, STATES.resumeAt)
        .when(sfn.Condition.stringEquals('$.resume', 'decision'), notifyManagers)
        .otherwise(waitForCycle),
    );
    const resuming = sfn.Condition.and(
      sfn.Condition.isPresent('$.resume'),
      sfn.Condition.or(
        sfn.Condition.stringEquals('$.resume', 'decision'),
        sfn.Condition.stringEquals('$.resume', 'cycle'),
      ),
    );
    const definition = new sfn.Choice(this, STATES.start).when(resuming, resume).otherwise(assess);

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
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
