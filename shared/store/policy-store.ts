import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isPolicyReasonCode, POLICY_V1, type Policy } from '../domain/card.ts';
import type { AuditRecord, AuditStore } from './audit-store.ts';
import { currentPolicyKey, policyVersionKey, policyVersionsPrefix } from './keys.ts';
import { type TransactItem, VersionConflict } from './transactions.ts';

export class PolicyVersionTaken extends Error {
  override name = 'PolicyVersionTaken';
}

const isTeamLimits = (value: unknown): value is NonNullable<Policy['teams']> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;

const toPolicy = (item: Record<string, unknown>): Policy => ({
  version: Number(item.version),
  thresholds: item.thresholds as Policy['thresholds'],
  decisionDeadlineDays: Number(item.decisionDeadlineDays),
  publishedBy: String(item.publishedBy),
  publishedAt: String(item.publishedAt),
  reason: String(item.reason),
  ...(item.allowance && typeof item.allowance === 'object'
    ? { allowance: item.allowance as NonNullable<Policy['allowance']> }
    : {}),
  ...(isTeamLimits(item.teams) ? { teams: item.teams } : {}),
  ...(isPolicyReasonCode(item.reasonCode) ? { reasonCode: item.reasonCode } : {}),
});

/**
 * How long a process goes on using the current policy it last read for new submissions. A version
 * published by another process (another Lambda function) applies to new submissions within this time;
 * one published by this process applies at once.
 */
export const CURRENT_POLICY_MAX_AGE_MS = 2_000;

/**
 * Versioned card policy. Version 1 is the printed card and lives in code; later versions are
 * immutable items, and CURRENT points at the newest.
 *
 * Published versions never change, so each is read once per process and kept. The CURRENT pointer is
 * kept for `CURRENT_POLICY_MAX_AGE_MS` for submissions only (`recent`); `current` always reads it.
 */
export const policyStore = (
  db: DynamoDBDocumentClient,
  tableName: string,
  auditTrail: AuditStore,
  opts: { now?: () => number } = {},
) => {
  const clock = opts.now ?? Date.now;
  const versions = new Map<number, Policy>([[POLICY_V1.version, POLICY_V1]]);
  let recent: { policy: Promise<Policy>; readAt: number } | undefined;

  const current = async (): Promise<Policy> => {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: currentPolicyKey(), ConsistentRead: true }),
    );
    const policy = out.Item ? toPolicy(out.Item) : POLICY_V1;
    versions.set(policy.version, policy);
    return policy;
  };

  return {
    current,

    /** The current policy for a new submission: read at most `CURRENT_POLICY_MAX_AGE_MS` ago. */
    async recent(): Promise<Policy> {
      const at = clock();
      if (!recent || at - recent.readAt >= CURRENT_POLICY_MAX_AGE_MS) {
        const read = { policy: current(), readAt: at };
        recent = read;
        // A failed read is not kept: the next submission reads again.
        read.policy.catch(() => {
          if (recent === read) recent = undefined;
        });
      }
      return recent.policy;
    },

    async get(version: number): Promise<Policy | undefined> {
      const known = versions.get(version);
      if (known) return known;
      const out = await db.send(new GetCommand({ TableName: tableName, Key: policyVersionKey(version) }));
      if (!out.Item) return undefined;
      const policy = toPolicy(out.Item);
      versions.set(version, policy);
      return policy;
    },

    async all(): Promise<Policy[]> {
      const versions = policyVersionsPrefix();
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
          ExpressionAttributeValues: { ':pk': versions.pk, ':v': versions.skPrefix },
        }),
      );
      return [POLICY_V1, ...(out.Items ?? []).map(toPolicy)];
    },

    /**
     * Publishes `policy` as the next version, with the audit entry `audit` in the same transaction; a
     * concurrent publisher of the same number loses.
     */
    async publish(policy: Policy, audit: AuditRecord): Promise<void> {
      const previous = policy.version - 1;
      const items: TransactItem[] = [
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
      ];
      try {
        await auditTrail.transact(items, audit);
      } catch (error) {
        if (error instanceof VersionConflict) throw new PolicyVersionTaken(String(policy.version));
        throw error;
      }
      // New submissions in this process use it at once.
      versions.set(policy.version, policy);
      recent = { policy: Promise.resolve(policy), readAt: clock() };
    },
  };
};

export type PolicyStore = ReturnType<typeof policyStore>;
