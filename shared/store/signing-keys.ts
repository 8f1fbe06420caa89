import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type SigningKeyPurpose, signingKeyKey } from './keys.ts';

/**
 * Secret keys the application makes for itself: 32 random bytes, kept in an item of the table, made by
 * whichever process needs one first (a conditional put, so two processes at once still agree on one) and
 * then kept per process. Why the table and not configuration: the key then exists wherever the table
 * does, in AWS and on one machine alike, with no secret to create before a deploy, to pass in or to ask
 * where the code runs; anyone who can read it can read the table itself, so it guards nothing that the
 * table's own access control does not. The functions that only read the table may write this one item
 * (see `signsCursors` in functions/registry.ts).
 */
export const signingKeys = (db: DynamoDBDocumentClient, tableName: string) => {
  const kept = new Map<SigningKeyPurpose, Promise<Buffer>>();

  const read = async (purpose: SigningKeyPurpose): Promise<Buffer | undefined> => {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: signingKeyKey(purpose), ConsistentRead: true }),
    );
    return typeof out.Item?.secret === 'string' ? Buffer.from(out.Item.secret, 'base64') : undefined;
  };

  const make = async (purpose: SigningKeyPurpose): Promise<Buffer> => {
    const found = await read(purpose);
    if (found) return found;
    const secret = randomBytes(32);
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...signingKeyKey(purpose), secret: secret.toString('base64') },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return secret;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Another process made it between our read and our put: theirs is the key.
      const theirs = await read(purpose);
      if (!theirs) throw error;
      return theirs;
    }
  };

  return {
    get(purpose: SigningKeyPurpose): Promise<Buffer> {
      let key = kept.get(purpose);
      if (!key) {
        key = make(purpose);
        kept.set(purpose, key);
        // A failed read is not kept: the next request tries again.
        key.catch(() => kept.delete(purpose));
      }
      return key;
    },
  };
};

export type SigningKeys = ReturnType<typeof signingKeys>;
