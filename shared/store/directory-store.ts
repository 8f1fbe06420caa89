/**
 * The people directory: one small item per person the service has seen (`id`, `name`, `team`,
 * `groups`, `lastSeenAt`), in one partition, and managers also on an index by team. It is refreshed by
 * every sign-in and API call, but written only when it is stale or the person changed: the put is
 * conditional on that, so a busy person costs a write at most once per `staleAfterMs`, whatever the
 * number of processes (and the directory service keeps each process from even trying more often).
 */
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DirectoryEntry } from '../domain/cover.ts';
import { accessPatterns, directoryKey, managerIndexKeys, managersOfTeamPrefix } from './keys.ts';
import { readIndex } from './query-index.ts';
import { isConditionFailure } from './transactions.ts';

/** A person not seen for this long leaves the directory by itself (DynamoDB's TTL). */
const FORGET_AFTER_SECONDS = 400 * 24 * 3600;

/** What makes an entry different, besides when the person was seen. */
export const fingerprint = (entry: Pick<DirectoryEntry, 'name' | 'team' | 'groups'>): string =>
  JSON.stringify([entry.name, entry.team, [...entry.groups].sort()]);

const toEntry = (item: Record<string, unknown>): DirectoryEntry => ({
  id: String(item.id),
  name: String(item.name),
  team: String(item.team),
  groups: Array.isArray(item.groups) ? item.groups.map(String) : [],
  lastSeenAt: String(item.lastSeenAt),
});

export const directoryStore = (db: DynamoDBDocumentClient, tableName: string) => {
  const query = (prefix: string | undefined): Promise<DirectoryEntry[]> =>
    readIndex(
      db,
      tableName,
      accessPatterns.managers(),
      prefix === undefined ? undefined : { beginsWith: prefix },
      toEntry,
    );

  return {
    /**
     * Records that the person was seen at `entry.lastSeenAt`, unless their entry says the same and was
     * written after `staleBefore`. True when it wrote.
     */
    async seen(entry: DirectoryEntry, staleBefore: string): Promise<boolean> {
      const manager = entry.groups.includes('manager');
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...directoryKey(entry.id),
              ...(manager ? managerIndexKeys(entry) : {}),
              ...entry,
              groups: [...entry.groups],
              fingerprint: fingerprint(entry),
              expiresAt: Math.floor(Date.parse(entry.lastSeenAt) / 1000) + FORGET_AFTER_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(pk) OR lastSeenAt < :stale OR fingerprint <> :fp',
            ExpressionAttributeValues: { ':stale': staleBefore, ':fp': fingerprint(entry) },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** One person's entry, read consistently. */
    async get(personId: string): Promise<DirectoryEntry | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: directoryKey(personId), ConsistentRead: true }),
      );
      return out.Item ? toEntry(out.Item) : undefined;
    },

    /** Managers in the directory, by team; one team's when `team` is given. */
    managers: (team?: string): Promise<DirectoryEntry[]> =>
      query(team === undefined ? undefined : managersOfTeamPrefix(team)),

    /** Removes the person's entry (erasure). True when there was one. */
    async remove(personId: string): Promise<boolean> {
      const out = await db.send(
        new DeleteCommand({ TableName: tableName, Key: directoryKey(personId), ReturnValues: 'ALL_OLD' }),
      );
      return out.Attributes !== undefined;
    },
  };
};

export type DirectoryStore = ReturnType<typeof directoryStore>;
