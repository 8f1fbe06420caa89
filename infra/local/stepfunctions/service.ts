import { setTimeout as sleep } from 'node:timers/promises';
import { StepFunctionsApi } from './api.ts';
import { DeadlineTimer } from './deadlines.ts';
import { timeoutError } from './engine.ts';
import type { Action } from './http-api.ts';
import { Lifecycle } from './lifecycle.ts';
import { type LocalStateMachineSpec, Machines } from './machines.ts';
import { Runner } from './runner.ts';
import { ExecutionStore } from './store/executions.ts';
import { Table } from './store/table.ts';
import { WaitStore } from './store/waits.ts';
import { TaskTokens } from './task-tokens.ts';
import { TaskRunner } from './tasks.ts';

export interface ServiceOptions {
  dynamoEndpoint: string;
  tableName: string;
  region: string;
  accountId: string;
  stateMachines: LocalStateMachineSpec[];
  timerIntervalMs: number;
  maxExecutionAgeSeconds: number;
}

/**
 * The service put together: the state machines, the table, the runner of execution segments, task tokens,
 * the deadline timer and the API. Each part gets only what it uses.
 */
export class LocalStepFunctionsService {
  private readonly lifecycle = new Lifecycle();
  private readonly table: Table;
  private readonly machines: Machines;
  private readonly executions: ExecutionStore;
  private readonly runner: Runner;
  private readonly timer: DeadlineTimer;
  private readonly api: StepFunctionsApi;

  private readonly options: ServiceOptions;

  constructor(options: ServiceOptions) {
    this.options = options;
    const { lifecycle } = this;
    this.table = new Table({
      endpoint: options.dynamoEndpoint,
      region: options.region,
      tableName: options.tableName,
    });
    this.machines = new Machines({
      region: options.region,
      accountId: options.accountId,
      maxAgeSeconds: options.maxExecutionAgeSeconds,
    });
    this.executions = new ExecutionStore(this.table);
    const waits = new WaitStore(this.table);
    const tasks = new TaskRunner({
      waits,
      region: options.region,
      // The API is built below; a task can only run once the service is up.
      startExecution: (params) => this.api.startExecution(params),
    });
    const { machines, executions } = this;
    this.runner = new Runner({ machines, executions, waits, tasks, lifecycle });
    const tokens = new TaskTokens({
      waits,
      executions,
      machines,
      resume: (executionArn, next) => this.runner.schedule(executionArn, next),
    });
    this.timer = new DeadlineTimer({
      waits,
      lifecycle,
      intervalMs: options.timerIntervalMs,
      complete: (record, replay, dueBy) => tokens.complete(record.token, replay, { record, by: dueBy }),
    });
    this.api = new StepFunctionsApi({ machines, executions, runner: this.runner, tokens });
  }

  async init(): Promise<void> {
    for (const spec of this.options.stateMachines) this.machines.add(spec);
    await this.table.ensure();
    const now = Date.now();
    for (const machine of this.machines.all()) {
      machine.creationDate = await this.executions.registerStateMachine(machine.spec.name, now);
    }
    // Borrow the engine's timeout error class now, so the first replayed timeout does not wait for it.
    await timeoutError('States.Timeout', '');
    this.timer.start();
  }

  actions(): Record<string, Action> {
    return this.api.actions();
  }

  stateMachineArn(name: string): string {
    return this.machines.stateMachineArn(name);
  }

  recover(): Promise<void> {
    return this.runner.recover();
  }

  async idle(): Promise<void> {
    for (;;) {
      await this.lifecycle.settle();
      if (this.lifecycle.stopped) return;
      const due = await this.timer.anyDue(Date.now());
      if (!due && !this.lifecycle.busy) return;
      await sleep(Math.min(this.options.timerIntervalMs, 20));
    }
  }

  async stop(): Promise<void> {
    if (this.lifecycle.stopped) return;
    this.lifecycle.stopped = true;
    this.timer.stop();
    this.runner.killAll();
    this.table.destroy();
  }
}
