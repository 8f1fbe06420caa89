import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { StateMachine } from 'aws-local-stepfunctions';
import {
  type AslDefinition,
  engineBaseDefinition,
  START_EXECUTION,
  statesOf,
  type TaskStateInfo,
  taskStates,
} from './definition.ts';
import { ServiceError } from './errors.ts';

export type LocalTaskHandler = (
  payload: unknown,
  context: { stateName: string; executionArn: string },
) => Promise<unknown>;

export interface LocalStateMachineSpec {
  name: string;
  /** ASL object with Fn::GetAtt already resolved (Resource and FunctionName values are plain strings). */
  definition: Record<string, unknown>;
  /** Keyed by Task state name. */
  taskHandlers: Record<string, LocalTaskHandler>;
}

/** A state machine as the service runs it. */
export interface Machine {
  spec: LocalStateMachineSpec;
  arn: string;
  creationDate: number;
  /** The definition as every segment's engine sees it (see definition.ts). */
  base: AslDefinition;
  tasks: Map<string, TaskStateInfo>;
  executionTimeoutSeconds?: number;
  /** The service's maximum execution age (see deadlines.ts). */
  maxAgeSeconds: number;
}

export const NAME_PATTERN = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;

interface Where {
  region: string;
  accountId: string;
  maxAgeSeconds: number;
}

/** The state machines this service runs, and the ARNs it gives them and their executions. */
export class Machines {
  private readonly byName = new Map<string, Machine>();

  private readonly where: Where;

  constructor(where: Where) {
    this.where = where;
  }

  /** Refuses, at start, a definition the service could not run as AWS would. */
  add(spec: LocalStateMachineSpec): void {
    if (!NAME_PATTERN.test(spec.name)) throw new Error(`Invalid state machine name: ${spec.name}`);
    if (this.byName.has(spec.name)) throw new Error(`State machine ${spec.name} is defined twice`);
    const definition = spec.definition;
    const startAt = definition.StartAt;
    if (typeof startAt !== 'string' || !statesOf(definition)[startAt]) {
      throw new Error(`State machine ${spec.name}: StartAt does not name a state`);
    }
    // Validate once up front; segments then run with validation off, since they start mid-definition.
    new StateMachine(definition as unknown as StateMachineDefinition, {
      validationOptions: { checkArn: false },
    });
    const tasks = new Map<string, TaskStateInfo>();
    for (const task of taskStates(definition)) {
      if (task.resource.startsWith(`${START_EXECUTION}.`)) {
        throw new Error(
          `State machine ${spec.name}: ${task.name} starts an execution with ${task.resource}; only request-response (${START_EXECUTION}) is supported locally`,
        );
      }
      if (task.startExecution) {
        // Run by the service itself, never by a handler.
        if (spec.taskHandlers[task.name]) {
          throw new Error(
            `State machine ${spec.name}: ${task.name} starts an execution and takes no handler`,
          );
        }
        tasks.set(task.name, task);
        continue;
      }
      if (!spec.taskHandlers[task.name]) {
        // Without a local handler the engine would call the real AWS Lambda.
        throw new Error(`State machine ${spec.name}: no task handler for Task state ${task.name}`);
      }
      if (task.callback && task.nested) {
        throw new Error(
          `State machine ${spec.name}: ${task.name} waits for a task token inside a Parallel or Map state, which is not supported locally`,
        );
      }
      tasks.set(task.name, task);
    }
    for (const name of Object.keys(spec.taskHandlers)) {
      if (!tasks.has(name))
        throw new Error(`State machine ${spec.name}: task handler ${name} matches no Task state`);
    }
    const timeout = definition.TimeoutSeconds;
    this.byName.set(spec.name, {
      spec,
      arn: this.stateMachineArn(spec.name),
      creationDate: Date.now(),
      base: engineBaseDefinition(definition),
      tasks,
      ...(typeof timeout === 'number' ? { executionTimeoutSeconds: timeout } : {}),
      maxAgeSeconds: this.where.maxAgeSeconds,
    });
  }

  get(name: string): Machine | undefined {
    return this.byName.get(name);
  }

  all(): Machine[] {
    return [...this.byName.values()];
  }

  stateMachineArn(name: string): string {
    return `arn:aws:states:${this.where.region}:${this.where.accountId}:stateMachine:${name}`;
  }

  executionArn(smName: string, execName: string): string {
    return `arn:aws:states:${this.where.region}:${this.where.accountId}:execution:${smName}:${execName}`;
  }

  roleArn(smName: string): string {
    return `arn:aws:iam::${this.where.accountId}:role/${smName}-role`;
  }

  byArn(arn: string): Machine {
    const match = /^arn:aws:states:([^:]+):([^:]+):stateMachine:([^:]+)$/.exec(arn);
    if (!match) throw new ServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    const machine = match[3] ? this.byName.get(match[3]) : undefined;
    if (!machine || match[1] !== this.where.region || match[2] !== this.where.accountId) {
      throw new ServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    }
    return machine;
  }

  executionKeyOf(arn: string): { smName: string; execName: string } {
    const match = /^arn:aws:states:([^:]+):([^:]+):execution:([^:]+):([^:]+)$/.exec(arn);
    if (!match?.[3] || !match[4]) throw new ServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    if (match[1] !== this.where.region || match[2] !== this.where.accountId) {
      throw new ServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    }
    return { smName: match[3], execName: match[4] };
  }
}
