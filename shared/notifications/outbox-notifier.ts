import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../store/clients.ts';
import { accessPatterns, outboxIndexKeys, outboxKey } from '../store/keys.ts';
import { queryIndex } from '../store/query-index.ts';
import type { Notification, Notifier, OutboxMessage } from './notifier.ts';

/** Records each message in the table instead of sending it; `GET /local/outbox` reads them back. */
export const outboxNotifier = (
  tableName: string,
): Notifier & { list(): Promise<OutboxMessage[]>; has(dedupeKey: string): Promise<boolean> } => ({
  async has(dedupeKey: string) {
    const out = await dynamo().send(
      new GetCommand({ TableName: tableName, Key: outboxKey(dedupeKey), ConsistentRead: true }),
    );
    return out.Item !== undefined;
  },

  async send(notification: Notification) {
    const at = new Date().toISOString();
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...outboxKey(notification.dedupeKey),
            ...outboxIndexKeys(at, notification.dedupeKey),
            ...notification,
            at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      // Already recorded by an earlier attempt of the same step: exactly one message, as intended.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },

  async list() {
    const messages: OutboxMessage[] = [];
    for await (const item of queryIndex(tableName, accessPatterns.outbox())) {
      const { dedupeKey, template, audience, experimentId, personalisation, at } = item;
      messages.push({ dedupeKey, template, audience, experimentId, personalisation, at } as OutboxMessage);
    }
    return messages;
  },
});
