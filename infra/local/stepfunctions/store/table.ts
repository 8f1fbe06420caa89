import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const BY_STATE_MACHINE = 'by-state-machine';
export const RUNNING_INDEX = 'running';
export const DUE_INDEX = 'due';
export const RUNNING = 'RUNNING';
export const DUE = 'DUE';

/*
 * The service's own table. Key layout (pk / sk):
 * - execution: `EXECUTION#<stateMachine>#<name>` / `EXECUTION`, with its history as a list attribute;
 * - waiting task: `TASK#<token>` / `TASK`;
 * - state machine: `STATE_MACHINE#<name>` / `STATE_MACHINE` (creation date only).
 * Sparse indexes: `by-state-machine` (smKey, startKey) lists executions newest first, `running`
 * (runningKey = RUNNING, executionArn) finds executions to recover, `due` (dueKey = DUE, dueAt) finds
 * waiting tasks whose deadline has passed.
 */
export const executionKey = (smName: string, execName: string) => ({
  pk: `EXECUTION#${smName}#${execName}`,
  sk: 'EXECUTION',
});
export const taskKey = (token: string) => ({ pk: `TASK#${token}`, sk: 'TASK' });
export const stateMachineKey = (name: string) => ({ pk: `STATE_MACHINE#${name}`, sk: 'STATE_MACHINE' });

/** Aliases every attribute name, so DynamoDB's long list of reserved words never matters. */
export const aliases = (...attributes: string[]): Record<string, string> =>
  Object.fromEntries(attributes.map((attribute) => [`#${attribute}`, attribute]));

/** The aliases an expression uses, written as `#<attribute name>`. */
export const aliasesIn = (...expressions: string[]): Record<string, string> =>
  aliases(
    ...new Set(
      expressions.flatMap((expression) => [...expression.matchAll(/#(\w+)/g)].map((m) => m[1] ?? '')),
    ),
  );

/** Opaque tokens (page tokens, task tokens) are base64url JSON. */
export const encodeToken = (value: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

export const decodeToken = (token: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** The table and its clients, shared by the execution and waiting-task stores. */
export class Table {
  readonly name: string;
  readonly raw: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;

  constructor(opts: { endpoint: string; region: string; tableName: string }) {
    this.name = opts.tableName;
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

  async ensure(): Promise<void> {
    try {
      await this.raw.send(new DescribeTableCommand({ TableName: this.name }));
      return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    try {
      await this.raw.send(
        new CreateTableCommand({
          TableName: this.name,
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
}
