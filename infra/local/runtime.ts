import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { Context } from 'aws-lambda';
import {
  apiRoutes,
  FUNCTION_NAMES,
  FUNCTIONS,
  type FunctionName,
  type FunctionSpec,
} from '#functions/registry.ts';
import { DEFAULT_SESSION_REFRESH_SECONDS } from '#functions/web/config.ts';
import { type AppConfig, DEFAULT_RETENTION_MONTHS, publisherConfig } from '#shared/config.ts';
import { toIssues } from '#shared/domain/schemas.ts';
import { createServices, type Services, useServices } from '#shared/services/index.ts';
import { createDocumentClient } from '#shared/store/clients.ts';
import { sentNotifications } from '#shared/store/sent-notifications.ts';
import { stepFunctionsWorkflow } from '#shared/workflow/step-functions.ts';
import { type DynamoDbLocal, LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from './dynamodb-local.ts';
import type { FaultHook } from './fault-hook.ts';
import { freePort } from './free-port.ts';
import { createGateway, type LambdaHandler, type LocalRoute, sendJson } from './gateway.ts';
import { localJwt } from './local-jwt.ts';
import { ensureTable } from './local-table.ts';
import { localTokenSchema } from './local-token.ts';
import { outboxNotifier } from './outbox-notifier.ts';
import { type LocalSchedule, rateSeconds, startSchedules } from './schedules.ts';
import { type LocalStepFunctions, startLocalStepFunctions } from './stepfunctions/index.ts';
import { localSessionSecret, type WebRouteOptions, webRoute } from './web-route.ts';
import { synthesizeWorkflow } from './workflow-definition.ts';

export const TABLE_NAME = 'fail-forward';
export const STATE_MACHINE_NAME = 'fail-forward-experiment';
const ACCOUNT_ID = '000000000000';
const STATE_MACHINE_ARN = `arn:aws:states:${LOCAL_REGION}:${ACCOUNT_ID}:stateMachine:${STATE_MACHINE_NAME}`;
/** The library's snapshot is checked every 5 minutes in AWS; here often enough to watch it happen. */
const LIBRARY_COMPACTION_SECONDS = 15;
/** Retention runs hourly in AWS; here every few seconds, so RETENTION_SECONDS can be tried at once. */
const RETENTION_EVERY_MS = 2_000;
/**
 * With a shortened age budget, the local service times an execution out this much after it, as AWS does
 * a week after the default budget: a hand-over takes well under a second here.
 */
const AGE_LIMIT_MARGIN_SECONDS = 10;

export interface LocalSystemOptions {
  port?: number;
  dataDir?: string;
  decisionDeadlineSeconds?: number;
  /** Replaces durationWeeks as the time to the review date and between reminders. */
  reviewPeriodSeconds?: number;
  /**
   * How long an execution drives before it hands over (WORKFLOW_MAX_AGE_SECONDS); the local Step Functions
   * service then times executions out a little after it, as AWS does at a year.
   */
  workflowMaxAgeSeconds?: number;
  /** How often reconciliation runs (RECONCILE_SECONDS); by default its AWS schedule, every 5 minutes. */
  reconcileSeconds?: number;
  /** How often a web session's person is read again from the demo users' file (SESSION_REFRESH_SECONDS). */
  sessionRefreshSeconds?: number;
  /** Replaces `retentionMonths`: a closed experiment is anonymised this many seconds after it closed. */
  retentionSeconds?: number;
  /** How often retention runs here (hourly in AWS); every 2 s unless set, so RETENTION_SECONDS is seen in seconds. */
  retentionEveryMs?: number;
  /** Extra local routes mounted after the API and the local tools, before the web pages. */
  extraRoutes?: LocalRoute[];
  /** Test only (test/faults): fails workflow task calls on demand; `npm start` never sets it. */
  faultHook?: FaultHook;
  /** Test only (the pages' tests): the services' clock; the workflow's waits still run in real time. */
  now?: () => Date;
  /** How long a submission waits for the card's answer (SUBMIT_WAIT_MS); 3 seconds unless set. */
  submitWaitMs?: number;
  /** Test only: DynamoDB Local started for a short life (see dynamodb-local.ts). */
  quickStart?: boolean;
}

export interface LocalSystem {
  url: string;
  port: number;
  endpoints: { dynamodb: string; stepfunctions: string };
  stop(): Promise<void>;
}

/**
 * The services on one machine: the same `createServices` Lambda uses, given this machine's adapters
 * (DynamoDB Local and the local Step Functions service, with explicit endpoints, region and dummy
 * credentials, and the outbox for notifications) and its configuration. The Step Functions endpoint is
 * known only once that service is up; until then the workflow adapter waits for it.
 */
const localServices = (opts: {
  config: AppConfig;
  dynamoEndpoint: string;
  stepFunctionsEndpoint: Promise<string>;
  now: (() => Date) | undefined;
}) => {
  const dynamo = createDocumentClient({
    endpoint: opts.dynamoEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  let sfn: Promise<SFNClient> | undefined;
  const sfnClient = () => {
    sfn ??= Promise.all([opts.stepFunctionsEndpoint, import('@aws-sdk/client-sfn')]).then(
      ([endpoint, { SFNClient }]) =>
        new SFNClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 5 }),
    );
    return sfn;
  };
  const sent = sentNotifications(dynamo, opts.config.tableName);
  const services: Services = createServices({
    config: opts.config,
    dynamo,
    workflow: stepFunctionsWorkflow({ stateMachineArn: opts.config.stateMachineArn, client: sfnClient }),
    notifier: outboxNotifier(sent),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return {
    services,
    sent,
    async close() {
      dynamo.destroy();
      if (sfn) (await sfn).destroy();
    },
  };
};

const readJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
};

const listen = (server: Server, port: number) =>
  new Promise<number>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : port);
    });
  });

