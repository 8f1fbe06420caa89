import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification, SentNotification } from '../notifications/notifier.ts';
import { accessPatterns, sentNotificationIndexKeys, sentNotificationKey } from './keys.ts';
import { queryIndex } from './query-index.ts';

/**
 * The record of every notification sent, one item per dedupe key. GOV.UK Notify's adapter checks it
 * before sending and writes it after, so a retried workflow step never emails anyone twice; on one
 * machine the outbox adapter only writes it, and `GET /local/outbox` reads it back.
 */
/**
 * A record is needed only while a workflow step could be retried for the same event: a Standard
 * execution lasts a year at most. It holds a person's name and an idea's words, so it goes after that.
 */
const SENT_TTL_SECONDS = 400 * 24 * 3600;

export const sentNotifications = (db: DynamoDBDocumentClient, tableName: string) => ({
  async has(dedupeKey: string): Promise<boolean> {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: sentNotificationKey(dedupeKey), ConsistentRead: true }),
    );
    return out.Item !== undefined;
  },

  async record(notification: Notification): Promise<void> {
    const at = new Date().toISOString();
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...sentNotificationKey(notification.dedupeKey),
            ...sentNotificationIndexKeys(at, notification.dedupeKey),
            ...notification,
            at,
            expiresAt: Math.floor(Date.parse(at) / 1000) + SENT_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      // Already recorded by an earlier attempt of the same step: exactly one message, as intended.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },

  /** Every notification recorded, oldest first. */
  async list(): Promise<SentNotification[]> {
    const messages: SentNotification[] = [];
    for await (const item of queryIndex(db, tableName, accessPatterns.sentNotifications())) {
      const { dedupeKey, template, audience, experimentId, personalisation, at } = item;
      messages.push({ dedupeKey, template, audience, experimentId, personalisation, at } as SentNotification);
    }
    return messages;
  },
});

export type SentNotifications = ReturnType<typeof sentNotifications>;
