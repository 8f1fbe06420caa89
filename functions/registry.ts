import { RECONCILE_INTERVAL_SECONDS } from '#shared/config.ts';
import type { PermissionName } from '#shared/domain/access.ts';

/**
 * The function registry: every Lambda function of the JSON API and the workflow, once, with its route
 * (for API functions), who may call it and the access it needs. CDK builds the functions, routes and
 * least-privilege grants from this list, the build gives the GOV.UK Notify adapter to exactly the
 * functions that notify, and the local runtime mounts the same handlers on the same routes and the same
 * state machine, so none of them can drift. (The web pages' own function, `web`, is built beside these:
 * see infra/constructs/function-bundles.ts.)
 */
/** `none` for a function that never touches the table (the API's own description). */
export type TableAccess = 'none' | 'read' | 'readWrite';

export interface FunctionSpec {
  /** `METHOD /path` as API Gateway spells a route key; absent for workflow tasks. */
  route?: string;
  /**
   * Who may call the route at all (shared/domain/access.ts), checked before anything is read from the
   * request; absent when anyone signed in may, or when the right depends on the experiment.
   */
  permission?: PermissionName;
  /**
   * A route anyone may call without signing in: no JWT authorizer in front of it, in AWS or locally.
   * Only for answers that hold no data (the API's description); every other route needs a token.
   */
  public?: true;
  table: TableAccess;
  /** A task the experiment workflow invokes (workflows/experiment-workflow.ts). */
  workflow?: true;
  /** Calls StartExecution on the experiment workflow. */
  startsExecutions?: boolean;
  /** Answers workflow task tokens (SendTaskSuccess), so it gets `grantTaskResponse`. */
  answersTaskTokens?: boolean;
  /**
   * Reconciles executions with experiments: lists the running ones, describes and starts executions of the
   * experiment workflow, and nothing else of Step Functions.
   */
  reconcilesExecutions?: boolean;
  /** Sends notifications: its package holds the GOV.UK Notify adapter, and it learns the key and the directory. */
  notifies?: boolean;
  /** Signs page cursors: with read-only access to the table, it may still make the signing key's one item. */
  signsCursors?: boolean;
  /**
   * Records events in the audit trail (a refused read, an export): with read-only access to the table,
   * it may still put items in the trail's two partitions, its entries and its head.
   */
  appendsAudit?: boolean;
  /** An EventBridge schedule expression, for housekeeping functions that no route or workflow calls. */
  schedule?: string;
  /** Bigger answers (the CSV export) get more time, within the HTTP API's 30-second limit. */
  timeoutSeconds?: number;
  /**
   * Memory in MB, when the default (512) is not enough: Lambda gives CPU in proportion to memory, and
   * at 1,769 MB a function has one whole vCPU, which loading the library's search index needs.
   */
  memoryMb?: number;
}

/** One full vCPU: the library's functions load and search an index of thousands of entries (docs/performance.md). */
export const LIBRARY_MEMORY_MB = 1769;

