import type { Server } from 'node:http';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { apiRoutes, FUNCTION_NAMES, type FunctionName } from '#functions/catalogue.ts';
import { resetConfig } from '#shared/config.ts';
import { localTokenSchema, toIssues } from '#shared/domain/schemas.ts';
import { resetNotifier } from '#shared/notifications/index.ts';
import { outboxNotifier } from '#shared/notifications/outbox-notifier.ts';
import { resetServices, services } from '#shared/services/index.ts';
import { resetClients } from '#shared/store/clients.ts';
import { localCreateTableInput } from '#shared/store/table-design.ts';
import { type DynamoDbLocal, LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from './dynamodb-local.ts';
import type { FaultHook } from './fault-hook.ts';
import { createGateway, type LambdaHandler, type LocalRoute, sendJson } from './gateway.ts';
import { localJwt } from './local-jwt.ts';
import { type LocalStepFunctions, startLocalStepFunctions } from './stepfunctions/index.ts';
import { localSessionSecret, webRoute } from './web-route.ts';
import { synthesizeWorkflow } from './workflow-definition.ts';

export const TABLE_NAME = 'fail-forward';
export const STATE_MACHINE_NAME = 'fail-forward-experiment';
const ACCOUNT_ID = '000000000000';

export interface LocalSystemOptions {
  port?: number;
  dataDir?: string;
  decisionDeadlineSeconds?: number;
  /** Replaces durationWeeks as the time to the review date and between reminders. */
  reviewPeriodSeconds?: number;
  /** Extra local routes (the web pages) mounted after the API and the local tools. */
  extraRoutes?: LocalRoute[];
  /** Test only (test/faults): fails workflow task calls on demand; `npm start` never sets it. */
  faultHook?: FaultHook;
}

export interface LocalSystem {
  url: string;
  port: number;
  endpoints: { dynamodb: string; stepfunctions: string };
  stop(): Promise<void>;
}

const ensureTable = async (endpoint: string) => {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await client.send(new CreateTableCommand(localCreateTableInput(TABLE_NAME)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await client.send(new DescribeTableCommand({ TableName: TABLE_NAME }));
  client.destroy();
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

/**
 * The whole system on one machine: DynamoDB Local, the local Step Functions service running the
 * synthesized workflow, and the HTTP gateway in front of the same handlers Lambda runs.
 * Only endpoints and credentials differ from AWS; they are set as the SDK's own environment variables.
 */
export const startLocalSystem = async (opts: LocalSystemOptions = {}): Promise<LocalSystem> => {
  const dataDir = resolve(opts.dataDir ?? '.data');
  const dynamoStarting = startDynamoDbLocal({ dataDir: resolve(dataDir, 'dynamodb') });
  const workflow = synthesizeWorkflow({ region: LOCAL_REGION, accountId: ACCOUNT_ID });
  let db: DynamoDbLocal | undefined;
  let stepFunctions: LocalStepFunctions | undefined;
  let server: Server | undefined;
  try {
    db = await dynamoStarting;
    await ensureTable(db.endpoint);

    const jwt = await localJwt(resolve(dataDir, 'local-jwt-key.json'));
    const sessionSecret = await localSessionSecret(resolve(dataDir, 'web-session-secret'));
    const stateMachineArn = `arn:aws:states:${LOCAL_REGION}:${ACCOUNT_ID}:stateMachine:${STATE_MACHINE_NAME}`;
    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
      TABLE_NAME,
      STATE_MACHINE_ARN: stateMachineArn,
      NOTIFIER: 'outbox',
      AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
      SESSION_SECRET: sessionSecret,
    });
    if (opts.decisionDeadlineSeconds)
      process.env.DECISION_DEADLINE_SECONDS = String(opts.decisionDeadlineSeconds);
    else delete process.env.DECISION_DEADLINE_SECONDS;
    if (opts.reviewPeriodSeconds) process.env.REVIEW_PERIOD_SECONDS = String(opts.reviewPeriodSeconds);
    else delete process.env.REVIEW_PERIOD_SECONDS;

    const handlers = Object.fromEntries(
      await Promise.all(
        FUNCTION_NAMES.map(async (name) => {
          const module = (await import(`#functions/${name}/handler.ts`)) as { handler: LambdaHandler };
          return [name, module.handler] as const;
        }),
      ),
    ) as Record<FunctionName, LambdaHandler>;

    const taskContext = (functionName: string) =>
      ({ functionName, awsRequestId: crypto.randomUUID() }) as unknown as Context;
    stepFunctions = await startLocalStepFunctions({
      dynamoEndpoint: db.endpoint,
      region: LOCAL_REGION,
      accountId: ACCOUNT_ID,
      stateMachines: [
        {
          name: STATE_MACHINE_NAME,
          definition: workflow.definition,
          taskHandlers: Object.fromEntries(
            Object.entries(workflow.taskFunctions).map(([state, fn]) => [
              state,
              // Test only: with a fault hook, a call may fail before the handler runs (see fault-hook.ts).
              (payload: unknown) =>
                opts.faultHook
                  ? opts.faultHook.around({ state, functionName: fn, payload }, () =>
                      handlers[fn](payload, taskContext(fn)),
                    )
                  : handlers[fn](payload, taskContext(fn)),
            ]),
          ),
        },
      ],
    });
    process.env.AWS_ENDPOINT_URL_SFN = stepFunctions.endpoint;

    const port = opts.port ?? 3000;
    const endpoints = { dynamodb: db.endpoint, stepfunctions: stepFunctions.endpoint };
    const localRoutes: LocalRoute[] = [
      async (req, res, body, url) => {
        if (req.method === 'GET' && url.pathname === '/health') {
          sendJson(res, 200, { status: 'ok' });
          return true;
        }
        if (req.method === 'GET' && url.pathname === '/local/endpoints') {
          sendJson(res, 200, endpoints);
          return true;
        }
        if (req.method === 'GET' && url.pathname === '/local/outbox') {
          sendJson(res, 200, { items: await outboxNotifier(TABLE_NAME).list() });
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
            sendJson(res, 200, { token: await jwt.issue(parsed.data) });
          }
          return true;
        }
        return false;
      },
      ...(opts.extraRoutes ?? []),
      // Last: the web pages, with the demo users' sign-in, answer every path the API and the local tools do not.
      webRoute({ dataDir }),
    ];
    server = createGateway({
      routes: apiRoutes().map((r) => ({ ...r, handler: handlers[r.name] })),
      jwt,
      localRoutes,
    });
    const boundPort = await listen(server, port);
    const url = `http://127.0.0.1:${boundPort}`;
    process.env.PUBLIC_URL = url;
    resetConfig();
    resetClients();
    resetNotifier();
    resetServices();

    // After a crash: resume interrupted executions, then restart any experiment stored but never started.
    await stepFunctions.recover();
    await services().experiments.resumePendingAssessments();

    const running = { db, stepFunctions, server };
    return {
      url,
      port: boundPort,
      endpoints,
      async stop() {
        await new Promise<void>((done) => {
          running.server.close(() => done());
          running.server.closeAllConnections();
        });
        await running.stepFunctions.stop();
        resetClients();
        await running.db.stop();
      },
    };
  } catch (error) {
    server?.close();
    await stepFunctions?.stop();
    await db?.stop();
    throw error;
  }
};
