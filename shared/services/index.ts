import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AppConfig, RECONCILE_INTERVAL_SECONDS, readConfig } from '../config.ts';
import { type Metrics, workflowMetrics } from '../metrics.ts';
import { deployedNotifier } from '../notifications/index.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { activeWorkflowsBackfill } from '../store/active-workflows.ts';
import { auditQueries } from '../store/audit-queries.ts';
import { auditStore } from '../store/audit-store.ts';
import { createDocumentClient } from '../store/clients.ts';
import { erasureStore } from '../store/erasure-store.ts';
import { experimentStore } from '../store/experiment-store.ts';
import { librarySnapshots } from '../store/library-snapshots.ts';
import { libraryStore } from '../store/library-store.ts';
import { policyStore } from '../store/policy-store.ts';
import { sentNotifications } from '../store/sent-notifications.ts';
import { countSessionsOf, sessionStore } from '../store/session-store.ts';
import { signingKeys } from '../store/signing-keys.ts';
import { statsStore } from '../store/stats-store.ts';
import type { Workflow } from '../workflow/port.ts';
import { lazySfnClient, stepFunctionsWorkflow } from '../workflow/step-functions.ts';
import { taskTokenStore, taskTokens } from '../workflow/task-tokens.ts';
import { workflowTimers } from '../workflow/timers.ts';
import { auditService } from './audit-service.ts';
import { pageCursors } from './cursors.ts';
import { dashboardService } from './dashboard-service.ts';
import { experimentService } from './experiment-service.ts';
import type { ExperimentDeps } from './experiments/deps.ts';
import { exportService } from './export-service.ts';
import { peopleRecords } from './governance/people.ts';
import { redactionUseCase } from './governance/redaction.ts';
import { retentionTask } from './governance/retention.ts';
import type { LibraryDeps, LibraryService } from './library/library-service.ts';
import { policyService } from './policy-service.ts';
import { sessionAdmin } from './session-admin.ts';
import { workflowTasks } from './tasks/index.ts';

/** Everything the services are built from: configuration and the adapters, all explicit. */
export interface ServiceDeps {
  config: AppConfig;
  /** The one DynamoDB document client every store uses. */
  dynamo: DynamoDBDocumentClient;
  workflow: Workflow;
  notifier: Notifier;
  /** Where the application's own metrics go: EMF lines on stdout unless given. */
  metrics?: Metrics;
  now?: () => Date;
}

/**
 * The composition root: every service, built from explicit configuration and adapters, with nothing
 * read from the environment and nothing kept between calls but what is checked for change: the policy
 * versions read, and the library's warm search index (library/library-index.ts). Lambda calls it through `services()`; the
 * local runtime calls it with its own adapters and installs the result with `useServices`.
 */
export const createServices = (deps: ServiceDeps) => {
  const { config, dynamo: db, workflow } = deps;
  const table = config.tableName;
  const now = deps.now ?? (() => new Date());
  const trail = auditStore(db, table, { retentionMonths: config.auditRetentionMonths, now });
  const trailQueries = auditQueries(db, table);
  const store = experimentStore(db, table, trail);
  const policies = policyStore(db, table, trail);
  const keys = signingKeys(db, table);
  const sessions = sessionStore(db, table);
  const cursors = pageCursors(() => keys.get('cursor'));
  const audit = auditService({ store: trail, queries: trailQueries, cursors });
  const experimentDeps: ExperimentDeps = {
    store,
    policies,
    workflow,
    tokens: taskTokens({ tokens: taskTokenStore(db, table), experiments: store, workflow }),
    notifier: deps.notifier,
    timers: workflowTimers(config, now),
    cursors,
    now,
    publicUrl: config.publicUrl,
    submitWaitMs: config.submitWaitMs,
    audit,
    retention: config.retention,
  };
  const entries = libraryStore(db, table);
  const snapshots = librarySnapshots(db, table);
  return {
    experiments: experimentService(experimentDeps),
    tasks: workflowTasks(experimentDeps, {
      backfill: activeWorkflowsBackfill(db, table),
      metrics: deps.metrics ?? workflowMetrics(config.stateMachineArn),
      intervalSeconds: config.reconcileSeconds ?? RECONCILE_INTERVAL_SECONDS,
    }),
    policies: policyService({ policies, store, now }),
    dashboard: dashboardService({ stats: statsStore(db, table) }),
    exports: exportService({ store, audit }),
    sessions,
    people: sessionAdmin({ sessions, audit }),
    audit,
    governance: {
      ...peopleRecords({
        store,
        auditQueries: trailQueries,
        audit,
        erasures: erasureStore(db, table, { retentionMonths: config.auditRetentionMonths }),
        sessions,
        countSessions: (personId) => countSessionsOf(db, table, personId),
        now,
      }),
      redact: redactionUseCase({ store, audit, now }),
      retention: retentionTask({
        store,
        auditQueries: trailQueries,
        auditRetentionMonths: config.auditRetentionMonths,
        now,
      }),
    },
    library: lazyLibrary(() => ({
      entries,
      snapshots,
      experiments: store,
      cursors: experimentDeps.cursors,
      publisher: config.publisher,
      audit,
      now,
    })),
  };
};

export type Services = ReturnType<typeof createServices>;

/**
 * The library service, loaded on its first call: it brings the search engine, which only the library's
 * functions use, so every other function's cold start stays without it (docs/architecture.md).
 */
const lazyLibrary = (deps: () => LibraryDeps) => {
  let loaded: Promise<LibraryService> | undefined;
  const service = () => {
    loaded ??= import('./library/library-service.ts').then(({ libraryService }) => libraryService(deps()));
    return loaded;
  };
  return {
    search: async (...args: Parameters<LibraryService['search']>) => (await service()).search(...args),
    similar: async (...args: Parameters<LibraryService['similar']>) => (await service()).similar(...args),
    get: async (...args: Parameters<LibraryService['get']>) => (await service()).get(...args),
    openData: async (...args: Parameters<LibraryService['openData']>) => (await service()).openData(...args),
    compact: async () => (await service()).compact(),
  } satisfies LibraryService;
};

/**
 * A deployed function's services: configuration from its environment (set by CDK), and the AWS SDK's
 * clients with their defaults. The GOV.UK Notify adapter is there only in the functions whose package
 * holds it (see shared/notifications/index.ts).
 */
const fromEnvironment = (): Services => {
  const config = readConfig(process.env);
  const dynamo = createDocumentClient();
  const sfn = lazySfnClient();
  return createServices({
    config,
    dynamo,
    workflow: stepFunctionsWorkflow({ stateMachineArn: config.stateMachineArn, client: sfn.get }),
    notifier: deployedNotifier(config.notify, sentNotifications(dynamo, config.tableName)),
  });
};

let installed: Services | undefined;

/** The one seam for running elsewhere than Lambda: the local runtime installs the services it built. */
export const useServices = (built: Services): void => {
  installed = built;
};

/** The services of this process: the installed ones, or in Lambda, built once per container on first use. */
export const services = (): Services => {
  installed ??= fromEnvironment();
  return installed;
};