export const FUNCTIONS = {
  'submit-experiment': {
    route: 'POST /api/experiments',
    permission: 'submitIdeas',
    table: 'readWrite',
    startsExecutions: true,
  },
  'list-experiments': { route: 'GET /api/experiments', table: 'read', signsCursors: true },
  'get-experiment': { route: 'GET /api/experiments/{id}', table: 'read', appendsAudit: true },
  'get-queue': { route: 'GET /api/queue', permission: 'decideIdeas', table: 'read' },
  'decide-experiment': {
    route: 'POST /api/experiments/{id}/decision',
    table: 'readWrite',
    answersTaskTokens: true,
  },
  'record-cycle': { route: 'POST /api/experiments/{id}/cycles', table: 'readWrite', answersTaskTokens: true },
  'get-dashboard': { route: 'GET /api/dashboard', permission: 'seeDashboard', table: 'read' },
  'export-csv': {
    route: 'GET /api/export.csv',
    permission: 'exportLog',
    table: 'read',
    appendsAudit: true,
    timeoutSeconds: 29,
  },
  'get-policy': { route: 'GET /api/policy', table: 'read' },
  'publish-policy': { route: 'POST /api/policy', permission: 'publishPolicy', table: 'readWrite' },
  'get-calibration': { route: 'GET /api/policy/calibration', permission: 'seeCalibration', table: 'read' },
  'end-sessions': {
    route: 'POST /api/people/{id}/sessions/end',
    permission: 'endSessions',
    table: 'readWrite',
  },
  // The learning library. The export's static path is more specific than the entry's {id}, and wins.
  'search-library': {
    route: 'GET /api/library',
    table: 'read',
    signsCursors: true,
    memoryMb: LIBRARY_MEMORY_MB,
    timeoutSeconds: 29,
  },
  'export-library': {
    route: 'GET /api/library/export.json',
    permission: 'exportLibrary',
    table: 'read',
    appendsAudit: true,
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  'get-library-entry': { route: 'GET /api/library/{id}', table: 'read' },
  'find-similar-ideas': {
    route: 'POST /api/library/similar',
    table: 'read',
    memoryMb: LIBRARY_MEMORY_MB,
    timeoutSeconds: 29,
  },
  'get-person-records': {
    route: 'GET /api/people/{id}/records',
    permission: 'findRecords',
    table: 'read',
    appendsAudit: true,
    timeoutSeconds: 29,
  },
  'erase-person': {
    route: 'POST /api/people/{id}/erasure',
    permission: 'erasePeople',
    table: 'readWrite',
    timeoutSeconds: 29,
  },
  // No route permission: the use case refuses everyone but governance itself, after recording a
  // refused attempt on an experiment that exists, like every other refused change.
  'redact-experiment': { route: 'POST /api/experiments/{id}/redactions', table: 'readWrite' },
  'get-audit': {
    route: 'GET /api/audit',
    permission: 'readAudit',
    table: 'read',
    signsCursors: true,
    timeoutSeconds: 29,
  },
  'verify-audit': {
    route: 'GET /api/audit/verify',
    permission: 'readAudit',
    table: 'read',
    timeoutSeconds: 29,
  },
  // Version 2: manager cover and the innovation allowance.
  'create-cover': { route: 'POST /api/cover', permission: 'setCover', table: 'readWrite' },
  'list-cover': { route: 'GET /api/cover', permission: 'setCover', table: 'read' },
  'end-cover': { route: 'DELETE /api/cover/{id}', permission: 'setCover', table: 'readWrite' },
  'get-allowance': { route: 'GET /api/allowance', permission: 'seeAllowance', table: 'read' },
  // The API's OpenAPI description, generated into docs/openapi.json (npm run openapi) and served as it is.
  'get-openapi': { route: 'GET /api/openapi.json', public: true, table: 'none' },
  'assess-experiment': { workflow: true, table: 'readWrite' },
  'notify-managers': { workflow: true, table: 'readWrite', notifies: true },
  'await-decision': { workflow: true, table: 'readWrite', answersTaskTokens: true },
  'await-cycle': { workflow: true, table: 'readWrite', answersTaskTokens: true },
  'remind-owner': { workflow: true, table: 'readWrite', notifies: true },
  'raise-to-leaders': { workflow: true, table: 'readWrite', notifies: true },
  'notify-owner': { workflow: true, table: 'readWrite', notifies: true },
  'record-failure': { workflow: true, table: 'readWrite' },
  // A continuation's first step; it reports the serious incidents the execution it replaced had not
  // (shared/services/tasks/resume.ts), so it notifies and writes like report-serious-incident.
  'resume-workflow': { workflow: true, table: 'readWrite', notifies: true },
  'hand-over': { workflow: true, table: 'readWrite' },
  // After a cycle with a serious incident: tells managers and leaders, and publishes the policy version
  // that takes back the team's own limits (shared/services/tasks/serious-incident.ts).
  'report-serious-incident': { workflow: true, table: 'readWrite', notifies: true },
  // After the cycle that recommends making an idea normal practice: tells the team's managers
  // (shared/services/tasks/notify-adoption.ts).
  'notify-adoption': { workflow: true, table: 'readWrite', notifies: true },
  // Keeps an execution driving every experiment that is not final: starts what a crash left unstarted,
  // continues what was stopped, timed out or failed (shared/services/tasks/reconcile.ts). It notifies
  // because it also reports a serious incident, or tells an adoption, that no execution is left to
  // (shared/services/tasks/owed-work.ts).
  'reconcile-workflows': {
    table: 'readWrite',
    reconcilesExecutions: true,
    notifies: true,
    schedule: `rate(${RECONCILE_INTERVAL_SECONDS / 60} minutes)`,
  },
  // Writes a new snapshot of the library's search index when one is due (shared/services/library/compaction.ts).
  'compact-library': {
    table: 'readWrite',
    schedule: 'rate(5 minutes)',
    memoryMb: LIBRARY_MEMORY_MB,
    timeoutSeconds: 120,
  },
  // Anonymises closed experiments past retainUntil and removes audit entries past their retention.
  'apply-retention': { table: 'readWrite', schedule: 'rate(1 hour)', timeoutSeconds: 300 },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTIONS;

export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

/** The workflow's Lambda tasks: the functions marked `workflow`. */
export type WorkflowFunctionName = {
  [N in FunctionName]: (typeof FUNCTIONS)[N] extends { workflow: true } ? N : never;
}[FunctionName];

export const WORKFLOW_FUNCTIONS = FUNCTION_NAMES.filter(
  (name): name is WorkflowFunctionName => (FUNCTIONS[name] as FunctionSpec).workflow === true,
);

/** The functions whose package carries the GOV.UK Notify adapter. */
export const NOTIFYING_FUNCTIONS = FUNCTION_NAMES.filter(
  (name) => (FUNCTIONS[name] as FunctionSpec).notifies === true,
);

export const apiRoutes = () =>
  FUNCTION_NAMES.flatMap((name) => {
    const spec: FunctionSpec = FUNCTIONS[name];
    if (!spec.route) return [];
    const [method, path] = spec.route.split(' ') as [string, string];
    return [{ name, method, path, routeKey: spec.route, public: spec.public === true }];
  });
