/**
 * Manager cover in the table. Each cover is an item of its own, on three indexes: by the manager who
 * covers (what their requests read), by who set it (governance), and all together (leaders). Each team
 * also has one item holding its cover not yet over and a version: setting or ending cover rewrites it on
 * condition that the version is still the one read, so two overlapping covers set at once cannot both
 * be stored (the overlap is checked against a consistent read, never an index).
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Cover, coverPeriod } from '../domain/cover.ts';
import type { AuditRecord, AuditStore } from './audit-store.ts';
import {
  type AccessPattern,
  accessPatterns,
  coverIndexKeys,
  coverKey,
  erasedKey,
  teamCoverKey,
} from './keys.ts';
import { readIndex } from './query-index.ts';
import {
  ActionsLost,
  lostActions,
  PersonErased,
  type TransactItem,
  VersionConflict,
} from './transactions.ts';

/** Cover as stored and as the API returns it. */
export interface StoredCover extends Cover {
  coverByName: string;
  /** Who set it; null once they were erased. */
  setBy: string | null;
  setByName: string | null;
  setAt: string;
  /** Who ended it early. */
  endedBy?: string | null;
}

/** A team's cover not yet over, and the version its next change must find. */
export interface TeamCover {
  team: string;
  version: number;
  covers: Cover[];
}

/** Cover items go a year after their last day: the decisions made under them keep `asCoverFor`. */
const KEEP_AFTER_SECONDS = 365 * 24 * 3600;

const STORAGE = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
  'expiresAt',
]);

const toCover = (item: Record<string, unknown>): StoredCover => {
  const cover: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (!STORAGE.has(key)) cover[key] = value;
  return cover as unknown as StoredCover;
};

/** The domain's fields and the cover manager's name (whom notifications address): what the team item keeps. */
const brief = (cover: Cover & { coverByName?: string }): Cover & { coverByName?: string } => ({
  id: cover.id,
  team: cover.team,
  coverBy: cover.coverBy,
  from: cover.from,
  to: cover.to,
  ...(cover.endedAt === undefined ? {} : { endedAt: cover.endedAt }),
  ...(cover.coverByName === undefined ? {} : { coverByName: cover.coverByName }),
});

