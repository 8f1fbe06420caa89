import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { conditionMet } from '../errors.ts';
import type { HistoryEvent } from '../history.ts';
import type { Checkpoint, ClaimResult, WaitingRecord } from './records.ts';
import { aliases, DUE, DUE_INDEX, executionKey, RUNNING, type Table, taskKey } from './table.ts';

const dueAtOf = (record: WaitingRecord): number | undefined => {
  const deadlines = [record.timeoutAt, record.heartbeatAt, record.executionDeadlineAt].filter(
    (deadline): deadline is number => deadline !== undefined,
  );
  return deadlines.length > 0 ? Math.min(...deadlines) : undefined;
};

/**
 * Tasks waiting for their token. Each record carries its earliest deadline as `dueAt` in the sparse `due`
 * index, so deadlines live in the table and survive a restart.
 */
export class WaitStore {
  private readonly table: Table;

  constructor(table: Table) {
    this.table = table;
  }

  async put(record: WaitingRecord): Promise<void> {
    const dueAt = dueAtOf(record);
    await this.table.doc.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...taskKey(record.token), ...record, dueAt, dueKey: dueAt === undefined ? undefined : DUE },
      }),
    );
  }

  async get(token: string): Promise<WaitingRecord | undefined> {
    const result = await this.table.doc.send(
      new GetCommand({ TableName: this.table.name, Key: taskKey(token), ConsistentRead: true }),
    );
    return result.Item as WaitingRecord | undefined;
  }

  /** Returns false when the record was already gone (claimed by a callback or a timeout). */
  async delete(token: string): Promise<boolean> {
    return conditionMet(
      this.table.doc.send(
        new DeleteCommand({
          TableName: this.table.name,
          Key: taskKey(token),
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: aliases('pk'),
        }),
      ),
    );
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
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.table.name,
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
                TableName: this.table.name,
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
        await this.delete(waiting.token);
      }
      return 'gone';
    }
  }

  /** Pushes the heartbeat deadline on; false when the task is no longer waiting. */
  async heartbeat(waiting: WaitingRecord, now: number): Promise<boolean> {
    if (waiting.heartbeatSeconds === undefined) return (await this.get(waiting.token)) !== undefined;
    const heartbeatAt = now + waiting.heartbeatSeconds * 1000;
    const dueAt = dueAtOf({ ...waiting, heartbeatAt }) ?? heartbeatAt;
    return conditionMet(
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: taskKey(waiting.token),
          UpdateExpression: 'SET #heartbeatAt = :heartbeatAt, #dueAt = :dueAt',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: aliases('heartbeatAt', 'dueAt', 'pk'),
          ExpressionAttributeValues: { ':heartbeatAt': heartbeatAt, ':dueAt': dueAt },
        }),
      ),
    );
  }

  async due(now: number, limit: number): Promise<WaitingRecord[]> {
    const result = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: DUE_INDEX,
        KeyConditionExpression: '#dueKey = :due AND #dueAt <= :now',
        ExpressionAttributeNames: aliases('dueKey', 'dueAt'),
        ExpressionAttributeValues: { ':due': DUE, ':now': now },
        Limit: limit,
      }),
    );
    return (result.Items ?? []) as WaitingRecord[];
  }
}
