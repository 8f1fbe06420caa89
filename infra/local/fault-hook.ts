/**
 * Test-only fault injection for the workflow's Lambda tasks in the local runtime.
 *
 * Nothing creates a hook in `npm start` or in AWS: a test builds one with `createFaultHook()` and passes
 * it to `startLocalSystem({ faultHook })`. Each task call then goes through `around`, which throws an
 * error with the armed name before the real handler runs. The local Step Functions service reports a
 * thrown error by its `name`, so the workflow's Retry and Catch see exactly what a failing Lambda would
 * report: `Lambda.ServiceException` is retried (CDK's LambdaInvoke default), any other name is caught
 * into RecordFailure.
 */
export interface TaskFault {
  /** The Task state to fail, e.g. `Assess` (see STATES in workflows/experiment-workflow.ts). */
  state: string;
  /** Fail only calls about this experiment; every call of the state when absent. */
  experimentId?: string;
  /** How many calls fail before the task works again; `always` never recovers. */
  times: number | 'always';
  /** The error name Retry and Catch match on. */
  error: string;
  /** `after`: the real handler runs first and its answer is lost (it did its work, then failed). */
  when?: 'before' | 'after';
}

export interface TaskCall {
  state: string;
  functionName: string;
  payload: unknown;
}

export interface RecordedCall {
  state: string;
  experimentId: string | undefined;
  /** The error name thrown by the hook, or `undefined` when the real handler ran. */
  injected: string | undefined;
  at: number;
}

export interface FaultHook {
  inject(fault: TaskFault): void;
  clear(): void;
  /** Every task call seen since the hook was created, injected or not, oldest first. */
  readonly calls: readonly RecordedCall[];
  around<T>(call: TaskCall, invoke: () => Promise<T>): Promise<T>;
}

const experimentIdOf = (payload: unknown): string | undefined => {
  const id = (payload as { experimentId?: unknown } | null)?.experimentId;
  return typeof id === 'string' ? id : undefined;
};

export class InjectedFault extends Error {
  constructor(name: string, state: string) {
    super(`Injected by the test fault hook in ${state}`);
    // The name is the Step Functions error; it is set after super() because Error's constructor resets it.
    this.name = name;
  }
}

export const createFaultHook = (): FaultHook => {
  const armed: { fault: TaskFault; remaining: number }[] = [];
  const calls: RecordedCall[] = [];
  return {
    calls,
    inject(fault) {
      armed.push({ fault, remaining: fault.times === 'always' ? Number.POSITIVE_INFINITY : fault.times });
    },
    clear() {
      armed.length = 0;
    },
    async around(call, invoke) {
      const experimentId = experimentIdOf(call.payload);
      const match = armed.find(
        ({ fault, remaining }) =>
          remaining > 0 &&
          fault.state === call.state &&
          (fault.experimentId === undefined || fault.experimentId === experimentId),
      );
      calls.push({ state: call.state, experimentId, injected: match?.fault.error, at: Date.now() });
      if (!match) return invoke();
      match.remaining--;
      if (match.fault.when === 'after') await invoke();
      throw new InjectedFault(match.fault.error, call.state);
    },
  };
};