const lambdaContext = (functionName: string) =>
  ({ functionName, awsRequestId: crypto.randomUUID() }) as unknown as Context;

/**
 * The registry's scheduled functions, called as EventBridge calls them, at their own rate or at the
 * interval given here for one of them.
 */
const localSchedules = (
  handlers: Record<FunctionName, LambdaHandler>,
  intervals: Partial<Record<FunctionName, number>>,
): LocalSchedule[] =>
  FUNCTION_NAMES.flatMap((name) => {
    const schedule = (FUNCTIONS[name] as FunctionSpec).schedule;
    const seconds = intervals[name] ?? (schedule ? rateSeconds(schedule) : undefined);
    if (!schedule || seconds === undefined) return [];
    const event = () => ({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: new Date().toISOString(),
    });
    return [{ name, seconds, run: () => handlers[name](event(), lambdaContext(name)) }];
  });

/** Every handler of the registry, imported as Lambda would run it. */
const importHandlers = async (): Promise<Record<FunctionName, LambdaHandler>> =>
  Object.fromEntries(
    await Promise.all(
      FUNCTION_NAMES.map(async (name) => {
        const module = (await import(`#functions/${name}/handler.ts`)) as { handler: LambdaHandler };
        return [name, module.handler] as const;
      }),
    ),
  ) as Record<FunctionName, LambdaHandler>;

/** The local Step Functions service, running the synthesized workflow with the registry's handlers. */
const startWorkflowService = (opts: {
  dynamoEndpoint: string;
  workflow: ReturnType<typeof synthesizeWorkflow>;
  handlers: Record<FunctionName, LambdaHandler>;
  faultHook: FaultHook | undefined;
  workflowMaxAgeSeconds: number | undefined;
}): Promise<LocalStepFunctions> => {
  const { handlers, faultHook } = opts;
  const invokeTask = (state: string, fn: FunctionName) => (payload: unknown) =>
    // Test only: with a fault hook, a call may fail before the handler runs (see fault-hook.ts).
    faultHook
      ? faultHook.around({ state, functionName: fn, payload }, () => handlers[fn](payload, lambdaContext(fn)))
      : handlers[fn](payload, lambdaContext(fn));
  return startLocalStepFunctions({
    dynamoEndpoint: opts.dynamoEndpoint,
    region: LOCAL_REGION,
    accountId: ACCOUNT_ID,
    ...(opts.workflowMaxAgeSeconds === undefined
      ? {}
      : { maxExecutionAgeSeconds: opts.workflowMaxAgeSeconds + AGE_LIMIT_MARGIN_SECONDS }),
    stateMachines: [
      {
        name: STATE_MACHINE_NAME,
        definition: opts.workflow.definition,
        taskHandlers: Object.fromEntries(
          Object.entries(opts.workflow.taskFunctions).map(([state, fn]) => [state, invokeTask(state, fn)]),
        ),
      },
    ],
  });
};

/** Health, the local tools, and the web pages, which answer every path the API and the tools do not. */
const localRoutes = (opts: {
  endpoints: LocalSystem['endpoints'];
  outbox: () => Promise<unknown[]>;
  issueToken: (claims: { sub: string; name: string; groups: string[]; team: string }) => Promise<string>;
  extraRoutes: LocalRoute[];
  web: WebRouteOptions;
}): LocalRoute[] => [
  async (req, res, body, url) => {
    if (req.method === 'GET' && url.pathname === '/health') {
      sendJson(res, 200, { status: 'ok' });
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/local/endpoints') {
      sendJson(res, 200, opts.endpoints);
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/local/outbox') {
      sendJson(res, 200, { items: await opts.outbox() });
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/local/token') {
      const parsed = localTokenSchema.safeParse(readJson(body));
      if (!parsed.success) {
        sendJson(res, 400, {
          error: 'bad_request',
          message: 'Send sub, name, groups and team.',
          issues: toIssues(parsed.error),
        });
      } else {
        sendJson(res, 200, { token: await opts.issueToken(parsed.data) });
      }
      return true;
    }
    return false;
  },
  ...opts.extraRoutes,
  // Last: the web pages, with the demo users' sign-in, answer every path the API and the local tools do not.
  webRoute(opts.web),
];

