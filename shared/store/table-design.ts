/**
 * The single table's shape, shared by the CDK table construct and the local runtime's CreateTable,
 * so the two can never drift. Which items and access patterns use each index is in `keys.ts`.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/**
 * Sparse GSIs: an item appears in an index only while it carries that index's key attributes. They are
 * named for what they are, general-purpose indexes; each access pattern that shares one has its own name
 * and partition in `keys.ts`.
 */
export const GSIS = {
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  gsi2: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  gsi3: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  gsi4: { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  gsi5: { name: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
} as const;

export type GsiName = keyof typeof GSIS;

export const TTL_ATTRIBUTE = 'expiresAt';

/** Every attribute that is a key of the table or of an index: storage, never part of what an item holds. */
export const KEY_ATTRIBUTES: ReadonlySet<string> = new Set([
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  ...Object.values(GSIS).flatMap((gsi) => [gsi.partitionKey, gsi.sortKey]),
]);
