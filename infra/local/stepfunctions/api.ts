import { randomUUID } from 'node:crypto';
import {
  maxResultsOf,
  offsetOf,
  offsetToken,
  optionalString,
  type Params,
  parseJsonText,
  requireString,
  toSeconds,
} from './api-params.ts';
import { ServiceError } from './errors.ts';
import { historyEvent, toAwsEvents } from './history.ts';
import type { Action } from './http-api.ts';
import { type Machine, type Machines, NAME_PATTERN } from './machines.ts';
import type { Runner } from './runner.ts';
import type { ExecutionStore } from './store/executions.ts';
import type { ExecutionRecord } from './store/records.ts';
import { newTaskToken, type TaskTokens } from './task-tokens.ts';

interface ApiDeps {
  machines: Machines;
  executions: ExecutionStore;
  runner: Runner;
  tokens: TaskTokens;
}

/** The Step Functions API actions this service answers; any other is UnknownOperationException. */
export class StepFunctionsApi {
  private readonly deps: ApiDeps;

  constructor(deps: ApiDeps) {
    this.deps = deps;
  }

  actions(): Record<string, Action> {
    return {
      StartExecution: (params) => this.startExecution(params),
      DescribeExecution: (params) => this.describeExecution(params),
      ListExecutions: (params) => this.listExecutions(params),
      GetExecutionHistory: (params) => this.getExecutionHistory(params),
      ListStateMachines: (params) => this.listStateMachines(params),
      DescribeStateMachine: (params) => this.describeStateMachine(params),
      DescribeStateMachineForExecution: (params) => this.describeStateMachineForExecution(params),
      StopExecution: (params) => this.stopExecution(params),
      SendTaskSuccess: (params) => this.sendTaskSuccess(params),
      SendTaskFailure: (params) => this.sendTaskFailure(params),
      SendTaskHeartbeat: (params) => this.sendTaskHeartbeat(params),
    };
  }

  private async existingExecution(arn: string): Promise<ExecutionRecord> {
    const { smName, execName } = this.deps.machines.executionKeyOf(arn);
    const execution = await this.deps.executions.get(smName, execName);
    if (!execution) throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return execution;
  }

