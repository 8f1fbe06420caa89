import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { isConditionalFailure } from './errors.ts';
import type { HistoryEvent } from './history.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** A failed or timed-out callback, or a callback result, replayed through the engine at the task state. */
export type Replay =
  | { kind: 'success'; output: string }
  | { kind: 'failure'; error: string; cause: string }
  | { kind: 'timeout'; error: 'States.Timeout' | 'States.HeartbeatTimeout'; cause: string };

/** Where a run segment starts: enough to run it again after a crash. */
export interface Checkpoint {
  /** The segment's task token, also its identity. */
  token: string;
  state: string;
  /** JSON text of the state's raw input. */
  input: string;
  replay?: Replay;
  /** Retry attempts already spent on `state` (replays only). */
  attempts?: number[];
}

export interface ExecutionRecord {
  executionArn: string;
  smName: string;
  execName: string;
  status: ExecutionStatus;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: number;
  stopDate?: number;
  seg: Checkpoint;
  /** Set when the current segment ended waiting for its token. */
  parkedToken?: string;
}

export interface WaitingRecord {
  token: string;
  executionArn: string;
  stateName: string;
  resource: string;
  /** JSON text of the state's raw input. */
  rawInput: string;
  attempts: number[];
  timeoutAt?: number;
  heartbeatAt?: number;
  heartbeatSeconds?: number;
  /** The execution's own deadline, when its definition sets TimeoutSeconds. */
  executionDeadlineAt?: number;
  dueAt?: number;
}

export interface ExecutionSummary {
  executionArn: string;
  smName: string;
  execName: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
}

export type SegmentEnd =
  | { status: 'SUCCEEDED'; output: string }
  | { status: 'FAILED' | 'TIMED_OUT'; error: string; cause: string }
  | { status: 'PARKED' };

export type ClaimResult = 'claimed' | 'gone';

const BY_STATE_MACHINE = 'by-state-machine';
const RUNNING_INDEX = 'running';
const DUE_INDEX = 'due';
const RUNNING = 'RUNNING';
const DUE = 'DUE';

const executionKey = (smName: string, execName: string) => ({
  pk: `EXECUTION#${smName}#${execName}`,
  sk: 'EXECUTION',
});
const taskKey = (token: string) => ({ pk: `TASK#${token}`, sk: 'TASK' });
const stateMachineKey = (name: string) => ({ pk: `STATE_MACHINE#${name}`, sk: 'STATE_MACHINE' });

/** Everything but the history, which only GetExecutionHistory needs. */
const EXECUTION_FIELDS = [
  'executionArn',
  'smName',
  'execName',
  'status',
  'input',
  'output',
  'error',
  'cause',
  'startDate',
  'stopDate',
  'seg',
  'parkedToken',
];

/** Aliases every attribute name, so DynamoDB's long list of reserved words never matters. */
const aliases = (...attributes: string[]): Record<string, string> =>
  Object.fromEntries(attributes.map((attribute) => [`#${attribute}`, attribute]));

