/**
 * What erasure keeps: that a person was erased (so that no change can name them afterwards, see
 * experiment-store.ts) and each request's reason and who made it, for accountability. Both hold the
 * person's id only, which the audit trail keeps anyway, and expire with the audit trail.
 */
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { retainUntil } from '../domain/retention.ts';
import { erasedKey, erasureRequestKey } from './keys.ts';

export interface ErasureRequestRecord {
  person: string;
  by: string;
  at: string;
  reason: string;
}

export const erasureStore = (
  db: DynamoDBDocumentClient,
  tableName: string,
  opts: { retentionMonths: number },
) => ({
  /** Whether the person was ever erased: a consistent read, unlike the indexes that find their records. */
  async wasErased(personId: string): Promise<boolean> {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: erasedKey(personId), ConsistentRead: true }),
    );
    return out.Item !== undefined;
  },

  /** Marks the person erased (first) and records this request, in one write. */
  async markErased(request: ErasureRequestRecord): Promise<void> {
    const expiresAt = Math.floor(
      Date.parse(retainUntil(request.at, { months: opts.retentionMonths })) / 1000,
    );
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: erasedKey(request.person),
              UpdateExpression:
                'SET personId = :person, firstAt = if_not_exists(firstAt, :at), expiresAt = :ttl',
              ExpressionAttributeValues: { ':person': request.person, ':at': request.at, ':ttl': expiresAt },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { ...erasureRequestKey(request.person, request.at), ...request, expiresAt },
            },
          },
        ],
      }),
    );
  },
});

export type ErasureStore = ReturnType<typeof erasureStore>;