  async startExecution(params: Params): Promise<unknown> {
    const { machines, executions, runner } = this.deps;
    const machine = machines.byArn(requireString(params, 'stateMachineArn'));
    const name = optionalString(params, 'name') ?? randomUUID();
    if (!NAME_PATTERN.test(name)) throw new ServiceError('InvalidName', `Invalid Name: '${name}'`);
    const input = optionalString(params, 'input') ?? '{}';
    parseJsonText(input, 'InvalidExecutionInput', 'Execution input');
    const executionArn = machines.executionArn(machine.spec.name, name);
    const startDate = Date.now();
    const execution: ExecutionRecord = {
      executionArn,
      smName: machine.spec.name,
      execName: name,
      status: 'RUNNING',
      input,
      startDate,
      seg: { token: newTaskToken(executionArn), state: String(machine.spec.definition.StartAt), input },
    };
    const started = historyEvent(
      'ExecutionStarted',
      { input, inputDetails: { truncated: false }, roleArn: machines.roleArn(machine.spec.name) },
      startDate,
    );
    if (!(await executions.create(execution, started))) {
      const existing = await executions.get(machine.spec.name, name);
      // As in AWS: the same name and input while the execution is open is the same request.
      if (existing?.status === 'RUNNING' && existing.input === input) {
        return { executionArn, startDate: toSeconds(existing.startDate) };
      }
      throw new ServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    runner.schedule(executionArn, execution.seg, execution);
    return { executionArn, startDate: toSeconds(startDate) };
  }

  async describeExecution(params: Params): Promise<unknown> {
    const execution = await this.existingExecution(requireString(params, 'executionArn'));
    return {
      executionArn: execution.executionArn,
      stateMachineArn: this.deps.machines.stateMachineArn(execution.smName),
      name: execution.execName,
      status: execution.status,
      startDate: toSeconds(execution.startDate),
      ...(execution.stopDate === undefined ? {} : { stopDate: toSeconds(execution.stopDate) }),
      input: execution.input,
      inputDetails: { included: true },
      ...(execution.output === undefined
        ? {}
        : { output: execution.output, outputDetails: { included: true } }),
      ...(execution.error === undefined ? {} : { error: execution.error }),
      ...(execution.cause === undefined ? {} : { cause: execution.cause }),
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
    };
  }

  async listExecutions(params: Params): Promise<unknown> {
    const machine = this.deps.machines.byArn(requireString(params, 'stateMachineArn'));
    const status = optionalString(params, 'statusFilter');
    const nextToken = optionalString(params, 'nextToken');
    const page = await this.deps.executions.list(machine.spec.name, {
      maxResults: maxResultsOf(params, 100),
      ...(status === undefined ? {} : { status }),
      ...(nextToken === undefined ? {} : { nextToken }),
    });
    return {
      executions: page.executions.map((execution) => ({
        executionArn: execution.executionArn,
        stateMachineArn: machine.arn,
        name: execution.execName,
        status: execution.status,
        startDate: toSeconds(execution.startDate),
        ...(execution.stopDate === undefined ? {} : { stopDate: toSeconds(execution.stopDate) }),
      })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  async getExecutionHistory(params: Params): Promise<unknown> {
    const arn = requireString(params, 'executionArn');
    const { smName, execName } = this.deps.machines.executionKeyOf(arn);
    const stored = await this.deps.executions.history(smName, execName);
    if (!stored) throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    let events = toAwsEvents(stored, params.includeExecutionData !== false);
    if (params.reverseOrder === true) events = events.reverse();
    const offset = offsetOf(optionalString(params, 'nextToken'));
    const limit = maxResultsOf(params, 100);
    const page = events.slice(offset, offset + limit);
    return {
      events: page,
      ...(offset + limit < events.length ? { nextToken: offsetToken(offset + limit) } : {}),
    };
  }

  async listStateMachines(params: Params): Promise<unknown> {
    const all = this.deps.machines.all().sort((a, b) => a.spec.name.localeCompare(b.spec.name));
    const offset = offsetOf(optionalString(params, 'nextToken'));
    const limit = maxResultsOf(params, 100);
    return {
      stateMachines: all.slice(offset, offset + limit).map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.spec.name,
        type: 'STANDARD',
        creationDate: toSeconds(machine.creationDate),
      })),
      ...(offset + limit < all.length ? { nextToken: offsetToken(offset + limit) } : {}),
    };
  }

  private describeMachine(machine: Machine): Record<string, unknown> {
    return {
      stateMachineArn: machine.arn,
      name: machine.spec.name,
      status: 'ACTIVE',
      definition: JSON.stringify(machine.spec.definition),
      roleArn: this.deps.machines.roleArn(machine.spec.name),
      type: 'STANDARD',
      creationDate: toSeconds(machine.creationDate),
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    };
  }

  async describeStateMachine(params: Params): Promise<unknown> {
    return this.describeMachine(this.deps.machines.byArn(requireString(params, 'stateMachineArn')));
  }

  async describeStateMachineForExecution(params: Params): Promise<unknown> {
    const execution = await this.existingExecution(requireString(params, 'executionArn'));
    const machine = this.deps.machines.get(execution.smName);
    if (!machine) {
      throw new ServiceError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${execution.smName}'`,
      );
    }
    const {
      status: _status,
      type: _type,
      creationDate: _created,
      ...described
    } = this.describeMachine(machine);
    return { ...described, updateDate: toSeconds(machine.creationDate) };
  }

  async stopExecution(params: Params): Promise<unknown> {
    const execution = await this.existingExecution(requireString(params, 'executionArn'));
    const error = optionalString(params, 'error');
    const cause = optionalString(params, 'cause');
    const stopDate = Date.now();
    if (execution.status === 'RUNNING') {
      const aborted = historyEvent(
        'ExecutionAborted',
        { ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) },
        stopDate,
      );
      if (await this.deps.executions.abort(execution, stopDate, error, cause, [aborted])) {
        this.deps.runner.kill(execution.executionArn);
        return { stopDate: toSeconds(stopDate) };
      }
    }
    const latest = await this.existingExecution(execution.executionArn);
    return { stopDate: toSeconds(latest.stopDate ?? stopDate) };
  }

  async sendTaskSuccess(params: Params): Promise<unknown> {
    const token = this.deps.tokens.checked(requireString(params, 'taskToken'));
    const output = requireString(params, 'output');
    parseJsonText(output, 'InvalidOutput', 'Task output');
    await this.deps.tokens.complete(token, { kind: 'success', output });
    return {};
  }

  async sendTaskFailure(params: Params): Promise<unknown> {
    const token = this.deps.tokens.checked(requireString(params, 'taskToken'));
    await this.deps.tokens.complete(token, {
      kind: 'failure',
      error: optionalString(params, 'error') ?? '',
      cause: optionalString(params, 'cause') ?? '',
    });
    return {};
  }

  async sendTaskHeartbeat(params: Params): Promise<unknown> {
    await this.deps.tokens.heartbeat(this.deps.tokens.checked(requireString(params, 'taskToken')));
    return {};
  }
}
