import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { POLICY_V1, type Policy } from '../domain/card.ts';
import { dynamo } from './clients.ts';
import { currentPolicyKey, policyVersionKey } from './keys.ts';

export class PolicyVersionTaken extends Error {
  override name = 'PolicyVersionTaken';
}

const toPolicy = (item: Record<string, unknown>): Policy => ({
  version: Number(item.version),
  thresholds: item.thresholds as Policy['thresholds'],
  decisionDeadlineDays: Number(item.decisionDeadlineDays),
  publishedBy: String(item.publishedBy),
  publishedAt: String(item.publishedAt),
  reason: String(item.reason),
});

/**
 * Versioned card policy. Version 1 is the printed card and lives in code; later versions are
 * immutable items, and CURRENT points at the newest.
 */
export const policyStore = (tableName: string) => {
  const db = dynamo();
  return {
    async current(): Promise<Policy> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: currentPolicyKey(), ConsistentRead: true }),
      );
      return out.Item ? toPolicy(out.Item) : POLICY_V1;
    },

    async get(version: number): Promise<Policy | undefined> {
      if (version === POLICY_V1.version) return POLICY_V1;
      const out = await db.send(new GetCommand({ TableName: tableName, Key: policyVersionKey(version) }));
      return out.Item ? toPolicy(out.Item) : undefined;
    },

    async all(): Promise<Policy[]> {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
          ExpressionAttributeValues: { ':pk': 'POLICY', ':v': 'V#' },
        }),
      );
      return [POLICY_V1, ...(out.Items ?? []).map(toPolicy)];
    },

    /** Publishes `policy` as the next version; a concurrent publisher of the same number loses. */
    async publish(policy: Policy): Promise<void> {
      const previous = policy.version - 1;
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...policyVersionKey(policy.version), ...policy },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: { ...currentPolicyKey(), ...policy },
                  ConditionExpression:
                    previous === POLICY_V1.version
                      ? 'attribute_not_exists(pk) OR version = :previous'
                      : 'version = :previous',
                  ExpressionAttributeValues: { ':previous': previous },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (
          error instanceof TransactionCanceledException ||
          error instanceof ConditionalCheckFailedException
        ) {
          throw new PolicyVersionTaken(String(policy.version));
        }
        throw error;
      }
    },
  };
};

export type PolicyStore = ReturnType<typeof policyStore>;
