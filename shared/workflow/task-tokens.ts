import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ExperimentRecord } from '../store/experiment-item.ts';
import { taskTokenKey } from '../store/keys.ts';
import { SupersededExecution } from './continuation.ts';
import type { TokenOutput, WaitFor } from './payloads.ts';
import type { Workflow } from './port.ts';

/** A Standard execution lives at most a year, so no token outlives that: the TTL clears them. */
const TOKEN_TTL_SECONDS = 366 * 24 * 3600;

const sameWait = (a: WaitFor, b: Record<string, unknown>) =>
  a.kind === b.kind && (a.kind === 'decision' ? a.escalatedAt === b.escalatedAt : a.seen === b.seen);

/**
 * The task token of the wait an experiment's workflow is parked in, in a small item of its own (no index
 * keys, one write), so parking never rewrites the experiment and its index entries. The item names the wait
 * it belongs to, so a token left over from an earlier wait is never sent an answer meant for another, and
 * the generation of the execution that parked it, so a wait of an execution that was taken over (one
 * already past its check that it drives the experiment) can never replace the token of its successor.
 */
export const taskTokenStore = (db: DynamoDBDocumentClient, tableName: string) => ({
  async put(experimentId: string, token: string, wait: WaitFor, generation: number): Promise<void> {
    const expiresAt = Math.floor(Date.now() / 1000) + TOKEN_TTL_SECONDS;
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...taskTokenKey(experimentId), token, ...wait, generation, expiresAt },
          ConditionExpression: 'attribute_not_exists(#generation) OR #generation <= :generation',
          ExpressionAttributeNames: { '#generation': 'generation' },
          ExpressionAttributeValues: { ':generation': generation },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new SupersededExecution(`A later execution waits for experiment ${experimentId}`);
      }
      throw error;
    }
  },

  /** The token parked for `wait`, strongly consistent; undefined when none is (yet). */
  async get(experimentId: string, wait: WaitFor): Promise<string | undefined> {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: taskTokenKey(experimentId), ConsistentRead: true }),
    );
    const item = out.Item;
    return item && typeof item.token === 'string' && sameWait(wait, item) ? item.token : undefined;
  },
});

export type TaskTokenStore = ReturnType<typeof taskTokenStore>;

/**
 * The task-token race, and its rule (the one place it is written down).
 *
 * A workflow waits for a person (a manager's decision, the owner's next cycle) in a `.waitForTaskToken`
 * task, while the person's request changes the experiment. Either may come first, and no transaction
 * spans the two. The rule:
 *
 * - the waiting side parks its token first, then reads the experiment back (`park`); if the change it
 *   waits for is already in, it answers its own token (`answerOwn`);
 * - the changing side saves its change first, then reads the token (`answerWaiting`) and answers it.
 *
 * Every read here is strongly consistent, so of the two, at least one sees the other's write: the change
 * is never missed. Both may see it; the second answer then finds the token used (`gone`), which both
 * sides ignore. A token whose wait has ended (the deadline fired a moment before) is `gone` too: the
 * workflow's next wait finds the stored change itself.
 */
export const taskTokens = (deps: {
  tokens: TaskTokenStore;
  experiments: { get(id: string): Promise<ExperimentRecord | undefined> };
  workflow: Workflow;
}) => ({
  /** The waiting side: park the token, then read the experiment back. */
  async park(
    experimentId: string,
    token: string,
    wait: WaitFor,
    generation: number,
  ): Promise<ExperimentRecord | undefined> {
    await deps.tokens.put(experimentId, token, wait, generation);
    return deps.experiments.get(experimentId);
  },

  /** The waiting side, when the experiment read back already holds the change it waits for. */
  async answerOwn(token: string, output: TokenOutput): Promise<void> {
    await deps.workflow.answer(token, output);
  },

  /** The changing side, only once its change is saved: answer the wait for it, if one is parked. */
  async answerWaiting(experimentId: string, wait: WaitFor, output: TokenOutput): Promise<void> {
    const token = await deps.tokens.get(experimentId, wait);
    if (token) await deps.workflow.answer(token, output);
  },
});

export type TaskTokens = ReturnType<typeof taskTokens>;
