import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * One client per process, created on first use (Lambda reuses it across invocations).
 * Endpoints come from the SDK's standard AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SFN variables.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let sfnClient: SFNClient | undefined;

export const dynamo = (): DynamoDBDocumentClient => {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 5 }), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documentClient;
};

export const sfn = (): SFNClient => {
  sfnClient ??= new SFNClient({ maxAttempts: 5 });
  return sfnClient;
};

/** The local runtime starts systems one after another in one process (tests); each gets fresh clients. */
export const resetClients = (): void => {
  documentClient?.destroy();
  sfnClient?.destroy();
  documentClient = undefined;
  sfnClient = undefined;
};