/**
 * The whole system on one machine: DynamoDB Local, the local Step Functions service running the
 * synthesized workflow, and the HTTP gateway in front of the same handlers Lambda runs. Only the
 * adapters differ from AWS (endpoints, credentials, the outbox): they are built here and handed to the
 * services explicitly, before anything can call a handler.
 */
export const startLocalSystem = async (opts: LocalSystemOptions = {}): Promise<LocalSystem> => {
  const dataDir = resolve(opts.dataDir ?? '.data');
  const dynamoStarting = startDynamoDbLocal({
    dataDir: resolve(dataDir, 'dynamodb'),
    quickStart: opts.quickStart ?? false,
  });
  const workflow = synthesizeWorkflow({
    region: LOCAL_REGION,
    accountId: ACCOUNT_ID,
    stateMachineName: STATE_MACHINE_NAME,
  });
  let db: DynamoDbLocal | undefined;
  let stepFunctions: LocalStepFunctions | undefined;
  let server: Server | undefined;
  let local: ReturnType<typeof localServices> | undefined;
  try {
    db = await dynamoStarting;
    await ensureTable(db.endpoint, TABLE_NAME);
    const port = opts.port || (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const jwt = await localJwt(resolve(dataDir, 'local-jwt-key.json'));
    const sessionSecret = await localSessionSecret(resolve(dataDir, 'web-session-secret'));

    const stepFunctionsEndpoint = Promise.withResolvers<string>();
    local = localServices({
      config: {
        tableName: TABLE_NAME,
        stateMachineArn: STATE_MACHINE_ARN,
        decisionDeadlineSeconds: opts.decisionDeadlineSeconds,
        reviewPeriodSeconds: opts.reviewPeriodSeconds,
        workflowMaxAgeSeconds: opts.workflowMaxAgeSeconds,
        reconcileSeconds: opts.reconcileSeconds,
        submitWaitMs: opts.submitWaitMs ?? 3000,
        publicUrl: url,
        notify: undefined,
        publisher: publisherConfig({}),
        retention: opts.retentionSeconds
          ? { seconds: opts.retentionSeconds }
          : { months: DEFAULT_RETENTION_MONTHS },
        auditRetentionMonths: DEFAULT_RETENTION_MONTHS,
      },
      dynamoEndpoint: db.endpoint,
      stepFunctionsEndpoint: stepFunctionsEndpoint.promise,
      now: opts.now,
    });
    useServices(local.services);

    const handlers = await importHandlers();
    stepFunctions = await startWorkflowService({
      dynamoEndpoint: db.endpoint,
      workflow,
      handlers,
      faultHook: opts.faultHook,
      workflowMaxAgeSeconds: opts.workflowMaxAgeSeconds,
    });
    stepFunctionsEndpoint.resolve(stepFunctions.endpoint);

    const endpoints = { dynamodb: db.endpoint, stepfunctions: stepFunctions.endpoint };
    const { sent } = local;
    server = createGateway({
      routes: apiRoutes().map((r) => ({ ...r, handler: handlers[r.name] })),
      jwt,
      localRoutes: localRoutes({
        endpoints,
        outbox: () => sent.list(),
        issueToken: (claims) => jwt.issue(claims),
        extraRoutes: opts.extraRoutes ?? [],
        web: {
          dataDir,
          config: {
            sessionSecret,
            publicUrl: url,
            assetsUrl: '/assets',
            sessionRefreshMs: (opts.sessionRefreshSeconds ?? DEFAULT_SESSION_REFRESH_SECONDS) * 1000,
          },
        },
      }),
    });
    const boundPort = await listen(server, port);

    // After a crash: resume interrupted executions, then reconcile at once (no grace: nothing else is
    // starting anything yet), which starts any experiment stored but never started.
    await stepFunctions.recover();
    await local.services.tasks.reconcile({ graceSeconds: 0 }).catch((error: unknown) => {
      // The schedule tries again; what could not be reconciled must not keep the rest from starting.
      console.error('reconcile-workflows at start:', error);
    });
    const schedules = startSchedules(
      localSchedules(handlers, {
        'compact-library': LIBRARY_COMPACTION_SECONDS,
        'apply-retention': (opts.retentionEveryMs ?? RETENTION_EVERY_MS) / 1000,
        ...(opts.reconcileSeconds === undefined ? {} : { 'reconcile-workflows': opts.reconcileSeconds }),
      }),
    );
    // What fell due while the system was down (a deadline, a retention date) happens before it answers.
    await schedules.first;

    const running = { db, stepFunctions, server, local, schedules };
    return {
      url,
      port: boundPort,
      endpoints,
      async stop() {
        await new Promise<void>((done) => {
          running.server.close(() => done());
          running.server.closeAllConnections();
        });
        await running.schedules.stop();
        await running.stepFunctions.stop();
        await running.local.close();
        await running.db.stop();
      },
    };
  } catch (error) {
    server?.close();
    await stepFunctions?.stop();
    await local?.close();
    await db?.stop();
    throw error;
  }
};
