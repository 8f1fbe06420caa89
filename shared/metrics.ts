/**
 * Metrics the application reports itself, for alarms on what AWS does not measure. In AWS they are
 * CloudWatch embedded metric format (EMF) lines on stdout, which CloudWatch Logs turns into metrics with
 * no API call and no extra permission; on one machine the same lines go to the console.
 */
export interface Metrics {
  /** Counts, by metric name; zeroes are left out. */
  count(values: Record<string, number>): void;
}

/** Reconciliation's metrics (shared/services/tasks/reconcile.ts) and the alarm on them (infra/constructs/alarms.ts). */
export const WORKFLOW_METRICS = {
  namespace: 'FailForward',
  /** The dimension that tells one stage's workflow from another's: the state machine's name. */
  dimension: 'StateMachine',
  resumed: 'WorkflowsResumed',
  gaveUp: 'WorkflowsGivenUp',
} as const;

/**
 * EMF lines written straight to stdout: with Lambda's JSON log format, `console.log` would wrap the line
 * in a JSON envelope of its own and CloudWatch would no longer read it as EMF.
 */
export const emfMetrics = (opts: {
  namespace: string;
  dimensions: Record<string, string>;
  write?: (line: string) => void;
  now?: () => number;
}): Metrics => {
  const write = opts.write ?? ((line: string) => process.stdout.write(line));
  const now = opts.now ?? Date.now;
  return {
    count(values) {
      const counted = Object.entries(values).filter(([, value]) => value !== 0);
      if (counted.length === 0) return;
      const document = {
        _aws: {
          Timestamp: now(),
          CloudWatchMetrics: [
            {
              Namespace: opts.namespace,
              Dimensions: [Object.keys(opts.dimensions)],
              Metrics: counted.map(([name]) => ({ Name: name, Unit: 'Count' })),
            },
          ],
        },
        ...opts.dimensions,
        ...Object.fromEntries(counted),
      };
      write(`${JSON.stringify(document)}\n`);
    },
  };
};

/** The workflow metrics of one state machine. */
export const workflowMetrics = (stateMachineArn: string, write?: (line: string) => void): Metrics =>
  emfMetrics({
    namespace: WORKFLOW_METRICS.namespace,
    dimensions: { [WORKFLOW_METRICS.dimension]: stateMachineArn.slice(stateMachineArn.lastIndexOf(':') + 1) },
    ...(write ? { write } : {}),
  });
