import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * One client per process, created on first use (Lambda reuses it across invocations).
 * Endpoints come from the SDK's standard AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SFN variables.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let sfnClient: Promise<SFNClient> | undefined;

export const dynamo = (): DynamoDBDocumentClient => {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 5 }), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documentClient;
};

/**
 * The Step Functions API, imported on first use: only the functions that start or answer a workflow
 * need it, and importing it added about 20 ms to every other function's cold start.
 */
export const sfnApi = () => import('@aws-sdk/client-sfn');

export const sfn = (): Promise<SFNClient> => {
  sfnClient ??= sfnApi().then(({ SFNClient }) => new SFNClient({ maxAttempts: 5 }));
  return sfnClient;
};

/** The local runtime starts systems one after another in one process (tests); each gets fresh clients. */
export const resetClients = (): void => {
  documentClient?.destroy();
  void sfnClient?.then((client) => client.destroy());
  documentClient = undefined;
  sfnClient = undefined;
};
