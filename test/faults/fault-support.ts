/** Helpers the fault, race and crash tests share: raw reads of the table, the executions and the outbox. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { allExecutions, sfnClient } from '../../bench/workflow-probe.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface Endpoints {
  dynamodb: string;
  stepfunctions: string;
}

export interface StoredExperiment {
  id: string;
  title: string;
  owner: string;
  status: string;
  raisedToLeaders: boolean;
  failure?: unknown;
  decision?: { outcome: string; by: string };
  cycles: { number: number; next: string; assessment?: { decision: string } }[];
  history: { event: string; status: string; by: string }[];
  gsi2pk?: string;
}

/** Every item of the app table whose pk starts with `prefix`, read straight from DynamoDB. */
export const scanItems = async <T = Record<string, unknown>>(
  endpoints: Endpoints,
  prefix: string,
): Promise<T[]> => {
  const raw = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'eu-west-2', credentials });
  const db = DynamoDBDocumentClient.from(raw);
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  try {
    do {
      const out = await db.send(
        new ScanCommand({
          TableName: 'fail-forward',
          FilterExpression: 'begins_with(pk, :p)',
          ExpressionAttributeValues: { ':p': prefix },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((out.Items ?? []) as T[]));
      start = out.LastEvaluatedKey;
    } while (start);
  } finally {
    raw.destroy();
  }
  return items;
};

/** Every experiment item in the app table, with its index keys. */
export const scanExperiments = (endpoints: Endpoints) => scanItems<StoredExperiment>(endpoints, 'EXP#');

/** Counts every item in the app table (Select COUNT over a full scan). */
export const countItems = async (endpoints: Endpoints): Promise<number> => {
  const raw = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'eu-west-2', credentials });
  const db = DynamoDBDocumentClient.from(raw);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  try {
    do {
      const out = await db.send(
        new ScanCommand({ TableName: 'fail-forward', Select: 'COUNT', ExclusiveStartKey: start }),
      );
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
  } finally {
    raw.destroy();
  }
  return count;
};

/** Every execution name of the experiment workflow, through the Step Functions API (ListExecutions). */
export const executionNames = async (endpoints: Endpoints): Promise<string[]> => {
  const sfn = sfnClient(endpoints.stepfunctions);
  try {
    return (await allExecutions(sfn)).map((e) => e.name ?? '');
  } finally {
    sfn.destroy();
  }
};

export interface OutboxEntry {
  dedupeKey: string;
  template: string;
  experimentId: string;
}

export const outbox = async (baseUrl: string): Promise<OutboxEntry[]> => {
  const res = await fetch(`${baseUrl}/local/outbox`);
  return ((await res.json()) as { items: OutboxEntry[] }).items;
};

/** Runs `task` for 0 .. count-1, at most `concurrency` at a time, keeping results in order. */
export const inPool = async <T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> => {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) results[i] = await task(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
};

export const duplicates = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return [...twice];
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
