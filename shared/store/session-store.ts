/**
 * Web sessions, kept on the server: one item per session, so that signing out, a leader ending someone's
 * sessions, or erasure really ends them. The browser's cookie holds only the session's sealed id; the
 * person, the CSRF token and what the identity provider gave for refreshing the person (a Cognito
 * refresh token) never leave the table. Each item expires by TTL at the session's absolute timeout.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../domain/roles.ts';
import { accessPatterns, sessionIndexKeys, sessionKey } from './keys.ts';
import { countIndex } from './query-index.ts';

/** The person a session is for, as the identity provider last described them. */
export interface SessionPerson extends Actor {
  name: string;
}

/** What a sign-in adapter keeps to refresh the person later (a Cognito refresh token). Opaque here. */
export type SessionGrant = Readonly<Record<string, string>>;

/**
 * An idea being written, kept between the steps of "Submit an idea" (the pages decide its fields and
 * keep only answers that passed their step's checks). Once submitted it keeps only the experiment's id,
 * so a second click on "Submit" finds the same idea.
 */
export interface SessionDraft {
  /** The Idempotency-Key the submission will carry. */
  key: string;
  values: Readonly<Record<string, string>>;
  submittedId?: string;
}

/**
 * The largest draft a session item keeps, in bytes as DynamoDB counts them (UTF-8 of names and values):
 * the idea form's longest answers (a title, a problem, four test-plan answers and the card, about 7,000
 * characters) fit even at 4 bytes a character, and the whole item stays far below DynamoDB's 400 KB.
 */
export const MAX_DRAFT_BYTES = 32_768;

/** A draft's size as DynamoDB counts it. */
export const draftBytes = (draft: SessionDraft): number =>
  Object.entries(draft.values).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value),
    Buffer.byteLength(draft.key) + Buffer.byteLength(draft.submittedId ?? ''),
  );

export class DraftTooLarge extends Error {
  override name = 'DraftTooLarge';
}

export interface StoredSession {
  /** Random, 256 bits, base64url. */
  id: string;
  user: SessionPerson;
  /** The synchroniser token every POST form of this session carries. */
  csrf: string;
  /** Epoch milliseconds: when the session began; the absolute timeout runs from here. */
  createdAt: number;
  /** Epoch milliseconds: when the session was last used, to the minute (see `touch`). */
  seenAt: number;
  /** Epoch milliseconds: when the person was last read from the identity provider. */
  refreshedAt: number;
  /** Epoch milliseconds: the absolute end. The item's TTL is written from it. */
  endsAt: number;
  grant?: SessionGrant | undefined;
  draft?: SessionDraft | undefined;
}

/** A session as the leaders' "People signed in" page sees it: no token, no grant. */
export type SessionSummary = Pick<StoredSession, 'id' | 'user' | 'createdAt' | 'seenAt' | 'endsAt'>;

export interface SessionStore {
  create(session: StoredSession): Promise<void>;
  get(id: string): Promise<StoredSession | undefined>;
  /** Moves last-seen on. False when the session no longer exists: it was ended meanwhile. */
  touch(id: string, seenAt: number): Promise<boolean>;
  /** Keeps the person as the identity provider now describes them. False when the session no longer exists. */
  refreshed(
    id: string,
    change: { user: SessionPerson; grant?: SessionGrant | undefined; refreshedAt: number; seenAt: number },
  ): Promise<boolean>;
  delete(id: string): Promise<void>;
  /** Keeps the idea being written, or forgets it (undefined). False when the session no longer exists. */
  saveDraft(id: string, draft: SessionDraft | undefined): Promise<boolean>;
  /**
   * Ends every session of one person at once (someone leaves, a device is lost, and erasure): the
   * number there were. A session begun in the last second may not be found yet (the index follows the
   * table within about a second).
   */
  endSessionsOf(personId: string): Promise<number>;
  /** Sessions not past their absolute end, newest first. */
  list(now: number): Promise<SessionSummary[]>;
}

/** How many pages of sessions the leaders' list reads at most (each up to 1 MB). */
const MAX_LIST_PAGES = 10;

const ttlSeconds = (ms: number) => Math.ceil(ms / 1000);

const isPerson = (value: unknown): value is SessionPerson => {
  const person = value as Partial<SessionPerson> | undefined;
  return (
    typeof person?.id === 'string' &&
    typeof person.name === 'string' &&
    typeof person.team === 'string' &&
    Array.isArray(person.roles)
  );
};

const isDraft = (value: unknown): value is SessionDraft => {
  const draft = value as Partial<SessionDraft> | undefined;
  return (
    typeof draft?.key === 'string' &&
    typeof draft.values === 'object' &&
    draft.values !== null &&
    Object.values(draft.values).every((v) => typeof v === 'string') &&
    (draft.submittedId === undefined || typeof draft.submittedId === 'string')
  );
};

