import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { conditionMet } from '../errors.ts';
import type { HistoryEvent } from '../history.ts';
import type { ExecutionRecord, ExecutionSummary, SegmentEnd } from './records.ts';
import {
  aliases,
  aliasesIn,
  BY_STATE_MACHINE,
  decodeToken,
  encodeToken,
  executionKey,
  RUNNING,
  RUNNING_INDEX,
  stateMachineKey,
  type Table,
  taskKey,
} from './table.ts';

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

/** Executions (record, checkpoint and history) and state machines' creation dates. */
export class ExecutionStore {
  private readonly table: Table;

  constructor(table: Table) {
    this.table = table;
  }

  /** Keeps the first creation date across restarts; one write per state machine per start. */
  async registerStateMachine(name: string, now: number): Promise<number> {
    const result = await this.table.doc.send(
      new UpdateCommand({
        TableName: this.table.name,
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
  async create(record: ExecutionRecord, started: HistoryEvent): Promise<boolean> {
    return conditionMet(
      this.table.doc.send(
        new PutCommand({
          TableName: this.table.name,
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
      ),
    );
  }

  async get(smName: string, execName: string): Promise<ExecutionRecord | undefined> {
    const result = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.name,
        Key: executionKey(smName, execName),
        ConsistentRead: true,
        ProjectionExpression: EXECUTION_FIELDS.map((field) => `#${field}`).join(', '),
        ExpressionAttributeNames: aliases(...EXECUTION_FIELDS),
      }),
    );
    return result.Item as ExecutionRecord | undefined;
  }

  async history(smName: string, execName: string): Promise<HistoryEvent[] | undefined> {
    const result = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.name,
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
    const written = await conditionMet(
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: executionKey(ref.smName, ref.execName),
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeNames: aliasesIn(update, condition),
          ExpressionAttributeValues: values,
        }),
      ),
    );
    if (!written && events.length > 0) await this.appendHistoryWhileRunning(ref, events);
  }

  private async appendHistoryWhileRunning(ref: ExecutionRecord, events: HistoryEvent[]): Promise<void> {
    await conditionMet(
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: executionKey(ref.smName, ref.execName),
          UpdateExpression: 'SET #history = list_append(#history, :events)',
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: aliases('status', 'history'),
          ExpressionAttributeValues: { ':running': RUNNING, ':events': events },
        }),
      ),
    );
  }

  async runningArns(): Promise<string[]> {
    const arns: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.name,
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
  async list(
    smName: string,
    opts: { status?: string; maxResults: number; nextToken?: string },
  ): Promise<{ executions: ExecutionSummary[]; nextToken?: string }> {
    const executions: ExecutionSummary[] = [];
    let startKey = opts.nextToken ? decodeToken(opts.nextToken) : undefined;
    do {
      const page = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.name,
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
    return startKey ? { executions, nextToken: encodeToken(startKey) } : { executions };
  }

  /** Closes a running execution as ABORTED and drops any waiting task, in one transaction. */
  async abort(
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
        TableName: this.table.name,
        Key: executionKey(ref.smName, ref.execName),
        UpdateExpression: update,
        ConditionExpression: '#status = :running',
        ExpressionAttributeNames: aliasesIn(update),
        ExpressionAttributeValues: values,
      },
    };
    try {
      await this.table.doc.send(
        new TransactWriteCommand({
          // The current segment's token: its task may be waiting, or about to (parked or mid-invocation).
          TransactItems: [abort, { Delete: { TableName: this.table.name, Key: taskKey(ref.seg.token) } }],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'TransactionCanceledException') return false;
      throw error;
    }
  }
}