export const coverStore = (db: DynamoDBDocumentClient, tableName: string, audit: AuditStore) => {
  const coverItem = (cover: StoredCover) => ({
    ...coverKey(cover.id),
    ...coverIndexKeys(cover),
    ...cover,
    expiresAt: Math.floor(coverPeriod(cover).end.getTime() / 1000) + KEEP_AFTER_SECONDS,
  });

  /** The team item written on condition nobody changed it since `team` was read. */
  const teamPut = (team: TeamCover, covers: Cover[], at: Date): TransactItem => ({
    Put: {
      TableName: tableName,
      Item: {
        ...teamCoverKey(team.team),
        team: team.team,
        version: team.version + 1,
        // Cover that is over is of no use to the overlap check: the item stays small.
        covers: covers.filter((c) => coverPeriod(c).end.getTime() > at.getTime()).map(brief),
      },
      ...(team.version === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': team.version },
          }),
    },
  });

  const notErased = (person: string): TransactItem => ({
    ConditionCheck: {
      TableName: tableName,
      Key: erasedKey(person),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });

  /** Writes `items` with the audit entry; a lost erased check is `PersonErased`, any other loss a conflict. */
  const commit = async (items: TransactItem[], record: AuditRecord, erasedChecks: number[]) => {
    try {
      await audit.transact(items, record);
    } catch (error) {
      const lost = error instanceof ActionsLost ? error.lost : lostActions(error);
      if (lost.some((index) => erasedChecks.includes(index))) throw new PersonErased(record.target ?? '');
      if (lost.length > 0) throw new VersionConflict(record.target ?? 'cover');
      throw error;
    }
  };

  const query = (pattern: AccessPattern, fromDate: string | undefined): Promise<StoredCover[]> =>
    readIndex(db, tableName, pattern, fromDate === undefined ? undefined : { from: fromDate }, toCover);

  return {
    async get(id: string): Promise<StoredCover | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: coverKey(id), ConsistentRead: true }),
      );
      return out.Item ? toCover(out.Item) : undefined;
    },

    /** The team's cover not yet over, read consistently, with the version a change must find. */
    async team(team: string): Promise<TeamCover> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: teamCoverKey(team), ConsistentRead: true }),
      );
      if (!out.Item) return { team, version: 0, covers: [] };
      const covers = Array.isArray(out.Item.covers) ? (out.Item.covers as Cover[]) : [];
      return { team, version: Number(out.Item.version), covers };
    },

    /**
     * Stores new cover, the team's item and the audit entry in one transaction. `VersionConflict` when
     * the team's cover changed since it was read (check again), `PersonErased` when either person named
     * was erased meanwhile.
     */
    async set(cover: StoredCover, team: TeamCover, record: AuditRecord, at: Date): Promise<void> {
      const people = [...new Set([cover.coverBy, ...(cover.setBy === null ? [] : [cover.setBy])])];
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: coverItem(cover),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        teamPut(team, [...team.covers, cover], at),
        ...people.map(notErased),
      ];
      await commit(
        items,
        record,
        people.map((_, i) => i + 2),
      );
    },

    /** Ends cover early: its item and the team's, with the audit entry, in one transaction. */
    async end(cover: StoredCover, team: TeamCover, ended: { at: Date; by: string }, record: AuditRecord) {
      const endedAt = ended.at.toISOString();
      const items: TransactItem[] = [
        {
          Update: {
            TableName: tableName,
            Key: coverKey(cover.id),
            UpdateExpression: 'SET endedAt = :at, endedBy = :by',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(endedAt)',
            ExpressionAttributeValues: { ':at': endedAt, ':by': ended.by },
          },
        },
        teamPut(
          team,
          team.covers.map((c) => (c.id === cover.id ? { ...c, endedAt } : c)),
          ended.at,
        ),
      ];
      await commit(items, record, []);
      return { ...cover, endedAt, endedBy: ended.by };
    },

    /** Cover that `personId` gives whose last day is `fromDate` or later (an index: eventually consistent). */
    coveredBy: (personId: string, fromDate: string) => query(accessPatterns.coversBy(personId), fromDate),

    /** Every cover whose last day is `fromDate` or later. */
    all: (fromDate: string) => query(accessPatterns.allCovers(), fromDate),

    /** Every cover that names the person, as the cover manager or as who set it (governance). */
    async naming(personId: string): Promise<StoredCover[]> {
      const [by, set] = await Promise.all([
        query(accessPatterns.coversBy(personId), undefined),
        query(accessPatterns.coversSetBy(personId), undefined),
      ]);
      const byId = new Map([...by, ...set].map((c) => [c.id, c]));
      return [...byId.values()];
    },

    /**
     * Deletes a cover and takes it out of its team's item (erasure of the cover manager: cover by
     * someone erased is no cover). `VersionConflict` when the team's item changed since it was read.
     */
    async remove(cover: StoredCover, team: TeamCover, at: Date): Promise<void> {
      const items: TransactItem[] = [
        { Delete: { TableName: tableName, Key: coverKey(cover.id) } },
        teamPut(
          team,
          team.covers.filter((c) => c.id !== cover.id),
          at,
        ),
      ];
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (error) {
        if (lostActions(error).length > 0) throw new VersionConflict(cover.id);
        throw error;
      }
    },

    /** Takes who set it out of a cover (erasure of that person); the cover itself goes on. */
    async forgetSetter(id: string): Promise<void> {
      await db
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: coverKey(id),
            UpdateExpression: 'SET setBy = :null, setByName = :null REMOVE gsi4pk, gsi4sk',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':null': null },
          }),
        )
        .catch((error: unknown) => {
          if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
        });
    },
  };
};

export type CoverStore = ReturnType<typeof coverStore>;