const toSession = (item: Record<string, unknown> | undefined): StoredSession | undefined => {
  if (!item || typeof item.id !== 'string' || !isPerson(item.user) || typeof item.csrf !== 'string')
    return undefined;
  const grant = item.grant as SessionGrant | undefined;
  return {
    ...(isDraft(item.draft) ? { draft: item.draft } : {}),
    id: item.id,
    user: item.user,
    csrf: item.csrf,
    createdAt: Number(item.createdAt),
    seenAt: Number(item.seenAt),
    refreshedAt: Number(item.refreshedAt),
    endsAt: Number(item.endsAt),
    ...(grant ? { grant } : {}),
  };
};

const onlyIfThere = async (write: Promise<unknown>): Promise<boolean> => {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

export const sessionStore = (db: DynamoDBDocumentClient, tableName: string): SessionStore => {
  const query = async (
    pattern: { index: { name: string; partitionKey: string }; pk: string },
    opts: {
      newestFirst?: boolean;
      projection: string;
      names?: Record<string, string>;
      filter?: { expression: string; values: object };
    },
    maxPages: number,
  ): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    for (let page = 0; page < maxPages; page++) {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: pattern.index.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': pattern.index.partitionKey, ...opts.names },
          ExpressionAttributeValues: { ':pk': pattern.pk, ...opts.filter?.values },
          ...(opts.filter ? { FilterExpression: opts.filter.expression } : {}),
          ProjectionExpression: opts.projection,
          ScanIndexForward: !opts.newestFirst,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
      if (!start) break;
    }
    return items;
  };

  const remove = (key: { pk: unknown; sk: unknown }) =>
    onlyIfThere(
      db.send(
        new DeleteCommand({ TableName: tableName, Key: key, ConditionExpression: 'attribute_exists(pk)' }),
      ),
    );

  return {
    async create(session) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...sessionKey(session.id),
            ...sessionIndexKeys({
              id: session.id,
              userId: session.user.id,
              createdAt: new Date(session.createdAt).toISOString(),
            }),
            ...session,
            user: { ...session.user, roles: [...session.user.roles] },
            expiresAt: ttlSeconds(session.endsAt),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async get(id) {
      // Consistent: the request right after signing in must find the session it just made.
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: sessionKey(id), ConsistentRead: true }),
      );
      return toSession(out.Item);
    },

    touch: (id, seenAt) =>
      onlyIfThere(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: sessionKey(id),
            UpdateExpression: 'SET seenAt = :seenAt',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':seenAt': seenAt },
          }),
        ),
      ),

    refreshed: (id, change) =>
      onlyIfThere(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: sessionKey(id),
            UpdateExpression: change.grant
              ? 'SET #user = :user, refreshedAt = :refreshedAt, seenAt = :seenAt, #grant = :grant'
              : 'SET #user = :user, refreshedAt = :refreshedAt, seenAt = :seenAt',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#user': 'user', ...(change.grant ? { '#grant': 'grant' } : {}) },
            ExpressionAttributeValues: {
              ':user': { ...change.user, roles: [...change.user.roles] },
              ':refreshedAt': change.refreshedAt,
              ':seenAt': change.seenAt,
              ...(change.grant ? { ':grant': change.grant } : {}),
            },
          }),
        ),
      ),

    async delete(id) {
      await remove(sessionKey(id));
    },

    saveDraft: (id, draft) => {
      if (draft && draftBytes(draft) > MAX_DRAFT_BYTES) {
        return Promise.reject(new DraftTooLarge(`A draft is kept up to ${MAX_DRAFT_BYTES} bytes`));
      }
      return onlyIfThere(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: sessionKey(id),
            UpdateExpression: draft ? 'SET #draft = :draft' : 'REMOVE #draft',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#draft': 'draft' },
            ...(draft ? { ExpressionAttributeValues: { ':draft': draft } } : {}),
          }),
        ),
      );
    },

    async endSessionsOf(personId) {
      const found = await query(accessPatterns.personSessions(personId), { projection: 'pk, sk' }, 100);
      const ended = await Promise.all(found.map((item) => remove({ pk: item.pk, sk: item.sk })));
      return ended.filter(Boolean).length;
    },

    async list(now) {
      const items = await query(
        accessPatterns.allSessions(),
        {
          newestFirst: true,
          projection: '#id, #user, createdAt, seenAt, endsAt',
          names: { '#id': 'id', '#user': 'user' },
          filter: { expression: 'endsAt > :now', values: { ':now': now } },
        },
        MAX_LIST_PAGES,
      );
      return items.flatMap((item) =>
        typeof item.id === 'string' && isPerson(item.user)
          ? [
              {
                id: item.id,
                user: item.user,
                createdAt: Number(item.createdAt),
                seenAt: Number(item.seenAt),
                endsAt: Number(item.endsAt),
              },
            ]
          : [],
      );
    },
  };
};

/** How many sessions a person has (subject access): a count on the index, no session is read whole. */
export const countSessionsOf = (
  db: DynamoDBDocumentClient,
  tableName: string,
  personId: string,
): Promise<number> => countIndex(db, tableName, accessPatterns.personSessions(personId));