/** The aliases an expression uses, written as `#<attribute name>`. */
const aliasesIn = (...expressions: string[]): Record<string, string> =>
  aliases(
    ...new Set(
      expressions.flatMap((expression) => [...expression.matchAll(/#(\w+)/g)].map((m) => m[1] ?? '')),
    ),
  );

const dueAtOf = (record: WaitingRecord): number | undefined => {
  const deadlines = [record.timeoutAt, record.heartbeatAt, record.executionDeadlineAt].filter(
    (deadline): deadline is number => deadline !== undefined,
  );
  return deadlines.length > 0 ? Math.min(...deadlines) : undefined;
};

const encodeToken = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

export const decodeToken = (token: string): Record<string, unknown> | undefined => {
  try {
    const key: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return typeof key === 'object' && key !== null ? (key as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The service's own table. Key layout (pk / sk):
 * - execution: `EXECUTION#<stateMachine>#<name>` / `EXECUTION`, with its history as a list attribute;
 * - waiting task: `TASK#<token>` / `TASK`;
 * - state machine: `STATE_MACHINE#<name>` / `STATE_MACHINE` (creation date only).
 * Sparse indexes: `by-state-machine` (smKey, startKey) lists executions newest first, `running`
 * (runningKey = RUNNING, executionArn) finds executions to recover, `due` (dueKey = DUE, dueAt) finds
 * waiting tasks whose deadline has passed.
 */
export class Store {
  readonly tableName: string;
  private readonly raw: DynamoDBClient;
  private readonly doc: DynamoDBDocumentClient;

  constructor(opts: { endpoint: string; region: string; tableName: string }) {
    this.tableName = opts.tableName;
    this.raw = new DynamoDBClient({
      endpoint: opts.endpoint,
      region: opts.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    this.doc = DynamoDBDocumentClient.from(this.raw, { marshallOptions: { removeUndefinedValues: true } });
  }

  destroy(): void {
    this.doc.destroy();
    this.raw.destroy();
  }

  async ensureTable(): Promise<void> {
    try {
      await this.raw.send(new DescribeTableCommand({ TableName: this.tableName }));
      return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    try {
      await this.raw.send(
        new CreateTableCommand({
          TableName: this.tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
            { AttributeName: 'smKey', AttributeType: 'S' },
            { AttributeName: 'startKey', AttributeType: 'S' },
            { AttributeName: 'runningKey', AttributeType: 'S' },
            { AttributeName: 'executionArn', AttributeType: 'S' },
            { AttributeName: 'dueKey', AttributeType: 'S' },
            { AttributeName: 'dueAt', AttributeType: 'N' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [
            {
              IndexName: BY_STATE_MACHINE,
              KeySchema: [
                { AttributeName: 'smKey', KeyType: 'HASH' },
                { AttributeName: 'startKey', KeyType: 'RANGE' },
              ],
              Projection: {
                ProjectionType: 'INCLUDE',
                NonKeyAttributes: ['executionArn', 'smName', 'execName', 'status', 'startDate', 'stopDate'],
              },
            },
            {
              IndexName: RUNNING_INDEX,
              KeySchema: [
                { AttributeName: 'runningKey', KeyType: 'HASH' },
                { AttributeName: 'executionArn', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'KEYS_ONLY' },
            },
            {
              IndexName: DUE_INDEX,
              KeySchema: [
                { AttributeName: 'dueKey', KeyType: 'HASH' },
                { AttributeName: 'dueAt', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
        }),
      );
    } catch (error) {
      // Another process created it first.
      if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
    }
  }

  /** Keeps the first creation date across restarts; one write per state machine per start. */
  async registerStateMachine(name: string, now: number): Promise<number> {
    const result = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: stateMachineKey(name),
        UpdateExpression: 'SET #creationDate = if_not_exists(#creationDate, :now)',
        ExpressionAttributeNames: aliases('creationDate'),
        ExpressionAttributeValues: { ':now': now },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Number(result.Attributes?.creationDate ?? now);
  }

  /** The execution's first write: its record, first checkpoint and ExecutionStarted, or nothing. */
  async createExecution(record: ExecutionRecord, started: HistoryEvent): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...executionKey(record.smName, record.execName),
            ...record,
            history: [started],
            smKey: record.smName,
            startKey: `${String(record.startDate).padStart(15, '0')}#${record.execName}`,
            runningKey: RUNNING,
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: aliases('pk'),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalFailure(error)) return false;
      throw error;
    }
  }

  async getExecution(smName: string, execName: string): Promise<ExecutionRecord | undefined> {
    const result = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: executionKey(smName, execName),
        ConsistentRead: true,
        ProjectionExpression: EXECUTION_FIELDS.map((field) => `#${field}`).join(', '),
        ExpressionAttributeNames: aliases(...EXECUTION_FIELDS),
      }),
    );
    return result.Item as ExecutionRecord | undefined;
  }

  async getHistory(smName: string, execName: string): Promise<HistoryEvent[] | undefined> {
    const result = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: executionKey(smName, execName),
        ConsistentRead: true,
        ProjectionExpression: '#history',
        ExpressionAttributeNames: aliases('history'),
      }),
    );
    return result.Item ? ((result.Item.history ?? []) as HistoryEvent[]) : undefined;
  }

  /**
   * The one write at the end of a segment: its history, and either the final status or the parked token.
   * It only applies while the segment is still the execution's current one; otherwise (a callback arrived
   * before the segment finished, or the execution was stopped) only the history is kept, while running.
   */
  async endSegment(
    ref: ExecutionRecord,
    token: string,
    end: SegmentEnd,
    events: HistoryEvent[],
  ): Promise<void> {
    const values: Record<string, unknown> = { ':running': RUNNING, ':token': token, ':events': events };
    let update: string;
    if (end.status === 'PARKED') {
      update = 'SET #history = list_append(#history, :events), #parkedToken = :token';
    } else {
      values[':status'] = end.status;
      values[':stop'] = Date.now();
      update = 'SET #history = list_append(#history, :events), #status = :status, #stopDate = :stop';
      if (end.status === 'SUCCEEDED') {
        values[':output'] = end.output;
        update += ', #output = :output';
      } else {
        values[':error'] = end.error;
        values[':cause'] = end.cause;
        update += ', #error = :error, #cause = :cause';
      }
      update += ' REMOVE #runningKey, #parkedToken';
    }
    const condition = '#status = :running AND #seg.#token = :token';
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: executionKey(ref.smName, ref.execName),
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeNames: aliasesIn(update, condition),
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (!isConditionalFailure(error)) throw error;
      if (events.length > 0) await this.appendHistoryWhileRunning(ref, events);
    }
  }

  private async appendHistoryWhileRunning(ref: ExecutionRecord, events: HistoryEvent[]): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: executionKey(ref.smName, ref.execName),
          UpdateExpression: 'SET #history = list_append(#history, :events)',
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: aliases('status', 'history'),
          ExpressionAttributeValues: { ':running': RUNNING, ':events': events },
        }),
      );
    } catch (error) {
      if (!isConditionalFailure(error)) throw error;
    }
  }

  async putWaiting(record: WaitingRecord): Promise<void> {
    const dueAt = dueAtOf(record);
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...taskKey(record.token), ...record, dueAt, dueKey: dueAt === undefined ? undefined : DUE },
      }),
    );
  }

  async getWaiting(token: string): Promise<WaitingRecord | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: taskKey(token), ConsistentRead: true }),
    );
    return result.Item as WaitingRecord | undefined;
  }

  /** Returns false when the record was already gone (claimed by a callback or a timeout). */
  async deleteWaiting(token: string): Promise<boolean> {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: taskKey(token),
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: aliases('pk'),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Takes a waiting task exactly once and, in the same transaction, makes the next segment the
   * execution's checkpoint, so a crash right after still resumes with the callback's result.
   * `dueBy` (timer claims) also requires the deadline to have passed, so a heartbeat that just arrived wins.
   */
  async claim(
    waiting: WaitingRecord,
    ref: { smName: string; execName: string },
    next: Checkpoint,
    events: HistoryEvent[],
    dueBy?: number,
  ): Promise<ClaimResult> {
    const condition =
      dueBy === undefined ? 'attribute_exists(#pk)' : 'attribute_exists(#pk) AND #dueAt <= :dueBy';
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.tableName,
                Key: taskKey(waiting.token),
                ConditionExpression: condition,
                ...(dueBy === undefined
                  ? { ExpressionAttributeNames: aliases('pk') }
                  : {
                      ExpressionAttributeNames: aliases('pk', 'dueAt'),
                      ExpressionAttributeValues: { ':dueBy': dueBy },
                    }),
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: executionKey(ref.smName, ref.execName),
                UpdateExpression:
                  'SET #seg = :next, #history = list_append(#history, :events) REMOVE #parkedToken',
                ConditionExpression: '#status = :running AND #seg.#token = :token',
                ExpressionAttributeNames: aliases('seg', 'token', 'status', 'history', 'parkedToken'),
                ExpressionAttributeValues: {
                  ':next': next,
                  ':events': events,
                  ':running': RUNNING,
                  ':token': waiting.token,
                },
              },
            },
          ],
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof Error && error.name === 'TransactionCanceledException')) throw error;
      const reasons =
        (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      if (reasons[0]?.Code !== 'ConditionalCheckFailed' && reasons[1]?.Code === 'ConditionalCheckFailed') {
        // The execution moved on without this task (stopped, or a crash left the record behind): drop it,
        // or the timer would find it again forever.
        await this.deleteWaiting(waiting.token);
      }
      return 'gone';
    }
  }

  /** Pushes the heartbeat deadline on; false when the task is no longer waiting. */
  async heartbeat(waiting: WaitingRecord, now: number): Promise<boolean> {
    if (waiting.heartbeatSeconds === undefined) return (await this.getWaiting(waiting.token)) !== undefined;
    const heartbeatAt = now + waiting.heartbeatSeconds * 1000;
    const dueAt = dueAtOf({ ...waiting, heartbeatAt }) ?? heartbeatAt;
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: taskKey(waiting.token),
          UpdateExpression: 'SET #heartbeatAt = :heartbeatAt, #dueAt = :dueAt',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: aliases('heartbeatAt', 'dueAt', 'pk'),
          ExpressionAttributeValues: { ':heartbeatAt': heartbeatAt, ':dueAt': dueAt },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalFailure(error)) return false;
      throw error;
    }
  }

  async dueWaiting(now: number, limit: number): Promise<WaitingRecord[]> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: DUE_INDEX,
        KeyConditionExpression: '#dueKey = :due AND #dueAt <= :now',
        ExpressionAttributeNames: aliases('dueKey', 'dueAt'),
        ExpressionAttributeValues: { ':due': DUE, ':now': now },
        Limit: limit,
      }),
    );
    return (result.Items ?? []) as WaitingRecord[];
  }

  async runningExecutionArns(): Promise<string[]> {
    const arns: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: RUNNING_INDEX,
          KeyConditionExpression: '#runningKey = :running',
          ExpressionAttributeNames: aliases('runningKey'),
          ExpressionAttributeValues: { ':running': RUNNING },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) arns.push(String(item.executionArn));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return arns;
  }

  /** Newest first, like AWS. */
  async listExecutions(
    smName: string,
    opts: { status?: string; maxResults: number; nextToken?: string },
  ): Promise<{ executions: ExecutionSummary[]; nextToken?: string }> {
    const executions: ExecutionSummary[] = [];
    let startKey = opts.nextToken ? decodeToken(opts.nextToken) : undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: BY_STATE_MACHINE,
          KeyConditionExpression: '#smKey = :sm',
          ScanIndexForward: false,
          Limit: opts.maxResults - executions.length,
          ExclusiveStartKey: startKey,
          ...(opts.status
            ? {
                FilterExpression: '#status = :status',
                ExpressionAttributeNames: aliases('smKey', 'status'),
                ExpressionAttributeValues: { ':sm': smName, ':status': opts.status },
              }
            : { ExpressionAttributeNames: aliases('smKey'), ExpressionAttributeValues: { ':sm': smName } }),
        }),
      );
      executions.push(...((page.Items ?? []) as ExecutionSummary[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey && executions.length < opts.maxResults);
    const nextToken = encodeToken(startKey);
    return nextToken ? { executions, nextToken } : { executions };
  }

  /** Closes a running execution as ABORTED and drops any waiting task, in one transaction. */
  async abortExecution(
    ref: ExecutionRecord,
    stopDate: number,
    error: string | undefined,
    cause: string | undefined,
    events: HistoryEvent[],
  ): Promise<boolean> {
    const values: Record<string, unknown> = {
      ':running': RUNNING,
      ':aborted': 'ABORTED',
      ':stop': stopDate,
      ':events': events,
    };
    let update = 'SET #status = :aborted, #stopDate = :stop, #history = list_append(#history, :events)';
    if (error !== undefined) {
      update += ', #error = :error';
      values[':error'] = error;
    }
    if (cause !== undefined) {
      update += ', #cause = :cause';
      values[':cause'] = cause;
    }
    update += ' REMOVE #runningKey, #parkedToken';
    const abort = {
      Update: {
        TableName: this.tableName,
        Key: executionKey(ref.smName, ref.execName),
        UpdateExpression: update,
        ConditionExpression: '#status = :running',
        ExpressionAttributeNames: aliasesIn(update),
        ExpressionAttributeValues: values,
      },
    };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          // The current segment's token: its task may be waiting, or about to (parked or mid-invocation).
          TransactItems: [abort, { Delete: { TableName: this.tableName, Key: taskKey(ref.seg.token) } }],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'TransactionCanceledException') return false;
      throw error;
    }
  }
}
