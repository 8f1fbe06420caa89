import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

/** One action of a TransactWriteItems call, as the document client takes it. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Another writer changed what this write was conditional on (an experiment's `version`, a policy's
 * number): the caller reads again and decides again (see shared/services/retry-on-conflict.ts).
 */
export class VersionConflict extends Error {
  override name = 'VersionConflict';
}

/** Some of the caller's own actions in a transaction lost: which ones, by their position. */
export class ActionsLost extends VersionConflict {
  override name = 'ActionsLost';
  readonly lost: readonly number[];
  constructor(message: string, lost: readonly number[]) {
    super(message);
    this.lost = lost;
  }
}

/** A change named a person who has been erased since it was read: it is refused, never retried. */
export class PersonErased extends Error {
  override name = 'PersonErased';
}

const LOST = new Set(['ConditionalCheckFailed', 'TransactionConflict']);

/**
 * Which actions of a cancelled transaction lost to another writer: their positions in the list sent.
 * Empty when the error is not a cancellation for that reason (a throttle, a validation error).
 */
export const lostActions = (error: unknown): number[] => {
  if (!(error instanceof TransactionCanceledException)) return [];
  return (error.CancellationReasons ?? []).flatMap((reason, index) =>
    LOST.has(reason.Code ?? '') ? [index] : [],
  );
};

/** True for a single conditional write that lost to another writer. */
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException;
