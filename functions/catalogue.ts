/**
 * Every function, once: its route (for API functions) and the access it needs. CDK builds the
 * functions, routes and least-privilege grants from this list, and the local runtime mounts the same
 * handlers on the same routes, so the two cannot drift.
 */
export type TableAccess = 'read' | 'readWrite';

export interface FunctionSpec {
  /** `METHOD /path` as API Gateway spells a route key; absent for workflow tasks. */
  route?: string;
  table: TableAccess;
  /** Calls StartExecution on the experiment workflow. */
  startsExecutions?: boolean;
  /** Answers workflow task tokens (SendTaskSuccess), so it gets `grantTaskResponse`. */
  answersTaskTokens?: boolean;
  /** Sends notifications (GOV.UK Notify key and the Cognito directory in AWS). */
  notifies?: boolean;
  /** An EventBridge schedule expression, for housekeeping functions that no route or workflow calls. */
  schedule?: string;
  /** Bigger answers (the CSV export) get more time, within the HTTP API's 30-second limit. */
  timeoutSeconds?: number;
}

export const FUNCTIONS = {
  'submit-experiment': { route: 'POST /api/experiments', table: 'readWrite', startsExecutions: true },
  'list-experiments': { route: 'GET /api/experiments', table: 'read' },
  'get-experiment': { route: 'GET /api/experiments/{id}', table: 'read' },
  'get-queue': { route: 'GET /api/queue', table: 'read' },
  'decide-experiment': {
    route: 'POST /api/experiments/{id}/decision',
    table: 'readWrite',
    answersTaskTokens: true,
  },
  'record-cycle': { route: 'POST /api/experiments/{id}/cycles', table: 'readWrite', answersTaskTokens: true },
  'get-dashboard': { route: 'GET /api/dashboard', table: 'read' },
  'export-csv': { route: 'GET /api/export.csv', table: 'read', timeoutSeconds: 29 },
  'get-policy': { route: 'GET /api/policy', table: 'read' },
  'publish-policy': { route: 'POST /api/policy', table: 'readWrite' },
  'end-sessions': { route: 'POST /api/people/{id}/sessions/end', table: 'readWrite' },
  'assess-experiment': { table: 'readWrite' },
  'notify-managers': { table: 'readWrite', notifies: true },
  'await-decision': { table: 'readWrite', answersTaskTokens: true },
  'await-cycle': { table: 'readWrite', answersTaskTokens: true },
  'remind-owner': { table: 'readWrite', notifies: true },
  'raise-to-leaders': { table: 'readWrite', notifies: true },
  'notify-owner': { table: 'readWrite', notifies: true },
  'record-failure': { table: 'readWrite' },
  // Starts the workflow of any submission stored but never started (a crash between the two).
  'resume-assessments': { table: 'readWrite', startsExecutions: true, schedule: 'rate(5 minutes)' },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTIONS;

export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

/** The workflow's Lambda tasks, by the function each one invokes. */
export type WorkflowFunctionName =
  | 'assess-experiment'
  | 'notify-managers'
  | 'await-decision'
  | 'await-cycle'
  | 'remind-owner'
  | 'raise-to-leaders'
  | 'notify-owner'
  | 'record-failure';

export const apiRoutes = () =>
  FUNCTION_NAMES.flatMap((name) => {
    const spec: FunctionSpec = FUNCTIONS[name];
    if (!spec.route) return [];
    const [method, path] = spec.route.split(' ') as [string, string];
    return [{ name, method, path, routeKey: spec.route }];
  });
