/**
 * The floor the function bundles are compared with: a handler that only creates the DynamoDB client,
 * the least any Fail Forward function does at cold start.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async () => ({ statusCode: 200, body: client.config.serviceId });
