/**
 * The single table's shape, shared by the CDK table construct and the local runtime's CreateTable,
 * so the two can never drift. Key formats live in `keys.ts`.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Sparse GSIs: an item appears in an index only while it carries that index's key attributes. */
export const GSIS = {
  teamQueue: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  leaderQueue: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ownerList: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  timeline: { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
} as const;

export const TTL_ATTRIBUTE = 'expiresAt';

/** A CreateTable input for DynamoDB Local; the deployed table is built from the same constants. */
export const localCreateTableInput = (tableName: string) => {
  const indexes = Object.values(GSIS);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      TABLE_KEYS.partitionKey,
      TABLE_KEYS.sortKey,
      ...indexes.flatMap((g) => [g.partitionKey, g.sortKey]),
    ].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: indexes.map((g) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: g.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
};
